import { createServer } from "node:net";

/** A port a process is about to listen on, and the variable that chooses it (named when the port is taken). */
export interface PlannedPort {
  port: number;
  variable: string;
}

/** Whether `port` can be listened on at `host` now: the error code that refused it, or null. */
function probe(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

/**
 * Checks every planned port at once, before anything slow starts (PostgreSQL, migrations), and throws one
 * error naming each port that is taken and the variable that sets it. Port 0 (a free one at start) is skipped.
 */
export async function assertPortsFree(ports: readonly PlannedPort[], host: string): Promise<void> {
  const results = await Promise.all(ports.filter(({ port }) => port !== 0).map(async (planned) => ({ ...planned, problem: await probe(planned.port, host) })));
  const taken = results.filter((result) => result.problem !== null);
  if (taken.length === 0) return;
  const lines = taken.map(({ port, variable, problem }) =>
    problem === "EADDRINUSE"
      ? `  ${variable}: port ${port} is already in use on ${host} (another hub running in this checkout?); stop it or set ${variable} to a free port`
      : `  ${variable}: cannot listen on port ${port} at ${host} (${problem}); set ${variable} to another port`,
  );
  throw new Error(`Ports not free:\n${lines.join("\n")}`);
}
