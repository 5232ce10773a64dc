import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CountryCode, Discipline, LanguageTag, LocalDate, LocalizedText, LocalizedTextColumn, ModeratedRecord, SearchMatch } from "@agora-hub/subgraph-kit";
import { Person } from "../person/person.stub";
import { ResourceKind, ResourceLink } from "./resource.type";

/**
 * A knowledge resource of the creative networks: a project report, case study, best practice, guide,
 * study, video... Its links (where to read or download it) are a jsonb list; authors, publishers and the
 * organisations, opportunities and events it relates to are join tables of ids owned by other subgraphs.
 * Authors are resolved by the people subgraph (which decides who may see whom) from `authorIds`.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A knowledge resource: project report, case study, best practice, publication, toolkit, guide, study, video, podcast, dataset." })
@Entity("resource")
@Index(["network", "sourceId"], { unique: true, where: "source_id IS NOT NULL" })
export class Resource extends ModeratedRecord {
  /** Not a column: the authors the people subgraph resolved, sent back by the gateway for `jsonLd` (`@requires`). */
  @Directive("@external")
  @Field(() => [Person], { nullable: true })
  authors?: Person[] | null;

  /** Set by a searched list for its page only; not a column. */
  @Field(() => SearchMatch, {
    nullable: true,
    description: "How this item matched the list's `search`: score and snippet; null when the list was not searched.",
  })
  searchMatch?: SearchMatch | null;

  @Field(() => ResourceKind, { description: "What kind of resource it is." })
  @Column("text")
  kind!: ResourceKind;

  @Field(() => LocalizedText, { description: "Title of the resource, in one or more languages." })
  @LocalizedTextColumn()
  title!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: "A short abstract: what the resource is about and who it is for." })
  @LocalizedTextColumn({ nullable: true })
  summary!: LocalizedText | null;

  @Field(() => LocalizedText, { nullable: true, description: "Longer text: the findings, the practice described, the table of contents." })
  @LocalizedTextColumn({ nullable: true })
  body!: LocalizedText | null;

  @Field(() => [ResourceLink], { description: "Where to read, watch or download it: one or more links, each with its media type and language." })
  @Column("jsonb")
  links!: ResourceLink[];

  @Field(() => String, { nullable: true, description: 'SPDX licence identifier, e.g. "CC-BY-4.0"; null when not stated (all rights reserved).' })
  @Column("text", { nullable: true })
  licence!: string | null;

  @Field(() => LocalDate, { description: "When the resource was published (YYYY-MM-DD)." })
  @Column("date")
  publicationDate!: string;

  @Field(() => [Discipline], { description: "Disciplines the resource is about." })
  @Column("text", { array: true, default: () => "'{}'" })
  disciplines!: Discipline[];

  @Field(() => [CountryCode], { description: "Countries the resource is about (ISO 3166-1 alpha-2)." })
  @Column("text", { array: true, default: () => "'{}'" })
  countries!: CountryCode[];

  @Field(() => [LanguageTag], { description: "Languages the resource is available in (BCP 47)." })
  @Column("text", { array: true, default: () => "'{}'" })
  languages!: string[];
}
