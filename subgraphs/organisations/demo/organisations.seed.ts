import type { Faker } from "@faker-js/faker";
import type { DataSource } from "typeorm";
import { DISCIPLINE_PRACTICES, type DisciplinePractice } from "@agora-hub/runtime";
import { bulkInsert, type CountryCode, LocalizedText, type SeedSizes } from "@agora-hub/subgraph-kit";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { demoId } from "@agora-hub/subgraph-kit/testing";
import { createSeededFaker } from "@agora-hub/subgraph-kit/testing";
import { Membership } from "../membership/membership.entity";
import { MembershipRole } from "../membership/membership.type";
import { Organisation } from "../organisation/organisation.entity";
import { slugify } from "../organisation/organisation.service";
import { OrganisationKind, OrganisationService } from "../organisation/organisation.type";
import { CATALOGUE, CATALOGUE_MEMBERSHIPS } from "./organisations.catalogue";

type Locale = Parameters<typeof createSeededFaker>[1] & string;

/** Rows per INSERT: under PostgreSQL's 65,535 parameters, and small enough that TypeORM builds each statement quickly. */
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the day `days` after `from` (before it when negative). */
function dayOffset(from: Date, days: number): string {
  return new Date(from.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

function catalogueOrganisation(index: number, now: Date): Organisation {
  const entry = CATALOGUE[index];
  return Object.assign(new Organisation(), {
    id: demoId("organisation", index),
    network: entry.network,
    sourceId: `demo-organisation-${index}`,
    name: entry.name,
    slug: entry.slug ?? slugify(entry.name),
    kind: entry.kind,
    description: LocalizedText.from(entry.description),
    disciplines: entry.disciplines,
    services: entry.services,
    country: entry.country,
    city: entry.city,
    website: entry.website,
    workingLanguages: entry.workingLanguages,
    // One hour apart, so "newest first" lists the catalogue in a stable, readable order.
    createdAt: new Date(now.getTime() - (CATALOGUE.length - index) * 3_600_000),
    updatedAt: new Date(now.getTime() - (CATALOGUE.length - index) * 3_600_000),
  });
}

/** Where synthetic organisations are established, with the faker locale and languages of the place. */
const PLACES: Array<{ country: CountryCode; cities: string[]; locale: Locale; languages: string[] }> = [
  { country: "FR", cities: ["Marseille", "Lyon", "Nantes", "Lille"], locale: "fr", languages: ["fr"] },
  { country: "BE", cities: ["Brussels", "Ghent", "Liège"], locale: "fr", languages: ["fr", "nl"] },
  { country: "DE", cities: ["Berlin", "Leipzig", "Cologne"], locale: "de", languages: ["de"] },
  { country: "IT", cities: ["Milan", "Naples", "Turin", "Palermo"], locale: "it", languages: ["it"] },
  { country: "ES", cities: ["Madrid", "Barcelona", "Valencia", "Seville"], locale: "es", languages: ["es"] },
  { country: "PT", cities: ["Lisbon", "Porto"], locale: "pt", languages: ["pt"] },
  { country: "GR", cities: ["Athens", "Thessaloniki"], locale: "el", languages: ["el"] },
  { country: "PL", cities: ["Warsaw", "Kraków", "Gdańsk"], locale: "pl", languages: ["pl"] },
  { country: "TR", cities: ["Istanbul", "Izmir", "Ankara"], locale: "tr", languages: ["tr"] },
  { country: "TN", cities: ["Tunis", "Sfax"], locale: "ar", languages: ["ar", "fr"] },
  { country: "MA", cities: ["Casablanca", "Rabat", "Tangier"], locale: "ar", languages: ["ar", "fr"] },
  { country: "LB", cities: ["Beirut", "Tripoli"], locale: "ar", languages: ["ar", "fr"] },
  { country: "EG", cities: ["Cairo", "Alexandria"], locale: "ar", languages: ["ar"] },
  { country: "JO", cities: ["Amman"], locale: "ar", languages: ["ar"] },
  { country: "NL", cities: ["Amsterdam", "Rotterdam"], locale: "en", languages: ["nl"] },
  { country: "GB", cities: ["London", "Glasgow", "Bristol"], locale: "en", languages: ["en"] },
  { country: "RS", cities: ["Belgrade", "Novi Sad"], locale: "en", languages: ["sr-Latn"] },
  { country: "SE", cities: ["Stockholm", "Malmö"], locale: "en", languages: ["sv"] },
];

/** Words ending a synthetic organisation's name, by kind. */
const NAME_ENDINGS: Record<OrganisationKind, string[]> = {
  NGO: ["Cultural Association", "Arts Association", "Culture Lab"],
  PUBLIC_BODY: ["City Cultural Centre", "Municipal Theatre", "City Museum"],
  COMPANY: ["Productions", "Media", "Editions", "Records"],
  MICRO_ENTERPRISE: ["Studio", "Design Studio", "Sound Studio"],
  CREATIVE_HUB: ["Creative Hub", "Art Factory", "Makerspace"],
  COLLECTIVE: ["Collective", "Art Collective"],
  NETWORK: ["Network", "Platform", "Alliance"],
  FUNDER: ["Foundation", "Arts Fund"],
  EDUCATION: ["Academy", "School of Arts"],
  RESEARCH: ["Cultural Observatory", "Research Lab"],
  CULTURAL_INSTITUTE: ["Cultural Institute"],
  INTERNATIONAL_ORGANISATION: ["International Centre"],
  INFORMAL_GROUP: ["Circle", "Crew"],
  OTHER: ["Project"],
};

/** One-sentence descriptions in the synthetic organisations' original languages; English versions are machine-translated. */
const DESCRIPTIONS: Record<string, string> = {
  en: "{name} works in {practice} from {city}, with artists and partners across Europe and the Mediterranean.",
  fr: "{name} œuvre dans le domaine « {practice} » depuis {city}, avec des artistes et des partenaires en Europe et en Méditerranée.",
  de: "{name} arbeitet im Bereich {practice} in {city}, mit Kunstschaffenden und Partnern in Europa und im Mittelmeerraum.",
  it: "{name} lavora nel campo {practice} da {city}, con artisti e partner in Europa e nel Mediterraneo.",
  es: "{name} trabaja en {practice} desde {city}, con artistas y socios de Europa y el Mediterráneo.",
  pt: "{name} trabalha em {practice} a partir de {city}, com artistas e parceiros da Europa e do Mediterrâneo.",
  ar: "تعمل {name} في مجال {practice} انطلاقاً من {city}، مع فنانين وشركاء في أوروبا والمتوسط.",
};

const KINDS = Object.values(OrganisationKind);
const SERVICES = Object.values(OrganisationService);
const PRACTICES = Object.keys(DISCIPLINE_PRACTICES) as DisciplinePractice[];
const NETWORKS = ["creative-tracks", "culture-agora", "digital-arts-collective", "design-hubs"];

function syntheticOrganisation(index: number, faker: (locale: Locale) => Faker): Organisation {
  const place = PLACES[index % PLACES.length];
  const local = faker(place.locale);
  const kind = local.helpers.weightedArrayElement(
    KINDS.map((value) => ({ value, weight: ["NGO", "CREATIVE_HUB", "COLLECTIVE", "MICRO_ENTERPRISE"].includes(value) ? 6 : 1 })),
  );
  const city = local.helpers.arrayElement(place.cities);
  const name = `${local.helpers.arrayElement([city, local.person.lastName()])} ${local.helpers.arrayElement(NAME_ENDINGS[kind])}`;
  const disciplines = local.helpers.arrayElements(PRACTICES, { min: 1, max: 3 });
  const original = place.languages.find((lang) => DESCRIPTIONS[lang]) ?? "en";
  const describe = (lang: string) =>
    DESCRIPTIONS[lang].replace("{name}", name).replace("{practice}", DISCIPLINE_PRACTICES[disciplines[0]].label.toLowerCase()).replace("{city}", city);
  return Object.assign(new Organisation(), {
    id: demoId("organisation", index),
    network: NETWORKS[index % NETWORKS.length],
    sourceId: `demo-organisation-${index}`,
    name,
    // The index keeps slugs unique however often a name repeats.
    slug: `${slugify(name) || "organisation"}-${index}`,
    kind,
    description:
      index % 3 === 0
        ? null
        : LocalizedText.from({
            originalLanguage: original,
            translations: [...new Set([original, "en"])].map((lang) => ({ lang, value: describe(lang), machineTranslated: lang !== original })),
          }),
    disciplines,
    services: local.helpers.arrayElements(SERVICES, { min: 1, max: 4 }),
    country: place.country,
    city,
    website: index % 4 === 0 ? null : `https://example.org/organisations/${index}`,
    workingLanguages: [...new Set([...place.languages, "en"])],
  });
}

/** Roles people hold, weighted; networks mostly have members, other organisations staff and associates. */
const NETWORK_ROLES = [
  { value: MembershipRole.MEMBER, weight: 8 },
  { value: MembershipRole.AMBASSADOR, weight: 2 },
  { value: MembershipRole.BOARD_MEMBER, weight: 1 },
  { value: MembershipRole.ASSOCIATE, weight: 1 },
];
const ORGANISATION_ROLES = [
  { value: MembershipRole.STAFF, weight: 6 },
  { value: MembershipRole.ASSOCIATE, weight: 4 },
  { value: MembershipRole.MEMBER, weight: 3 },
  { value: MembershipRole.ADVISER, weight: 2 },
  { value: MembershipRole.PARTNER, weight: 2 },
  { value: MembershipRole.BOARD_MEMBER, weight: 1 },
  { value: MembershipRole.DIRECTOR, weight: 1 },
  { value: MembershipRole.FOUNDER, weight: 1 },
];

/** Titles by role; people are fictional, so directors and founders lead a programme, not the institution. */
const TITLES: Partial<Record<MembershipRole, string[]>> = {
  STAFF: ["Programme manager", "Project coordinator", "Communication officer", "Production manager", "Curator", "International relations officer"],
  DIRECTOR: ["Director of the residency programme", "Director of the regional office", "Festival programme director"],
  FOUNDER: ["Co-founder of the alumni circle", "Founding member of the local chapter"],
  ADVISER: ["Mentor", "Jury member", "Expert adviser"],
  AMBASSADOR: ["National correspondent", "Regional ambassador"],
  BOARD_MEMBER: ["Board member", "Treasurer"],
};

interface MembershipDraft {
  organisationIndex: number;
  personIndex?: number;
  memberOrganisationIndex?: number;
  role: MembershipRole;
  title: string | null;
  since: string | null;
  until: string | null;
  network: string;
}

/** A person's 1 to 3 memberships in distinct organisations (so no role repeats within one), with dates relative to `now`. */
function personMemberships(
  faker: Faker,
  personIndex: number,
  organisationCount: number,
  isNetwork: (organisationIndex: number) => boolean,
  now: Date,
): MembershipDraft[] {
  const wanted = Math.min(faker.number.int({ min: 1, max: 3 }), organisationCount);
  const organisations = new Set<number>();
  while (organisations.size < wanted) organisations.add(faker.number.int({ min: 0, max: organisationCount - 1 }));
  return [...organisations].map((organisationIndex) => {
    const role = faker.helpers.weightedArrayElement(isNetwork(organisationIndex) ? NETWORK_ROLES : ORGANISATION_ROLES);
    const titles = TITLES[role];
    // Fictional people never lead a real institution: a director's or founder's title always says of what.
    const leadsSomething = role === MembershipRole.DIRECTOR || role === MembershipRole.FOUNDER;
    const startedDaysAgo = faker.number.int({ min: 60, max: 15 * 365 });
    const ending = faker.number.float({ min: 0, max: 1 });
    // A quarter have ended, a few end soon, the rest are open-ended; one in ten has no known start.
    const until =
      ending < 0.25
        ? dayOffset(now, -faker.number.int({ min: 1, max: startedDaysAgo - 30 }))
        : ending < 0.3
          ? dayOffset(now, faker.number.int({ min: 30, max: 400 }))
          : null;
    return {
      organisationIndex,
      personIndex,
      role,
      title: titles && (leadsSomething || faker.datatype.boolean(0.8)) ? faker.helpers.arrayElement(titles) : null,
      since: faker.datatype.boolean(0.9) ? dayOffset(now, -startedDaysAgo) : null,
      until,
      network: NETWORKS[personIndex % NETWORKS.length],
    };
  });
}

function toMembership(draft: MembershipDraft, index: number): Membership {
  return Object.assign(new Membership(), {
    id: demoId("membership", index),
    network: draft.network,
    sourceId: `demo-membership-${index}`,
    organisationId: demoId("organisation", draft.organisationIndex),
    personId: draft.personIndex === undefined ? null : demoId("person", draft.personIndex),
    memberOrganisationId: draft.memberOrganisationIndex === undefined ? null : demoId("organisation", draft.memberOrganisationIndex),
    role: draft.role,
    title: draft.title,
    since: draft.since,
    until: draft.until,
  });
}

/**
 * Seeds organisations and memberships: the real organisations of the catalogue with their network
 * memberships, 1 to 3 memberships for each demo person, then synthetic organisations and memberships
 * for scale tests. Deterministic for given sizes, apart from dates relative to today.
 */
export async function seedOrganisations(dataSource: DataSource, sizes: SeedSizes): Promise<void> {
  const now = new Date();
  const catalogueCount = Math.min(sizes.organisations, CATALOGUE.length);
  const fakers = new Map<Locale, Faker>();
  const fakerFor = (locale: Locale) => {
    if (!fakers.has(locale)) fakers.set(locale, createSeededFaker(2000 + fakers.size, locale));
    return fakers.get(locale)!;
  };

  const organisations: Organisation[] = [];
  for (let index = 0; index < sizes.organisations; index++) {
    organisations.push(index < catalogueCount ? catalogueOrganisation(index, now) : syntheticOrganisation(index, fakerFor));
  }
  const isNetwork = (index: number) => organisations[index].kind === OrganisationKind.NETWORK;

  // Catalogue networks and their members first, then demo people, then the synthetic rest.
  const drafts: MembershipDraft[] = CATALOGUE_MEMBERSHIPS.filter(
    (membership) => membership.member < catalogueCount && membership.organisation < catalogueCount,
  ).map((membership) => ({
    organisationIndex: membership.organisation,
    memberOrganisationIndex: membership.member,
    role: membership.role,
    title: null,
    since: membership.since,
    until: membership.until ?? null,
    network: CATALOGUE[membership.organisation].network,
  }));

  const demoFaker = createSeededFaker(3001);
  const demoPeople = Math.min(sizes.people, DEMO_SIZES.people);
  if (catalogueCount > 0) {
    for (let person = 0; person < demoPeople; person++) drafts.push(...personMemberships(demoFaker, person, catalogueCount, isNetwork, now));
  }

  const syntheticFaker = createSeededFaker(3002);
  const networkIndexes = organisations.flatMap((organisation, index) => (organisation.kind === OrganisationKind.NETWORK ? [index] : []));
  for (let member = catalogueCount; member < sizes.organisations && networkIndexes.length > 0; member++) {
    if (!syntheticFaker.datatype.boolean(0.35)) continue;
    const network = syntheticFaker.helpers.arrayElement(networkIndexes);
    if (network === member) continue;
    drafts.push({
      organisationIndex: network,
      memberOrganisationIndex: member,
      role: MembershipRole.MEMBER,
      title: null,
      since: dayOffset(now, -syntheticFaker.number.int({ min: 30, max: 10 * 365 })),
      until: null,
      network: organisations[network].network,
    });
  }
  if (sizes.organisations > 0) {
    for (let person = demoPeople; person < sizes.people; person++) {
      drafts.push(...personMemberships(syntheticFaker, person, sizes.organisations, isNetwork, now));
    }
  }

  const memberships = drafts.map((draft, index) => toMembership(draft, index));

  // One transaction, so a failed seed leaves the tables empty rather than half-filled.
  await dataSource.transaction(async (manager) => {
    await bulkInsert(manager, Organisation, organisations);
    await bulkInsert(manager, Membership, memberships);
  });
}
