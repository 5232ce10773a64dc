import { registerEnumType } from "type-graphql";

export enum MembershipRole {
  MEMBER = "MEMBER",
  FOUNDER = "FOUNDER",
  DIRECTOR = "DIRECTOR",
  STAFF = "STAFF",
  BOARD_MEMBER = "BOARD_MEMBER",
  ADVISER = "ADVISER",
  AMBASSADOR = "AMBASSADOR",
  ASSOCIATE = "ASSOCIATE",
  PARTNER = "PARTNER",
}
registerEnumType(MembershipRole, {
  name: "MembershipRole",
  description: "The part a member plays in an organisation.",
  valuesConfig: {
    MEMBER: { description: "Member, e.g. of a network or association." },
    FOUNDER: { description: "Founder or co-founder." },
    DIRECTOR: { description: "Director or head of the organisation or of one of its programmes." },
    STAFF: { description: "Employee or regular freelancer." },
    BOARD_MEMBER: { description: "Member of the board or governing body." },
    ADVISER: { description: "Adviser, mentor or expert." },
    AMBASSADOR: { description: "Ambassador or national correspondent." },
    ASSOCIATE: { description: "Associate artist or associated professional." },
    PARTNER: { description: "Partner in projects, short of membership." },
  },
});
