import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { CurrencyCode } from "../../kit";

export enum OpportunityType {
  GRANT = "GRANT",
  MOBILITY_GRANT = "MOBILITY_GRANT",
  RESIDENCY = "RESIDENCY",
  OPEN_CALL = "OPEN_CALL",
  PRIZE = "PRIZE",
  JOB = "JOB",
  INTERNSHIP = "INTERNSHIP",
  VOLUNTEERING = "VOLUNTEERING",
  TRAINING_COURSE = "TRAINING_COURSE",
  SCHOLARSHIP = "SCHOLARSHIP",
  LOAN_FINANCE = "LOAN_FINANCE",
  PARTNER_SEARCH = "PARTNER_SEARCH",
  COLLABORATION_CALL = "COLLABORATION_CALL",
}
registerEnumType(OpportunityType, {
  name: "OpportunityType",
  description: "What an opportunity offers.",
  valuesConfig: {
    GRANT: { description: "Project, production or operating funding." },
    MOBILITY_GRANT: { description: "Travel and stay costs for going abroad: go-and-see visits, touring, event participation." },
    RESIDENCY: { description: "A stay at a host with time, space and often accommodation to research or create." },
    OPEN_CALL: { description: "A call for artists or works: exhibitions, festivals, commissions, showcases." },
    PRIZE: { description: "An award or competition judged on submitted work." },
    JOB: { description: "Paid employment." },
    INTERNSHIP: { description: "A traineeship or work placement." },
    VOLUNTEERING: { description: "Unpaid voluntary work, e.g. at a festival or through the European Solidarity Corps." },
    TRAINING_COURSE: { description: "A course, workshop, summer school or capacity-building programme." },
    SCHOLARSHIP: { description: "Funding for study or postgraduate training." },
    LOAN_FINANCE: { description: "Loans, guarantees or investment for creative businesses." },
    PARTNER_SEARCH: { description: "An organisation looking for partners for a project or funding application." },
    COLLABORATION_CALL: { description: "An invitation to co-create: co-productions, ideation labs, joint research." },
  },
});

export enum OpportunityStatus {
  FORTHCOMING = "FORTHCOMING",
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(OpportunityStatus, {
  name: "OpportunityStatus",
  description: "Where an opportunity stands, derived from its dates at the time of the request.",
  valuesConfig: {
    FORTHCOMING: { description: "Applications have not opened yet (`opensAt` is in the future)." },
    OPEN: { description: "Applications are open: `opensAt` has passed and the deadline has not (or there is none)." },
    CLOSED: { description: "The deadline has passed." },
  },
});

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
