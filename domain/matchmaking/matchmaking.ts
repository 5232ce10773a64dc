import { Max, Min } from "class-validator";
import { ArgsType, Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { baseLanguage, DISCIPLINES, type DisciplineCode } from "@agora-hub/runtime";
import { CareerStage, OpportunityType } from "@agora-hub/subgraph-kit";

/*
 * What the matchmaking fields of every subgraph share: the reason type, the `first` argument, the
 * discipline and language comparisons and the ranking rule. Each subgraph scores its own candidates;
 * the weights live next to each scorer and in its README.
 */

export enum MatchReasonKind {
  SHARED_DISCIPLINE = "SHARED_DISCIPLINE",
  RELATED_DISCIPLINE = "RELATED_DISCIPLINE",
  SERVICE = "SERVICE",
  CROSS_BORDER = "CROSS_BORDER",
  ELIGIBLE_COUNTRY = "ELIGIBLE_COUNTRY",
  SHARED_LANGUAGE = "SHARED_LANGUAGE",
  NETWORK_PROXIMITY = "NETWORK_PROXIMITY",
  OPEN_TO = "OPEN_TO",
  CAREER_STAGE = "CAREER_STAGE",
  CLOSING_SOON = "CLOSING_SOON",
}
registerEnumType(MatchReasonKind, {
  name: "MatchReasonKind",
  description: "Why a suggestion was made.",
  valuesConfig: {
    SHARED_DISCIPLINE: { description: "Both work in the same discipline." },
    RELATED_DISCIPLINE: { description: "A different practice within the same UNESCO domain: complementary work." },
    SERVICE: { description: "The suggestion offers a service the subject needs." },
    CROSS_BORDER: { description: "Established in another country: makes a cross-border consortium." },
    ELIGIBLE_COUNTRY: { description: "The country is eligible for the opportunity." },
    SHARED_LANGUAGE: { description: "At least one working language in common." },
    NETWORK_PROXIMITY: { description: "Close in the networks: same network, or member of or alongside the same organisations." },
    OPEN_TO: { description: "The person welcomes this kind of opportunity." },
    CAREER_STAGE: { description: "The opportunity targets the person's career stage." },
    CLOSING_SOON: { description: "The deadline is near." },
  },
});

/** One reason behind a suggestion's score. The same type in every subgraph, hence shareable. */
@Directive("@shareable")
@ObjectType({ description: "One reason behind a suggestion's score." })
export class MatchReason {
  @Field(() => MatchReasonKind)
  kind!: MatchReasonKind;

  @Field({ description: 'What matched, in words, e.g. "Both work in Dance".' })
  detail!: string;
}

export const DEFAULT_SUGGESTIONS = 10;
export const MAX_SUGGESTIONS = 50;

/** How many candidates SQL hands to the scorer: a few hundred keeps scoring well under a millisecond each. */
export const CANDIDATE_POOL_SIZE = 300;

/** The argument of every suggestion list. */
@ArgsType()
export class SuggestionArgs {
  @Field(() => Int, { defaultValue: DEFAULT_SUGGESTIONS, description: `How many suggestions, 0 to ${MAX_SUGGESTIONS}, best first.` })
  @Min(0, { message: "must not be negative" })
  @Max(MAX_SUGGESTIONS, { message: `must be at most ${MAX_SUGGESTIONS}` })
  first!: number;
}

/** A scored candidate on its way to becoming a suggestion. */
export interface Scored<T> {
  id: string;
  item: T;
  score: number;
  reasons: MatchReason[];
}

/** A reason object. */
export function reason(kind: MatchReasonKind, detail: string): MatchReason {
  return Object.assign(new MatchReason(), { kind, detail });
}

/** Scores are shown with two decimals; rounding before sorting keeps ties (and their order by id) stable. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/** Best first, ties broken by id so the same data always gives the same list; at most `first`. */
export function rankSuggestions<T>(scored: Array<Scored<T>>, first: number): Array<Scored<T>> {
  return scored
    .map((entry) => ({ ...entry, score: roundScore(entry.score) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, Math.min(first, MAX_SUGGESTIONS)));
}

/** The UNESCO domain of a discipline: its parent, or itself for a domain. */
export function disciplineDomain(code: DisciplineCode): DisciplineCode {
  return DISCIPLINES[code].domain ?? code;
}

/** Every discipline in the domains of `codes`: what a candidate must carry to match at least partly. */
export function disciplinesInDomainsOf(codes: readonly DisciplineCode[]): DisciplineCode[] {
  const domains = new Set(codes.map(disciplineDomain));
  return (Object.keys(DISCIPLINES) as DisciplineCode[]).filter((code) => domains.has(disciplineDomain(code)));
}

/** How two discipline lists compare. */
export interface DisciplineMatch {
  /** 0..1: (exact + ½ × same-domain) / the longer list's length. */
  fit: number;
  /** The subject's disciplines the candidate has too. */
  shared: DisciplineCode[];
  /** Candidate disciplines that are a different practice in a domain of one of the subject's unmatched disciplines. */
  related: DisciplineCode[];
  /** How many of the subject's disciplines matched only through their domain. */
  relatedCount: number;
}

/**
 * Compares the subject's disciplines with a candidate's. Each subject discipline found exactly counts
 * 1; one not found but with a candidate discipline in the same UNESCO domain (e.g. DANCE ↔ THEATRE,
 * or the domain PERFORMANCE_AND_CELEBRATION ↔ DANCE) counts ½. The sum is divided by the length of the
 * longer list, so a candidate tagged with everything does not beat a focused one.
 */
export function disciplineMatch(subject: readonly DisciplineCode[], candidate: readonly DisciplineCode[]): DisciplineMatch {
  const mine = [...new Set(subject)];
  const theirs = [...new Set(candidate)];
  if (mine.length === 0 || theirs.length === 0) return { fit: 0, shared: [], related: [], relatedCount: 0 };
  const shared = mine.filter((code) => theirs.includes(code));
  const related = new Set<DisciplineCode>();
  let relatedCount = 0;
  for (const code of mine) {
    if (shared.includes(code)) continue;
    const sameDomain = theirs.filter((other) => !shared.includes(other) && disciplineDomain(other) === disciplineDomain(code));
    if (sameDomain.length === 0) continue;
    relatedCount += 1;
    for (const other of sameDomain) related.add(other);
  }
  return { fit: (shared.length + 0.5 * relatedCount) / Math.max(mine.length, theirs.length), shared, related: [...related], relatedCount };
}

/** The reasons for a discipline match, with English labels. */
export function disciplineReasons(match: DisciplineMatch): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (match.shared.length > 0) {
    reasons.push(reason(MatchReasonKind.SHARED_DISCIPLINE, `Both work in ${match.shared.map((code) => DISCIPLINES[code].label).join(", ")}`));
  }
  if (match.related.length > 0) {
    reasons.push(
      reason(
        MatchReasonKind.RELATED_DISCIPLINE,
        `Complementary practice in the same domain: ${match.related.map((code) => DISCIPLINES[code].label).join(", ")}`,
      ),
    );
  }
  return reasons;
}

/** Base languages (`pt-BR` → `pt`) both lists contain, in the subject's order. */
export function sharedBaseLanguages(subject: readonly string[], candidate: readonly string[]): string[] {
  const theirs = new Set(candidate.map(baseLanguage));
  return [...new Set(subject.map(baseLanguage))].filter((language) => theirs.has(language));
}

/**
 * Career stages some opportunity types are meant for. A person at another known stage is not suggested
 * for them; a person at one of these stages scores a bonus; other types take every stage.
 */
export const TARGET_CAREER_STAGES: Partial<Record<OpportunityType, readonly CareerStage[]>> = {
  [OpportunityType.SCHOLARSHIP]: [CareerStage.STUDENT, CareerStage.EMERGING],
  [OpportunityType.INTERNSHIP]: [CareerStage.STUDENT, CareerStage.EMERGING],
  [OpportunityType.TRAINING_COURSE]: [CareerStage.STUDENT, CareerStage.EMERGING, CareerStage.MID_CAREER],
};

/** Whether an opportunity type targets a career stage: `target`, `excluded` or `neutral` (unknown stage or untargeted type). */
export function careerStageFit(type: OpportunityType, stage: CareerStage | null | undefined): "target" | "excluded" | "neutral" {
  const targets = TARGET_CAREER_STAGES[type];
  if (!targets || !stage) return "neutral";
  return targets.includes(stage) ? "target" : "excluded";
}

/** Discipline fit of an opportunity open to every discipline (no disciplines listed): half, whoever the person. */
export const OPEN_TO_EVERY_DISCIPLINE_FIT = 0.5;

/**
 * Discipline fit and reasons between a person and an opportunity, from the side of `subject`; an
 * opportunity listing no disciplines is open to all and fits everyone by `OPEN_TO_EVERY_DISCIPLINE_FIT`.
 */
export function personOpportunityDisciplines(
  subject: readonly DisciplineCode[],
  candidate: readonly DisciplineCode[],
  opportunityDisciplines: readonly DisciplineCode[],
): { fit: number; reasons: MatchReason[] } {
  if (opportunityDisciplines.length === 0) {
    return { fit: OPEN_TO_EVERY_DISCIPLINE_FIT, reasons: [reason(MatchReasonKind.SHARED_DISCIPLINE, "Open to every discipline")] };
  }
  const match = disciplineMatch(subject, candidate);
  return { fit: match.fit, reasons: disciplineReasons(match) };
}
