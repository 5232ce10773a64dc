import { randomBytes } from "node:crypto";
import { z } from "zod";
import { DEFAULT_GATEWAY_PORT, emptyAsUnset, type PlannedPort, portSchema, portVariable, readEnv, sharedEnvShape } from "@agora-hub/runtime";
import type { AnySubgraphDefinition } from "@agora-hub/subgraph-kit";

/** What `npm start` runs with, read and validated from the environment once. */
export interface HubConfig {
  /** The settings every hub process shares (database, host, pool, NODE_ENV, …). */
  shared: z.infer<z.ZodObject<typeof sharedEnvShape>>;
  /** GATEWAY_PORT. */
  gatewayPort: number;
  /** `<NAME>_PORT` of each core subgraph, by name (its `defaultPort` unless set). */
  subgraphPorts: Record<string, number>;
  /** AGORA_SEED_DEMO: seed the demo data into an empty database. */
  seedDemo: boolean;
  /** AGORA_ADMIN_TOKEN, or one generated for this run outside production. */
  adminToken?: string;
  /** Whether `adminToken` was generated here (so it is printed). */
  adminTokenGenerated: boolean;
  /** SMTP_URL, where the alerts send e-mail; unset: a development mail catcher takes it (outside production). */
  smtpUrl?: string;
}

/** Reads the one-process hub's configuration; a bad value throws naming its variable. */
export function readHubConfig(subgraphs: readonly AnySubgraphDefinition[], env: NodeJS.ProcessEnv): HubConfig {
  const portShape = Object.fromEntries(subgraphs.map((definition) => [portVariable(definition.name), portSchema.default(definition.defaultPort)]));
  const values = readEnv(
    {
      ...sharedEnvShape,
      ...portShape,
      GATEWAY_PORT: portSchema.default(DEFAULT_GATEWAY_PORT),
      AGORA_SEED_DEMO: z.enum(["0", "1"]).default("1"),
      // Checked again, with the rest of its rules, by the gateway's configuration.
      AGORA_ADMIN_TOKEN: z.preprocess(emptyAsUnset, z.string().optional()),
      // As the alerts subgraph reads it; checked here too so a bad one stops the start before anything runs.
      SMTP_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()),
    },
    env,
  ) as Record<string, unknown> &
    z.infer<z.ZodObject<typeof sharedEnvShape>> & { GATEWAY_PORT: number; AGORA_SEED_DEMO: "0" | "1"; AGORA_ADMIN_TOKEN?: string; SMTP_URL?: string };
  // A local hub gets a fresh operator token each run so the admin API works out of the box.
  const generated = !values.AGORA_ADMIN_TOKEN && values.NODE_ENV !== "production" ? randomBytes(24).toString("base64url") : undefined;
  const shared = Object.fromEntries(Object.keys(sharedEnvShape).map((key) => [key, values[key]])) as HubConfig["shared"];
  return {
    shared,
    gatewayPort: values.GATEWAY_PORT,
    subgraphPorts: Object.fromEntries(subgraphs.map((definition) => [definition.name, values[portVariable(definition.name)] as number])),
    seedDemo: values.AGORA_SEED_DEMO === "1",
    adminToken: values.AGORA_ADMIN_TOKEN ?? generated,
    adminTokenGenerated: generated !== undefined,
    smtpUrl: values.SMTP_URL,
  };
}

/** Every port the hub will listen on, with the variable that sets it, for `assertPortsFree`. */
export function plannedPorts(config: HubConfig): PlannedPort[] {
  return [
    { port: config.gatewayPort, variable: "GATEWAY_PORT" },
    ...Object.entries(config.subgraphPorts).map(([name, port]) => ({ port, variable: portVariable(name) })),
  ];
}
