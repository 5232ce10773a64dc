import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startTestHub, type TestHub } from "../../test/test-hub";
import { documentHash } from "../safelist";
import { firstCode, post, send } from "./http-request";

const REGISTERED = `query Registered { people(first: 1) { totalCount } }`;
const ALSO_REGISTERED = `{ __typename }`;

let dir: string;
let hub: TestHub;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "agora-safelist-"));
  const file = path.join(dir, "safelist.json");
  writeFileSync(file, JSON.stringify({ [documentHash(REGISTERED)]: REGISTERED, [documentHash(ALSO_REGISTERED)]: ALSO_REGISTERED }));
  hub = await startTestHub({ seed: { people: 0, organisations: 0, opportunities: 0, events: 0 }, env: { AGORA_SAFELIST_FILE: file } });
  url = hub.hub.gatewayUrl;
}, 60_000);

afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("safelist mode", () => {
  it("runs a registered operation sent as its exact document", async () => {
    const answer = await post(url, REGISTERED);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toHaveProperty("people.totalCount");
  });

  it("runs a registered operation sent by its hash alone", async () => {
    const answer = await send(url, { body: { extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(ALSO_REGISTERED) } } } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ __typename: "Query" });
  });

  it("refuses any other document or hash with OPERATION_NOT_IN_SAFELIST", async () => {
    const other = await post(url, `{ people(first: 2) { totalCount } }`);
    expect(other.status).toBe(400);
    expect(firstCode(other)).toBe("OPERATION_NOT_IN_SAFELIST");
    const unknownHash = await send(url, { body: { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } } });
    expect(unknownHash.status).toBe(400);
    expect(firstCode(unknownHash)).toBe("OPERATION_NOT_IN_SAFELIST");
    const mismatched = await send(url, {
      body: { query: "{ people(first: 3) { totalCount } }", extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(REGISTERED) } } },
    });
    expect(firstCode(mismatched)).toBe("OPERATION_NOT_IN_SAFELIST");
  });
});
