import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import { badUserInput, type FieldViolation, type KeyStubClass, logger, reportPartialError, type SubgraphContext } from "@agora-hub/subgraph-kit";
import { PageInfo } from "@agora-hub/subgraph-kit";
import { Event } from "../event/event.stub";
import { Opportunity } from "../opportunity/opportunity.stub";
import { Organisation } from "../organisation/organisation.stub";
import { Person } from "../person/person.stub";
import { Resource } from "../resource/resource.stub";
import { SEARCHED_TYPES, type SearchedType, type SearchSettings } from "../search.config";
import type { SearchArgs, SearchFilter } from "./search.args";
import { callSubgraph, type Caller } from "./search.client";
import { SearchHit, SearchHitType, SearchResultConnection } from "./search.type";

/** The search subgraph's request context: the kit's (no tables, no loaders) with its settings. */
export type SearchContext = SubgraphContext<Record<string, never>, SearchSettings>;

/*
 * Scatter-gather. Each page asks every searched type's owner for its next `first` hits by relevance
 * (its own keyset cursor), then merges them best first and keeps `first`.
 *
 * Normalisation: an owner's score (ts_rank_cd + word similarity) is only comparable within its own list,
 * so each hit's score is divided by the best score its type had for this search (the first hit of that
 * type's list). Every type's best hit scores 1; the others say how close they come to it. The divisor is
 * fixed on the first page where the type answers and carried in the cursor, so later pages rank the same
 * way. Equal scores are ordered by type (PERSON, ORGANISATION, OPPORTUNITY, EVENT, RESOURCE), then by the owner's order.
 *
 * Cursor: per type, the owner's cursor of the last hit consumed, the divisor and whether the type is
 * exhausted, plus a fingerprint of the query, types and filter. Since each type's list continues exactly
 * after its own cursor, the merge after a cursor is the same as the rest of one merge of all hits:
 * pages are stable and none is skipped or repeated.
 *
 * A type whose owner fails or times out is left out of the page with an error naming it, and keeps its
 * position in the cursor, so the next page asks it again.
 */

/** Position of one type in the merged list. */
interface TypePosition {
  /** Owner's cursor of the last consumed hit; null before the first. */
  after: string | null;
  /** Divisor of the type's scores (its best score); null until known. */
  best: number | null;
  /** True when every hit of the type has been consumed. */
  done: boolean;
}

type Positions = Partial<Record<SearchHitType, TypePosition>>;

/** Wire form of a cursor: fingerprint and, per type, `[after, best, done]`. */
interface EncodedCursor {
  f: string;
  p: Partial<Record<SearchHitType, [string | null, number | null, 0 | 1]>>;
}

/** One hit as an owner returned it. */
interface OwnerHit {
  cursor: string;
  id: string;
  score: number;
  snippet: string | null;
}

/** What the owners of the searched types answered for one page. */
interface OwnerPage {
  hits: OwnerHit[];
  hasNextPage: boolean;
  totalCount: number | null;
  totalCountApproximate: boolean;
}

interface ListAnswer {
  list: {
    totalCount?: number;
    totalCountApproximate?: boolean;
    pageInfo: { hasNextPage: boolean };
    edges: Array<{ cursor: string; node: { id: string; searchMatch: { score: number; snippet: string | null } | null } }>;
  };
}

const STUBS: Record<SearchHitType, KeyStubClass<{ id: "ID" }>> = {
  [SearchHitType.PERSON]: Person,
  [SearchHitType.ORGANISATION]: Organisation,
  [SearchHitType.OPPORTUNITY]: Opportunity,
  [SearchHitType.EVENT]: Event,
  [SearchHitType.RESOURCE]: Resource,
};

/** Searches people, organisations, opportunities, events and resources at once; see the notes above. */
export async function search(context: SearchContext, args: SearchArgs, options: { withTotal: boolean }): Promise<SearchResultConnection> {
  const query = args.query.trim().replace(/\s+/g, " ");
  const searched = SEARCHED_TYPES.filter(({ type }) => !args.types || args.types.includes(type));
  const filter = commonFilter(args.filter);
  const fingerprint = fingerprintOf(query, searched, filter);
  const positions: Positions = args.after
    ? decodeSearchCursor(args.after, fingerprint, searched)
    : Object.fromEntries(searched.map(({ type }) => [type, { after: null, best: null, done: false }]));

  // A running search subgraph always has its peers (the kit refuses to start without their URLs).
  const peers = context.peers ?? { urls: {}, timeoutMs: 0 };
  const caller: Caller = { viewer: context.viewer, requestId: context.requestId, languages: context.languages ?? [] };
  const pending = searched.filter(({ type }) => !positions[type]?.done);
  const answers = await Promise.all(
    pending.map(async (searchedType) => ({
      searchedType,
      answer: await callSubgraph<ListAnswer>(
        { subgraph: searchedType.subgraph, url: peers.urls[searchedType.subgraph], signer: peers.signer, timeoutMs: context.settings.timeoutMs },
        caller,
        listOperation(searchedType, query, args.first, positions[searchedType.type]?.after ?? null, filter, options.withTotal),
      ),
    })),
  );

  const pages = new Map<SearchHitType, OwnerPage>();
  const badInput: FieldViolation[] = [];
  for (const { searchedType, answer } of answers) {
    if (answer.ok) {
      pages.set(searchedType.type, ownerPage(answer.data));
    } else if (answer.reason === "bad-input") {
      for (const error of answer.errors) badInput.push(...violationsOf(error));
    } else {
      logger.warn({ subgraph: searchedType.subgraph, requestId: context.requestId, detail: answer.detail }, "searched subgraph failed");
      reportPartialError(
        context,
        new GraphQLError(`Search hits of type ${searchedType.type} are missing: the ${searchedType.subgraph} subgraph did not answer`, {
          path: ["search"],
          extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: searchedType.subgraph, type: searchedType.type },
        }),
      );
    }
  }
  // The owners validate the query as this subgraph does; if one still refuses it, so would all.
  if (badInput.length > 0) throw badUserInput(badInput);

  return merge(positions, pages, args, fingerprint, options.withTotal);
}

/** Merges the owners' pages best first into one page of at most `first` hits. */
function merge(positions: Positions, pages: Map<SearchHitType, OwnerPage>, args: SearchArgs, fingerprint: string, withTotal: boolean): SearchResultConnection {
  const next = new Map<SearchHitType, number>();
  for (const [type, page] of pages) {
    const position = positions[type] as TypePosition;
    if (position.best === null && position.after === null && page.hits.length > 0) position.best = page.hits[0].score;
    if (page.hits.length === 0 && !page.hasNextPage) position.done = true;
    next.set(type, 0);
  }
  const typeOrder = SEARCHED_TYPES.map(({ type }) => type);
  const edges: SearchHit[] = [];
  while (edges.length < args.first) {
    let chosen: { type: SearchHitType; hit: OwnerHit; score: number } | null = null;
    for (const type of typeOrder) {
      const page = pages.get(type);
      const index = next.get(type);
      if (!page || index === undefined || index >= page.hits.length) continue;
      const hit = page.hits[index];
      const score = normalise(hit.score, (positions[type] as TypePosition).best);
      // Strictly greater: an equal score keeps the earlier type.
      if (!chosen || score > chosen.score) chosen = { type, hit, score };
    }
    if (!chosen) break;
    const { type, hit, score } = chosen;
    const consumed = (next.get(type) as number) + 1;
    next.set(type, consumed);
    const page = pages.get(type) as OwnerPage;
    const position = positions[type] as TypePosition;
    position.after = hit.cursor;
    position.done = consumed === page.hits.length && !page.hasNextPage;
    edges.push(
      Object.assign(new SearchHit(), {
        cursor: encodeSearchCursor(fingerprint, positions),
        type,
        score,
        snippet: hit.snippet,
        node: STUBS[type].of({ id: hit.id }),
      }),
    );
  }
  const hasNextPage = [...pages].some(([type, page]) => (next.get(type) as number) < page.hits.length || page.hasNextPage);
  const connection = new SearchResultConnection();
  connection.edges = edges;
  connection.pageInfo = Object.assign(new PageInfo(), {
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
  connection.totalCount = withTotal ? [...pages.values()].reduce((sum, page) => sum + (page.totalCount ?? 0), 0) : 0;
  connection.totalCountApproximate = withTotal && [...pages.values()].some((page) => page.totalCountApproximate);
  return connection;
}

/** A score divided by its type's best, within 0..1 (an owner's scores never exceed its first). */
function normalise(score: number, best: number | null): number {
  if (best === null || best <= 0) return score > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, score / best));
}

/** The owner's list query for one type; the filter type differs per owner, the shape does not. */
function listOperation(
  { listField, filterType }: SearchedType,
  query: string,
  first: number,
  after: string | null,
  filter: SearchFilter | null,
  withTotal: boolean,
): { query: string; variables: Record<string, unknown> } {
  return {
    query: `query Search($search: String!, $first: Int!, $after: String, $filter: ${filterType}) {
  list: ${listField}(search: $search, first: $first, after: $after, filter: $filter, orderBy: RELEVANCE) {
    ${withTotal ? "totalCount totalCountApproximate" : ""}
    pageInfo { hasNextPage }
    edges { cursor node { id searchMatch { score snippet } } }
  }
}`,
    variables: { search: query, first, after, filter },
  };
}

function ownerPage(data: ListAnswer): OwnerPage {
  return {
    hits: data.list.edges.map(({ cursor, node }) => ({ cursor, id: node.id, score: node.searchMatch?.score ?? 0, snippet: node.searchMatch?.snippet ?? null })),
    hasNextPage: data.list.pageInfo.hasNextPage,
    totalCount: data.list.totalCount ?? null,
    totalCountApproximate: data.list.totalCountApproximate ?? false,
  };
}

/** The criteria of the common filter that are set; null when none is. */
function commonFilter(filter: SearchFilter | undefined): SearchFilter | null {
  if (!filter) return null;
  const kept = Object.fromEntries(
    (["disciplines", "countries", "languages", "networks"] as const)
      .filter((key) => filter[key] !== undefined && filter[key] !== null)
      .map((key) => [key, filter[key]]),
  );
  return Object.keys(kept).length > 0 ? (kept as SearchFilter) : null;
}

/** An owner's BAD_USER_INPUT as this API's violations (`search` is called `query` here). */
function violationsOf(error: { message: string; extensions?: Record<string, unknown> }): FieldViolation[] {
  const violations = error.extensions?.violations;
  const list = Array.isArray(violations) ? (violations as FieldViolation[]) : [{ field: String(error.extensions?.field ?? "query"), message: error.message }];
  return list.map(({ field, message }) => ({ field: field === "search" ? "query" : field, message }));
}

function fingerprintOf(query: string, searched: readonly SearchedType[], filter: SearchFilter | null): string {
  return createHash("sha256")
    .update(JSON.stringify([query, searched.map(({ type }) => type), filter]))
    .digest("base64url")
    .slice(0, 16);
}

function encodeSearchCursor(fingerprint: string, positions: Positions): string {
  const encoded: EncodedCursor = { f: fingerprint, p: {} };
  for (const [type, position] of Object.entries(positions) as Array<[SearchHitType, TypePosition]>) {
    encoded.p[type] = [position.after, position.best, position.done ? 1 : 0];
  }
  return Buffer.from(JSON.stringify(encoded)).toString("base64url");
}

/** Reads a cursor of this search; a malformed one, or one of another search, is a BAD_USER_INPUT naming `after`. */
function decodeSearchCursor(cursor: string, fingerprint: string, searched: readonly SearchedType[]): Positions {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = null;
  }
  const { f, p } = (typeof decoded === "object" && decoded !== null ? decoded : {}) as Partial<EncodedCursor>;
  if (typeof f !== "string" || typeof p !== "object" || p === null) throw badUserInput({ field: "after", message: "is not a cursor returned by this search" });
  if (f !== fingerprint) throw badUserInput({ field: "after", message: "belongs to a search with another query, types or filter" });
  const positions: Positions = {};
  for (const { type } of searched) {
    const entry = p[type];
    if (
      !Array.isArray(entry) ||
      entry.length !== 3 ||
      !(entry[0] === null || (typeof entry[0] === "string" && entry[0].length <= 1000)) ||
      !(entry[1] === null || (typeof entry[1] === "number" && Number.isFinite(entry[1]))) ||
      !(entry[2] === 0 || entry[2] === 1)
    ) {
      throw badUserInput({ field: "after", message: "is not a cursor returned by this search" });
    }
    positions[type] = { after: entry[0], best: entry[1], done: entry[2] === 1 };
  }
  return positions;
}
