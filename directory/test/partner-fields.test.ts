import type { StartedSubgraph } from "@agora-hub/subgraph-kit";
import { DEMO_SIZES, demoId } from "@agora-hub/subgraph-kit/testing";
import { startExamplePartner } from "../../subgraphs/partners/creative-tracks/testing/start-example-partner";
import { waitFor } from "../../gateway/test/gateway-client";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../gateway/test/test-hub";

/** Fields a partner network adds to the hub's types, on the directory's pages: shown, and lost alone when the partner fails. */
let testHub: TestHub;
let partner: StartedSubgraph | null = null;
let base: string;
// The example partner's demo data gives the first demo person an ambassador's profile.
const PERSON = demoId("person", 0);

async function admin(path: string, body: unknown, token = TEST_ADMIN_TOKEN): Promise<Record<string, any>> {
  const response = await fetch(new URL(path, base), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as Record<string, any>;
}

const personPage = async () => {
  const response = await fetch(new URL(`/people/${PERSON}`, base));
  return { status: response.status, html: await response.text() };
};

beforeAll(async () => {
  testHub = await startTestHub({ env: { PARTNER_TIMEOUT_MS: "3000" } });
  base = testHub.hub.gatewayUrl;
  partner = await startExamplePartner({ databaseUrl: testHub.database.url, gatewayUrl: base, seed: DEMO_SIZES });
  const { apiKey } = await admin("/admin/networks", { slug: "creative-tracks", name: "Creative Tracks" });
  await admin("/admin/subgraphs/publish", { name: "creative-tracks", url: partner.url }, apiKey as string);
}, 60_000);

afterAll(async () => {
  await partner?.stop();
  await testHub?.close();
});

describe("directory: fields contributed by partner subgraphs", () => {
  it("shows a partner's fields on the records they belong to, under the network's name", async () => {
    const shown = await waitFor(personPage, (page) => page.html.includes("From Creative Tracks"), 20_000);
    expect(shown.status).toBe(200);
    const section = /<section class="partner-facts"[^]*?<\/section>/.exec(shown.html)?.[0] ?? "";
    expect(section).toContain("Ambassador: Yes");
    expect(section).toMatch(/Interests: [A-Z]/);
  });

  it("lists the partner subgraph and what it adds on the networks page", async () => {
    const response = await fetch(new URL("/networks", base));
    const html = await response.text();
    expect(html).toContain("Creative Tracks");
    expect(html).toMatch(/creative-tracks, version 1, published/);
    expect(html).toContain("Person.creativeTracksProfile");
    expect(html).not.toContain(partner!.url);
  });

  it("costs only the partner's section when the partner is down, saying so", async () => {
    await partner!.stop();
    partner = null;
    const degraded = await waitFor(personPage, (page) => page.html.includes("could not be reached"), 20_000);
    expect(degraded.status).toBe(200);
    expect(degraded.html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(/<section class="partner-facts"[^]*?<\/section>/.exec(degraded.html)?.[0]).toContain("Creative Tracks could not be reached just now");
  });
});
