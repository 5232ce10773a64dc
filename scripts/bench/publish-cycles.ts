import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { ensureDatabase } from "@agora-hub/runtime";
import type { SeedSizes } from "@agora-hub/subgraph-kit";
import { startExamplePartner } from "../../subgraphs/partners/creative-tracks/testing/start-example-partner";
import { dropBenchDatabase, openBenchServer, startBenchHub } from "./bench-server";

/*
 * `npm run bench:publish-cycles`: does the gateway keep memory across partner publish/remove cycles? The
 * whole hub in this process (run with --expose-gc), the example partner (Creative Tracks) beside it, then
 * CYCLES times: publish the partner (at a new URL each time, as a new deployment would be), wait until the
 * gateway serves its field, query it, remove it, wait until the field is gone. Heap after forced GC and RSS
 * at the checkpoints, and the ratio of the last to the first, against the target (within 10 %).
 */

const CYCLES = 100;
const CHECKPOINTS = [10, 25, 50, 100];
const TARGET_RATIO = 1.1;
/** Longest wait for the gateway to follow one publish or removal. */
const FOLLOW_TIMEOUT_MS = 15_000;
const ADMIN_TOKEN = `bench-operator-${randomBytes(12).toString("hex")}`;
const SIZES: SeedSizes = { people: 50, organisations: 20, opportunities: 20, events: 20 };
const PARTNER_QUERY = "{ creativeTracksLabs(first: 2) { totalCount edges { node { title { text } } } } }";

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string }>;
}

async function call(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  return { status: response.status, body: await response.json() };
}

async function admin(gatewayUrl: string, path: string, method: "POST" | "DELETE", token: string, body?: unknown): Promise<Record<string, unknown>> {
  const { status, body: answer } = await call(new URL(`/admin${path}`, gatewayUrl).href, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (status >= 300) throw new Error(`${method} /admin${path}: HTTP ${status} ${JSON.stringify(answer)}`);
  return answer as Record<string, unknown>;
}

async function graphql(gatewayUrl: string, query: string): Promise<Answer> {
  const { body } = await call(new URL("/graphql", gatewayUrl).href, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return body as Answer;
}

/** Polls until `done` accepts the partner query's answer; throws after FOLLOW_TIMEOUT_MS. */
async function follow(gatewayUrl: string, what: string, done: (answer: Answer) => boolean): Promise<Answer> {
  const deadline = Date.now() + FOLLOW_TIMEOUT_MS;
  for (;;) {
    const answer = await graphql(gatewayUrl, PARTNER_QUERY);
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`the gateway did not follow ${what} within ${FOLLOW_TIMEOUT_MS} ms: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const served = (answer: Answer) => !answer.errors && typeof (answer.data?.creativeTracksLabs as { totalCount?: unknown } | undefined)?.totalCount === "number";

/** Heap used after full collections, and RSS, in MB. */
async function memory(): Promise<{ heapMb: number; rssMb: number }> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  for (let pass = 0; pass < 4; pass++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const usage = process.memoryUsage();
  return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 };
}

async function main(): Promise<void> {
  if (typeof (globalThis as { gc?: unknown }).gc !== "function") throw new Error("run with node --expose-gc (npm run bench:publish-cycles does)");
  const server = await openBenchServer();
  const name = `agora_bench_cycles_${randomBytes(4).toString("hex")}`;
  const databaseUrl = await ensureDatabase(server.url, name);
  const stops: Array<() => Promise<void>> = [];
  try {
    const hub = await startBenchHub(databaseUrl, SIZES, {
      env: { LOG_LEVEL: "warn", AGORA_ADMIN_TOKEN: ADMIN_TOKEN, AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1", REGISTRY_POLL_MS: "200" },
    });
    stops.push(hub.stop);
    const partner = await startExamplePartner({ databaseUrl, gatewayUrl: hub.gatewayUrl, seed: SIZES });
    stops.unshift(partner.stop);
    const { apiKey } = await admin(hub.gatewayUrl, "/networks", "POST", ADMIN_TOKEN, { slug: "creative-tracks", name: "Creative Tracks" });

    const results = new Map<number, { heapMb: number; rssMb: number }>();
    const started = Date.now();
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const published = await admin(hub.gatewayUrl, "/subgraphs/publish", "POST", apiKey as string, {
        name: "creative-tracks",
        url: `${partner.url}?deployment=${cycle}`,
      });
      if (published.ok !== true) throw new Error(`publish ${cycle} refused: ${JSON.stringify(published)}`);
      await follow(hub.gatewayUrl, `publish ${cycle}`, served);
      await graphql(hub.gatewayUrl, PARTNER_QUERY);
      await admin(hub.gatewayUrl, "/subgraphs/creative-tracks", "DELETE", apiKey as string);
      await follow(hub.gatewayUrl, `removal ${cycle}`, (answer) => !served(answer) && (answer.errors ?? []).length > 0);
      if (CHECKPOINTS.includes(cycle)) {
        const measured = await memory();
        results.set(cycle, measured);
        console.log(
          `cycle ${String(cycle).padStart(3)}: heap after GC ${measured.heapMb.toFixed(1).padStart(6)} MB, RSS ${measured.rssMb.toFixed(1).padStart(6)} MB (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    }
    const first = results.get(CHECKPOINTS[0])!;
    const last = results.get(CYCLES)!;
    const heapRatio = last.heapMb / first.heapMb;
    const rssRatio = last.rssMb / first.rssMb;
    const pass = heapRatio <= TARGET_RATIO && rssRatio <= TARGET_RATIO;
    console.log(
      `\n${CYCLES}/${CHECKPOINTS[0]}: heap ${heapRatio.toFixed(3)}×, RSS ${rssRatio.toFixed(3)}× (target ≤ ${TARGET_RATIO}× both): ${pass ? "PASS" : "FAIL"}`,
    );
    if (!pass) process.exitCode = 1;
  } finally {
    for (const stop of stops) await stop().catch((error: unknown) => console.error(error));
    await dropBenchDatabase(server.url, name);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
