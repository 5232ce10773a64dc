import { ArrayMaxSize, IsOptional, Length, Matches } from "class-validator";
import { Field, InputType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { expandDisciplines, NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import { CountryCode, Discipline, LanguageTag } from "./vocabulary.types";

/** The criteria a directory filter input may take from the kit, as its class holds them. */
export interface DirectoryFilterFields {
  disciplines?: Discipline[];
  countries?: CountryCode[];
  languages?: string[];
  networks?: string[];
  text?: string;
}

/** One of the criteria `DirectoryFilterInput` declares. */
export type DirectoryFilterField = keyof DirectoryFilterFields;

/** The criteria `applyDirectoryFilter` applies; `text` is matched by each list on its own columns. */
export type DirectoryFilter = { [F in Exclude<DirectoryFilterField, "text">]?: DirectoryFilterFields[F] | null };

/** Where a list keeps the shared criteria: SQL columns with the query's alias, e.g. `person.country`. */
export interface DirectoryColumns {
  /** A text[] of discipline codes. */
  disciplines: string;
  /** A single ISO country code. */
  country: string;
  /** A text[] of BCP 47 tags. */
  languages: string;
  network: string;
}

/**
 * Applies the shared criteria: any of the disciplines (a UNESCO domain also matches its practices),
 * any of the countries, any of the languages (`pt` also matches `pt-BR`), any of the networks.
 */
export function applyDirectoryFilter<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  filter: DirectoryFilter | undefined | null,
  columns: DirectoryColumns,
): SelectQueryBuilder<T> {
  if (!filter) return query;
  if (filter.disciplines?.length) query.andWhere(`${columns.disciplines} && :disciplines`, { disciplines: expandDisciplines(filter.disciplines) });
  if (filter.countries?.length) query.andWhere(`${columns.country} = ANY(:countries)`, { countries: filter.countries });
  if (filter.languages?.length) {
    query.andWhere(`EXISTS (SELECT 1 FROM unnest(${columns.languages}) AS held WHERE held = ANY(:languages) OR split_part(held, '-', 1) = ANY(:languages))`, {
      languages: filter.languages,
    });
  }
  if (filter.networks?.length) query.andWhere(`${columns.network} = ANY(:networks)`, { networks: filter.networks });
  return query;
}

/** Most values one criterion of a directory filter takes. */
export const MAX_FILTER_VALUES = 50;
/** Longest `text` criterion, in characters. */
export const MAX_FILTER_TEXT_LENGTH = 200;

type PropertyDecorator = (prototype: object, property: string) => void;
// type-graphql does not export the type of its type functions.
type TypeFunction = NonNullable<Parameters<typeof Field>[0]>;

/** Checks a list criterion holds at most `MAX_FILTER_VALUES` values; for a filter's own list criteria. */
export function MaxFilterValues(): PropertyDecorator {
  return ArrayMaxSize(MAX_FILTER_VALUES, { message: `must hold at most ${MAX_FILTER_VALUES} values` });
}

/** Each criterion's GraphQL type, default description and checks, in the order the schema lists them. */
const FIELDS: Record<DirectoryFilterField, { type: TypeFunction; description: string; checks: PropertyDecorator[] }> = {
  disciplines: {
    type: () => [Discipline],
    description: "Any of these disciplines; a domain also matches its practices.",
    checks: [MaxFilterValues()],
  },
  countries: { type: () => [CountryCode], description: "In any of these countries.", checks: [MaxFilterValues()] },
  languages: { type: () => [LanguageTag], description: 'In any of these languages; "pt" also matches "pt-BR".', checks: [MaxFilterValues()] },
  networks: {
    type: () => [String],
    description: "From any of these networks (slugs).",
    checks: [MaxFilterValues(), Matches(NETWORK_SLUG_PATTERN, { each: true, message: "each network must be a slug" })],
  },
  text: {
    type: () => String,
    description: "Part of the name, case-insensitive.",
    checks: [Length(1, MAX_FILTER_TEXT_LENGTH, { message: `must be 1 to ${MAX_FILTER_TEXT_LENGTH} characters` })],
  },
};

/**
 * The base class of a list's filter input: declares the chosen shared criteria, all optional, with
 * their checks; each is given its description for this list (what "country" means for a person is not
 * what it means for an event), or `true` for the kit's. The list's own criteria follow in the subclass:
 *
 * ```ts
 * @InputType({ description: "Narrows a list of people; …" })
 * class PeopleFilter extends DirectoryFilterInput({ disciplines: true, countries: "Resident in any of these countries.", networks: true }) {
 *   @Field(() => [OpenTo], { nullable: true }) @IsOptional() openTo?: OpenTo[];
 * }
 * ```
 * The base is no GraphQL type of its own; its fields come first, in the order of `DirectoryFilterFields`.
 */
export function DirectoryFilterInput<TField extends DirectoryFilterField>(descriptions: { [F in TField]: string | true }): abstract new () => Pick<
  DirectoryFilterFields,
  TField
> {
  // Abstract and never referenced, so type-graphql lends its fields to the subclass and emits no type for it.
  @InputType()
  abstract class DirectoryFilterBase {}
  for (const name of Object.keys(FIELDS) as DirectoryFilterField[]) {
    if (!(name in descriptions)) continue;
    const given = descriptions[name as TField];
    const { type, description, checks } = FIELDS[name];
    Field(type, { nullable: true, description: given === true ? description : given })(DirectoryFilterBase.prototype, name);
    IsOptional()(DirectoryFilterBase.prototype, name);
    for (const check of checks) check(DirectoryFilterBase.prototype, name);
  }
  return DirectoryFilterBase as abstract new () => Pick<DirectoryFilterFields, TField>;
}
