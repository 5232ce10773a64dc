import { GraphQLError } from "graphql";
import {
  badUserInput,
  callPeer,
  type KeysetOrder,
  MAX_REASON_LENGTH,
  notFound,
  type Page,
  type PeerAnswer,
  type PeerError,
  PeerUnavailableError,
  paginate,
  PublicationAction,
  PublicationState,
  requireUuid,
  type SubgraphContext,
  unauthenticated,
  type Viewer,
} from "@agora-hub/subgraph-kit";
import { REPORTABLE_TYPES, type ModerationSettings } from "../moderation.config";
import type { ModerationLoaders } from "./moderation-case.loaders";
import { ModerationCase } from "./moderation-case.entity";
import type { ModerationCasesArgs } from "./moderation-case.args";
import { ModerationCaseState, ModerationOutcome } from "./moderation-case.type";

/** Context of a request to the moderation subgraph. */
export type ModerationContext = SubgraphContext<ModerationLoaders, ModerationSettings>;

/** Newest case first; `opened_at` never changes, so pages stay stable while reports join. */
const NEWEST: KeysetOrder<ModerationCase> = { column: "moderation_case.opened_at", direction: "DESC", valueType: "timestamp", valueOf: (row) => row.openedAt };

function forbidden(message: string, field?: string): GraphQLError {
  return new GraphQLError(`Forbidden: ${message}`, { extensions: { code: "FORBIDDEN", ...(field ? { field } : {}) } });
}

/**
 * A page of moderation cases, newest first: a network's own (the cases about its records, its notification of
 * reports), every case for moderators and the operator; anonymous viewers are refused, and a network asking for
 * another network's with FORBIDDEN naming `network`.
 */
export function listModerationCases(context: ModerationContext, args: ModerationCasesArgs): Promise<Page<ModerationCase>> {
  const { viewer } = context;
  if (viewer.kind === "anonymous") {
    throw new GraphQLError("Moderation cases need credentials: a network sees the cases about its own records, moderators and the operator all", {
      extensions: { code: "UNAUTHENTICATED" },
    });
  }
  let network = args.network ?? null;
  if (viewer.kind === "network") {
    if (network !== null && network !== viewer.network) {
      throw forbidden(`a key of network ${viewer.network} lists only the cases about its own records, not those of ${network}`, "network");
    }
    network = viewer.network;
  }
  const query = context.dataSource.getRepository(ModerationCase).createQueryBuilder("moderation_case");
  if (args.state) query.andWhere("moderation_case.state = :state", { state: args.state });
  if (network !== null) query.andWhere("moderation_case.network = :network", { network });
  if (args.type) query.andWhere("moderation_case.record_type = :type", { type: args.type });
  return paginate(query, args, NEWEST);
}

/** Who resolves cases: moderators and the operator; a network is refused with FORBIDDEN, anonymous viewers with UNAUTHENTICATED. */
function requireModerator(viewer: Viewer): { resolvedBy: string } {
  if (viewer.kind === "anonymous") throw unauthenticated();
  if (viewer.kind === "network") throw forbidden("only moderators and the operator resolve moderation cases");
  return { resolvedBy: viewer.kind === "moderator" ? viewer.moderator : "operator" };
}

/** A takedown the owner did not make: why, and the case stays open. */
function notTakenDown(owner: string, noun: string, detail: string, code: string): GraphQLError {
  return new GraphQLError(`The ${noun} could not be taken down (${detail}); the case stays open.`, { extensions: { code, subgraph: owner } });
}

/** The first error of a peer's answer, or a description of an answer that is not one. */
function peerFailure<T>(answer: PeerAnswer<T>): PeerError | null {
  if (answer.errors?.length) return answer.errors[0];
  if (answer.status !== 200 || !answer.data) return { message: `HTTP ${answer.status} without data` };
  return null;
}

/**
 * Takes an upheld case's record down at its owner, as the moderator: REJECT with the note as the reason its
 * network sees (the one mechanism for publication changes, `change<Type>Publication`). Returns the action taken,
 * or null when the record is already out of public view (a draft, rejected, or gone). Throws when the owner
 * cannot be reached or refuses.
 */
async function takeDown(context: ModerationContext, found: ModerationCase, note: string): Promise<PublicationAction | null> {
  const { typename, owner, noun } = REPORTABLE_TYPES[found.recordType];
  if (!context.peers) throw notTakenDown(owner, noun, "no peer subgraphs are configured", "SERVICE_UNAVAILABLE");
  const caller = { viewer: context.viewer, requestId: context.requestId, languages: context.languages };
  try {
    const current = await callPeer<{ _entities?: Array<{ publicationState?: PublicationState } | null> }>(context.peers, owner, caller, {
      query: `query ReportedRecordState($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id publicationState } } }`,
      variables: { representations: [{ __typename: typename, id: found.recordId }] },
    });
    const failure = peerFailure(current);
    if (failure || !Array.isArray(current.data?._entities)) {
      throw notTakenDown(owner, noun, `the ${owner} subgraph did not say its state: ${failure?.message ?? "no usable _entities"}`, "SERVICE_UNAVAILABLE");
    }
    const state = current.data._entities[0]?.publicationState;
    if (state === undefined || state === PublicationState.DRAFT || state === PublicationState.REJECTED) return null;

    const changed = await callPeer<Record<string, { publicationState?: PublicationState } | null>>(context.peers, owner, caller, {
      query: `mutation TakeDown($id: ID!, $reason: String!) { change${typename}Publication(id: $id, action: REJECT, reason: $reason) { id publicationState } }`,
      variables: { id: found.recordId, reason: note },
    });
    const refusal = peerFailure(changed);
    if (refusal) {
      const code = typeof refusal.extensions?.code === "string" ? refusal.extensions.code : "SERVICE_UNAVAILABLE";
      throw notTakenDown(owner, noun, `the ${owner} subgraph answered: ${refusal.message.slice(0, 300)}`, code);
    }
    return PublicationAction.REJECT;
  } catch (error) {
    if (error instanceof PeerUnavailableError) throw notTakenDown(owner, noun, `the ${owner} subgraph did not answer: ${error.detail}`, "SERVICE_UNAVAILABLE");
    throw error;
  }
}

/**
 * Decides an open case, for moderators and the operator: UPHELD first takes the record down at its owner (as the
 * moderator; when that fails the case stays open and the error says why), then records the decision with who
 * made it and when; DISMISSED only records it. A case decided meanwhile is refused.
 */
export async function resolveModerationCase(
  context: ModerationContext,
  id: string,
  outcome: ModerationOutcome,
  givenNote: string | null,
): Promise<ModerationCase> {
  const { resolvedBy } = requireModerator(context.viewer);
  const caseId = requireUuid(id).toLowerCase();
  const note = givenNote?.trim() || null;
  if (note !== null && note.length > MAX_REASON_LENGTH) throw badUserInput({ field: "note", message: `must be at most ${MAX_REASON_LENGTH} characters` });
  if (note === null && outcome === ModerationOutcome.UPHELD) {
    throw badUserInput({ field: "note", message: "is required to uphold a case: it is the rejection reason the record's network sees" });
  }
  const repository = context.dataSource.getRepository(ModerationCase);
  const found = await repository.findOneBy({ id: caseId });
  if (!found) throw notFound("ModerationCase", caseId);
  if (found.state !== ModerationCaseState.OPEN) throw badUserInput({ field: "id", message: `the case is already ${found.state}` });

  // Outside the transaction: a call to another subgraph never holds a lock.
  const recordAction = outcome === ModerationOutcome.UPHELD ? await takeDown(context, found, note!) : null;

  return context.dataSource.transaction(async (manager) => {
    const open = await manager.findOne(ModerationCase, { where: { id: caseId }, lock: { mode: "pessimistic_write" } });
    if (!open) throw notFound("ModerationCase", caseId);
    if (open.state !== ModerationCaseState.OPEN) throw badUserInput({ field: "id", message: `the case was ${open.state} meanwhile` });
    open.state = outcome === ModerationOutcome.UPHELD ? ModerationCaseState.UPHELD : ModerationCaseState.DISMISSED;
    open.resolution = note;
    open.recordAction = recordAction;
    open.resolvedBy = resolvedBy;
    open.resolvedAt = new Date();
    return manager.save(open);
  });
}
