import { Client, type Notification } from "pg";
import type { QueryRunner } from "typeorm";
import { logger } from "../logger";

/**
 * The PostgreSQL channel on which every committed write to a subgraph's schema is announced, with the
 * schema's name (= the subgraph's name) as the payload. PostgreSQL delivers a notification only when its
 * transaction commits, once per distinct payload, so a listener hears exactly the writes that took effect.
 */
export const WRITES_CHANNEL = "agora_hub_writes";

const TRIGGER = "agora_announce_write";

/**
 * Makes every table of `schema` announce its writes on WRITES_CHANNEL: one statement-level trigger per
 * table (INSERT, UPDATE, DELETE, TRUNCATE), added to tables that lack it. Idempotent; run after the
 * schema's migrations (under their lock), so tables a later migration adds are covered without a
 * migration of their own, and every write path — services, background followers, seeds, an operator's
 * SQL — is announced at the database rather than in each caller.
 */
export async function ensureWriteAnnouncements(runner: QueryRunner, schema: string): Promise<void> {
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  await runner.query(
    `CREATE OR REPLACE FUNCTION ${quoted}.${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN PERFORM pg_notify('${WRITES_CHANNEL}', TG_TABLE_SCHEMA); RETURN NULL; END $$`,
  );
  const missing = (await runner.query(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relispartition = false
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = $2)`,
    [schema, TRIGGER],
  )) as Array<{ table: string }>;
  for (const { table } of missing) {
    await runner.query(
      `CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${quoted}."${table.replace(/"/g, '""')}"
       FOR EACH STATEMENT EXECUTE FUNCTION ${quoted}.${TRIGGER}()`,
    );
  }
}

/** What a write listener reports. */
export interface WriteListenerEvents {
  /** A write to `schema` committed. */
  onWrite: (schema: string) => void;
  /**
   * Called when the listener starts hearing writes (first connection and every reconnection) and when it
   * loses the connection: writes committed meanwhile were not heard, so whatever relies on hearing them
   * must forget what it knows. `listening` says which of the two it is.
   */
  onGap: (listening: boolean) => void;
}

/** A running write listener. */
export interface WriteListener {
  /** True while connected and listening: every committed write is being heard. */
  readonly listening: boolean;
  close: () => Promise<void>;
}

/**
 * Listens on WRITES_CHANNEL of `databaseUrl` on a connection of its own (never a pooled one), and
 * reconnects with a bounded back-off when the connection is lost.
 */
export function listenForWrites(databaseUrl: string, events: WriteListenerEvents, options: { maxBackoffMs?: number } = {}): WriteListener {
  const maxBackoffMs = options.maxBackoffMs ?? 5000;
  let client: Client | null = null;
  let listening = false;
  let closed = false;
  let backoffMs = 100;
  let retry: NodeJS.Timeout | undefined;

  const lost = (error?: unknown) => {
    if (listening) events.onGap(false);
    listening = false;
    const dead = client;
    client = null;
    dead?.removeAllListeners().on("error", () => undefined);
    dead?.end().catch(() => undefined);
    if (closed) return;
    if (error) logger.warn({ err: error, retryInMs: backoffMs }, "write announcements: connection lost");
    retry = setTimeout(connect, backoffMs);
    retry.unref();
    backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
  };

  const connect = () => {
    if (closed) return;
    const next = new Client({ connectionString: databaseUrl, application_name: "agora-write-listener" });
    client = next;
    next.on("error", (error) => lost(error));
    next.on("end", () => client === next && lost());
    next.on("notification", (message: Notification) => {
      if (message.channel === WRITES_CHANNEL && message.payload) events.onWrite(message.payload);
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${WRITES_CHANNEL}`))
      .then(() => {
        if (client !== next || closed) return;
        listening = true;
        backoffMs = 100;
        events.onGap(true);
      })
      .catch((error: unknown) => client === next && lost(error));
  };

  connect();
  return {
    get listening() {
      return listening;
    },
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      listening = false;
      open?.removeAllListeners().on("error", () => undefined);
      await open?.end().catch(() => undefined);
    },
  };
}
