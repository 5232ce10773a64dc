import { Field, ObjectType, registerEnumType } from "type-graphql";
import { WebUrl } from "@agora-hub/subgraph-kit";

export enum OpenTo {
  COLLABORATION = "COLLABORATION",
  JOBS = "JOBS",
  RESIDENCIES = "RESIDENCIES",
  MENTORING = "MENTORING",
  COMMISSIONS = "COMMISSIONS",
  TOURING = "TOURING",
}
registerEnumType(OpenTo, { name: "OpenTo", description: "What a person welcomes offers of." });

/** Defined in the kit because the opportunities subgraph names `careerStage` in `@requires`; re-exported here. */
export { CareerStage } from "@agora-hub/subgraph-kit";

export enum SocialPlatform {
  INSTAGRAM = "INSTAGRAM",
  LINKEDIN = "LINKEDIN",
  X = "X",
  FACEBOOK = "FACEBOOK",
  MASTODON = "MASTODON",
  BLUESKY = "BLUESKY",
  YOUTUBE = "YOUTUBE",
  VIMEO = "VIMEO",
  BEHANCE = "BEHANCE",
  GITHUB = "GITHUB",
  SOUNDCLOUD = "SOUNDCLOUD",
  TIKTOK = "TIKTOK",
  OTHER = "OTHER",
}
registerEnumType(SocialPlatform, { name: "SocialPlatform", description: "Where a social profile lives." });

@ObjectType({ description: "A link to a profile on a social platform." })
export class SocialLink {
  @Field(() => SocialPlatform)
  platform!: SocialPlatform;

  @Field(() => WebUrl)
  url!: string;
}

export enum PersonOrder {
  NAME = "NAME",
  NEWEST = "NEWEST",
  /** Best `search` match first; needs `search`. */
  RELEVANCE = "RELEVANCE",
}
registerEnumType(PersonOrder, { name: "PersonOrder", description: "Order of a list of people." });
