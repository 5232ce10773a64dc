import "reflect-metadata";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ANONYMOUS, type Viewer } from "@agora-hub/subgraph-kit";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { FestivalLoaders } from "./festival/festival.loaders";
import { festivalsSubgraph } from "./festivals.subgraph";

// The partner's own test, with Node's runner and the kit's harness: the real migrations and schema on a
// fresh database of the server in DATABASE_URL, driven through GraphQL as a given viewer.

const CREATE = `mutation($input: FestivalsFestivalInput!) { festivalsCreateFestival(input: $input) { id country name { text } } }`;
const INPUT = { name: { originalLanguage: "nl", translations: [{ lang: "nl", value: "Zomerfeest" }] }, country: "NL" };
const FESTIVALS: Viewer = { kind: "network", network: "festivals" };

let subgraph: TestSubgraph<FestivalLoaders>;

before(async () => {
  subgraph = await startTestSubgraph(festivalsSubgraph);
});

after(async () => {
  await subgraph?.close();
});

describe("festivalsCreateFestival", () => {
  it("lists a festival for the festivals network", async () => {
    const created = await subgraph.execute<{ festivalsCreateFestival: { id: string; country: string; name: { text: string } } }>(
      CREATE,
      { input: INPUT },
      { viewer: FESTIVALS },
    );
    assert.equal(created.errors, undefined);
    // GraphQL answers are null-prototype objects, so fields are compared rather than whole objects.
    const { id, country, name } = created.data!.festivalsCreateFestival;
    assert.deepEqual([country, name.text], ["NL", "Zomerfeest"]);
    const read = await subgraph.execute<{ festivalsFestival: { country: string } | null }>(`query($id: ID!) { festivalsFestival(id: $id) { country } }`, {
      id,
    });
    assert.equal(read.data?.festivalsFestival?.country, "NL");
  });

  it("refuses an anonymous viewer and another network", async () => {
    const anonymous = await subgraph.execute(CREATE, { input: INPUT }, { viewer: ANONYMOUS });
    assert.equal(anonymous.errors?.[0].extensions?.code, "UNAUTHENTICATED");
    const other = await subgraph.execute(CREATE, { input: INPUT }, { viewer: { kind: "network", network: "design-hubs" } });
    assert.equal(other.errors?.[0].extensions?.code, "FORBIDDEN");
  });

  it("names the field of a blank name", async () => {
    const blank = { ...INPUT, name: { originalLanguage: "nl", translations: [{ lang: "nl", value: " " }] } };
    const refused = await subgraph.execute(CREATE, { input: blank }, { viewer: FESTIVALS });
    assert.equal(refused.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(refused.errors?.[0].extensions?.field, "input.name.translations[0].value");
  });
});
