import { baseLanguage, DISCIPLINE_PRACTICES, type DisciplinePractice } from "@agora-hub/runtime";

/** The dimensions a saved search filters a record's change by, each named as the list filter it mirrors. */
export const CHANGE_DIMENSIONS = [
  "disciplines",
  "countries",
  "languages",
  "networks",
  "opportunityTypes",
  "eligibleFor",
  "eventFormats",
  "organisationKinds",
  "resourceKinds",
] as const;

/** One of CHANGE_DIMENSIONS. */
export type ChangeDimension = (typeof CHANGE_DIMENSIONS)[number];

/** The distinct values of `values` that are set, in their first order. */
function distinct(values: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === "string" && value !== ""))];
}

/**
 * The shared terms of a directory record: disciplines with each practice's domain added (a saved search for
 * VISUAL_ARTS_AND_CRAFTS matches a PHOTOGRAPHY record, as the lists' `disciplines` filter does), countries,
 * languages each with its base ("pt-BR" → also "pt"), its network. A dimension without values is left out.
 */
export function directoryTerms(values: {
  disciplines?: string[] | null;
  countries?: Array<string | null | undefined> | null;
  languages?: string[] | null;
  network: string;
}): Partial<Record<ChangeDimension, string[]>> {
  const terms: Partial<Record<ChangeDimension, string[]>> = {};
  const disciplines = distinct(
    (values.disciplines ?? []).flatMap((code) => [
      code,
      Object.hasOwn(DISCIPLINE_PRACTICES, code) ? DISCIPLINE_PRACTICES[code as DisciplinePractice].domain : null,
    ]),
  );
  const countries = distinct(values.countries ?? []);
  const languages = distinct((values.languages ?? []).flatMap((tag) => [tag, baseLanguage(tag)]));
  if (disciplines.length > 0) terms.disciplines = disciplines;
  if (countries.length > 0) terms.countries = countries;
  if (languages.length > 0) terms.languages = languages;
  terms.networks = [values.network];
  return terms;
}
