import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildSubgraphSchema, type StartedSubgraph } from "@agora-hub/subgraph-kit";
import { demoId } from "@agora-hub/subgraph-kit/testing";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { creativeTracksSubgraph } from "../../subgraphs/partners/creative-tracks/creative-tracks.subgraph";
import { startExamplePartner } from "../../subgraphs/partners/creative-tracks/testing/start-example-partner";
import { runCli } from "../cli/agora";
import { readGatewayConfig } from "../config";
import { startGateway } from "../gateway-server";
import { postGraphQL, waitFor } from "./gateway-client";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "./test-hub";

let testHub: TestHub;
let partner: StartedSubgraph;
let gatewayUrl: string;
let creativeTracksKey: string;
let otherKey: string;
let schemaDir: string;

/** Runs the CLI against the test gateway and captures what it prints. */
async function agora(token: string, ...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["--gateway", gatewayUrl, "--token", token, ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

function sdlFile(name: string, sdl: string): string {
  const file = path.join(schemaDir, `${name}.graphql`);
  writeFileSync(file, sdl);
  return file;
}

const STUB_HEADER =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override", "@requires", "@external", "@shareable"])';

beforeAll(async () => {
  testHub = await startTestHub({ env: { PARTNER_TIMEOUT_MS: "5000" } });
  gatewayUrl = testHub.hub.gatewayUrl;
  // As a partner runs it: verifying the hub's tokens with the gateway's JWKS, for the name it is published under.
  partner = await startExamplePartner({ databaseUrl: testHub.database.url, gatewayUrl, seed: DEMO_SIZES });
  schemaDir = mkdtempSync(path.join(tmpdir(), "agora-partner-"));
});

afterAll(async () => {
  await partner?.stop();
  await testHub?.close();
});

describe("partner networks plug in their subgraphs at run time", () => {
  it("registers a network and prints its API key alone on the last line", async () => {
    const result = await agora(TEST_ADMIN_TOKEN, "network", "add", "--slug", "creative-tracks", "--name", "Creative Tracks");
    expect(result.code).toBe(0);
    creativeTracksKey = result.out.at(-1)!;
    expect(creativeTracksKey).toMatch(/^agora_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const other = await agora(TEST_ADMIN_TOKEN, "network", "add", "--slug", "design-hubs", "--name", "Design Hubs");
    otherKey = other.out.at(-1)!;
  });

  it("sets a network's trust level and grants and withdraws the moderator role", async () => {
    const trusted = await agora(TEST_ADMIN_TOKEN, "network", "add", "--slug", "trusted-hub", "--name", "Trusted Hub", "--trusted");
    expect(trusted.out[0]).toMatch(/trusted-hub created \(TRUSTED\)/);
    expect((await agora(TEST_ADMIN_TOKEN, "network", "trust", "--slug", "trusted-hub", "--level", "UNTRUSTED")).out).toEqual([
      "network trusted-hub is UNTRUSTED",
    ]);
    expect((await agora(TEST_ADMIN_TOKEN, "network", "trust", "--slug", "trusted-hub", "--level", "MAYBE")).code).toBe(2);
    expect((await agora(creativeTracksKey, "network", "trust", "--slug", "creative-tracks", "--level", "TRUSTED")).code).toBe(1);
    const added = await agora(TEST_ADMIN_TOKEN, "moderator", "add", "--handle", "sami", "--name", "Sami Trabelsi");
    expect(added.code).toBe(0);
    const moderatorKey = added.out.at(-1)!;
    expect(moderatorKey).toMatch(/^agora_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect((await agora(moderatorKey, "subgraph", "list")).code).toBe(1);
    expect((await agora(TEST_ADMIN_TOKEN, "moderator", "remove", "--handle", "sami")).code).toBe(0);
  });

  it("refuses a network key where the operator's token is needed, and an unknown token altogether", async () => {
    expect((await agora(creativeTracksKey, "network", "add", "--slug", "sneaky", "--name", "Sneaky")).code).toBe(1);
    const unknown = await agora("agora_000000000000_" + "x".repeat(43), "subgraph", "list");
    expect(unknown.code).toBe(1);
    expect(unknown.err.join("\n")).toMatch(/HTTP 401/);
  });

  it("answers usage errors with exit code 2", async () => {
    expect((await agora(TEST_ADMIN_TOKEN, "subgraph", "check", "--name", "x")).code).toBe(2);
    expect(await runCli(["subgraph", "list"], { out: () => {}, err: () => {} })).toBe(2);
  });

  it("checks a broken SDL, prints each problem with its coordinate, and changes nothing", async () => {
    const broken = sdlFile("broken", `${STUB_HEADER}\ntype Query { creativeTracksBroken: CreativeTracksMissing }`);
    const result = await agora(creativeTracksKey, "subgraph", "check", "--name", "creative-tracks", "--url", partner.url, "--schema", broken);
    expect(result.code).toBe(1);
    expect(result.out.join("\n")).toMatch(/CreativeTracksMissing/);
    const answer = await postGraphQL<{ people: { totalCount: number } }>(gatewayUrl, "{ people(first: 1) { totalCount } }");
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.people.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ["@override on a core field", `type Person @key(fields: "id") { id: ID! displayName: String @override(from: "people") }`, /Person.displayName/],
    ["an unprefixed type", `type Query { creativeTracksThing: Thing } type Thing { name: String }`, /Thing/],
    [
      "@requires on personal data",
      `type Person @key(fields: "id") { id: ID! contactEmail: String @external creativeTracksMail: String @requires(fields: "contactEmail") }`,
      /contactEmail/,
    ],
    ["a non-nullable field on a core entity", `type Person @key(fields: "id") { id: ID! creativeTracksScore: Int! }`, /Person.creativeTracksScore/],
  ])("refuses %s with a clear message while the gateway keeps serving", async (_label, body, coordinate) => {
    const file = sdlFile("violation", `${STUB_HEADER}\n${body}`);
    const result = await agora(creativeTracksKey, "subgraph", "publish", "--name", "creative-tracks", "--url", partner.url, "--schema", file);
    expect(result.code).toBe(1);
    expect(result.out.join("\n")).toMatch(coordinate);
    expect((await agora(TEST_ADMIN_TOKEN, "subgraph", "list")).out).toEqual([]);
  });

  it.each(["http://169.254.169.254/graphql", "file:///etc/passwd", "http://[fe80::1]/graphql"])("refuses the routing URL %s", async (url) => {
    const result = await agora(creativeTracksKey, "subgraph", "check", "--name", "creative-tracks", "--url", url);
    expect(result.code).toBe(1);
    expect(result.out.join("\n")).toMatch(/^url: /m);
  });

  it("publishes the example partner, fetching its SDL, and serves it across the graph without a restart", async () => {
    const result = await agora(creativeTracksKey, "subgraph", "publish", "--name", "creative-tracks", "--url", partner.url);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const query = `{
      person(id: "${demoId("person", 0)}") { displayName creativeTracksProfile { followersCount } }
      creativeTracksLabs(first: 2) { totalCount edges { node { title { text } hostOrganisation { name } } } }
    }`;
    const answer = await waitFor(
      () => postGraphQL<Record<string, any>>(gatewayUrl, query),
      (a) => !a.errors,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.person.displayName).toEqual(expect.any(String));
    expect(answer.data!.creativeTracksLabs.totalCount).toBeGreaterThan(0);
    expect(answer.data!.creativeTracksLabs.edges[0].node.hostOrganisation.name).toEqual(expect.any(String));
    expect((await agora(TEST_ADMIN_TOKEN, "subgraph", "list")).out[0]).toMatch(/^creative-tracks\tcreative-tracks\tactive\tv1\t/);
    expect((await agora(TEST_ADMIN_TOKEN, "supergraph")).out.join("\n")).toMatch(/creativeTracksLabs/);
  });

  it("lets only Creative Tracks' own key delete its labs through the hub, refusing anonymous clients", async () => {
    const labs = await postGraphQL<{ creativeTracksLabs: { edges: Array<{ node: { id: string } }> } }>(
      gatewayUrl,
      "{ creativeTracksLabs(first: 1) { edges { node { id } } } }",
    );
    const id = labs.data!.creativeTracksLabs.edges[0].node.id;
    const deleteLab = async (token?: string) => {
      const response = await fetch(new URL("/graphql", gatewayUrl), {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: "mutation($id: ID!) { creativeTracksDeleteLab(id: $id) }", variables: { id } }),
      });
      return (await response.json()) as { data?: { creativeTracksDeleteLab: string | null } | null; errors?: Array<{ extensions?: Record<string, unknown> }> };
    };
    const anonymous = await deleteLab();
    expect(anonymous.data?.creativeTracksDeleteLab ?? null).toBeNull();
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", subgraph: "creative-tracks" });
    const otherNetwork = await deleteLab(otherKey);
    expect(otherNetwork.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", subgraph: "creative-tracks" });
    expect(await deleteLab(creativeTracksKey)).toEqual({ data: { creativeTracksDeleteLab: id } });
    expect((await postGraphQL(gatewayUrl, `{ creativeTracksLab(id: "${id}") { id } }`)).data).toEqual({ creativeTracksLab: null });
  });

  it("does not let a key of another network publish over or remove that subgraph", async () => {
    const sdl = sdlFile("ct", printSubgraphSchema(await buildSubgraphSchema(creativeTracksSubgraph)));
    const publish = await agora(otherKey, "subgraph", "publish", "--name", "creative-tracks", "--url", partner.url, "--schema", sdl);
    expect(publish.code).toBe(1);
    expect(publish.err.join("\n")).toMatch(/HTTP 403/);
    const remove = await agora(otherKey, "subgraph", "remove", "--name", "creative-tracks");
    expect(remove.code).toBe(1);
    expect((await agora(TEST_ADMIN_TOKEN, "subgraph", "list")).out[0]).toMatch(/active/);
  });

  it("refuses a change that would break the live API for clients", async () => {
    const shrunk = sdlFile("shrunk", `${STUB_HEADER}\ntype Query { creativeTracksLab(id: ID!): String }`);
    const result = await agora(creativeTracksKey, "subgraph", "check", "--name", "creative-tracks", "--url", partner.url, "--schema", shrunk);
    expect(result.code).toBe(1);
    expect(result.out.join("\n")).toMatch(/breaking-change/);
  });

  it("loses no request while a new version is published under load", async () => {
    const query = "{ people(first: 2) { totalCount } creativeTracksLabs(first: 1) { totalCount } }";
    // Ten clients query back to back while the partner is republished (120 requests in all).
    let republished = false;
    const client = async () => {
      const answers = [];
      for (let sent = 0; sent < 12 && (!republished || sent < 4); sent++) answers.push(await postGraphQL(gatewayUrl, query));
      return answers;
    };
    const load = Promise.all(Array.from({ length: 10 }, client));
    const republish = agora(creativeTracksKey, "subgraph", "publish", "--name", "creative-tracks", "--url", `${partner.url}?v=2`).finally(() => {
      republished = true;
    });
    expect((await republish).code).toBe(0);
    const answers = (await load).flat();
    expect(answers.length).toBeGreaterThanOrEqual(40);
    expect(answers.filter((answer) => answer.errors || !answer.data)).toEqual([]);
  });

  it("serves the registry's graph from a second replica, and again after a restart", async () => {
    const config = readGatewayConfig({
      DATABASE_URL: testHub.database.url,
      GATEWAY_PORT: "0",
      AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1",
      REGISTRY_POLL_MS: "300",
      // As the first gateway: on a busy machine a partner call may take longer than the default 3 s.
      PARTNER_TIMEOUT_MS: "5000",
      ...Object.fromEntries(testHub.hub.subgraphs.map((subgraph) => [`SUBGRAPH_${subgraph.name.toUpperCase()}_URL`, subgraph.url])),
    });
    // A replica signs with the hub's key set, which every subgraph verifies.
    const replica = await startGateway({ ...config, signer: testHub.hub.signer });
    try {
      const answer = await postGraphQL<Record<string, any>>(replica.url, "{ creativeTracksLabs(first: 1) { totalCount } }");
      expect(answer.data?.creativeTracksLabs.totalCount).toBeGreaterThan(0);
      await agora(TEST_ADMIN_TOKEN, "subgraph", "remove", "--name", "creative-tracks");
      const afterRemoval = await waitFor(
        () => postGraphQL(replica.url, "{ creativeTracksLabs(first: 1) { totalCount } }"),
        (a) => Boolean(a.errors),
      );
      expect(afterRemoval.errors?.[0].message).toMatch(/Cannot query field "creativeTracksLabs"/);
    } finally {
      await replica.stop();
    }
  });

  it("gives partial data with an error naming the partner when the partner is down", async () => {
    expect((await agora(creativeTracksKey, "subgraph", "publish", "--name", "creative-tracks", "--url", partner.url)).code).toBe(0);
    await waitFor(
      () => postGraphQL(gatewayUrl, "{ creativeTracksLabs(first: 1) { totalCount } }"),
      (a) => !a.errors,
    );
    await partner.stop();
    const answer = await postGraphQL<Record<string, any>>(
      gatewayUrl,
      `{ person(id: "${demoId("person", 1)}") { displayName creativeTracksProfile { ambassador } } }`,
    );
    expect(answer.data?.person.displayName).toEqual(expect.any(String));
    expect(answer.data?.person.creativeTracksProfile).toBeNull();
    expect(answer.errors?.[0].message).toBe("The creative-tracks subgraph is unavailable");
    expect(JSON.stringify(answer)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });
});
