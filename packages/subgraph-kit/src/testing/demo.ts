import { createHash } from "node:crypto";
import { Faker, ar, de, el, en, es, fr, it, pl, pt_PT, tr, base } from "@faker-js/faker";

// Kept with SeedSizes, so that `npm start` names it without loading the demo data's libraries.
export { DEMO_SIZES } from "../subgraph";

/** The kind of a seeded record: the core kinds, or any name a partner subgraph picks for its own. */
export type DemoKind = "person" | "organisation" | "membership" | "opportunity" | "event" | (string & {});

/**
 * Deterministic UUID (v5-shaped) of the `index`-th seeded record of a kind. Each subgraph seeds its own
 * tables; references across subgraphs (a membership's person, an opportunity's publisher) agree
 * because every seeder derives ids the same way.
 */
export function demoId(kind: DemoKind, index: number): string {
  const hex = createHash("sha1").update(`agora-demo:${kind}:${index}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A Faker with a fixed seed and the locales of the hub's networks, so seeds are repeatable. */
export function createSeededFaker(seed: number, locale: "ar" | "de" | "el" | "en" | "es" | "fr" | "it" | "pl" | "pt" | "tr" = "en"): Faker {
  const locales = { ar, de, el, en, es, fr, it, pl, pt: pt_PT, tr };
  const faker = new Faker({ locale: [locales[locale], en, base] });
  faker.seed(seed);
  return faker;
}
