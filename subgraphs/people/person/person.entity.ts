import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CountryCode, Discipline, LanguageTag, LocalizedText, LocalizedTextColumn, ModeratedRecord, SearchMatch, WebUrl } from "@agora-hub/subgraph-kit";
import { CareerStage, OpenTo, SocialLink } from "./person.type";

/**
 * A person of the creative networks: an artist, a cultural professional or an entrepreneur.
 * `contactEmail` is stored for the person's own network but never exposed publicly.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A person of the creative networks: artist, cultural professional or creative entrepreneur." })
@Entity("person")
@Index(["network", "sourceId"], { unique: true, where: "source_id IS NOT NULL" })
export class Person extends ModeratedRecord {
  /** Set by a searched list for its page only; not a column. */
  @Field(() => SearchMatch, {
    nullable: true,
    description: "How this item matched the list's `search`: score and snippet; null when the list was not searched.",
  })
  searchMatch?: SearchMatch | null;

  @Field({ description: "Name as the person wants it shown." })
  @Column("text")
  displayName!: string;

  @Field(() => LocalizedText, { nullable: true, description: 'Short tagline, e.g. "choreographer & producer".' })
  @LocalizedTextColumn({ nullable: true })
  headline!: LocalizedText | null;

  @Field(() => LocalizedText, { nullable: true, description: "Longer presentation of the person's work." })
  @LocalizedTextColumn({ nullable: true })
  bio!: LocalizedText | null;

  @Field(() => [Discipline], { description: "Disciplines the person practises." })
  @Column("text", { array: true, default: () => "'{}'" })
  disciplines!: Discipline[];

  @Field(() => [String], { description: "Free-text skills, e.g. lighting design, grant writing." })
  @Column("text", { array: true, default: () => "'{}'" })
  skills!: string[];

  @Field(() => [LanguageTag], { description: "Languages the person speaks (BCP 47)." })
  @Column("text", { array: true, default: () => "'{}'" })
  spokenLanguages!: string[];

  @Field(() => CountryCode, { nullable: true, description: "Country of residence." })
  @Column("text", { nullable: true })
  country!: CountryCode | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  city!: string | null;

  @Field(() => WebUrl, { nullable: true })
  @Column("text", { nullable: true })
  website!: string | null;

  @Field(() => [SocialLink])
  @Column("jsonb", { default: () => "'[]'" })
  socialLinks!: SocialLink[];

  @Field(() => [OpenTo], { description: "What the person welcomes offers of." })
  @Column("text", { array: true, default: () => "'{}'" })
  openTo!: OpenTo[];

  @Field(() => CareerStage, { nullable: true })
  @Column("text", { nullable: true })
  careerStage!: CareerStage | null;

  @Field({ description: "True when the person agreed to be listed in the public directory; others see only what their own network shows." })
  @Column("boolean", { default: false })
  discoverable!: boolean;

  /** Private: exposed through a guarded field resolver to the person's own network and the operator only. */
  @Column("text", { nullable: true })
  contactEmail!: string | null;
}
