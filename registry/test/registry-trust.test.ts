import { Client } from "pg";
import { waitFor } from "../../gateway/test/gateway-client";
import { firstCode } from "../../gateway/protection/test/http-request";
import { addNetwork, admin, FEDERATION_HEADER, OPERATOR_TOKEN, PARTNER_URL, readAs, type RegistryGateway, startRegistryGateway } from "./registry-gateway";

let hub: RegistryGateway;

beforeAll(async () => {
  hub = await startRegistryGateway();
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

function publishSdl(token: string, name: string, body: string) {
  return admin(hub.url, token, "POST", "/subgraphs/publish", { name, url: PARTNER_URL, sdl: `${FEDERATION_HEADER}\n${body}` });
}

function problemCodes(answer: { body: Record<string, any> }): string[] {
  return (answer.body.problems ?? []).map((problem: { code: string }) => problem.code);
}

describe("API keys", () => {
  it("refuses an 11th active key of a network with 409 KEY_LIMIT_REACHED, and allows one again after a revocation", async () => {
    await addNetwork(hub.url, "keyring");
    const keyIds: string[] = [];
    for (let i = 0; i < 9; i++) {
      const created = await admin(hub.url, OPERATOR_TOKEN, "POST", "/networks/keyring/keys");
      expect(created.status).toBe(201);
      keyIds.push(created.body.keyId);
    }
    const eleventh = await admin(hub.url, OPERATOR_TOKEN, "POST", "/networks/keyring/keys");
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.code).toBe("KEY_LIMIT_REACHED");
    expect(eleventh.body.error).toMatch(/10 active API keys/);
    expect((await admin(hub.url, OPERATOR_TOKEN, "DELETE", `/keys/${keyIds[0]}`)).status).toBe(200);
    expect((await admin(hub.url, OPERATOR_TOKEN, "POST", "/networks/keyring/keys")).status).toBe(201);
  });

  it("honours a revocation at once on the replica that revoked it, although keys are cached", async () => {
    const key = await addNetwork(hub.url, "revoked");
    expect((await readAs(hub.url, key)).status).toBe(200);
    const keyId = /^agora_([a-z0-9]{12})_/.exec(key)![1];
    expect((await admin(hub.url, key, "DELETE", `/keys/${keyId}`)).status).toBe(200);
    const refused = await readAs(hub.url, key);
    expect(refused.status).toBe(401);
    expect(firstCode(refused)).toBe("UNAUTHENTICATED");
  });

  it("gives a network one rate budget however many keys it mints", async () => {
    const limited = await startRegistryGateway({ database: hub.database, env: { RATE_LIMIT_PER_MINUTE_KEY: "10" } });
    try {
      const keys = [await addNetwork(hub.url, "budget")];
      for (let i = 0; i < 4; i++) keys.push((await admin(hub.url, OPERATOR_TOKEN, "POST", "/networks/budget/keys")).body.apiKey);
      const statuses: number[] = [];
      let refusal = null;
      for (let round = 0; round < 4; round++) {
        for (const key of keys) {
          const answer = await readAs(limited.url, key);
          statuses.push(answer.status);
          if (answer.status === 429) refusal ??= answer;
        }
      }
      expect(statuses.filter((status) => status === 200)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(10);
      expect(firstCode(refusal!)).toBe("RATE_LIMITED");
      expect(refusal!.body.errors?.[0].message).toMatch(/10 per minute per network/);
      // Another network's budget is its own.
      expect((await readAs(limited.url, await addNetwork(hub.url, "budget-other"))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("namespaces of networks", () => {
  let cultureKey: string;
  let cultureAgoraKey: string;

  beforeAll(async () => {
    cultureKey = await addNetwork(hub.url, "culture");
    cultureAgoraKey = await addNetwork(hub.url, "culture-agora");
  });

  it("refuses a network names under a more specific network's prefix, and keeps that namespace for its owner", async () => {
    const squat = await publishSdl(
      cultureKey,
      "culture-squat",
      "type Query { cultureAgoraEvents: CultureAgoraEvent } type CultureAgoraEvent { title: String }",
    );
    expect(squat.status).toBe(422);
    expect(squat.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "NAME_IN_ANOTHER_NAMESPACE", coordinate: "Query.cultureAgoraEvents" }),
        expect.objectContaining({ code: "NAME_IN_ANOTHER_NAMESPACE", coordinate: "CultureAgoraEvent" }),
      ]),
    );
    expect((await publishSdl(cultureKey, "culture-main", "type Query { cultureLabs: String }")).status).toBe(200);
    expect(
      (await publishSdl(cultureAgoraKey, "culture-agora", "type Query { cultureAgoraEvents: CultureAgoraEvent } type CultureAgoraEvent { title: String }"))
        .status,
    ).toBe(200);
  });

  it("refuses to register a network whose namespace holds names another network already publishes", async () => {
    const designKey = await addNetwork(hub.url, "design");
    expect((await publishSdl(designKey, "design-main", "type Query { designHubsMap: String }")).status).toBe(200);
    const refused = await admin(hub.url, OPERATOR_TOKEN, "POST", "/networks", { slug: "design-hubs", name: "Design Hubs" });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("NAMESPACE_IN_USE");
    expect(refused.body.error).toMatch(/Query\.designHubsMap \(network design, subgraph design-main\)/);
    expect((await admin(hub.url, OPERATOR_TOKEN, "GET", "/subgraphs")).body.subgraphs.map((s: { name: string }) => s.name)).toContain("design-main");
  });

  it("refuses a network whose slug names the same namespace as another's", async () => {
    await addNetwork(hub.url, "studio2");
    const refused = await admin(hub.url, OPERATOR_TOKEN, "POST", "/networks", { slug: "studio-2", name: "Studio 2" });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("NETWORK_PREFIX_TAKEN");
  });
});

describe("deeply nested SDL", () => {
  const DEPTH = 10_000;
  let deepKey: string;

  beforeAll(async () => {
    deepKey = await addNetwork(hub.url, "deep");
  });

  it.each([
    ["list types", `type Query { deepItems: ${"[".repeat(DEPTH)}String${"]".repeat(DEPTH)} }`],
    [
      "input object default values",
      `input DeepFilter { next: DeepFilter } type Query { deepItems(filter: DeepFilter = ${"{ next: ".repeat(DEPTH)}null${" }".repeat(DEPTH)}): String }`,
    ],
    [
      "directive arguments",
      `directive @deepTag(value: String) on FIELD_DEFINITION type Query { deepItems: String @deepTag(value: ${"[".repeat(DEPTH)}"x"${"]".repeat(DEPTH)}) }`,
    ],
    [
      "a field set in a string",
      `type DeepThing @key(fields: "id ${"a { ".repeat(DEPTH)}b${" }".repeat(DEPTH)}") { id: ID! } type Query { deepThing: DeepThing }`,
    ],
  ])("refuses %s nested 10 000 levels with 422 SDL_TOO_DEEP, and checks say so too", async (_label, body) => {
    const published = await publishSdl(deepKey, "deep", body);
    expect(published.status).toBe(422);
    expect(problemCodes(published)).toEqual(["SDL_TOO_DEEP"]);
    const checked = await admin(hub.url, deepKey, "POST", "/subgraphs/check", { name: "deep", url: PARTNER_URL, sdl: `${FEDERATION_HEADER}\n${body}` });
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(false);
    expect(problemCodes(checked)).toEqual(["SDL_TOO_DEEP"]);
    expect((await readAs(hub.url, deepKey)).status).toBe(200);
  });
});

describe("while the registry database is down", () => {
  let outage: RegistryGateway;
  let databaseName: string;

  /** Runs SQL on the server as the test's superuser, outside the database that goes down. */
  async function onServer(sql: string, params: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  async function allowConnections(allow: boolean): Promise<void> {
    await onServer(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS ${allow}`);
    if (!allow) await onServer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [databaseName]);
  }

  /** A key of network `outage` that this replica has never looked up, so it must ask the database. */
  async function unseenKey(): Promise<string> {
    return (await admin(outage.url, OPERATOR_TOKEN, "POST", "/networks/outage/keys")).body.apiKey;
  }

  /** Runs `check` with the registry's database refusing connections (every open one terminated), then brings it back. */
  async function whileDown(check: () => Promise<void>): Promise<void> {
    await allowConnections(false);
    try {
      await check();
    } finally {
      await allowConnections(true);
    }
  }

  beforeAll(async () => {
    outage = await startRegistryGateway();
    databaseName = new URL(outage.database.url).pathname.slice(1);
    await addNetwork(outage.url, "outage");
  }, 60_000);

  afterAll(async () => {
    await outage?.close();
  });

  it("answers a keyed GraphQL request 503 SERVICE_UNAVAILABLE, not 500", async () => {
    const key = await unseenKey();
    await whileDown(async () => {
      const answer = await readAs(outage.url, key);
      expect(answer.status).toBe(503);
      expect(firstCode(answer)).toBe("SERVICE_UNAVAILABLE");
      expect(answer.body.errors?.[0].message).toMatch(/registry database is unavailable/);
    });
  });

  it("answers keyed and operator admin requests 503 SERVICE_UNAVAILABLE", async () => {
    const key = await unseenKey();
    await whileDown(async () => {
      for (const token of [key, OPERATOR_TOKEN]) {
        const answer = await admin(outage.url, token, "GET", "/subgraphs");
        expect(answer.status).toBe(503);
        expect(answer.body.code).toBe("SERVICE_UNAVAILABLE");
      }
    });
  });

  it("serves keyed requests again once the database is back", async () => {
    const key = await unseenKey();
    await whileDown(async () => {
      expect((await readAs(outage.url, key)).status).toBe(503);
    });
    const answer = await waitFor(
      () => readAs(outage.url, key),
      (read) => read.status === 200,
      20_000,
    );
    expect(answer.status).toBe(200);
    expect((await admin(outage.url, key, "GET", "/subgraphs")).status).toBe(200);
  });
});
