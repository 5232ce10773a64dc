import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import {
  CountryCode,
  CurrencyCode,
  Discipline,
  LanguageTag,
  LocalizedText,
  LocalizedTextColumn,
  ModeratedRecord,
  SearchMatch,
  WebUrl,
} from "@agora-hub/subgraph-kit";
import { CostCovered, OpportunityAmount, OpportunityStatus, OpportunityType } from "./opportunity.type";

/** PostgreSQL returns `numeric` as a string so no precision is lost; amounts fit a double comfortably. */
const numericAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A funding call, residency, job, training or collaboration offer published by an organisation.
 * Its status is never stored: it follows from `opensAt` and `deadline` at the time of each request.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "An opportunity for the creative sector: a grant, residency, open call, job, training or collaboration offer." })
@Entity("opportunity")
@Index(["network", "sourceId"], { unique: true, where: "source_id IS NOT NULL" })
export class Opportunity extends ModeratedRecord {
  /** Set by a searched list for its page only; not a column. */
  @Field(() => SearchMatch, {
    nullable: true,
    description: "How this item matched the list's `search`: score and snippet; null when the list was not searched.",
  })
  searchMatch?: SearchMatch | null;

  @Field(() => OpportunityType, { description: "What the opportunity offers." })
  @Column("text")
  type!: OpportunityType;

  @Field(() => LocalizedText, { description: "Title of the call or offer." })
  @LocalizedTextColumn()
  title!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: "One or two sentences for lists and alerts." })
  @LocalizedTextColumn({ nullable: true })
  summary!: LocalizedText | null;

  @Field(() => LocalizedText, { nullable: true, description: "Full description: objectives, eligibility, what is offered, how to apply." })
  @LocalizedTextColumn({ nullable: true })
  description!: LocalizedText | null;

  /** The publishing organisation (owned by the organisations subgraph); exposed as `publisher`. */
  @Column("uuid")
  publisherId!: string;

  /** The contact person (owned by the people subgraph); exposed as `contact`. */
  @Column("uuid", { nullable: true })
  contactId!: string | null;

  @Field(() => [Discipline], { description: "Disciplines the opportunity is open to." })
  @Column("text", { array: true, default: () => "'{}'" })
  disciplines!: Discipline[];

  @Field(() => [CountryCode], {
    description: "Countries whose residents or organisations may apply; empty means open worldwide.",
  })
  @Column("text", { array: true, default: () => "'{}'" })
  eligibleCountries!: CountryCode[];

  @Field({ description: "When applications open." })
  @Column("timestamptz")
  opensAt!: Date;

  @Field(() => Date, { nullable: true, description: "When applications close; null for rolling calls without a deadline." })
  @Column("timestamptz", { nullable: true })
  deadline!: Date | null;

  @Column("numeric", { nullable: true, transformer: numericAsNumber })
  amountMin!: number | null;

  @Column("numeric", { nullable: true, transformer: numericAsNumber })
  amountMax!: number | null;

  @Column("text", { nullable: true })
  currency!: CurrencyCode | null;

  @Field(() => [CostCovered], { description: "Costs the opportunity pays for." })
  @Column("text", { array: true, default: () => "'{}'" })
  costsCovered!: CostCovered[];

  @Field(() => WebUrl, { nullable: true, description: "Where to read the full call and apply." })
  @Column("text", { nullable: true })
  applicationUrl!: string | null;

  @Field({ description: "True when the opportunity can be taken up remotely (online course, remote job, online residency)." })
  @Column("boolean", { default: false })
  remote!: boolean;

  @Field(() => String, { nullable: true, description: "City where the opportunity takes place." })
  @Column("text", { nullable: true })
  city!: string | null;

  @Field(() => CountryCode, { nullable: true, description: "Country where the opportunity takes place." })
  @Column("text", { nullable: true })
  country!: CountryCode | null;

  @Field(() => [LanguageTag], { description: "Languages of the application and of the work (BCP 47)." })
  @Column("text", { array: true, default: () => "'{}'" })
  workingLanguages!: string[];

  @Field(() => OpportunityStatus, { description: "FORTHCOMING, OPEN or CLOSED, computed from `opensAt` and `deadline` now." })
  status(): OpportunityStatus {
    return statusAt(this, new Date());
  }

  @Field(() => OpportunityAmount, { nullable: true, description: "The money offered; null when the call states no amount." })
  amount(): OpportunityAmount | null {
    if (this.currency === null) return null;
    return Object.assign(new OpportunityAmount(), { min: this.amountMin, max: this.amountMax, currency: this.currency });
  }
}

/** The status of an opportunity at `now`; mirrors the SQL of the `statuses` filter. */
export function statusAt(opportunity: Pick<Opportunity, "opensAt" | "deadline">, now: Date): OpportunityStatus {
  if (opportunity.opensAt > now) return OpportunityStatus.FORTHCOMING;
  if (opportunity.deadline !== null && opportunity.deadline < now) return OpportunityStatus.CLOSED;
  return OpportunityStatus.OPEN;
}
