import type { DataSource, EntityManager } from "typeorm";
import { z } from "zod";
import { type BackgroundTask, startPoller } from "@agora-hub/runtime";
import { OPERATOR, readEnv } from "@agora-hub/runtime";
import { type BackgroundContext, callPeer, type PeerTargets } from "@agora-hub/subgraph-kit";

/**
 * Every subgraph that stores references to people drops them when a person is erased, by following the
 * people subgraph's erasure feed (`personErasures`): it polls the feed as the operator, applies each erasure
 * through its `onPersonErased` hook, and keeps its place in its own table `person_erasure_cursor` (one row).
 * Hooks must be idempotent: a page is applied again when the process stops before its cursor is saved.
 */

/**
 * Settings of the feed followers (and of the people subgraph's webhooks, which poll at the same pace); the
 * followers find the people subgraph among their peers (`peer-subgraphs.ts`).
 */
export const erasureFeedEnvShape = {
  AGORA_ERASURE_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
};

/** Drops what a subgraph stores about one erased person; runs inside the transaction that saves the cursor. */
export type PersonErasedHook = (manager: EntityManager, personId: string) => Promise<void>;

/** One page of the feed. */
export interface ErasureFeedPage {
  personIds: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Reads the feed after a cursor (null: from the start). */
export type ErasureFeedSource = (after: string | null) => Promise<ErasureFeedPage>;

/** Page size of a follower's requests (the feed's maximum). */
const PAGE_SIZE = 100;

export const PERSON_ERASURES_QUERY = /* GraphQL */ `
  query PersonErasures($after: String, $first: Int!) {
    personErasures(after: $after, first: $first) { edges { node { personId } } pageInfo { endCursor hasNextPage } }
  }
`;

type FeedAnswer = {
  data?: { personErasures?: { edges: Array<{ node: { personId: string } }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } | null } | null;
  errors?: Array<{ message: string }>;
};

/**
 * The feed over HTTP from the people subgraph among `peers`, read as the operator with a hub token for the
 * people subgraph (`callPeer`); without the hub's key set the call goes without one, which a people subgraph
 * that verifies tokens refuses.
 */
export function httpErasureFeed(peers: PeerTargets, options: { timeoutMs?: number } = {}): ErasureFeedSource {
  return async (after) => {
    const answer = await callPeer<FeedAnswer["data"]>(
      peers,
      "people",
      { viewer: OPERATOR },
      { query: PERSON_ERASURES_QUERY, variables: { after, first: PAGE_SIZE } },
      { timeoutMs: options.timeoutMs ?? 5000, background: "erasure-follower" },
    );
    const feed = answer.data?.personErasures;
    if (!feed) throw new Error(`the erasure feed answered HTTP ${answer.status}: ${answer.errors?.[0]?.message ?? "no data"}`);
    return { personIds: feed.edges.map((edge) => edge.node.personId), endCursor: feed.pageInfo.endCursor, hasNextPage: feed.pageInfo.hasNextPage };
  };
}

/** Where this subgraph stands in the feed (null: at the start). */
export async function readErasureCursor(dataSource: DataSource): Promise<string | null> {
  const rows = (await dataSource.query("SELECT after_cursor FROM person_erasure_cursor")) as Array<{ after_cursor: string | null }>;
  return rows[0]?.after_cursor ?? null;
}

/** Applies every erasure the feed has after this subgraph's cursor; returns how many were applied. */
export async function followErasures(dataSource: DataSource, source: ErasureFeedSource, onPersonErased: PersonErasedHook): Promise<number> {
  let after = await readErasureCursor(dataSource);
  let applied = 0;
  for (;;) {
    const page = await source(after);
    if (page.personIds.length === 0 || page.endCursor === null) return applied;
    const endCursor = page.endCursor;
    await dataSource.transaction(async (manager) => {
      for (const personId of page.personIds) await onPersonErased(manager, personId);
      await manager.query(
        `INSERT INTO person_erasure_cursor (id, after_cursor, updated_at) VALUES (true, $1, now())
         ON CONFLICT (id) DO UPDATE SET after_cursor = EXCLUDED.after_cursor, updated_at = now()`,
        [endCursor],
      );
    });
    applied += page.personIds.length;
    after = endCursor;
    if (!page.hasNextPage) return applied;
  }
}

/** Follows the feed every `pollMs` until stopped. */
export function startErasureFollower(options: {
  subgraph: string;
  dataSource: DataSource;
  source: ErasureFeedSource;
  onPersonErased: PersonErasedHook;
  pollMs: number;
}): BackgroundTask {
  return startPoller(`${options.subgraph}-erasure-follower`, options.pollMs, () => followErasures(options.dataSource, options.source, options.onPersonErased));
}

/**
 * The background work of a subgraph that stores people's ids: follows the people subgraph's erasure feed
 * and drops what it holds about each erased person through `onPersonErased`. Not for partners' subgraphs,
 * which read the feed through the gateway with their API key.
 */
export function followPersonErasures(onPersonErased: PersonErasedHook): (context: BackgroundContext) => BackgroundTask | undefined {
  return (context) => {
    if (context.partner) return undefined;
    const feed = readEnv(erasureFeedEnvShape, context.env);
    const source = httpErasureFeed(context.peers);
    return startErasureFollower({ subgraph: context.subgraph, dataSource: context.dataSource, source, onPersonErased, pollMs: feed.AGORA_ERASURE_POLL_MS });
  };
}
