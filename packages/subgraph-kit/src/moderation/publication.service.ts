import { GraphQLError } from "graphql";
import type { DataSource, EntityManager } from "typeorm";
import { isModerating, ownsNetwork, publishesDirectly, type Viewer } from "@agora-hub/runtime";
import { badUserInput, notFound } from "../input/errors";
import { requireUuid } from "../input/ids";
import { unauthenticated } from "../access/authorisation";
import { type ChangeFeedOptions, RecordChangeKind, recordChangeOf, writeRecordChange } from "../changes/record-change";
import { canReadRecord } from "./publication-visibility";
import type { ModeratedRecord } from "./moderated-record";
import { PublicationDecision } from "./publication-decision.entity";
import { PublicationAction, PublicationActorKind, PublicationChange, PublicationState } from "./publication-state";

/** Who a change is recorded as: a viewer, or the hub's own job (`{ job: "expiry" }`). */
export type PublicationActor = Viewer | { job: string };

/** A rejection's reason: 1 to this many characters. */
export const MAX_REASON_LENGTH = 1000;
/** At most this many decisions per page of a record's history. */
export const MAX_HISTORY_PAGE = 100;

function actorColumns(actor: PublicationActor): Pick<PublicationDecision, "actorKind" | "actor"> {
  if ("job" in actor) return { actorKind: PublicationActorKind.HUB, actor: actor.job };
  if (actor.kind === "network") return { actorKind: PublicationActorKind.NETWORK, actor: actor.network };
  if (actor.kind === "moderator") return { actorKind: PublicationActorKind.MODERATOR, actor: actor.moderator };
  return { actorKind: PublicationActorKind.OPERATOR, actor: null };
}

/** Writes one entry of a record's publication history, in the transaction of `manager` that makes the change. */
export async function recordPublicationDecision(
  manager: EntityManager,
  typeName: string,
  record: Pick<ModeratedRecord, "id" | "network">,
  decision: { change: PublicationChange; from: PublicationState | null; to: PublicationState; actor: PublicationActor; reason?: string | null },
): Promise<void> {
  await manager.insert(PublicationDecision, {
    recordType: typeName,
    recordId: record.id,
    network: record.network,
    change: decision.change,
    fromState: decision.from,
    toState: decision.to,
    reason: decision.reason ?? null,
    ...actorColumns(decision.actor),
  });
}

/** The state a new record starts in: DRAFT when asked, PUBLISHED for the operator and trusted networks, else PENDING_REVIEW. */
export function initialPublicationState(viewer: Viewer, draft: boolean | null | undefined): PublicationState {
  if (draft) return PublicationState.DRAFT;
  return publishesDirectly(viewer) ? PublicationState.PUBLISHED : PublicationState.PENDING_REVIEW;
}

/**
 * The state a stored record goes to when `viewer` changes its public fields: an untrusted network's change of
 * a PUBLISHED (or REJECTED) record goes (back) to review; anything else keeps its state.
 */
export function stateAfterChange(viewer: Viewer, state: PublicationState): PublicationState {
  if (publishesDirectly(viewer)) return state;
  return state === PublicationState.PUBLISHED || state === PublicationState.REJECTED ? PublicationState.PENDING_REVIEW : state;
}

/** Each action: the states it applies to and who may take it (the operator may take every one). */
const ACTIONS: Record<PublicationAction, { from: PublicationState[]; by: "owner" | "moderator" | "either"; change: PublicationChange }> = {
  [PublicationAction.SUBMIT]: { from: [PublicationState.DRAFT, PublicationState.REJECTED], by: "owner", change: PublicationChange.SUBMITTED },
  [PublicationAction.WITHDRAW]: {
    from: [PublicationState.PENDING_REVIEW, PublicationState.PUBLISHED, PublicationState.REJECTED],
    by: "owner",
    change: PublicationChange.WITHDRAWN,
  },
  [PublicationAction.APPROVE]: { from: [PublicationState.PENDING_REVIEW, PublicationState.REJECTED], by: "moderator", change: PublicationChange.APPROVED },
  [PublicationAction.REJECT]: { from: [PublicationState.PENDING_REVIEW, PublicationState.PUBLISHED], by: "moderator", change: PublicationChange.REJECTED },
  [PublicationAction.ARCHIVE]: { from: [PublicationState.PUBLISHED], by: "either", change: PublicationChange.ARCHIVED },
  [PublicationAction.RESTORE]: { from: [PublicationState.ARCHIVED], by: "either", change: PublicationChange.RESTORED },
};

function targetState(action: PublicationAction, viewer: Viewer): PublicationState {
  switch (action) {
    case PublicationAction.SUBMIT:
      return publishesDirectly(viewer) ? PublicationState.PUBLISHED : PublicationState.PENDING_REVIEW;
    case PublicationAction.WITHDRAW:
      return PublicationState.DRAFT;
    case PublicationAction.APPROVE:
      return PublicationState.PUBLISHED;
    case PublicationAction.REJECT:
      return PublicationState.REJECTED;
    case PublicationAction.ARCHIVE:
      return PublicationState.ARCHIVED;
    case PublicationAction.RESTORE:
      return publishesDirectly(viewer) || isModerating(viewer) ? PublicationState.PUBLISHED : PublicationState.PENDING_REVIEW;
  }
}

function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN", field: "action" } });
}

/** Refuses a viewer who may not take `action` on a record of `network`; another network reads like an unknown id. */
function authorise(viewer: Viewer, action: PublicationAction, network: string, typeName: string, id: string): void {
  if (viewer.kind === "anonymous") throw unauthenticated();
  const { by } = ACTIONS[action];
  if (viewer.kind === "operator") return;
  if (viewer.kind === "moderator") {
    if (by === "owner") throw forbidden(`Forbidden: ${action} is for the record's own network; moderators APPROVE, REJECT, ARCHIVE or RESTORE`);
    return;
  }
  if (!ownsNetwork(viewer, network)) throw notFound(typeName, id);
  if (by === "moderator") throw forbidden(`Forbidden: only moderators and the operator may ${action.toLowerCase()} a record`);
}

/** What changing a record's publication needs: its entity, its GraphQL type name, the data source and the viewer. */
export interface PublicationChangeRequest<T extends ModeratedRecord> {
  entity: new () => T;
  typeName: string;
  dataSource: DataSource;
  viewer: Viewer;
  id: string;
  action: PublicationAction;
  reason?: string | null;
  /** The record type's change feed: the change then writes a PUBLICATION row, in its transaction. */
  changeFeed?: ChangeFeedOptions<T>;
}

/**
 * Takes a publication action on one record, in one transaction with the record locked: checks who asks and
 * that the action applies to the record's state now, sets the new state (clearing a rejection's reason when
 * it leaves REJECTED) and writes the decision to the record's history (and, with `changeFeed`, a PUBLICATION
 * row to the change feed). Returns the record as saved.
 */
export async function changePublication<T extends ModeratedRecord>(request: PublicationChangeRequest<T>): Promise<T> {
  const { entity, typeName, viewer, action } = request;
  const id = requireUuid(request.id).toLowerCase();
  const reason = request.reason?.trim() || null;
  if (action === PublicationAction.REJECT && !reason) throw badUserInput({ field: "reason", message: "is required to reject a record: its network sees it" });
  if (reason && reason.length > MAX_REASON_LENGTH) throw badUserInput({ field: "reason", message: `must be at most ${MAX_REASON_LENGTH} characters` });
  if (viewer.kind === "anonymous") throw unauthenticated();
  return request.dataSource.transaction(async (manager) => {
    const record = await manager.findOne(entity, { where: { id } as never, lock: { mode: "pessimistic_write" } });
    if (!record || !canReadRecord(viewer, record)) throw notFound(typeName, id);
    authorise(viewer, action, record.network, typeName, id);
    const { from, change } = ACTIONS[action];
    if (!from.includes(record.publicationState)) {
      throw badUserInput({
        field: "action",
        message: `cannot ${action} a record that is ${record.publicationState}; it applies to ${from.join(" or ")} records`,
      });
    }
    const previous = record.publicationState;
    const next = targetState(action, viewer);
    record.publicationState = next;
    record.rejectionReason = next === PublicationState.REJECTED ? reason : null;
    record.publicationChangedAt = new Date();
    const saved = await manager.save(record);
    await recordPublicationDecision(manager, typeName, record, { change, from: previous, to: next, actor: viewer, reason });
    if (request.changeFeed) await writeRecordChange(manager, recordChangeOf(request.changeFeed, typeName, saved, RecordChangeKind.PUBLICATION));
    return saved;
  });
}

/**
 * A page of a record's publication history, newest first, for its network, moderators and the operator
 * (null for anyone else): at most `first` decisions made before `before`.
 */
export async function publicationHistory(
  dataSource: DataSource,
  viewer: Viewer,
  typeName: string,
  record: Pick<ModeratedRecord, "id" | "network">,
  window: { first: number; before?: Date | null },
): Promise<PublicationDecision[] | null> {
  if (!(isModerating(viewer) || ownsNetwork(viewer, record.network))) return null;
  if (!(Number.isInteger(window.first) && window.first >= 0 && window.first <= MAX_HISTORY_PAGE)) {
    throw badUserInput({ field: "first", message: `must be 0 to ${MAX_HISTORY_PAGE}` });
  }
  const query = dataSource
    .getRepository(PublicationDecision)
    .createQueryBuilder("decision")
    .where("decision.record_id = :id AND decision.record_type = :typeName", { id: record.id, typeName })
    .orderBy("decision.decided_at", "DESC")
    .addOrderBy("decision.id", "DESC")
    .limit(window.first);
  if (window.before) query.andWhere("decision.decided_at < :before", { before: window.before });
  return query.getMany();
}
