import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";
import { Discipline } from "@agora-hub/subgraph-kit";
import { CreativeTracksCollaboratorRole } from "../lab/lab.type";

/**
 * A person's Creative Tracks membership profile. A value type rather than an entity: it has no
 * identity of its own and is only reached through `Person.creativeTracksProfile`.
 */
@ObjectType("CreativeTracksProfile", { description: "What Creative Tracks knows about a member: ambassador role, audience, interests." })
@Entity("profile")
export class CreativeTracksProfile {
  /** The core Person this profile belongs to; one profile per person. */
  @PrimaryColumn("uuid")
  personId!: string;

  @Field({ description: "True for Creative Tracks Ambassadors, who broker introductions between members." })
  @Column("boolean", { default: false })
  ambassador!: boolean;

  @Field(() => Int, { description: "How many members follow this person on Creative Tracks." })
  @Column("integer", { default: 0 })
  followersCount!: number;

  @Field(() => [Discipline], { description: "Disciplines the member follows and wants to be matched on." })
  @Column("text", { array: true, default: () => "'{}'" })
  interests!: Discipline[];

  @Field(() => [CreativeTracksCollaboratorRole], { description: "Roles of the collaborators the member is looking for." })
  @Column("text", { array: true, default: () => "'{}'" })
  lookingFor!: CreativeTracksCollaboratorRole[];

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
