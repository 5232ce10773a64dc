import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { CurrencyCode } from "@agora-hub/subgraph-kit";

/** Defined in the kit because other subgraphs name these fields in `@requires`; re-exported for this subgraph. */
export { OpportunityStatus, OpportunityType } from "@agora-hub/subgraph-kit";

export enum CostCovered {
  TRAVEL = "TRAVEL",
  ACCOMMODATION = "ACCOMMODATION",
  PER_DIEM = "PER_DIEM",
  FEE_STIPEND = "FEE_STIPEND",
  PRODUCTION = "PRODUCTION",
  MATERIALS = "MATERIALS",
  VISA = "VISA",
  INSURANCE = "INSURANCE",
}
registerEnumType(CostCovered, {
  name: "CostCovered",
  description: "A cost an opportunity pays for, in whole or in part.",
  valuesConfig: {
    TRAVEL: { description: "Travel to and from the place of the opportunity." },
    ACCOMMODATION: { description: "Housing during the stay." },
    PER_DIEM: { description: "A daily allowance for living costs." },
    FEE_STIPEND: { description: "An artist fee, salary or stipend." },
    PRODUCTION: { description: "Production budget for the work." },
    MATERIALS: { description: "Materials and equipment." },
    VISA: { description: "Visa fees." },
    INSURANCE: { description: "Health or travel insurance." },
  },
});

export enum OpportunityOrder {
  NEWEST = "NEWEST",
  OPENS_AT = "OPENS_AT",
  /** Best `search` match first; needs `search`. */
  RELEVANCE = "RELEVANCE",
}
registerEnumType(OpportunityOrder, {
  name: "OpportunityOrder",
  description: "Order of a list of opportunities.",
  valuesConfig: {
    NEWEST: { description: "Most recently published first." },
    OPENS_AT: { description: "Earliest opening date first." },
  },
});

/** An amount or range of money; exposed as a value object so min, max and currency travel together. */
@ObjectType({ description: "The money an opportunity offers: a fixed amount (min = max), a ceiling (max only) or a range." })
export class OpportunityAmount {
  @Field(() => Float, { nullable: true, description: "Lowest amount offered, when stated." })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: "Highest amount offered, when stated." })
  max!: number | null;

  @Field(() => CurrencyCode, { description: "Currency of both amounts." })
  currency!: CurrencyCode;
}
