import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { CountryCode, Discipline, LanguageTag, LocalDate, LocalizedTextInput, withNetworkSource, withPublicationDraft } from "@agora-hub/subgraph-kit";
import { ResourceKind } from "./resource.type";

/** How many of each list a resource holds at most. */
export const MAX_LINKS = 20;
export const MAX_AUTHORS = 100;
export const MAX_PUBLISHERS = 20;
export const MAX_RELATED = 50;

@InputType({ description: "Where a resource can be read or downloaded; checked on write, each bad part named (`links[0].url`)." })
export class ResourceLinkInput {
  @Field({ description: "An absolute http or https URL." })
  url!: string;

  @Field({ description: 'A media type (RFC 6838), e.g. "application/pdf" or "text/html".' })
  mediaType!: string;

  @Field(() => String, { nullable: true, description: 'Language of this version, a BCP 47 tag such as "fr" or "pt-BR"; omit for none.' })
  language?: string | null;
}

/** Fields a resource can have set; shared by create (where some are required) and update. */
@InputType()
abstract class ResourceFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  summary?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  body?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true, description: 'An SPDX licence identifier from the SPDX licence list, e.g. "CC-BY-4.0" or "MIT"; null: none stated.' })
  licence?: string | null;

  @Field(() => [ID], { nullable: true, description: `Ids of the people who wrote it, in title-page order (at most ${MAX_AUTHORS}); on update, replaces them.` })
  @IsOptional()
  @ArrayMaxSize(MAX_AUTHORS, { message: `must hold at most ${MAX_AUTHORS} authors` })
  authorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Ids of the publishing organisations (at most ${MAX_PUBLISHERS}); on update, replaces them.` })
  @IsOptional()
  @ArrayMaxSize(MAX_PUBLISHERS, { message: `must hold at most ${MAX_PUBLISHERS} publishers` })
  publisherIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Ids of organisations it is about or came out of (at most ${MAX_RELATED}); on update, replaces them.` })
  @IsOptional()
  @ArrayMaxSize(MAX_RELATED, { message: `must hold at most ${MAX_RELATED} organisations` })
  organisationIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Ids of opportunities it relates to, e.g. the call a project report came out of (at most ${MAX_RELATED}).`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_RELATED, { message: `must hold at most ${MAX_RELATED} opportunities` })
  opportunityIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Ids of events it relates to, e.g. the training it belongs to (at most ${MAX_RELATED}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_RELATED, { message: `must hold at most ${MAX_RELATED} events` })
  eventIds?: string[] | null;

  @Field(() => [Discipline], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: "must hold at most 20 disciplines" })
  disciplines?: Discipline[] | null;

  @Field(() => [CountryCode], { nullable: true, description: "Countries the resource is about." })
  @IsOptional()
  @ArrayMaxSize(60, { message: "must hold at most 60 countries" })
  countries?: CountryCode[] | null;

  @Field(() => [LanguageTag], { nullable: true, description: "Languages it is available in; when omitted on create, those of its links." })
  @IsOptional()
  @ArrayMaxSize(20, { message: "must hold at most 20 languages" })
  languages?: string[] | null;
}

@InputType({ description: "A new resource." })
export class CreateResourceInput extends withPublicationDraft(withNetworkSource(ResourceFieldsInput)) {
  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  title!: LocalizedTextInput;

  @Field(() => LocalDate, { description: "When it was published, YYYY-MM-DD." })
  publicationDate!: string;

  @Field(() => [ResourceLinkInput], { description: `Where to read or download it: 1 to ${MAX_LINKS} links.` })
  @ArrayMinSize(1, { message: "must hold at least one link" })
  @ArrayMaxSize(MAX_LINKS, { message: `must hold at most ${MAX_LINKS} links` })
  links!: ResourceLinkInput[];
}

@InputType({ description: "A resource to create or update by its network and source id (idempotent sync)." })
export class UpsertResourceInput extends CreateResourceInput {
  @Field({ description: "The resource's identifier in its source network; with `network`, says which resource to create or update." })
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  override sourceId!: string;
}

@InputType({ description: "Changes to a resource: omitted fields stay as they are, null clears an optional field." })
export class UpdateResourceInput extends ResourceFieldsInput {
  @Field(() => ResourceKind, { nullable: true })
  kind?: ResourceKind | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  title?: LocalizedTextInput | null;

  @Field(() => LocalDate, { nullable: true })
  publicationDate?: string | null;

  @Field(() => [ResourceLinkInput], { nullable: true, description: "Replaces the links when given; a resource keeps at least one." })
  @IsOptional()
  @ArrayMinSize(1, { message: "must hold at least one link" })
  @ArrayMaxSize(MAX_LINKS, { message: `must hold at most ${MAX_LINKS} links` })
  links?: ResourceLinkInput[] | null;
}
