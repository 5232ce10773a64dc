import { setTimeout as delay } from "node:timers/promises";
import { type ComposeFunction, composeInProcess } from "../registry.service";
import {
  addNetwork,
  admin,
  type AdminAnswer,
  FEDERATION_HEADER,
  OPERATOR_TOKEN,
  PARTNER_URL,
  readAs,
  type RegistryGateway,
  startRegistryGateway,
} from "./registry-gateway";

const ACCEPTED_STATUSES = [200, 409, 422];

let hub: RegistryGateway;
let contendersKey: string;
const readerKeys: string[] = [];

beforeAll(async () => {
  hub = await startRegistryGateway();
  contendersKey = await addNetwork(hub.url, "contenders");
  readerKeys.push(await addNetwork(hub.url, "readers"));
  for (let i = 0; i < 8; i++) readerKeys.push((await admin(hub.url, OPERATOR_TOKEN, "POST", "/networks/readers/keys")).body.apiKey);
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

/** A minimal partner SDL adding one root field. */
function partnerSdl(field: string): string {
  return `${FEDERATION_HEADER}\ntype Query { ${field}: String }`;
}

function publish(gatewayUrl: string, token: string, name: string, field: string, url = PARTNER_URL): Promise<AdminAnswer> {
  return admin(gatewayUrl, token, "POST", "/subgraphs/publish", { name, url, sdl: partnerSdl(field) });
}

async function liveSupergraph(gatewayUrl: string): Promise<string> {
  const response = await fetch(new URL("/admin/supergraph", gatewayUrl), { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  return response.text();
}

describe("publishing under contention", () => {
  it("answers ten concurrent publishes by one network with 200, 409 or 422, never 500, while other networks' keyed reads all succeed", async () => {
    let publishingDone = false;
    const publishes = Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i < 5
          ? publish(hub.url, contendersKey, `contenders-${i}`, `contenders${i}Item`)
          : publish(hub.url, contendersKey, "contenders-shared", "contendersShared", `${PARTNER_URL}?v=${i}`),
      ),
    ).finally(() => {
      publishingDone = true;
    });
    // Each read uses a key not seen before, so each one really looks its key up while the publishes run.
    const reads = [];
    let readsWhilePublishing = 0;
    for (const key of readerKeys) {
      reads.push(await readAs(hub.url, key));
      if (!publishingDone) readsWhilePublishing++;
    }
    const answers = await publishes;

    expect(answers.map((answer) => answer.status).filter((status) => !ACCEPTED_STATUSES.includes(status))).toEqual([]);
    expect(readsWhilePublishing).toBeGreaterThan(0);
    expect(reads.map((read) => read.status)).toEqual(readerKeys.map(() => 200));
    expect(reads.every((read) => read.body.data?.__typename === "Query")).toBe(true);
    const supergraph = await liveSupergraph(hub.url);
    const accepted = answers.map((answer, i) => ({ answer, i })).filter(({ answer, i }) => answer.status === 200 && i < 5);
    expect(accepted.length).toBeGreaterThan(0);
    for (const { i } of accepted) expect(supergraph).toContain(`contenders${i}Item`);
  }, 180_000);

  it("loses no accepted publish when two replicas publish at once", async () => {
    const replica = await startRegistryGateway({ database: hub.database });
    try {
      const names = ["left", "right"].flatMap((side) =>
        [0, 1, 2].map((n) => ({ side, name: `contenders-${side}-${n}`, field: `contenders${side === "left" ? "Left" : "Right"}${n}` })),
      );
      const answers = await Promise.all(names.map(({ side, name, field }) => publish(side === "left" ? hub.url : replica.url, contendersKey, name, field)));
      expect(answers.map((answer) => answer.status).filter((status) => !ACCEPTED_STATUSES.includes(status))).toEqual([]);
      const supergraph = await liveSupergraph(hub.url);
      const accepted = names.filter((_, i) => answers[i].status === 200);
      expect(accepted.length).toBeGreaterThan(0);
      // Optimistic concurrency: a replica stores only on top of what it composed, so no accepted subgraph is overwritten.
      for (const { field } of accepted) expect(supergraph).toContain(field);
      const listed = (await admin(hub.url, OPERATOR_TOKEN, "GET", "/subgraphs")).body.subgraphs.map((subgraph: { name: string }) => subgraph.name);
      for (const { name } of accepted) expect(listed).toContain(name);
    } finally {
      await replica.close();
    }
  }, 180_000);

  it("starts a gateway whose composition takes 10 s, while the running one keeps serving", async () => {
    expect((await publish(hub.url, contendersKey, "contenders-startup", "contendersStartup")).status).toBe(200);
    // Real composition, then held until 10 s have passed: longer than the database's idle-in-transaction timeout (5 s).
    const slow: ComposeFunction = async (subgraphs) => {
      const started = Date.now();
      const result = await composeInProcess(subgraphs);
      await delay(Math.max(0, 10_000 - (Date.now() - started)));
      return result;
    };
    const started = Date.now();
    const starting = startRegistryGateway({ database: hub.database, hooks: { compose: slow } });
    const readDuringStart = await readAs(hub.url, readerKeys[0]);
    const replica = await starting;
    try {
      expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
      expect(readDuringStart.status).toBe(200);
      const fields = await readAs(replica.url, readerKeys[1], "{ __schema { queryType { fields { name } } } }");
      expect(fields.status).toBe(200);
      expect(JSON.stringify(fields.body.data)).toContain("contendersStartup");
    } finally {
      await replica.close();
    }
  }, 120_000);
});
