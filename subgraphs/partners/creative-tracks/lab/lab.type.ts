import { registerEnumType } from "type-graphql";

/** Roles a lab seeks or a member looks for; the request/offer vocabulary of partner-search platforms. */
export enum CreativeTracksCollaboratorRole {
  CO_CREATOR = "CO_CREATOR",
  PRODUCER = "PRODUCER",
  MENTOR = "MENTOR",
  INVESTOR = "INVESTOR",
  VENUE = "VENUE",
  DISTRIBUTOR = "DISTRIBUTOR",
  TRANSLATOR = "TRANSLATOR",
}
registerEnumType(CreativeTracksCollaboratorRole, {
  name: "CreativeTracksCollaboratorRole",
  description: "A role in a creative collaboration, as sought by an Ideation Lab or a Creative Tracks member.",
  valuesConfig: {
    CO_CREATOR: { description: "An artist or maker creating the work together with the author." },
    PRODUCER: { description: "Someone who organises, budgets and runs the project." },
    MENTOR: { description: "An experienced professional coaching the author." },
    INVESTOR: { description: "A funder, lender or investor." },
    VENUE: { description: "A place to create, rehearse, show or sell the work." },
    DISTRIBUTOR: { description: "A publisher, label, sales agent or distributor taking the work to audiences." },
    TRANSLATOR: { description: "A translator, surtitler or interpreter." },
  },
});

/** Whether a lab still takes part in matchmaking; computed from its expiry date. */
export enum CreativeTracksLabStatus {
  OPEN = "OPEN",
  EXPIRED = "EXPIRED",
}
registerEnumType(CreativeTracksLabStatus, {
  name: "CreativeTracksLabStatus",
  description: "Whether an Ideation Lab still welcomes collaborators.",
  valuesConfig: {
    OPEN: { description: "No expiry date, or the expiry date is still ahead." },
    EXPIRED: { description: "The expiry date has passed: the lab is closed." },
  },
});
