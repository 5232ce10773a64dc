import { GraphQLError } from "graphql";
import { logger, RecordChangeKind, requireRecordWriter, requireUuid, writeRecordChange } from "@agora-hub/subgraph-kit";
import type { Page } from "@agora-hub/subgraph-kit";
import type { PageWindow } from "@agora-hub/subgraph-kit";
import type { KeysetOrder } from "@agora-hub/subgraph-kit";
import { paginate } from "@agora-hub/subgraph-kit";
import { mayManagePersonData } from "../../../domain/person-data/person-data";
import { Person } from "../person/person.entity";
import type { PeopleContext } from "../person/person.loaders";
import { PersonErasure } from "./person-erasure.entity";
import { PersonErasureStatus } from "./person-erasure.type";

/** Serialises erasures so `person_erasure.seq` grows in commit order: a feed follower's cursor never skips one. */
const ERASURE_LOCK = "agora-person-erasure";

const FEED_ORDER: KeysetOrder<PersonErasure> = { column: "erasure.seq", direction: "ASC", valueType: "bigint", valueOf: (erasure) => erasure.seq };

/**
 * Erases a person (GDPR Art. 17) for their own network or the operator: in one transaction the person's row
 * goes (with it their search columns, which live in the same row), an audit entry without any of their
 * data is written, and their unclaimed rows in the change feed are replaced by one DELETED row without data. Other subgraphs drop their references by following the feed (`personErasures`).
 * Idempotent: an id already erased answers ALREADY_ERASED, an unknown one (or another network's person,
 * which reads the same) NOT_FOUND; neither writes anything.
 */
export async function erasePerson(context: PeopleContext, id: string): Promise<PersonErasure> {
  const viewer = requireRecordWriter(context.viewer);
  const personId = requireUuid(id).toLowerCase();
  const erasure = await context.dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [ERASURE_LOCK]);
    const earlier = await manager.findOneBy(PersonErasure, { personId });
    if (earlier) return Object.assign(earlier, { status: PersonErasureStatus.ALREADY_ERASED });
    const person = await manager.findOneBy(Person, { id: personId });
    if (!person || !mayManagePersonData(viewer, person.network)) return null;
    await manager.delete(Person, { id: personId });
    // Changes not yet claimed hold the person's data: they go too, and the feed says only that the person is gone.
    await manager.query("DELETE FROM record_change WHERE record_id = $1", [personId]);
    await writeRecordChange(manager, {
      recordType: "Person",
      recordId: personId,
      network: person.network,
      kind: RecordChangeKind.DELETED,
      public: false,
      document: null,
    });
    const inserted = await manager.save(
      manager.create(PersonErasure, {
        personId,
        network: person.network,
        actorKind: viewer.kind,
        actorNetwork: viewer.kind === "network" ? viewer.network : null,
        status: PersonErasureStatus.ERASED,
      }),
    );
    return manager.findOneByOrFail(PersonErasure, { id: inserted.id });
  });
  if (!erasure) return Object.assign(new PersonErasure(), { id: null, personId, erasedAt: null, status: PersonErasureStatus.NOT_FOUND });
  if (erasure.status === PersonErasureStatus.ERASED) {
    // The audit trail in the log, like in the table, names no erased data.
    logger.info({ subgraph: "people", requestId: context.requestId, erasureId: erasure.id, personId, actor: viewer }, "person erased");
  }
  return erasure;
}

/** Reading the feed needs credentials: the operator or any network (it holds only ids and times). */
function requireFeedReader(context: PeopleContext): void {
  if (context.viewer.kind === "anonymous") {
    throw new GraphQLError("The erasure feed is for the operator and partner networks: send a network API key or the operator token", {
      extensions: { code: "UNAUTHENTICATED" },
    });
  }
}

/** A page of the erasure feed, oldest first; `after` resumes from a cursor kept by the follower. */
export function listPersonErasures(context: PeopleContext, window: PageWindow): Promise<Page<PersonErasure>> {
  requireFeedReader(context);
  return paginate(context.dataSource.getRepository(PersonErasure).createQueryBuilder("erasure"), window, FEED_ORDER);
}
