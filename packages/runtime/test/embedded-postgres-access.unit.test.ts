import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { folderClosedToOthers } from "../src/database/embedded-postgres";

describe("folderClosedToOthers", () => {
  const parent = mkdtempSync(path.join(tmpdir(), "agora-access-"));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("names the first folder on the way that others cannot enter, as mktemp -d makes it", () => {
    chmodSync(parent, 0o700);
    mkdirSync(path.join(parent, "checkout", "node_modules"), { recursive: true });
    expect(folderClosedToOthers([path.join(parent, "checkout", "node_modules")])).toBe(parent);
  });

  it("passes folders others can enter, and folders not made yet", () => {
    chmodSync(parent, 0o755);
    expect(folderClosedToOthers([path.join(parent, "checkout", "node_modules"), path.join(parent, "not-yet", "data")])).toBeNull();
  });
});
