import { registerEnumType } from "type-graphql";

/*
 * Enums of entity fields that more than one subgraph reads: their owners expose them, and the
 * matchmaking fields of other subgraphs name them in `@requires` (and the alerts subgraph's saved searches in their criteria). Federation composes such fields only
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

export enum EventFormat {
  CONFERENCE = "CONFERENCE",
  FORUM = "FORUM",
  WORKSHOP = "WORKSHOP",
  MEETUP = "MEETUP",
  FESTIVAL = "FESTIVAL",
  EXHIBITION = "EXHIBITION",
  PERFORMANCE = "PERFORMANCE",
  SCREENING = "SCREENING",
  WEBINAR = "WEBINAR",
  FAIR = "FAIR",
  MATCHMAKING_SESSION = "MATCHMAKING_SESSION",
}
registerEnumType(EventFormat, {
  name: "EventFormat",
  description: "What kind of gathering an event is.",
  valuesConfig: {
    CONFERENCE: { description: "Talks and panels for professionals of a field." },
    FORUM: { description: "A debate-oriented gathering of a sector or a network, often with policy makers." },
    WORKSHOP: { description: "Hands-on session where participants learn or make something together." },
    MEETUP: { description: "Informal get-together of a community." },
    FESTIVAL: { description: "Programme of performances, screenings or exhibitions over several days." },
    EXHIBITION: { description: "Works shown to the public for a period." },
    PERFORMANCE: { description: "A show: theatre, dance, concert, circus, reading." },
    SCREENING: { description: "Public showing of films or videos." },
    WEBINAR: { description: "Talk or training held online." },
    FAIR: { description: "Market or trade fair where creative work is shown and sold." },
    MATCHMAKING_SESSION: { description: "Pre-scheduled one-to-one meetings to find project partners (b2match style)." },
  },
});

export enum OrganisationKind {
  NGO = "NGO",
  PUBLIC_BODY = "PUBLIC_BODY",
  COMPANY = "COMPANY",
  MICRO_ENTERPRISE = "MICRO_ENTERPRISE",
  CREATIVE_HUB = "CREATIVE_HUB",
  COLLECTIVE = "COLLECTIVE",
  NETWORK = "NETWORK",
  FUNDER = "FUNDER",
  EDUCATION = "EDUCATION",
  RESEARCH = "RESEARCH",
  CULTURAL_INSTITUTE = "CULTURAL_INSTITUTE",
  INTERNATIONAL_ORGANISATION = "INTERNATIONAL_ORGANISATION",
  INFORMAL_GROUP = "INFORMAL_GROUP",
  OTHER = "OTHER",
}
registerEnumType(OrganisationKind, {
  name: "OrganisationKind",
  description: "What sort of organisation this is; partner-search calls often ask for a kind of partner.",
  valuesConfig: {
    NGO: { description: "Non-profit association or foundation working in the field (not mainly a funder)." },
    PUBLIC_BODY: { description: "Public authority or publicly owned body: ministry, arts council, municipal venue, public museum." },
    COMPANY: { description: "Company or social enterprise with ten or more staff." },
    MICRO_ENTERPRISE: { description: "Company with fewer than ten staff, including self-employed studios." },
    CREATIVE_HUB: { description: "Shared space or programme hosting creative work: hub, incubator, factory, art centre." },
    COLLECTIVE: { description: "Artist-run collective with a shared practice." },
    NETWORK: { description: "Network or federation whose members are organisations and people." },
    FUNDER: { description: "Foundation or fund whose main activity is giving grants, loans or prizes." },
    EDUCATION: { description: "University, academy, school or other education and training provider." },
    RESEARCH: { description: "Research centre, observatory or think tank." },
    CULTURAL_INSTITUTE: { description: "National cultural institute working internationally, e.g. Goethe-Institut, Institut français." },
    INTERNATIONAL_ORGANISATION: { description: "Intergovernmental or international body, e.g. the Anna Lindh Foundation." },
    INFORMAL_GROUP: { description: "Group of people working together without a legal entity." },
    OTHER: { description: "None of the above." },
  },
});

export enum ResourceKind {
  PROJECT_REPORT = "PROJECT_REPORT",
  CASE_STUDY = "CASE_STUDY",
  BEST_PRACTICE = "BEST_PRACTICE",
  PUBLICATION = "PUBLICATION",
  TOOLKIT = "TOOLKIT",
  GUIDE = "GUIDE",
  RESEARCH_STUDY = "RESEARCH_STUDY",
  TRAINING_MATERIAL = "TRAINING_MATERIAL",
  VIDEO = "VIDEO",
  PODCAST = "PODCAST",
  DATASET = "DATASET",
}
registerEnumType(ResourceKind, {
  name: "ResourceKind",
  description: "What kind of knowledge resource it is.",
  valuesConfig: {
    PROJECT_REPORT: { description: "Report of a project: what was done, with whom, what came of it." },
    CASE_STUDY: { description: "A close look at one organisation, project or place, to learn from it." },
    BEST_PRACTICE: { description: "A practice that worked, described so that others can take it up." },
    PUBLICATION: { description: "A book, journal issue, article or policy paper." },
    TOOLKIT: { description: "Templates, checklists and tools to do something step by step." },
    GUIDE: { description: "A how-to guide: funding, mobility, contracts, audiences..." },
    RESEARCH_STUDY: { description: "A study or scholarly article with its method and findings." },
    TRAINING_MATERIAL: { description: "Course material: slides, exercises, a curriculum." },
    VIDEO: { description: "A recorded talk, documentary or tutorial." },
    PODCAST: { description: "An audio episode or series." },
    DATASET: { description: "Data for reuse: statistics, mappings, surveys." },
  },
});

export enum SearchHitType {
  PERSON = "PERSON",
  ORGANISATION = "ORGANISATION",
  OPPORTUNITY = "OPPORTUNITY",
  EVENT = "EVENT",
  RESOURCE = "RESOURCE",
}
registerEnumType(SearchHitType, {
  name: "SearchHitType",
  description: "What a search hit is.",
  valuesConfig: {
    PERSON: { description: "A person (only those the viewer may find in the directory)." },
    ORGANISATION: { description: "An organisation." },
    OPPORTUNITY: { description: "An opportunity: funding call, residency, job, training, partner search." },
    EVENT: { description: "An event." },
    RESOURCE: { description: "A knowledge resource: report, case study, guide, study, video, podcast, dataset..." },
  },
});
