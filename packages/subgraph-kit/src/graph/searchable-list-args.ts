import { IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, type ClassType, Field } from "type-graphql";
import { PageArgs } from "../data/pagination";
import { PublicationPageArgs } from "../moderation/publication-list-args";
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH, TOTAL_EXACT_LIMIT } from "../data/search";

/** What `SearchableListArgs` needs to describe one list's arguments. */
export interface SearchableListArgsOptions<TFilter extends object, TOrder extends string> {
  /** The list's filter input, usually a `DirectoryFilterInput` subclass. */
  filter: ClassType<TFilter>;
  /** What `search` looks through, for its description: "the name, description and city". */
  searches: string;
  /** The list's order enum (registered with `registerEnumType`), which holds RELEVANCE. */
  order: Record<string, TOrder>;
  /** The order without a search, as `chooseOrder` is given it: "NAME". */
  defaultOrder: NoInfer<TOrder>;
  /** A list of moderated records: adds `publicationStates` and `includeArchived` (`applyPublicationFilter`). */
  moderated?: boolean;
}

/**
 * The base class of a searchable list's arguments (`paginateSearchable`): `first` and `after`, then
 * `filter`, `search` (websearch syntax, checked for length) and `orderBy`, described for this list.
 * The subclass is the `@ArgsType()` the query takes and may add arguments of its own.
 */
export function SearchableListArgs<TFilter extends object, TOrder extends string>(options: SearchableListArgsOptions<TFilter, TOrder>) {
  @ArgsType()
  // Typed as the wider class: a list that is not moderated simply has no such arguments in its schema.
  abstract class SearchableListArgsBase extends ((options.moderated ? PublicationPageArgs : PageArgs) as typeof PublicationPageArgs) {
    @Field(() => options.filter, { nullable: true })
    @IsOptional()
    @ValidateNested()
    filter?: TFilter;

    @Field(() => String, {
      nullable: true,
      description: `Words to look for in ${options.searches}, in every language, accents ignored; names also match with typos. Quoted phrases, \`or\` and \`-word\` work as in web search engines. ${SEARCH_MIN_LENGTH} to ${SEARCH_MAX_LENGTH} characters.`,
    })
    @IsOptional()
    @Length(SEARCH_MIN_LENGTH, SEARCH_MAX_LENGTH, { message: `must be ${SEARCH_MIN_LENGTH} to ${SEARCH_MAX_LENGTH} characters` })
    search?: string;

    @Field(() => options.order, {
      nullable: true,
      description: `Order of the list: RELEVANCE by default when searching (best matches first; a search matching more than ${TOTAL_EXACT_LIMIT} items is ranked over the first ${TOTAL_EXACT_LIMIT} found), else ${options.defaultOrder}.`,
    })
    @IsOptional()
    orderBy?: TOrder | null;
  }
  return SearchableListArgsBase;
}
