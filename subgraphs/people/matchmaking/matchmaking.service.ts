import { COUNTRIES } from "@agora-hub/runtime";
import { OpportunityStatus, OpportunityType, publishedOnly } from "@agora-hub/subgraph-kit";
import { careerStageFit } from "../../../domain/matchmaking/matchmaking";
import { disciplinesInDomainsOf } from "../../../domain/matchmaking/matchmaking";
import { rankSuggestions } from "../../../domain/matchmaking/matchmaking";
import { TARGET_CAREER_STAGES } from "../../../domain/matchmaking/matchmaking";
import type { MatchReason } from "../../../domain/matchmaking/matchmaking";
import type { Scored } from "../../../domain/matchmaking/matchmaking";
import { CANDIDATE_POOL_SIZE } from "../../../domain/matchmaking/matchmaking";
import { MatchReasonKind } from "../../../domain/matchmaking/matchmaking";
import { personOpportunityDisciplines } from "../../../domain/matchmaking/matchmaking";
import { reason } from "../../../domain/matchmaking/matchmaking";
import type { Opportunity } from "../opportunity/opportunity.stub";
import { Person } from "../person/person.entity";
import type { PeopleContext } from "../person/person.service";
import { OpenTo } from "../person/person.type";
import { applyPersonVisibility } from "../person/person.visibility";
import type { ApplicantSuggestion } from "./matchmaking.type";

/**
 * Applicant matchmaking: which people to suggest for an opportunity. 0–100 points:
 *
 * | criterion | points |
 * |---|---|
 * | disciplines: `60 × fit` (see `disciplineMatch`; an opportunity open to every discipline fits ½) | 0–60 |
 * | the person is open to this kind of offer (`OPPORTUNITY_OPEN_TO`) | 0 or 15 |
 * | eligibility: the person's country is listed | 15 — or 5 when the call is open worldwide |
 * | career stage is one the type targets (`TARGET_CAREER_STAGES`) | 0 or 10 |
 *
 * Hard filters: only people the viewer may see (`applyPersonVisibility`); a closed opportunity gets no
 * suggestions; the person resides in an eligible country (any, when the list is empty); shares at least
 * a UNESCO domain with the opportunity's disciplines (when it lists any); is open to the offer when the
 * type maps to an `OpenTo`; is not at a known career stage the type does not target. Ties by id.
 */
export const APPLICANT_WEIGHTS = {
  disciplines: 60,
  openTo: 15,
  listedCountry: 15,
  worldwide: 5,
  careerStage: 10,
} as const;

/** The `OpenTo` a person must have ticked to be suggested for each type; unmapped types need none. */
export const OPPORTUNITY_OPEN_TO: Partial<Record<OpportunityType, OpenTo>> = {
  [OpportunityType.RESIDENCY]: OpenTo.RESIDENCIES,
  [OpportunityType.JOB]: OpenTo.JOBS,
  [OpportunityType.INTERNSHIP]: OpenTo.JOBS,
  [OpportunityType.PARTNER_SEARCH]: OpenTo.COLLABORATION,
  [OpportunityType.COLLABORATION_CALL]: OpenTo.COLLABORATION,
  [OpportunityType.OPEN_CALL]: OpenTo.COMMISSIONS,
  [OpportunityType.MOBILITY_GRANT]: OpenTo.TOURING,
  [OpportunityType.TRAINING_COURSE]: OpenTo.MENTORING,
};

/** People to suggest for an opportunity, from the fields the gateway sent (`@requires`). */
export async function suggestApplicants(context: PeopleContext, opportunity: Opportunity, first: number): Promise<ApplicantSuggestion[]> {
  if (first <= 0 || opportunity.status === OpportunityStatus.CLOSED) return [];
  const disciplines = opportunity.disciplines ?? [];
  const eligibleCountries = opportunity.eligibleCountries ?? [];
  const openTo = OPPORTUNITY_OPEN_TO[opportunity.type];
  const stages = TARGET_CAREER_STAGES[opportunity.type];

  const query = applyPersonVisibility(context.dataSource.getRepository(Person).createQueryBuilder("person"), context.viewer)
    .andWhere(publishedOnly("person"))
    .select("person.id", "id");
  if (eligibleCountries.length > 0) query.andWhere("person.country = ANY(:eligibleCountries)", { eligibleCountries });
  if (openTo) query.andWhere(":openTo = ANY(person.open_to)", { openTo });
  if (stages) query.andWhere("(person.career_stage IS NULL OR person.career_stage = ANY(:stages))", { stages });
  if (disciplines.length > 0) {
    // GIN index on disciplines; exact overlap first, so the pool holds the best discipline fits.
    query
      .andWhere("person.disciplines && :related", { related: disciplinesInDomainsOf(disciplines) })
      .addSelect("cardinality(ARRAY(SELECT unnest(person.disciplines) INTERSECT SELECT unnest(CAST(:exact AS text[]))))", "exact_overlap")
      .setParameter("exact", disciplines)
      .orderBy("exact_overlap", "DESC")
      .addOrderBy("person.id", "ASC");
  } else {
    query.orderBy("person.id", "ASC");
  }
  const rows: Array<{ id: string }> = await query.limit(CANDIDATE_POOL_SIZE).getRawMany();
  const people = (await context.loaders.personById.loadMany(rows.map((row) => row.id))).filter(
    (person): person is Person => person !== null && !(person instanceof Error),
  );
  const scored = people.map((person) => scoreApplicant(opportunity, person, openTo));
  return rankSuggestions(scored, first).map(({ item, score, reasons }) => ({ person: item, score, reasons }));
}

function scoreApplicant(opportunity: Opportunity, person: Person, openTo: OpenTo | undefined): Scored<Person> {
  const reasons: MatchReason[] = [];
  const disciplines = personOpportunityDisciplines(opportunity.disciplines ?? [], person.disciplines, opportunity.disciplines ?? []);
  let score = APPLICANT_WEIGHTS.disciplines * disciplines.fit;
  reasons.push(...disciplines.reasons);

  if (openTo && person.openTo.includes(openTo)) {
    score += APPLICANT_WEIGHTS.openTo;
    reasons.push(reason(MatchReasonKind.OPEN_TO, `Open to ${openTo.toLowerCase()}`));
  }
  if ((opportunity.eligibleCountries ?? []).length > 0 && person.country) {
    score += APPLICANT_WEIGHTS.listedCountry;
    reasons.push(reason(MatchReasonKind.ELIGIBLE_COUNTRY, `Lives in ${COUNTRIES[person.country]}, an eligible country`));
  } else if ((opportunity.eligibleCountries ?? []).length === 0) {
    score += APPLICANT_WEIGHTS.worldwide;
    reasons.push(reason(MatchReasonKind.ELIGIBLE_COUNTRY, "Open worldwide"));
  }
  if (careerStageFit(opportunity.type, person.careerStage) === "target") {
    score += APPLICANT_WEIGHTS.careerStage;
    reasons.push(reason(MatchReasonKind.CAREER_STAGE, `${person.careerStage!.toLowerCase().replace(/_/g, " ")}: a career stage the call targets`));
  }
  return { id: person.id, item: person, score, reasons };
}
