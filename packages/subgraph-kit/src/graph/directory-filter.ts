import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { expandDisciplines } from "@agora-hub/runtime";
import type { Discipline } from "./vocabulary.types";

/** The criteria every directory list shares; each list adds its own. */
export interface DirectoryFilter {
  disciplines?: Discipline[] | null;
  countries?: string[] | null;
  languages?: string[] | null;
  networks?: string[] | null;
}

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
    query.andWhere(
      `EXISTS (SELECT 1 FROM unnest(${columns.languages}) AS held WHERE held = ANY(:languages) OR split_part(held, '-', 1) = ANY(:languages))`,
      { languages: filter.languages },
    );
  }
  if (filter.networks?.length) query.andWhere(`${columns.network} = ANY(:networks)`, { networks: filter.networks });
  return query;
}
