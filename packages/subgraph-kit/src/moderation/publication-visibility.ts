import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { GraphQLError } from "graphql";
import { isModerating, seesUnpublishedOf, type Viewer } from "@agora-hub/runtime";
import { PUBLIC_STATES, PublicationState } from "./publication-state";

/**
 * Who sees which records: everyone the PUBLISHED ones in lists and the PUBLISHED and ARCHIVED ones by id; a
 * network also its own records in every state; moderators and the operator every record. Lists show only
 * PUBLISHED records unless asked for others (`publicationStates`, `includeArchived`), which match only
 * among the records the viewer may see unpublished. One rule for lookups, lists, nested lists and `_entities`.
 */

/** Whether `viewer` may read `record` by id. */
export function canReadRecord(viewer: Viewer, record: { publicationState: PublicationState; network: string }): boolean {
  return PUBLIC_STATES.includes(record.publicationState) || seesUnpublishedOf(viewer, record.network);
}

/** What a list asks of publication states (`PublicationListArgs`). */
export interface PublicationListRequest {
  publicationStates?: PublicationState[] | null;
  includeArchived?: boolean | null;
}

/** The condition (with its parameters) restricting a list's `alias` rows to what `viewer` may list, for `request`. */
export function publicationCondition(
  alias: string,
  viewer: Viewer,
  request: PublicationListRequest = {},
): { sql: string; parameters: Record<string, unknown> } {
  const asked = new Set<PublicationState>(request.publicationStates?.length ? request.publicationStates : [PublicationState.PUBLISHED]);
  if (request.includeArchived) asked.add(PublicationState.ARCHIVED);
  const others = [...asked].filter((state) => state !== PublicationState.PUBLISHED);
  if (others.length > 0 && viewer.kind === "anonymous") {
    throw new GraphQLError(
      `Listing records that are not PUBLISHED (${others.join(", ")}) needs credentials: a network sees its own, moderators and the operator all; send a key as \`Authorization: Bearer <token>\``,
      { extensions: { code: "UNAUTHENTICATED", field: request.includeArchived ? "includeArchived" : "publicationStates" } },
    );
  }
  const states = `${alias}.publication_state`;
  const parameters: Record<string, unknown> = { publicationStates: [...asked], publicStates: [PublicationState.PUBLISHED] };
  if (isModerating(viewer) || others.length === 0) return { sql: `${states} = ANY(:publicationStates)`, parameters };
  // A network: the states asked for among its own records, and only PUBLISHED among the others.
  parameters.publicationNetwork = viewer.kind === "network" ? viewer.network : null;
  return {
    sql: `(${states} = ANY(:publicStates) AND ${states} = ANY(:publicationStates) OR ${states} = ANY(:publicationStates) AND ${alias}.network = :publicationNetwork)`,
    parameters,
  };
}

/** Restricts a list query on `alias` to the records `viewer` may list for `request`. */
export function applyPublicationFilter<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  viewer: Viewer,
  request: PublicationListRequest = {},
): SelectQueryBuilder<T> {
  const { sql, parameters } = publicationCondition(alias, viewer, request);
  return query.andWhere(sql, parameters);
}

/** SQL restricting a nested list's rows (`alias`) to PUBLISHED records, which is what every viewer sees there. */
export function publishedOnly(alias: string): string {
  return `${alias}.publication_state = '${PublicationState.PUBLISHED}'`;
}

/** The loaded rows `viewer` may read by id, others as null (for a by-id loader's batch). */
export function readableBy<T>(viewer: Viewer, rows: Array<T | null>): Array<T | null> {
  return rows.map((row) =>
    row && (row as { publicationState?: unknown }).publicationState !== undefined && !canReadRecord(viewer, row as never) ? null : row,
  );
}
