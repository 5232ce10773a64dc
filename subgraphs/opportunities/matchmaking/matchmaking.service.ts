import { publishedOnly } from "@agora-hub/subgraph-kit";
import { COUNTRIES } from "@agora-hub/runtime";
import type { CareerStage, OpportunityType } from "@agora-hub/subgraph-kit";
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
import type { Opportunity } from "../opportunity/opportunity.entity";
import type { OpportunitiesContext } from "../opportunity/opportunity.service";
import type { Person } from "../person/person.stub";
import type { OpportunitySuggestion } from "./matchmaking.type";

/**
 * Opportunity matchmaking: which open opportunities to suggest to a person. 0–100 points:
 *
 * | criterion | points |
 * |---|---|
 * | disciplines: `60 × fit` (see `disciplineMatch`; an opportunity open to every discipline fits ½) | 0–60 |
 * | eligibility: the person's country is listed | 15 — or 5 when the call is open worldwide |
 * | career stage is one the type targets (`TARGET_CAREER_STAGES`) | 0 or 10 |
 * | closing soon: `15 × (90 − whole days left) / 90`, for deadlines within 90 days; none for rolling calls | 0–15 |
 *
 * Hard filters: OPEN now; the person's country is eligible (only worldwide calls when the country is
 * unknown); the opportunity lists a discipline in a UNESCO domain of the person's, or none at all;
 * types targeting other career stages are left out for a person whose stage is known. Ties by id.
 */
export const OPPORTUNITY_WEIGHTS = {
  disciplines: 60,
  listedCountry: 15,
  worldwide: 5,
  careerStage: 10,
  closingSoon: 15,
  closingWindowDays: 90,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Open opportunities for a person, from the fields the gateway sent (`@requires`); `now` is for tests. */
export async function suggestOpportunities(context: OpportunitiesContext, person: Person, first: number, now = new Date()): Promise<OpportunitySuggestion[]> {
  if (first <= 0) return [];
  const disciplines = person.disciplines ?? [];
  const excludedTypes = (Object.keys(TARGET_CAREER_STAGES) as OpportunityType[]).filter((type) => careerStageFit(type, person.careerStage) === "excluded");
  const params: unknown[] = [now, person.country ?? null, excludedTypes];
  const where = [
    "o.opens_at <= $1 AND (o.deadline IS NULL OR o.deadline >= $1)",
    "(o.eligible_countries = '{}' OR o.eligible_countries @> ARRAY[$2::text])",
    "NOT (o.type = ANY($3::text[]))",
    publishedOnly("o"),
  ];
  let order = "o.deadline ASC NULLS LAST, o.id";
  if (disciplines.length > 0) {
    params.push(disciplinesInDomainsOf(disciplines), disciplines);
    where.push("(o.disciplines && $4::text[] OR o.disciplines = '{}')");
    order = `cardinality(ARRAY(SELECT unnest(o.disciplines) INTERSECT SELECT unnest($5::text[]))) DESC, ${order}`;
  } else {
    where.push("o.disciplines = '{}'");
  }
  const rows: Array<{ id: string }> = await context.dataSource.query(
    `SELECT o.id FROM opportunity o WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${CANDIDATE_POOL_SIZE}`,
    params,
  );
  const opportunities = (await context.loaders.opportunityById.loadMany(rows.map((row) => row.id))).filter(
    (opportunity): opportunity is Opportunity => opportunity !== null && !(opportunity instanceof Error),
  );
  const scored = opportunities.map((opportunity) => scoreOpportunity(person, opportunity, now));
  return rankSuggestions(scored, first).map(({ item, score, reasons }) => ({ opportunity: item, score, reasons }));
}

function stageLabel(stage: CareerStage): string {
  return stage.toLowerCase().replace(/_/g, " ");
}

function scoreOpportunity(person: Person, opportunity: Opportunity, now: Date): Scored<Opportunity> {
  const reasons: MatchReason[] = [];
  const disciplines = personOpportunityDisciplines(person.disciplines ?? [], opportunity.disciplines, opportunity.disciplines);
  let score = OPPORTUNITY_WEIGHTS.disciplines * disciplines.fit;
  reasons.push(...disciplines.reasons);

  if (opportunity.eligibleCountries.length > 0 && person.country) {
    score += OPPORTUNITY_WEIGHTS.listedCountry;
    reasons.push(reason(MatchReasonKind.ELIGIBLE_COUNTRY, `Open to residents of ${COUNTRIES[person.country]}`));
  } else if (opportunity.eligibleCountries.length === 0) {
    score += OPPORTUNITY_WEIGHTS.worldwide;
    reasons.push(reason(MatchReasonKind.ELIGIBLE_COUNTRY, "Open worldwide"));
  }
  if (person.careerStage && careerStageFit(opportunity.type, person.careerStage) === "target") {
    score += OPPORTUNITY_WEIGHTS.careerStage;
    reasons.push(reason(MatchReasonKind.CAREER_STAGE, `Meant for people at your stage (${stageLabel(person.careerStage)})`));
  }
  if (opportunity.deadline !== null) {
    const daysLeft = Math.floor((opportunity.deadline.getTime() - now.getTime()) / DAY_MS);
    const window = OPPORTUNITY_WEIGHTS.closingWindowDays;
    if (daysLeft < window) {
      score += (OPPORTUNITY_WEIGHTS.closingSoon * (window - daysLeft)) / window;
      reasons.push(reason(MatchReasonKind.CLOSING_SOON, daysLeft === 0 ? "Closes today" : `Closes in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`));
    }
  }
  return { id: opportunity.id, item: opportunity, score, reasons };
}
