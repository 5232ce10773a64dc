import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { LanguageTag } from "@agora-hub/subgraph-kit";
import type { SavedSearchCriteriaData } from "../matching/matching.terms";
import { AlertChannel, AlertFrequency, DeliveryHealth, SavedSearchCriteria, SavedSearchState } from "./saved-search.type";

/**
 * A saved search: criteria over the hub's records and where its alerts go. Owned by a network (its API key
 * manages it; it may hold one for a member, `personId`) or by a person who gave only an e-mail address, who
 * manages it through the links in its messages. The address, the webhook's secret and the tokens are never
 * GraphQL fields.
 */
@ObjectType({
  description:
    "A saved search and where its alerts go. Listed for its network and the operator; an e-mail subscriber's own is managed by the links in its messages.",
})
@Entity("saved_search")
export class SavedSearch {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => String, { nullable: true, description: "The network that owns it; null for a person's own e-mail subscription." })
  @Column("text", { nullable: true })
  network!: string | null;

  /** The member a network holds it for; their erasure deletes it. */
  @Field(() => ID, { nullable: true, description: "The member (a person's id) the network holds it for, if any: erasing the person deletes it." })
  @Column("uuid", { nullable: true })
  personId!: string | null;

  @Field({ description: "Its name, as its owner gave it (shown in messages and the feed)." })
  @Column("text")
  name!: string;

  @Column("jsonb")
  criteria!: SavedSearchCriteriaData;

  @Column("text", { array: true })
  recordTypes!: string[];

  @Field(() => AlertChannel)
  @Column("text")
  channel!: AlertChannel;

  @Field(() => String, { nullable: true, description: "Where webhooks go (WEBHOOK only)." })
  @Column("text", { nullable: true })
  webhookUrl!: string | null;

  @Column("text", { nullable: true })
  webhookSecret!: string | null;

  @Column("text", { nullable: true })
  email!: string | null;

  @Field(() => LanguageTag, { description: "The language of its messages." })
  @Column("text")
  language!: string;

  @Field(() => AlertFrequency, { description: "How often e-mail goes out (IMMEDIATE for webhooks and feeds)." })
  @Column("text")
  frequency!: AlertFrequency;

  @Field({ description: "Whether changes to records it matched before are sent too (UPDATED), not only new ones." })
  @Column("boolean")
  includeUpdates!: boolean;

  @Field(() => SavedSearchState)
  @Column("text")
  state!: SavedSearchState;

  @Column("text", { nullable: true })
  confirmToken!: string | null;

  @Column("timestamptz", { nullable: true })
  confirmExpiresAt!: Date | null;

  @Column("text")
  unsubscribeToken!: string;

  @Column("text")
  feedToken!: string;

  @Field(() => DeliveryHealth)
  @Column("text")
  health!: DeliveryHealth;

  @Field(() => Date, { nullable: true, description: "Since when its deliveries fail; null when healthy." })
  @Column("timestamptz", { nullable: true })
  failingSince!: Date | null;

  @Column("timestamptz", { nullable: true })
  lastDigestAt!: Date | null;

  @Field()
  @Column("timestamptz")
  createdAt!: Date;

  @Field()
  @Column("timestamptz")
  updatedAt!: Date;
}

/** The criteria as a GraphQL object, for `SavedSearch.criteria`. */
export function criteriaOf(search: SavedSearch): SavedSearchCriteria {
  return Object.assign(new SavedSearchCriteria(), search.criteria);
}
