import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import type { EntityManager } from "typeorm";
import { ANONYMOUS, badUserInput, callPeer, type PeerAnswer, PeerUnavailableError, PublicationState, requireUuid, Violations } from "@agora-hub/subgraph-kit";
import { ModerationCaseState, ReportReason, type ReportReceipt } from "../case/moderation-case.type";
import type { ModerationContext } from "../case/moderation-case.service";
import { REPORTABLE_TYPES, type ReportableType } from "../moderation.config";
import { MAX_REPORT_TEXT_LENGTH, type ReportRecordInput } from "./report.inputs";

/** The window both rate limits count reports in. */
const WINDOW = "1 hour";

/**
 * The bucket of clients the gateway gave no pseudonym (calls made without the gateway): one for all of them,
 * so a missing pseudonym never skips the limit.
 */
const SHARED_BUCKET = "shared";

/** The stored form of a client's pseudonym: a further hash of it, never the pseudonym itself. */
function reporterHash(client: string | undefined): string {
  return createHash("sha256")
    .update(`agora-moderation-reporter:${client ?? SHARED_BUCKET}`)
    .digest("base64url");
}

function rateLimited(limit: "REPORTS_PER_CLIENT_PER_HOUR" | "REPORTS_PER_RECORD_PER_HOUR", max: number): GraphQLError {
  const what = limit === "REPORTS_PER_CLIENT_PER_HOUR" ? `from one client` : `of one record`;
  return new GraphQLError(`Too many reports ${what}: at most ${max} an hour (${limit}). Nothing was recorded; try again later.`, {
    extensions: { code: "RATE_LIMITED", limit, max },
  });
}

function ownerUnavailable(owner: string, detail: string): GraphQLError {
  return new GraphQLError(`The ${owner} subgraph is unavailable, so the reported record could not be checked; nothing was recorded. Try again shortly.`, {
    extensions: { code: "SERVICE_UNAVAILABLE", subgraph: owner, field: "id", detail: detail.slice(0, 300) },
  });
}

/** The report's text, trimmed (null when blank), checked with its reason. */
function readText(input: ReportRecordInput, violations: Violations): string | null {
  const text = input.text?.trim() || null;
  if (text !== null && text.length > MAX_REPORT_TEXT_LENGTH)
    violations.add("text", `must be at most ${MAX_REPORT_TEXT_LENGTH} characters (it has ${text.length})`);
  // eslint-disable-next-line no-control-regex -- NUL is what PostgreSQL text cannot hold
  if (text !== null && /\u0000/.test(text)) violations.add("text", "must not contain NUL characters");
  if (text === null && input.reason === ReportReason.OTHER) violations.add("text", "is required when the reason is OTHER: say what is wrong");
  return text;
}

/**
 * Asks the record's owner, as an anonymous client, for the record: its network when it is PUBLISHED, null when
 * it is unknown or not public. Throws SERVICE_UNAVAILABLE when the owner gives no usable answer.
 */
async function findPublishedRecord(context: ModerationContext, type: ReportableType, id: string): Promise<{ network: string } | null> {
  const { typename, owner } = REPORTABLE_TYPES[type];
  if (!context.peers) throw ownerUnavailable(owner, "no peer subgraphs are configured");
  const operation = {
    query: `query ReportedRecord($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id network publicationState } } }`,
    variables: { representations: [{ __typename: typename, id }] },
  };
  let answer: PeerAnswer<{ _entities?: unknown }>;
  try {
    // As anonymous, whoever reports: "public" is the owner's rule for everyone.
    answer = await callPeer(context.peers, owner, { viewer: ANONYMOUS, requestId: context.requestId, languages: context.languages }, operation);
  } catch (error) {
    throw ownerUnavailable(owner, error instanceof PeerUnavailableError ? error.detail : String(error));
  }
  const entities = answer.data?._entities;
  if (answer.status !== 200 || (answer.errors?.length ?? 0) > 0 || !Array.isArray(entities) || entities.length !== 1) {
    throw ownerUnavailable(owner, `HTTP ${answer.status}: ${(answer.errors ?? []).map((error) => error.message).join("; ") || "no usable _entities"}`);
  }
  const record = entities[0] as { network?: unknown; publicationState?: unknown } | null;
  if (!record || record.publicationState !== PublicationState.PUBLISHED || typeof record.network !== "string") return null;
  return { network: record.network };
}

/** Reports of the client's bucket and of the record within the window. */
async function recentReports(manager: EntityManager, reporter: string, type: ReportableType, id: string): Promise<{ byClient: number; byRecord: number }> {
  const [row] = (await manager.query(
    `SELECT (SELECT count(*) FROM case_report WHERE reporter_hash = $1 AND reported_at > now() - interval '${WINDOW}')::int AS "byClient",
            (SELECT count(*) FROM case_report WHERE record_type = $2 AND record_id = $3 AND reported_at > now() - interval '${WINDOW}')::int AS "byRecord"`,
    [reporter, type, id],
  )) as Array<{ byClient: number; byRecord: number }>;
  return row;
}

/** Refuses a report over either limit. */
function checkLimits(context: ModerationContext, recent: { byClient: number; byRecord: number }): void {
  const { reportsPerClientPerHour, reportsPerRecordPerHour } = context.settings;
  if (recent.byClient >= reportsPerClientPerHour) throw rateLimited("REPORTS_PER_CLIENT_PER_HOUR", reportsPerClientPerHour);
  if (recent.byRecord >= reportsPerRecordPerHour) throw rateLimited("REPORTS_PER_RECORD_PER_HOUR", reportsPerRecordPerHour);
}

/**
 * Records a report of a public record: checks the input, the rate limits (a first look, so a client over its
 * limit costs no call to the owner), asks the owner whether the record is PUBLISHED, then in one transaction
 * holding advisory locks on the client's and the record's buckets counts both windows again, joins the record's
 * open case or opens one, and stores the report with only a hash of the client's pseudonym.
 */
export async function reportRecord(context: ModerationContext, input: ReportRecordInput): Promise<ReportReceipt> {
  const violations = new Violations();
  const text = readText(input, violations);
  violations.throwIfAny();
  const id = requireUuid(input.id).toLowerCase();
  const type = input.type;
  const reporter = reporterHash(context.client);
  checkLimits(context, await recentReports(context.dataSource.manager, reporter, type, id));

  const record = await findPublishedRecord(context, type, id);
  if (!record) throw badUserInput({ field: "id", message: `no published ${REPORTABLE_TYPES[type].noun} has the id ${id}` });

  await context.dataSource.transaction(async (manager) => {
    // Client first, then record, in every transaction: concurrent reports queue on the same buckets and never deadlock.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`moderation.report.client:${reporter}`]);
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`moderation.report.record:${type}:${id}`]);
    checkLimits(context, await recentReports(manager, reporter, type, id));
    const joined = (await manager.query(
      `UPDATE moderation_case SET report_count = report_count + 1, last_reported_at = now()
        WHERE record_type = $1 AND record_id = $2 AND state = '${ModerationCaseState.OPEN}' RETURNING id`,
      [type, id],
    )) as [Array<{ id: string }>, number];
    let caseId = joined[0][0]?.id;
    if (!caseId) {
      const opened = (await manager.query(`INSERT INTO moderation_case (record_type, record_id, network) VALUES ($1, $2, $3) RETURNING id`, [
        type,
        id,
        record.network,
      ])) as Array<{ id: string }>;
      caseId = opened[0].id;
    }
    await manager.query(`INSERT INTO case_report (case_id, record_type, record_id, reason, text, reporter_hash) VALUES ($1, $2, $3, $4, $5, $6)`, [
      caseId,
      type,
      id,
      input.reason,
      text,
      reporter,
    ]);
    // The hash is needed only while it counts: forget it once its window has passed (a few rows at a time, never waiting on another report's).
    await manager.query(
      `UPDATE case_report SET reporter_hash = NULL WHERE id IN (
         SELECT id FROM case_report WHERE reporter_hash IS NOT NULL AND reported_at <= now() - interval '${WINDOW}' LIMIT 100 FOR UPDATE SKIP LOCKED)`,
    );
  });
  return {
    received: true,
    message:
      "Thank you: your report was received. A moderator will look at it; the record's network sees the reasons and texts of reports, never who sent them.",
  };
}
