import PgBoss from "pg-boss";
import type { DataSource, EntityManager } from "typeorm";
import type { Pool } from "pg";
import { logger } from "@agora-hub/runtime";

/*
 * Deliveries are jobs in PostgreSQL (pg-boss, its own schema `pgboss`): a job is inserted in the same transaction
 * as the alert it delivers, so neither exists without the other; they survive restarts, each is worked by one
 * replica at a time (SKIP LOCKED), and failed ones are retried with exponential backoff.
 */

/** The queues: one alert to deliver, one saved search's digest, one subscription's confirmation message. */
export const QUEUES = { delivery: "alert-delivery", digest: "alert-digest", confirmation: "alert-confirmation" } as const;

/** What a delivery job carries: the alert's id (also the job's, so it is queued once). */
export interface DeliveryJob {
  eventId: string;
}

/** What a digest or confirmation job carries. */
export interface SearchJob {
  savedSearchId: string;
}

/** pg-boss's view of a transaction: its statements run in the caller's, so the job commits (or not) with it. */
export function inTransaction(manager: EntityManager): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: (await manager.query(text, values)) as unknown[] }) };
}

/** The subgraph's pool as pg-boss's database: its statements share the subgraph's bounded pool. */
function poolDb(pool: Pool): PgBoss.Db {
  return { executeSql: (text, values) => pool.query(text, values) };
}

/** Starts pg-boss on the subgraph's pool (creating or upgrading its schema) and makes sure the queues exist. */
export async function startQueue(dataSource: DataSource, retry: { retryLimit: number; retryDelay: number }): Promise<PgBoss> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const boss = new PgBoss({ db: poolDb(pool), schema: "pgboss", schedule: false, ...retry, retryBackoff: true, retentionDays: 7, deleteAfterDays: 7 });
  boss.on("error", (error) => logger.warn({ err: error }, "alerts: job queue error"));
  await boss.start();
  await boss.createQueue(QUEUES.delivery, { name: QUEUES.delivery, policy: "standard", ...retry, retryBackoff: true });
  // One digest and one confirmation per saved search waiting at a time.
  await boss.createQueue(QUEUES.digest, { name: QUEUES.digest, policy: "stately", ...retry, retryBackoff: true });
  await boss.createQueue(QUEUES.confirmation, { name: QUEUES.confirmation, policy: "stately", ...retry, retryBackoff: true });
  return boss;
}
