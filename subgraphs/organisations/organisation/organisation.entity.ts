import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CountryCode, Discipline, LanguageTag, LocalizedText, LocalizedTextColumn, ModeratedRecord, SearchMatch, WebUrl } from "@agora-hub/subgraph-kit";
import { OrganisationKind, OrganisationService } from "./organisation.type";

/**
 * An organisation of the creative networks: venue, hub, funder, cultural institute, network of
 * networks. Its members (people and organisations) are `Membership` rows owned by this subgraph.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "An organisation of the creative networks: NGO, hub, funder, cultural institute, network and more." })
@Entity("organisation")
@Index(["network", "sourceId"], { unique: true, where: "source_id IS NOT NULL" })
export class Organisation extends ModeratedRecord {
  /** Set by a searched list for its page only; not a column. */
  @Field(() => SearchMatch, {
    nullable: true,
    description: "How this item matched the list's `search`: score and snippet; null when the list was not searched.",
  })
  searchMatch?: SearchMatch | null;

  @Field({ description: "Name as the organisation presents itself." })
  @Column("text")
  name!: string;

  @Field({ description: "Unique, URL-friendly handle in lower-case kebab case, e.g. `european-cultural-foundation`." })
  @Column("text", { unique: true })
  slug!: string;

  @Field(() => OrganisationKind)
  @Column("text")
  kind!: OrganisationKind;

  @Field(() => LocalizedText, { nullable: true, description: "What the organisation does, in one or more languages." })
  @LocalizedTextColumn({ nullable: true })
  description!: LocalizedText | null;

  @Field(() => [Discipline], { description: "Disciplines the organisation works in." })
  @Column("text", { array: true, default: () => "'{}'" })
  disciplines!: Discipline[];

  @Field(() => [OrganisationService], { description: "What the organisation offers to artists and cultural professionals." })
  @Column("text", { array: true, default: () => "'{}'" })
  services!: OrganisationService[];

  @Field(() => CountryCode, { description: "Country where the organisation is established." })
  @Column("text")
  country!: CountryCode;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  city!: string | null;

  @Field(() => WebUrl, { nullable: true })
  @Column("text", { nullable: true })
  website!: string | null;

  @Field(() => [LanguageTag], { description: "Languages the organisation works in (BCP 47)." })
  @Column("text", { array: true, default: () => "'{}'" })
  workingLanguages!: string[];
}
