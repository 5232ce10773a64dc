import { COUNTRIES, type CountryCode, type DisciplineCode } from "@agora-hub/runtime";
import { OpportunityType, publishedOnly } from "@agora-hub/subgraph-kit";
import { disciplineMatch } from "../../../domain/matchmaking/matchmaking";
import { disciplinesInDomainsOf } from "../../../domain/matchmaking/matchmaking";
import { rankSuggestions } from "../../../domain/matchmaking/matchmaking";
import type { MatchReason } from "../../../domain/matchmaking/matchmaking";
import type { Scored } from "../../../domain/matchmaking/matchmaking";
import { CANDIDATE_POOL_SIZE } from "../../../domain/matchmaking/matchmaking";
import { MatchReasonKind } from "../../../domain/matchmaking/matchmaking";
import { sharedBaseLanguages } from "../../../domain/matchmaking/matchmaking";
import { disciplineReasons } from "../../../domain/matchmaking/matchmaking";
import { reason } from "../../../domain/matchmaking/matchmaking";
import { todayUtc } from "../membership/membership.entity";
import type { Opportunity } from "../opportunity/opportunity.stub";
import type { Organisation } from "../organisation/organisation.entity";
import { OrganisationService } from "../organisation/organisation.type";
import type { OrganisationsContext } from "../organisations.loaders";
import type { Person } from "../person/person.stub";
import type { PartnerSuggestion } from "./matchmaking.type";

/**
 * Partner matchmaking: which organisations to suggest to an organisation, a person or a partner-search
 * call. A score of 0–100 points, every point explained by a reason:
 *
 * | criterion | points |
 * |---|---|
 * | disciplines: `50 × fit`, fit = (exact + ½ × same-domain) / longer list (see `disciplineMatch`) | 0–50 |
 * | services that answer a need: 5 per needed service the candidate offers | 0–15 (cap) |
 * | cross-border: established in another country than the subject | 0 or 15 |
 * | at least one shared working language (base language, `pt-BR` = `pt`) | 0 or 10 |
 * | network proximity: 5 per link (same network; member of, parent of, or fellow member with a home organisation) | 0–10 (cap) |
 *
 * Needs: an organisation needs the services it does not offer itself (complementarity); a person needs
 * the services organisations offer artists (`ARTIST_SERVICES`); a call needs what its publisher lacks.
 * Hard filters: the subject and its home organisations (the organisation itself, the person's current
 * organisations, the call's publisher) are never suggested; a call's `eligibleCountries`, when set,
 * restrict candidates to those countries. Ties are broken by id.
 *
 * Candidates: SQL keeps the organisations sharing at least a UNESCO domain with the subject (GIN index
 * on `disciplines`), ranked by their discipline overlap, and hands the best `CANDIDATE_POOL_SIZE` to
 * the scorer. A subject without disciplines is compared with the first organisations by id.
 */
export const PARTNER_WEIGHTS = {
  disciplines: 50,
  perService: 5,
  servicesCap: 15,
  crossBorder: 15,
  sharedLanguage: 10,
  perProximityLink: 5,
  proximityCap: 10,
} as const;

/** Services organisations offer to individual artists and professionals: what a person may need. */
export const ARTIST_SERVICES: readonly OrganisationService[] = [
  OrganisationService.FUNDING,
  OrganisationService.ADVICE,
  OrganisationService.INCUBATION,
  OrganisationService.WORKSPACE,
  OrganisationService.RESIDENCY_HOSTING,
  OrganisationService.TRAINING,
  OrganisationService.SHOWCASE,
  OrganisationService.DISTRIBUTION,
  OrganisationService.MOBILITY_SUPPORT,
];

/** Opportunity types that look for partner organisations; other calls get no partner suggestions. */
export const PARTNER_SEEKING_TYPES: readonly OpportunityType[] = [OpportunityType.PARTNER_SEARCH, OpportunityType.COLLABORATION_CALL];

/** What partners are sought for, whatever the subject is. */
interface PartnerSubject {
  disciplines: DisciplineCode[];
  country: CountryCode | null;
  languages: string[];
  needs: readonly OrganisationService[];
  /** Organisations on the subject's side: never suggested, and the base of network proximity. */
  home: Organisation[];
  /** The subject's network, when it has one: candidates of the same network are closer. */
  network: string | null;
  /** Candidates must be established in one of these countries; empty for no restriction. */
  eligibleCountries: CountryCode[];
}

const ALL_SERVICES = Object.values(OrganisationService);

/** Partners for an organisation. */
export function suggestPartnersForOrganisation(context: OrganisationsContext, organisation: Organisation, first: number): Promise<PartnerSuggestion[]> {
  return suggestPartners(
    context,
    {
      disciplines: organisation.disciplines,
      country: organisation.country,
      languages: organisation.workingLanguages,
      needs: ALL_SERVICES.filter((service) => !organisation.services.includes(service)),
      home: [organisation],
      network: organisation.network,
      eligibleCountries: [],
    },
    first,
  );
}

/** Partners for a person, from the fields the gateway sent (`@requires`) and the person's published memberships here. */
export async function suggestPartnersForPerson(context: OrganisationsContext, person: Person, first: number): Promise<PartnerSuggestion[]> {
  const rows: Array<{ organisation_id: string }> = await context.dataSource.query(
    `SELECT DISTINCT organisation_id FROM membership
      WHERE person_id = $1 AND (since IS NULL OR since <= $2) AND (until IS NULL OR until >= $2) AND ${publishedOnly("membership")}`,
    [person.id, todayUtc()],
  );
  const home = (await context.loaders.organisationById.loadMany(rows.map((row) => row.organisation_id))).filter(isOrganisation);
  return suggestPartners(
    context,
    {
      disciplines: person.disciplines ?? [],
      country: person.country ?? null,
      languages: person.spokenLanguages ?? [],
      needs: ARTIST_SERVICES,
      home,
      network: null,
      eligibleCountries: [],
    },
    first,
  );
}

/** Partners for a partner-search or collaboration call; any other type of opportunity gets none. */
export async function suggestPartnersForOpportunity(context: OrganisationsContext, opportunity: Opportunity, first: number): Promise<PartnerSuggestion[]> {
  if (!PARTNER_SEEKING_TYPES.includes(opportunity.type)) return [];
  const publisher = opportunity.publisher ? await context.loaders.organisationById.load(opportunity.publisher.id) : null;
  return suggestPartners(
    context,
    {
      disciplines: opportunity.disciplines ?? [],
      country: publisher?.country ?? null,
      languages: opportunity.workingLanguages?.length ? opportunity.workingLanguages : (publisher?.workingLanguages ?? []),
      needs: publisher ? ALL_SERVICES.filter((service) => !publisher.services.includes(service)) : [],
      home: publisher ? [publisher] : [],
      network: publisher?.network ?? null,
      eligibleCountries: opportunity.eligibleCountries ?? [],
    },
    first,
  );
}

function isOrganisation(value: Organisation | Error | null): value is Organisation {
  return value !== null && !(value instanceof Error);
}

async function suggestPartners(context: OrganisationsContext, subject: PartnerSubject, first: number): Promise<PartnerSuggestion[]> {
  if (first <= 0) return [];
  const candidates = await candidatePool(context, subject);
  const parents = await currentParents(context, [...candidates.map((c) => c.id), ...subject.home.map((h) => h.id)]);
  const parentIds = [...new Set([...parents.values()].flatMap((set) => [...set]))];
  const parentNames = new Map((await context.loaders.organisationById.loadMany(parentIds)).filter(isOrganisation).map((parent) => [parent.id, parent.name]));
  const scored = candidates.map((candidate) => scorePartner(subject, candidate, parents, parentNames));
  return rankSuggestions(scored, first).map(({ item, score, reasons }) => ({ organisation: item, score, reasons }));
}

/** The organisations worth scoring: one query on the GIN index, at most `CANDIDATE_POOL_SIZE`, then one by-id load. */
async function candidatePool(context: OrganisationsContext, subject: PartnerSubject): Promise<Organisation[]> {
  const params: unknown[] = [subject.home.map((h) => h.id)];
  const where = ["NOT (o.id = ANY($1::uuid[]))"];
  let order = "o.id";
  if (subject.disciplines.length > 0) {
    params.push(subject.disciplines, disciplinesInDomainsOf(subject.disciplines));
    where.push("o.disciplines && $3::text[]");
    // Exact overlap counts twice, same-domain overlap once, per code of the longer list: close to the scorer's fit.
    order = `(2 * cardinality(ARRAY(SELECT unnest(o.disciplines) INTERSECT SELECT unnest($2::text[])))
              + cardinality(ARRAY(SELECT unnest(o.disciplines) INTERSECT SELECT unnest($3::text[]))))::float
             / greatest(cardinality(o.disciplines), ${subject.disciplines.length}) DESC, o.id`;
  }
  if (subject.eligibleCountries.length > 0) {
    params.push(subject.eligibleCountries);
    where.push(`o.country = ANY($${params.length}::text[])`);
  }
  const rows: Array<{ id: string }> = await context.dataSource.query(
    `SELECT o.id FROM organisation o WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${CANDIDATE_POOL_SIZE}`,
    params,
  );
  return (await context.loaders.organisationById.loadMany(rows.map((row) => row.id))).filter(isOrganisation);
}

/** The organisations each of `ids` is currently a member of (published organisation → organisation memberships, as everyone sees them). */
async function currentParents(context: OrganisationsContext, ids: string[]): Promise<Map<string, Set<string>>> {
  const parents = new Map<string, Set<string>>();
  if (ids.length === 0) return parents;
  const rows: Array<{ organisation_id: string; member_organisation_id: string }> = await context.dataSource.query(
    `SELECT organisation_id, member_organisation_id FROM membership
      WHERE member_organisation_id = ANY($1::uuid[]) AND (since IS NULL OR since <= $2) AND (until IS NULL OR until >= $2) AND ${publishedOnly("membership")}`,
    [ids, todayUtc()],
  );
  for (const row of rows) {
    const set = parents.get(row.member_organisation_id) ?? new Set<string>();
    set.add(row.organisation_id);
    parents.set(row.member_organisation_id, set);
  }
  return parents;
}

function serviceLabel(service: OrganisationService): string {
  return service.toLowerCase().replace(/_/g, " ");
}

/** Scores one candidate by the table above; the reasons come out in the table's order. */
function scorePartner(
  subject: PartnerSubject,
  candidate: Organisation,
  parents: Map<string, Set<string>>,
  parentNames: Map<string, string>,
): Scored<Organisation> {
  const reasons: MatchReason[] = [];
  let score = 0;

  const disciplines = disciplineMatch(subject.disciplines, candidate.disciplines);
  score += PARTNER_WEIGHTS.disciplines * disciplines.fit;
  reasons.push(...disciplineReasons(disciplines));

  const services = subject.needs.filter((service) => candidate.services.includes(service));
  if (services.length > 0) {
    score += Math.min(PARTNER_WEIGHTS.servicesCap, PARTNER_WEIGHTS.perService * services.length);
    reasons.push(reason(MatchReasonKind.SERVICE, `Offers ${services.map(serviceLabel).join(", ")}`));
  }

  if (subject.country !== null && candidate.country !== subject.country) {
    score += PARTNER_WEIGHTS.crossBorder;
    reasons.push(reason(MatchReasonKind.CROSS_BORDER, `Established in ${COUNTRIES[candidate.country]}, another country`));
  }
  if (subject.eligibleCountries.length > 0) {
    reasons.push(reason(MatchReasonKind.ELIGIBLE_COUNTRY, `${COUNTRIES[candidate.country]} is eligible for the call`));
  }

  const languages = sharedBaseLanguages(subject.languages, candidate.workingLanguages);
  if (languages.length > 0) {
    score += PARTNER_WEIGHTS.sharedLanguage;
    reasons.push(reason(MatchReasonKind.SHARED_LANGUAGE, `Works in ${languages.join(", ")} too`));
  }

  const links = proximityLinks(subject, candidate, parents, parentNames);
  if (links.length > 0) {
    score += Math.min(PARTNER_WEIGHTS.proximityCap, PARTNER_WEIGHTS.perProximityLink * links.length);
    reasons.push(...links.map((detail) => reason(MatchReasonKind.NETWORK_PROXIMITY, detail)));
  }
  return { id: candidate.id, item: candidate, score, reasons };
}

/** Each way the candidate is close to the subject in the networks, in words; sorted so the output is stable. */
function proximityLinks(subject: PartnerSubject, candidate: Organisation, parents: Map<string, Set<string>>, parentNames: Map<string, string>): string[] {
  const links: string[] = [];
  if (subject.network !== null && candidate.network === subject.network) links.push(`Same network: ${candidate.network}`);
  const candidateParents = parents.get(candidate.id) ?? new Set<string>();
  const sharedParents = new Set<string>();
  for (const home of subject.home) {
    const homeParents = parents.get(home.id) ?? new Set<string>();
    if (candidateParents.has(home.id)) links.push(`Member of ${home.name}`);
    if (homeParents.has(candidate.id)) links.push(`${home.name} is a member`);
    for (const parent of homeParents) if (candidateParents.has(parent)) sharedParents.add(parent);
  }
  for (const parent of [...sharedParents].sort()) links.push(`Fellow member of ${parentNames.get(parent) ?? parent}`);
  return links;
}
