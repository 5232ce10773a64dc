import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit";
import { ensureDatabase } from "@agora-hub/runtime";
import { dropBenchDatabase, openBenchServer, startBenchHub } from "./bench-server";

/*
 * `npm run bench:directory`: the server time of each kind of directory page on the demo data (the seed of
 * `npm start`), against the target of 200 ms. The time is the page's own `Server-Timing` (its GraphQL
 * operations through the gateway and the rendering), read from every response; the time seen by the client on
 * loopback is printed beside it. One request at a time, REQUESTS per page after WARM_UP, the hub as deployed
 * (response cache on) and with the response cache off (every operation reaches the subgraphs).
 */

const TARGET_MS = 200;
const WARM_UP = 5;
const REQUESTS = 40;

async function graphql<T>(gatewayUrl: string, query: string): Promise<T> {
  const response = await fetch(new URL("/graphql", gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const answer = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!answer.data || answer.errors) throw new Error(`bench set-up query failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** One page of each kind, with ids from the demo data. */
async function pagesOf(gatewayUrl: string): Promise<Array<{ name: string; path: string }>> {
  const first = (field: string) => `${field}(first: 1) { edges { node { id } } }`;
  const ids = await graphql<Record<string, { edges: Array<{ node: { id: string } }> }>>(
    gatewayUrl,
    `{ ${first("people")} ${first("organisations")} ${first("opportunities")} ${first("events")} }`,
  );
  const id = (field: string) => ids[field].edges[0].node.id;
  return [
    { name: "home", path: "/" },
    { name: "search", path: "/?q=residency" },
    { name: "search, typo + country", path: "/?q=festivl&country=TN" },
    { name: "open calls list, 3 criteria", path: "/opportunities?status=OPEN&discipline=VISUAL_ARTS_AND_CRAFTS&eligible=MA" },
    { name: "events list", path: "/events" },
    { name: "organisations list (fr)", path: "/organisations?lang=fr" },
    { name: "people list (ar)", path: "/people?lang=ar" },
    { name: "person", path: `/people/${id("people")}` },
    { name: "organisation", path: `/organisations/${id("organisations")}` },
    { name: "opportunity", path: `/opportunities/${id("opportunities")}` },
    { name: "event", path: `/events/${id("events")}` },
    { name: "networks", path: "/networks" },
    { name: "vocabulary", path: "/vocabularies/disciplines" },
    { name: "embed list", path: "/embed/opportunities?limit=10" },
  ];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];

async function measure(gatewayUrl: string, path: string): Promise<{ server: number[]; client: number[] }> {
  const server: number[] = [];
  const client: number[] = [];
  for (let index = 0; index < WARM_UP + REQUESTS; index++) {
    const started = performance.now();
    const response = await fetch(new URL(path, gatewayUrl), { headers: { "accept-language": "en" } });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    const timing = /dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
    if (index < WARM_UP) continue;
    // Pages without their own timing (the embed list) count the client's time.
    server.push(timing ? Number(timing[1]) : elapsed);
    client.push(elapsed);
  }
  return { server, client };
}

async function main(): Promise<void> {
  const server = await openBenchServer();
  const names: string[] = [];
  const results = new Map<string, Record<string, { server: number[]; client: number[] }>>();
  try {
    for (const mode of [
      { label: "as deployed", env: { LOG_LEVEL: "warn" } },
      { label: "no response cache", env: { LOG_LEVEL: "warn", RESPONSE_CACHE_MAX_MB: "0" } },
    ]) {
      // A database of its own for each hub, each seeded as `npm start` seeds.
      const name = `agora_bench_directory_${randomBytes(4).toString("hex")}`;
      names.push(name);
      const hub = await startBenchHub(await ensureDatabase(server.url, name), DEMO_SIZES, { env: mode.env });
      try {
        for (const page of await pagesOf(hub.gatewayUrl)) {
          const row = results.get(page.name) ?? {};
          row[mode.label] = await measure(hub.gatewayUrl, page.path);
          results.set(page.name, row);
        }
      } finally {
        await hub.stop();
      }
    }
  } finally {
    for (const name of names) await dropBenchDatabase(server.url, name).catch(() => undefined);
    await server.stop();
  }
  console.log(
    `\nDirectory pages on the demo data: server time (Server-Timing), median / p95 in ms, ${REQUESTS} requests one at a time; target ${TARGET_MS} ms`,
  );
  console.log(["page".padEnd(30), "as deployed".padStart(16), "client".padStart(9), "no cache".padStart(16), "client".padStart(9), "  target"].join(""));
  let allMet = true;
  for (const [page, row] of results) {
    const cells = ["as deployed", "no response cache"].flatMap((mode) => {
      const { server: times, client } = row[mode];
      return [`${median(times).toFixed(1)} / ${p95(times).toFixed(1)}`.padStart(16), median(client).toFixed(1).padStart(9)];
    });
    const met = p95(row["no response cache"].server) < TARGET_MS;
    allMet &&= met;
    console.log([page.padEnd(30), ...cells, met ? "  PASS" : "  FAIL"].join(""));
  }
  console.log(
    allMet ? `\nEvery page's p95 server time is under ${TARGET_MS} ms, even without the response cache.` : `\nSome pages miss ${TARGET_MS} ms (p95, no cache).`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
