import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CountryCode, Discipline, LocalizedText, LocalizedTextColumn, NetworkRecord, WebUrl } from "@agora-hub/subgraph-kit";
import { CreativeTracksCollaboratorRole } from "./lab.type";

/**
 * An Ideation Lab: a concept, challenge or call for collaborators posted by a Creative Tracks member,
 * open until its expiry date. Author and host organisation live in the core subgraphs; only their
 * ids are stored here (no foreign key across subgraphs).
 */
@Directive('@key(fields: "id")')
@ObjectType("CreativeTracksLab", {
  description: "A Creative Tracks Ideation Lab: an idea or challenge posted by a member, seeking collaborators until it expires.",
})
@Entity("lab")
@Index(["network", "sourceId"], { unique: true, where: "source_id IS NOT NULL" })
export class CreativeTracksLab extends NetworkRecord {
  @Field(() => LocalizedText, { description: "Catchy title: the topic or question of the lab." })
  @LocalizedTextColumn()
  title!: LocalizedText;

  @Field(() => LocalizedText, { description: "Short description, shown in lists." })
  @LocalizedTextColumn()
  description!: LocalizedText;

  @Field(() => WebUrl, { nullable: true, description: "Optional link to more material (a pitch deck, a video, a call text)." })
  @Column("text", { nullable: true })
  link!: string | null;

  @Field(() => [Discipline], { description: "Disciplines the lab is about." })
  @Column("text", { array: true, default: () => "'{}'" })
  disciplines!: Discipline[];

  @Field(() => [CreativeTracksCollaboratorRole], { description: "Roles of the collaborators the lab seeks." })
  @Column("text", { array: true, default: () => "'{}'" })
  lookingFor!: CreativeTracksCollaboratorRole[];

  @Field(() => [CountryCode], { description: "Countries collaborators are sought in; empty when anywhere will do." })
  @Column("text", { array: true, default: () => "'{}'" })
  countriesSought!: CountryCode[];

  @Field(() => Date, { nullable: true, description: "When the lab closes; null when it stays open." })
  @Column("timestamptz", { nullable: true })
  expiresAt!: Date | null;

  /** Exposed as `author` (a Person reference). */
  @Column("uuid")
  authorId!: string;

  /** Exposed as `hostOrganisation` (an Organisation reference). */
  @Column("uuid", { nullable: true })
  hostOrganisationId!: string | null;
}
