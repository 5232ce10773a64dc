import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import type { SeedSizes } from "@agora-hub/subgraph-kit";
import { QueryCounter } from "@agora-hub/runtime";
import { ensureDatabase } from "@agora-hub/runtime";
import { dropBenchDatabase, openBenchServer, startBenchHub } from "./bench-server";

/*
 * `npm run bench:search`: the same search, filter and facet queries through the gateway on a hub of 10k
 * people (+ 2k organisations, opportunities, events) and on one ten times bigger, side by side. Each size
 * gets a database of its own (created, seeded, dropped) on DATABASE_URL's server or a throw-away embedded
 * PostgreSQL. The gateway's response cache is off (every request reaches the subgraphs). Load: a bounded concurrent loop on loopback.
 * Both hubs run at once and each query is measured in ROUNDS alternating windows (small, large, small, …), so that
 * the load of other work on the machine weighs on both sizes alike: measured one size after the other, a change of
 * background load between the two phases went wholly into the ratio. When the large size is more than 1.5× slower
 * (median), the EXPLAIN ANALYZE plans of that query's SQL (captured with the kit's QueryCounter) are printed.
 */

const SIZES: Array<{ label: string; sizes: SeedSizes }> = [
  { label: "10k", sizes: { people: 10_000, organisations: 2_000, opportunities: 2_000, events: 2_000 } },
  { label: "100k", sizes: { people: 100_000, organisations: 20_000, opportunities: 20_000, events: 20_000 } },
];
const CONCURRENCY = 4;
const MAX_REQUESTS = 400;
const MAX_SECONDS = 6;
const WARM_UP = 10;
/** Alternating windows per query and size; each gets its share of MAX_REQUESTS and MAX_SECONDS. */
const ROUNDS = 3;
const TARGET_RATIO = 1.5;

const HIT_FIELDS = `totalCount edges { type score snippet node { __typename ... on Person { id displayName } ... on Organisation { id name } ... on Opportunity { id title { text } } ... on Event { id title { text } } } }`;

const QUERIES: Array<{ name: string; query: string }> = [
  { name: "search: one word, all types", query: `{ search(query: "tunis", first: 20) { ${HIT_FIELDS} } }` },
  { name: "search: two words, all types", query: `{ search(query: "dance festival", first: 20) { ${HIT_FIELDS} } }` },
  { name: "search: typo in a name", query: `{ search(query: "Goethe-Insitut", first: 10) { ${HIT_FIELDS} } }` },
  {
    name: "search: 2 types + filter",
    query: `{ search(query: "music", types: [PERSON, ORGANISATION], filter: { countries: [FR, TN, MA] }, first: 20) { ${HIT_FIELDS} } }`,
  },
  {
    name: "people: search + filter",
    query: `{ people(search: "tunis", first: 20, filter: { countries: [TN] }) { totalCount edges { node { displayName searchMatch { score snippet } } } } }`,
  },
  {
    name: "people: filter only",
    query: `{ people(first: 20, filter: { countries: [FR], disciplines: [MUSIC] }) { totalCount edges { node { displayName } } } }`,
  },
  {
    name: "people: facets of a search",
    query: `{ people(search: "music", first: 0) { facets { disciplines { value count } countries { value count } languages { value count } } } }`,
  },
  {
    name: "opportunities: facets",
    query: `{ opportunities(search: "residency", first: 0) { facets { types { value count } countries { value count } disciplines { value count } } } }`,
  },
  {
    name: "events: facets",
    query: `{ events(search: "festival", first: 0) { facets { formats { value count } countries { value count } disciplines { value count } } } }`,
  },
];

/** Latency and throughput of one query on one size. */
interface Measure {
  requests: number;
  errors: number;
  medianMs: number;
  p99Ms: number;
  perSecond: number;
  hits: string;
}

/** The kit's QueryCounter, also keeping each statement's parameters so plans can be explained. */
class CapturingCounter extends QueryCounter {
  readonly parameters: unknown[][] = [];
  override logQuery(query: string, parameters?: unknown[]): void {
    super.logQuery(query);
    this.parameters.push(parameters ?? []);
  }
  override reset(): void {
    super.reset();
    this.parameters.length = 0;
  }
}

async function post(url: string, query: string): Promise<{ ok: boolean; body: { data?: Record<string, unknown>; errors?: unknown[] } }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  return { ok: response.ok && !body.errors, body };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Warms a query up and reads its hits (`edges/totalCount`) from one answer. */
async function warmUp(url: string, query: string): Promise<string> {
  for (let i = 0; i < WARM_UP; i++) await post(url, query);
  const sample = await post(url, query);
  const list = Object.values(sample.body.data ?? {})[0] as { totalCount?: number; edges?: unknown[] } | undefined;
  return sample.ok ? `${list?.edges?.length ?? 0}/${list?.totalCount ?? "-"}` : `error: ${JSON.stringify(sample.body.errors).slice(0, 200)}`;
}

/** One window of load: at most `maxRequests` or `maxSeconds` with CONCURRENCY requests in flight; latencies and errors added to `into`. */
async function loadWindow(
  url: string,
  query: string,
  maxRequests: number,
  maxSeconds: number,
  into: { latencies: number[]; errors: number; seconds: number },
): Promise<void> {
  let issued = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (issued < maxRequests && performance.now() < deadline) {
        issued++;
        const begin = performance.now();
        const { ok } = await post(url, query);
        into.latencies.push(performance.now() - begin);
        if (!ok) into.errors++;
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
}

/** Measures one query on every size: warm-up, then ROUNDS windows per size, the sizes alternating. */
async function measureAlternating(urls: string[], query: string): Promise<Measure[]> {
  const hits: string[] = [];
  for (const url of urls) hits.push(await warmUp(url, query));
  const runs = urls.map(() => ({ latencies: [] as number[], errors: 0, seconds: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, url] of urls.entries()) await loadWindow(url, query, Math.ceil(MAX_REQUESTS / ROUNDS), MAX_SECONDS / ROUNDS, runs[index]);
  }
  return runs.map(({ latencies, errors, seconds }, index) => {
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      errors,
      medianMs: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      perSecond: latencies.length / seconds,
      hits: hits[index],
    };
  });
}

/** One size: its own database, seeded and analysed, and the hub on it, whose SQL `capture` records. */
async function startSize(
  serverUrl: string,
  label: string,
  sizes: SeedSizes,
): Promise<{ url: string; capture: CapturingCounter; databaseUrl: string; stop: () => Promise<void>; drop: () => Promise<void> }> {
  const name = `agora_bench_${label}_${randomBytes(4).toString("hex")}`;
  const databaseUrl = await ensureDatabase(serverUrl, name);
  const drop = () => dropBenchDatabase(serverUrl, name);
  const capture = new CapturingCounter();
  const seeding = performance.now();
  console.log(
    `[${label}] seeding ${Object.entries(sizes)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(", ")}…`,
  );
  let hub;
  try {
    // The gateway's response cache off: repeated identical anonymous queries would otherwise measure the cache, not the search.
    hub = await startBenchHub(databaseUrl, sizes, { sqlLogger: capture, env: { LOG_LEVEL: "warn", RESPONSE_CACHE_MAX_MB: "0" } });
  } catch (error) {
    await drop();
    throw error;
  }
  try {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query("ANALYZE");
    await client.end();
  } catch (error) {
    await hub.stop();
    await drop();
    throw error;
  }
  console.log(`[${label}] seeded and analysed in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);
  return { url: `${hub.gatewayUrl}graphql`, capture, databaseUrl, stop: () => hub.stop(), drop };
}

/** EXPLAIN ANALYZE of each SELECT of a query, slowest first (at most 3). */
async function explain(databaseUrl: string, statements: Array<{ sql: string; parameters: unknown[] }>): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const plans: Array<{ ms: number; text: string; sql: string }> = [];
    for (const { sql, parameters } of statements) {
      if (!/^\s*(SELECT|WITH)/i.test(sql) || /^\s*SELECT 1\b/i.test(sql)) continue;
      // Statements of background work (the erasure followers' polls) name no subgraph schema: not this query's.
      const schema = /"(people|organisations|opportunities|events)"\./.exec(sql)?.[1];
      if (!schema) continue;
      await client.query(`SET search_path = "${schema}", public`);
      let rows: Array<{ "QUERY PLAN": string }>;
      try {
        rows = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters)).rows as typeof rows;
      } catch (error) {
        console.log(`(could not explain ${sql.replace(/\s+/g, " ").slice(0, 120)}…: ${(error as Error).message})`);
        continue;
      }
      const text = rows.map((row) => row["QUERY PLAN"]).join("\n");
      plans.push({ ms: Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? 0), text, sql });
    }
    for (const plan of plans.sort((a, b) => b.ms - a.ms).slice(0, 3)) {
      console.log(`\n-- ${plan.ms.toFixed(1)} ms: ${plan.sql.replace(/\s+/g, " ").slice(0, 300)}…\n${plan.text}`);
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const server = await openBenchServer();
  const started: Array<Awaited<ReturnType<typeof startSize>>> = [];
  let stopped = false;
  const stopHubs = async () => {
    if (stopped) return;
    stopped = true;
    for (const size of started) await size.stop();
  };
  try {
    for (const { label, sizes } of SIZES) started.push(await startSize(server.url, label, sizes));
    const [small, large] = SIZES.map(({ label }, index) => ({
      label,
      ...started[index],
      measures: [] as Measure[],
      statements: [] as Array<Array<{ sql: string; parameters: unknown[] }>>,
    }));
    for (const { name: queryName, query } of QUERIES) {
      for (const size of [small, large]) {
        size.capture.reset();
        await post(size.url, query);
        size.statements.push(size.capture.statements.map((sql, index) => ({ sql, parameters: size.capture.parameters[index] })));
      }
      const [a, b] = await measureAlternating([small.url, large.url], query);
      small.capture.reset();
      large.capture.reset();
      small.measures.push(a);
      large.measures.push(b);
      for (const [size, result] of [
        [small, a],
        [large, b],
      ] as const) {
        console.log(
          `[${size.label}] ${queryName}: median ${result.medianMs.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ${result.perSecond.toFixed(0)} req/s`,
        );
      }
    }
    await stopHubs();
    const cell = (m: Measure) => `${m.medianMs.toFixed(1).padStart(7)} ${m.p99Ms.toFixed(1).padStart(7)} ${m.perSecond.toFixed(0).padStart(6)}`;
    console.log(
      `\nconcurrency ${CONCURRENCY}, at most ${MAX_REQUESTS} requests or ${MAX_SECONDS} s per query and size, in ${ROUNDS} alternating windows; latency in ms (median, p99), throughput in req/s`,
    );
    console.log(`${"query".padEnd(32)} ${"hits (10k)".padEnd(11)} ${"10k: median     p99  req/s".padEnd(27)} ${"100k: median    p99  req/s".padEnd(27)} ratio`);
    const slow: number[] = [];
    QUERIES.forEach(({ name }, index) => {
      const a = small.measures[index];
      const b = large.measures[index];
      const ratio = b.medianMs / a.medianMs;
      if (ratio > TARGET_RATIO) slow.push(index);
      const errors = a.errors + b.errors > 0 ? `  (${a.errors + b.errors} errors)` : "";
      console.log(
        `${name.padEnd(32)} ${a.hits.padEnd(11)} ${cell(a).padEnd(27)} ${cell(b).padEnd(27)} ${ratio.toFixed(2)}×${ratio > TARGET_RATIO ? " over target" : ""}${errors}`,
      );
    });
    for (const index of slow) {
      console.log(
        `\n=== ${QUERIES[index].name}: ${(large.measures[index].medianMs / small.measures[index].medianMs).toFixed(2)}× slower at 10× the data; plans on the 100k database:`,
      );
      await explain(large.databaseUrl, large.statements[index]);
    }
  } finally {
    await stopHubs();
    for (const size of started) await size.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
