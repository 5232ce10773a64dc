import type { RequestHandler } from "express";
import { Client, type Pool, type PoolClient } from "pg";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";

/** Milliseconds the gateway's client request has left; the subgraph abandons its work for it after that. */
export const DEADLINE_HEADER = "x-agora-deadline";
/** A deadline header beyond this is taken as this (a bad value cannot keep work alive for hours). */
const MAX_DEADLINE_MS = 10 * 60_000;

/** The request being served: aborted when its client hangs up or its deadline passes. */
export interface RequestScope {
  readonly signal: AbortSignal;
  /** When the caller stops waiting (epoch ms), when it said so. */
  readonly deadlineAt?: number;
}

// The scope of the query runner taking a connection now. TypeORM takes it synchronously inside the runner's
// `connect` (see `dataSourceInScope`), so the patched `pool.connect` reads it there: no async context, whose
// promise hooks cost every request a good share of its CPU.
let connectingScope: RequestScope | undefined;

/** The milliseconds left in an `x-agora-deadline` header, or undefined when absent or malformed. */
export function readDeadlineHeader(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,10}$/.test(value.trim())) return undefined;
  return Math.min(Number(value), MAX_DEADLINE_MS);
}

/** Why a request's statements were cancelled. */
export class RequestAbandonedError extends Error {
  /** PostgreSQL's query_canceled, so error handling treats it like a cancelled statement. */
  readonly code = "57014";
  constructor(readonly reason: string) {
    super(`request abandoned: ${reason}`);
    this.name = "RequestAbandonedError";
  }
}

/** What request scoping reads of a request (Node's or express's; structural, so the published declarations need no Node types). */
export interface ScopedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** What request scoping reads of a response: when it closes, and whether it was sent by then. */
export interface ScopedResponse {
  once(event: "close", listener: () => void): unknown;
  readonly writableFinished: boolean;
}

/**
 * The scope of one request: its signal fires when the client (the gateway) hangs up before the answer is sent,
 * or when the `x-agora-deadline` it sent has passed. Statements run through {@link dataSourceInScope} and
 * calls budgeted with {@link outgoingCallBudget} are then cancelled.
 */
export function openRequestScope(req: ScopedRequest, res: ScopedResponse): RequestScope {
  const controller = new AbortController();
  const given = req.headers[DEADLINE_HEADER];
  const left = readDeadlineHeader(Array.isArray(given) ? given[0] : given);
  const timer = left === undefined ? undefined : setTimeout(() => controller.abort(new RequestAbandonedError("the deadline passed")), left);
  res.once("close", () => {
    if (timer) clearTimeout(timer);
    if (!res.writableFinished) controller.abort(new RequestAbandonedError("the client went away"));
  });
  return { signal: controller.signal, deadlineAt: left === undefined ? undefined : Date.now() + left };
}

/** Express middleware: {@link openRequestScope} for each request, in `res.locals` (read it with {@link requestScopeOf}). */
export function requestCancellation(): RequestHandler {
  return (req, res, next) => {
    (res.locals as ScopeLocals)[SCOPE] = openRequestScope(req, res);
    next();
  };
}

const SCOPE = Symbol("request scope");
type ScopeLocals = { [SCOPE]?: RequestScope };

/** The scope {@link requestCancellation} opened for this response, if it ran. */
export function requestScopeOf(res: { locals: object }): RequestScope | undefined {
  return (res.locals as ScopeLocals)[SCOPE];
}

/**
 * For a call the request being served (`scope`) makes to another subgraph: a signal that aborts after
 * `timeoutMs`, or with the request itself (caller gone, deadline passed), and the `x-agora-deadline` header with
 * the time left, so the deadline keeps propagating. Without a scope (outside a request), only the timeout applies.
 */
export function outgoingCallBudget(timeoutMs: number, scope?: RequestScope): { signal: AbortSignal; headers: Record<string, string> } {
  const left = scope?.deadlineAt === undefined ? timeoutMs : Math.min(timeoutMs, Math.max(0, scope.deadlineAt - Date.now()));
  const timeout = AbortSignal.timeout(left);
  return { signal: scope ? AbortSignal.any([timeout, scope.signal]) : timeout, headers: { [DEADLINE_HEADER]: String(left) } };
}

/**
 * A view of `dataSource` for one request: its repositories, query builders, queries and transactions take
 * their connections within `scope`, so {@link cancelStatementsOnAbort} cancels them when the request is
 * abandoned. Everything else (metadata, driver, options) is the DataSource's own.
 */
export function dataSourceInScope(dataSource: DataSource, scope: RequestScope): DataSource {
  const view = Object.create(dataSource) as DataSource;
  const createQueryRunner = dataSource.createQueryRunner;
  Object.defineProperties(view, {
    createQueryRunner: {
      value: (mode?: "master" | "slave") => {
        const runner = createQueryRunner.call(view, mode);
        const connect = runner.connect.bind(runner);
        runner.connect = () => {
          // TypeORM asks the pool within this call (PostgresQueryRunner.connect → driver.obtainMasterConnection).
          connectingScope = scope;
          try {
            return connect();
          } finally {
            connectingScope = undefined;
          }
        };
        return runner;
      },
    },
    // The DataSource's own manager would make runners from the DataSource, outside the scope.
    manager: { value: view.createEntityManager() },
  });
  return view;
}

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, release: (error?: Error | boolean) => void) => void;

/** Statement cancellation on one DataSource's pool; `close` ends its extra connection. */
export interface StatementCancellation {
  close: () => Promise<void>;
}

/**
 * Makes the statements a request runs on `dataSource` stop when that request is abandoned: connections it holds
 * (through {@link dataSourceInScope}) get `pg_cancel_backend` (sent on one extra connection of its own, so a full pool cannot hold cancellation up),
 * and it cannot take new ones. A cancelled connection goes back to the pool only once the cancel has been
 * delivered, so the cancel cannot hit the next request's statement. Work outside a request is left alone.
 */
export function cancelStatementsOnAbort(dataSource: DataSource, logger: Logger): StatementCancellation {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error("statement cancellation needs an initialised PostgreSQL DataSource");
  const canceller = new Canceller(
    () =>
      new Client({
        ...(pool as unknown as { options: object }).options,
        application_name: `${(dataSource.options as { applicationName?: string }).applicationName ?? "agora"}-cancel`,
      }),
    logger,
  );
  const connect = pool.connect.bind(pool) as (callback: ConnectCallback) => void;

  const tracked = (callback: ConnectCallback) => {
    const scope = connectingScope;
    if (!scope) return connect(callback);
    const abandoned = () => (scope.signal.reason instanceof Error ? scope.signal.reason : new RequestAbandonedError("aborted"));
    if (scope.signal.aborted) return callback(abandoned(), undefined, () => undefined);
    connect((error, client, release) => {
      if (error || !client) return callback(error, client, release);
      if (scope.signal.aborted) {
        release();
        return callback(abandoned(), undefined, () => undefined);
      }
      let cancelling: Promise<void> | undefined;
      const onAbort = () => {
        const pid = (client as unknown as { processID?: number }).processID;
        if (pid) cancelling = canceller.cancel(pid);
      };
      scope.signal.addEventListener("abort", onAbort, { once: true });
      let released = false;
      callback(undefined, client, (releaseError) => {
        if (released) return;
        released = true;
        scope.signal.removeEventListener("abort", onAbort);
        if (cancelling) void cancelling.finally(() => release(releaseError));
        else release(releaseError);
      });
    });
  };
  // Instance-level: only this DataSource's pool changes. TypeORM always uses the callback form.
  pool.connect = ((callback?: ConnectCallback) => (callback ? tracked(callback) : connect(callback as never))) as Pool["connect"];
  return { close: () => canceller.close() };
}

/** One lazily opened connection that sends `pg_cancel_backend`, reopened after an error. */
class Canceller {
  private connection: Promise<Client> | null = null;
  private closed = false;

  constructor(
    private readonly create: () => Client,
    private readonly logger: Logger,
  ) {}

  /** Cancels what backend `pid` is running; never rejects (a failed cancel leaves the statement timeout to act). */
  async cancel(pid: number): Promise<void> {
    if (this.closed) return;
    try {
      const client = await this.open();
      await client.query("SELECT pg_cancel_backend($1)", [pid]);
    } catch (error) {
      this.logger.warn({ err: error, pid }, "could not cancel the statements of an abandoned request");
      this.reset();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = null;
    if (connection) await connection.then((client) => client.end()).catch(() => undefined);
  }

  private open(): Promise<Client> {
    this.connection ??= (async () => {
      const client = this.create();
      // A dropped idle connection must not crash the process; the next cancel opens a new one.
      client.on("error", () => this.reset());
      await client.connect();
      return client;
    })();
    return this.connection;
  }

  private reset(): void {
    const connection = this.connection;
    this.connection = null;
    void connection?.then((client) => client.end()).catch(() => undefined);
  }
}
