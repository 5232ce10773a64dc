import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLSchema, type GraphQLNamedType } from "graphql";
import { Arg, buildSchema, Field, ObjectType, Query, Resolver } from "type-graphql";
import { LocalizedText, LocalizedTextInput } from "../graph/localized-text";
import { CareerStage, OpportunityStatus, OpportunityType } from "../graph/shared-enums.types";
import { CountryCode, CurrencyCode, Discipline, LocalDate, WebUrl } from "../graph/vocabulary.types";
import { FacetCount, SearchMatch } from "../data/search";
import { PageInfo } from "../data/pagination";
import { printSchemaExtension } from "./build-subgraph-schema";
import { PublicationDecision } from "../moderation/publication-decision.entity";
import { PublicationAction } from "../moderation/publication-state";

/** The graph's shared types, in the order `schema/shared-types.graphql` lists them. */
export const SHARED_TYPE_NAMES = [
  "LocalizedText",
  "Translation",
  "LocalizedTextInput",
  "TranslationInput",
  "PageInfo",
  "FacetCount",
  "SearchMatch",
  "Discipline",
  "CountryCode",
  "CurrencyCode",
  "CareerStage",
  "OpportunityType",
  "OpportunityStatus",
  "LanguageTag",
  "WebUrl",
  "LocalDate",
  "PublicationState",
  "PublicationAction",
  "PublicationChange",
  "PublicationActorKind",
  "PublicationDecision",
] as const;

// Only there to make every shared type reachable, so type-graphql builds it; never served.
@ObjectType()
class SharedTypesCatalogue {
  @Field(() => LocalizedText) localizedText!: LocalizedText;
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => FacetCount) facetCount!: FacetCount;
  @Field(() => SearchMatch) searchMatch!: SearchMatch;
  @Field(() => Discipline) discipline!: Discipline;
  @Field(() => CountryCode) countryCode!: CountryCode;
  @Field(() => CurrencyCode) currencyCode!: CurrencyCode;
  @Field(() => CareerStage) careerStage!: CareerStage;
  @Field(() => OpportunityType) opportunityType!: OpportunityType;
  @Field(() => OpportunityStatus) opportunityStatus!: OpportunityStatus;
  @Field(() => WebUrl) webUrl!: string;
  @Field(() => LocalDate) localDate!: string;
  @Field(() => PublicationDecision) publicationDecision!: PublicationDecision;
  @Field(() => PublicationAction) publicationAction!: PublicationAction;
}

@Resolver()
class SharedTypesCatalogueResolver {
  @Query(() => SharedTypesCatalogue)
  sharedTypesCatalogue(@Arg("text", () => LocalizedTextInput) _text: LocalizedTextInput): SharedTypesCatalogue {
    throw new Error("never served");
  }
}

/**
 * The SDL of the graph's shared types (multilingual text, page info, facets, search matches, the
 * vocabularies and shared enums), exactly as the kit's subgraphs define them, after the same federation
 * `@link` as theirs. A subgraph written without the kit (or without TypeScript) starts its SDL from this
 * document, or copies the definitions it uses, so that composition finds them identical in every subgraph.
 */
export async function printSharedTypes(): Promise<string> {
  const built = await buildSchema({ resolvers: [SharedTypesCatalogueResolver], skipCheck: true });
  const types = SHARED_TYPE_NAMES.map((name) => built.getType(name)).filter((type): type is GraphQLNamedType => type !== undefined && type !== null);
  const missing = SHARED_TYPE_NAMES.filter((name) => !built.getType(name));
  if (missing.length > 0) throw new Error(`shared types not built: ${missing.join(", ")}`);
  const sdl = printSchemaWithDirectives(new GraphQLSchema({ types }));
  return `${printSchemaExtension({ name: "shared-types" })}\n\n${sdl}\n`;
}
