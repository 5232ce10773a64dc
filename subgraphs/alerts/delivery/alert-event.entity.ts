import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { LocalizedTextData } from "@agora-hub/subgraph-kit";
import { AlertChannel, AlertDeliveryStatus, AlertKind } from "../saved-search/saved-search.type";

/**
 * One alert of one saved search: a record it matched (or a deadline coming), unique per search and change, so a
 * change is never sent twice to one subscriber; its id is the webhook's `webhook-id`. Holds the record's public
 * title and link as they were, and how its delivery went: the owner's delivery log and the feed's entries.
 */
@ObjectType({ description: "An alert of a saved search and how its delivery went." })
@Entity("alert_event")
export class AlertEvent {
  @Field(() => ID, { description: "The alert's id: the `webhook-id` of its webhook, the same on every retry." })
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid")
  savedSearchId!: string;

  @Column("text")
  dedupKey!: string;

  @Field(() => AlertKind)
  @Column("text")
  kind!: AlertKind;

  @Field({ description: "The record's GraphQL type." })
  @Column("text")
  recordType!: string;

  @Field(() => ID)
  @Column("uuid")
  recordId!: string;

  @Field({ description: "The record's network." })
  @Column("text")
  network!: string;

  @Column("jsonb")
  title!: LocalizedTextData;

  @Column("jsonb", { nullable: true })
  summary!: LocalizedTextData | null;

  @Column("text")
  path!: string;

  @Field(() => Date, { nullable: true, description: "An opportunity's deadline, as it was then." })
  @Column("timestamptz", { nullable: true })
  deadline!: Date | null;

  @Field(() => AlertChannel)
  @Column("text")
  channel!: AlertChannel;

  @Field(() => AlertDeliveryStatus)
  @Column("text")
  status!: AlertDeliveryStatus;

  @Column("text", { nullable: true })
  destination!: string | null;

  @Field(() => Int, { description: "Delivery attempts made." })
  @Column("integer")
  attempts!: number;

  @Field(() => Int, { nullable: true, description: "The HTTP status of the webhook's last answer." })
  @Column("integer", { nullable: true })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed." })
  @Column("text", { nullable: true })
  lastError!: string | null;

  @Field()
  @Column("timestamptz")
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { nullable: true })
  deliveredAt!: Date | null;
}
