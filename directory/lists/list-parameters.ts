import { type GraphQLSchema, isEnumType } from "graphql";
import { canonicalLanguageTag, NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import type { ListCriterion, ListDefinition } from "./list-definitions";

/** A query parameter of a list page that cannot be used, named with the reason. */
export class ListParameterError extends Error {
  constructor(
    readonly param: string,
    readonly reason: string,
  ) {
    super(`${param}: ${reason}`);
  }
}

/** What a list page was asked for: the criteria chosen (by parameter), the words and the cursor. */
export interface ListRequest {
  chosen: Map<string, string[]>;
  search: string | null;
  after: string | null;
}

const MAX_VALUES = 10;
const SEARCH_MAX_LENGTH = 200;
const CURSOR_MAX_LENGTH = 2000;
/** Parameters every page takes besides the criteria. */
const PAGE_PARAMS = new Set(["lang", "q", "after"]);

function valuesOf(raw: unknown): string[] {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === "string");
  return values.map((value) => value.trim()).filter((value) => value.length > 0);
}

/** One value of a criterion, checked (and canonicalised) as the filter field will want it. */
function checkedValue(criterion: ListCriterion, value: string, schema: GraphQLSchema | undefined): string | number {
  const { value: kind, param } = criterion;
  if (kind === "language") {
    const tag = canonicalLanguageTag(value);
    if (!tag) throw new ListParameterError(param, `${JSON.stringify(value.slice(0, 40))} is not a language tag (e.g. "fr", "ar")`);
    return tag;
  }
  if (kind === "network") {
    if (!NETWORK_SLUG_PATTERN.test(value)) throw new ListParameterError(param, `${JSON.stringify(value.slice(0, 40))} is not a network slug`);
    return value;
  }
  if ("days" in kind) {
    const days = Number(value);
    if (!/^\d{1,4}$/.test(value) || days < 1 || days > kind.days) throw new ListParameterError(param, `must be a whole number of days from 1 to ${kind.days}`);
    return days;
  }
  const type = schema?.getType(kind.enum);
  const known = type && isEnumType(type) ? type.getValue(value) !== undefined : /^[A-Z][A-Z0-9_]{0,63}$/.test(value);
  if (!known) throw new ListParameterError(param, `${JSON.stringify(value.slice(0, 40))} is not a value of ${kind.enum}`);
  return value;
}

/** Reads the values of some criteria from a query: each checked, at most 10 values a criterion (one for single-valued ones). */
export function readCriteria(criteria: readonly ListCriterion[], query: Record<string, unknown>, schema: GraphQLSchema | undefined): Map<string, string[]> {
  const chosen = new Map<string, string[]>();
  for (const criterion of criteria) {
    const values = [...new Set(valuesOf(query[criterion.param]))];
    if (values.length === 0) continue;
    if (values.length > (criterion.many ? MAX_VALUES : 1))
      throw new ListParameterError(criterion.param, criterion.many ? `at most ${MAX_VALUES} values` : "one value only");
    chosen.set(
      criterion.param,
      values.map((value) => String(checkedValue(criterion, value, schema))),
    );
  }
  return chosen;
}

/** A filter input from chosen criteria (numbers as numbers, single-valued fields as one value). */
export function filterOf(criteria: readonly ListCriterion[], chosen: ReadonlyMap<string, readonly string[]>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const criterion of criteria) {
    const values = chosen.get(criterion.param);
    if (!values) continue;
    const typed = values.map((value) => (typeof criterion.value === "object" && "days" in criterion.value ? Number(value) : value));
    filter[criterion.field] = criterion.many ? typed : typed[0];
  }
  return filter;
}

/** Reads a list page's query parameters: every value checked, unknown parameters refused. */
export function readListRequest(definition: ListDefinition, query: Record<string, unknown>, schema: GraphQLSchema | undefined): ListRequest {
  for (const param of Object.keys(query)) {
    if (!PAGE_PARAMS.has(param) && !definition.criteria.some((criterion) => criterion.param === param)) {
      throw new ListParameterError(param, `is not a criterion of this list (${definition.criteria.map((criterion) => criterion.param).join(", ")})`);
    }
  }
  const chosen = readCriteria(definition.criteria, query, schema);
  const [search = null] = valuesOf(query.q);
  if (search && search.length > SEARCH_MAX_LENGTH) throw new ListParameterError("q", `at most ${SEARCH_MAX_LENGTH} characters`);
  const [after = null] = valuesOf(query.after);
  if (after && after.length > CURSOR_MAX_LENGTH) throw new ListParameterError("after", "is not a cursor of this list");
  return { chosen, search, after };
}

/** The list operation's variables for a request. */
export function listVariables(definition: ListDefinition, request: ListRequest): Record<string, unknown> {
  return { filter: { ...definition.fixed, ...filterOf(definition.criteria, request.chosen) }, search: request.search, after: request.after };
}

/** The list page's path and query for a set of criteria (without `lang`), parameters in the definition's order. */
export function listPath(definition: ListDefinition, chosen: ReadonlyMap<string, readonly string[]>, search: string | null, after?: string | null): string {
  const params = new URLSearchParams();
  if (search) params.set("q", search);
  for (const criterion of definition.criteria) {
    for (const value of chosen.get(criterion.param) ?? []) params.append(criterion.param, value);
  }
  if (after) params.set("after", after);
  const query = params.toString();
  return `/${definition.collection}${query ? `?${query}` : ""}`;
}

/** The criteria with one value added to or taken from a criterion: a facet link's target. */
export function toggled(chosen: ReadonlyMap<string, readonly string[]>, criterion: ListCriterion, value: string): Map<string, string[]> {
  const next = new Map([...chosen].map(([param, values]) => [param, [...values]]));
  const current = next.get(criterion.param) ?? [];
  const without = current.filter((existing) => existing !== value);
  if (without.length < current.length) {
    if (without.length > 0) next.set(criterion.param, without);
    else next.delete(criterion.param);
  } else {
    next.set(criterion.param, criterion.many ? [...current, value] : [value]);
  }
  return next;
}
