import { GraphQLError } from "graphql";
import { badUserInput, type FieldViolation } from "../input/errors";
import { logger } from "@agora-hub/runtime";
import type { SubgraphContext } from "../subgraph";
import type { Viewer } from "@agora-hub/runtime";
import { callPeer, type PeerAnswer, PeerUnavailableError } from "./peer-client";
import type { PeerSubgraphs } from "./peer-subgraphs";

/**
 * Writes that store the id of another subgraph's entity (an event's speakers, an opportunity's contact, a
 * membership's person) first ask the owner whether each id resolves for the writer: the owner's `_entities`,
 * called with a hub token for the writer's viewer (`peer-client.ts`), so "exists and visible to the writer" is one
 * check made by the subgraph that owns the rules. It runs before any transaction, once per type per write.
 */

/** The entity types other subgraphs' writes reference, with the subgraph that owns each and how a miss reads. */
export const REFERENCED_TYPES = {
  Person: { owner: "people", missing: (id: string) => `no person with id ${id} is visible to you` },
  Organisation: { owner: "organisations", missing: (id: string) => `no organisation has the id ${id}` },
  Opportunity: { owner: "opportunities", missing: (id: string) => `no opportunity with id ${id} is visible to you` },
  Event: { owner: "events", missing: (id: string) => `no event with id ${id} is visible to you` },
} as const;

/** A type whose references are checked with its owner. */
export type ReferencedType = keyof typeof REFERENCED_TYPES;

/** Ids of one type given in one input field, e.g. the `speakerIds` of an event; already checked to be UUIDs. */
export interface ReferenceField {
  type: ReferencedType;
  field: string;
  ids: readonly string[];
}

/** Who is writing, as the subgraph received it from the gateway. */
export interface ReferenceCaller {
  viewer: Viewer;
  requestId: string;
}

/** The owner could not answer (down, slow, refused the token, answered errors or garbage). */
export class OwnerUnavailableError extends Error {
  constructor(
    readonly owner: string,
    detail: string,
  ) {
    super(`the ${owner} subgraph did not answer the reference check: ${detail}`);
  }
}

/**
 * Asks the peer `owner` to resolve `ids` as `typename` for `caller` in one `_entities` request; returns the
 * ids it answered null for (unknown, or not visible to the caller). Throws `OwnerUnavailableError` when there
 * is no usable answer within the peers' timeout.
 */
export async function findUnresolvedIds(
  peers: PeerSubgraphs,
  owner: string,
  caller: ReferenceCaller,
  typename: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const operation = {
    query: `query ReferenceCheck($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id } } }`,
    variables: { representations: ids.map((id) => ({ __typename: typename, id })) },
  };
  let answer: PeerAnswer<{ _entities?: unknown }>;
  try {
    // As the writer: "exists and visible to the writer" is decided by the owner's own rules.
    answer = await callPeer(peers, owner, caller, operation);
  } catch (error) {
    throw new OwnerUnavailableError(owner, error instanceof PeerUnavailableError ? error.detail : String(error));
  }
  const entities = answer.data?._entities;
  const usable = Array.isArray(entities) && entities.length === ids.length && entities.every((entity) => typeof entity === "object");
  if (answer.status !== 200 || (answer.errors?.length ?? 0) > 0 || !usable) {
    const messages = (answer.errors ?? []).map((error) => String(error?.message)).join("; ");
    throw new OwnerUnavailableError(owner, `HTTP ${answer.status}${messages ? `: ${messages.slice(0, 500)}` : ", no usable _entities"}`);
  }
  // `_entities` answers one entry per representation, in order: null is "unknown or not visible".
  return ids.filter((_id, index) => (entities as unknown[])[index] === null);
}

let warnedUnchecked = false;

/**
 * Refuses a write whose references to other subgraphs' entities do not resolve for the writer: one
 * BAD_USER_INPUT naming each field and id, or SERVICE_UNAVAILABLE when an owner cannot answer (the write
 * is refused, never accepted unchecked). Call it after local validation and before any transaction; give
 * only new or changed ids. One request per referenced type, in parallel.
 *
 * A context without peers (the single-subgraph test harness; running servers always have them, and
 * `listenSubgraph` refuses to start in production without them) skips the check with a warning.
 */
export async function checkReferences(context: Pick<SubgraphContext<unknown>, "peers" | "viewer" | "requestId">, references: ReferenceField[]): Promise<void> {
  const given = references.filter((reference) => reference.ids.length > 0);
  if (given.length === 0) return;
  const peers = context.peers;
  if (!peers) {
    if (!warnedUnchecked) logger.warn("no peer subgraphs configured: references to other subgraphs' entities are not checked (single-subgraph tests only)");
    warnedUnchecked = true;
    return;
  }
  const byType = new Map<ReferencedType, ReferenceField[]>();
  for (const reference of given) byType.set(reference.type, [...(byType.get(reference.type) ?? []), reference]);

  const results = await Promise.allSettled(
    Array.from(byType, async ([type, fields]): Promise<FieldViolation[]> => {
      const { owner, missing } = REFERENCED_TYPES[type];
      const ids = Array.from(new Set(fields.flatMap((reference) => reference.ids.map((id) => id.toLowerCase()))));
      const unresolved = new Set(await findUnresolvedIds(peers, owner, context, type, ids));
      return fields.flatMap((reference) =>
        Array.from(new Set(reference.ids.map((id) => id.toLowerCase())))
          .filter((id) => unresolved.has(id))
          .map((id) => ({ field: reference.field, message: missing(id) })),
      );
    }),
  );
  const failed = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  if (failed.length > 0) {
    const error = failed[0];
    if (!(error instanceof OwnerUnavailableError)) throw error;
    logger.warn({ err: error, requestId: context.requestId }, "reference check failed: write refused");
    const fields = given.filter((reference) => REFERENCED_TYPES[reference.type].owner === error.owner).map((reference) => reference.field);
    throw new GraphQLError(
      `The ${error.owner} subgraph is unavailable, so ${fields.join(" and ")} could not be checked; nothing was written. Try again shortly.`,
      {
        extensions: { code: "SERVICE_UNAVAILABLE", subgraph: error.owner, field: fields[0] },
      },
    );
  }
  const violations = results.flatMap((result) => (result.status === "fulfilled" ? result.value : []));
  if (violations.length > 0) throw badUserInput(violations);
}

/** The ids of `next` that `current` does not hold: on update only these need checking. */
export function addedIds(next: readonly string[], current: readonly string[]): string[] {
  const held = new Set(current.map((id) => id.toLowerCase()));
  return next.filter((id) => !held.has(id.toLowerCase()));
}
