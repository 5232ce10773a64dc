import { DEFAULT_EXPIRY_INTERVAL_MS, expirySettingsOf, readExpirySettings } from "../src/moderation/expiry";

describe("expiry settings", () => {
  it("defaults to the subgraph's days and a ten-minute interval, and reads both variables", () => {
    expect(readExpirySettings({}, "THING_ARCHIVE_AFTER_DAYS", 12)).toEqual({ archiveAfterDays: 12, intervalMs: DEFAULT_EXPIRY_INTERVAL_MS });
    expect(readExpirySettings({ THING_ARCHIVE_AFTER_DAYS: "0", EXPIRY_INTERVAL_MS: "250" }, "THING_ARCHIVE_AFTER_DAYS", 12)).toEqual({
      archiveAfterDays: 0,
      intervalMs: 250,
    });
    expect(readExpirySettings({ THING_ARCHIVE_AFTER_DAYS: "", EXPIRY_INTERVAL_MS: "" }, "THING_ARCHIVE_AFTER_DAYS", 12).archiveAfterDays).toBe(12);
  });

  it.each([
    ["THING_ARCHIVE_AFTER_DAYS", "-1"],
    ["THING_ARCHIVE_AFTER_DAYS", "2.5"],
    ["THING_ARCHIVE_AFTER_DAYS", "soon"],
    ["THING_ARCHIVE_AFTER_DAYS", "3651"],
    ["EXPIRY_INTERVAL_MS", "10"],
    ["EXPIRY_INTERVAL_MS", "ten minutes"],
  ])("refuses %s=%s, naming the variable", (variable, value) => {
    expect(() => readExpirySettings({ [variable]: value }, "THING_ARCHIVE_AFTER_DAYS", 12)).toThrow(new RegExp(`Invalid configuration:\\n  ${variable}: `));
  });

  it("refuses settings without expiry, so a subgraph that forgot to read them does not start its job", () => {
    expect(() => expirySettingsOf({ facetExactLimit: 500 })).toThrow(/readExpirySettings/);
  });
});
