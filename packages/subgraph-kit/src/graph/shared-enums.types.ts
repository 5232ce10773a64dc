import { registerEnumType } from "type-graphql";

/*
 * Enums of entity fields that more than one subgraph reads: their owners expose them, and the
 * matchmaking fields of other subgraphs name them in `@requires`. Federation composes such fields only
 * when every subgraph's copy of the enum is the same, so there is exactly one definition, here.
 */

export enum CareerStage {
  STUDENT = "STUDENT",
  EMERGING = "EMERGING",
  MID_CAREER = "MID_CAREER",
  ESTABLISHED = "ESTABLISHED",
}
registerEnumType(CareerStage, { name: "CareerStage", description: "Where a person stands in their career; calls often target emerging artists." });

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
