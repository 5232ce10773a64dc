import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { documentHash, loadSafelist } from "../safelist";

const REGISTERED = `query Registered { people(first: 1) { totalCount } }`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "agora-safelist-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `content` as a safelist file and loads it. */
function load(content: string) {
  const file = path.join(dir, "safelist.json");
  writeFileSync(file, content);
  return loadSafelist(file);
}

describe("safelist files", () => {
  it("hash each document as automatic persisted queries do: hex SHA-256 of its exact text", () => {
    expect(documentHash("{ __typename }")).toBe("7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b");
  });

  it("accept an object of hash → document, hashes in any case, and an array of documents", () => {
    expect(load(JSON.stringify({ [documentHash(REGISTERED).toUpperCase()]: REGISTERED })).get(documentHash(REGISTERED))).toBe(REGISTERED);
    expect([...load(JSON.stringify([REGISTERED, "{ __typename }"])).keys()]).toEqual([documentHash(REGISTERED), documentHash("{ __typename }")]);
  });

  it.each([
    ["a hash that does not match its document", JSON.stringify({ ["a".repeat(64)]: REGISTERED }), /is not the sha256 of its document/],
    ["a file that is not JSON", "{ nope", /cannot be read as JSON/],
    ["an empty list", "[]", /must be a non-empty object/],
    ["a blank document", JSON.stringify(["  "]), /every operation must be a non-empty string/],
  ])("refuse %s, naming the file's variable", (_label, content, message) => {
    expect(() => load(content)).toThrow(message);
    expect(() => load(content)).toThrow(/^AGORA_SAFELIST_FILE /);
  });
});
