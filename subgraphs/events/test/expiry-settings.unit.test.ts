import { DEFAULT_EXPIRY_INTERVAL_MS, expirySettingsOf } from "@agora-hub/subgraph-kit";
import { eventsSubgraph } from "../events.subgraph";

describe("the events subgraph's expiry settings", () => {
  it("archives 7 days after the end every ten minutes by default, or after EVENT_ARCHIVE_AFTER_DAYS", () => {
    expect(expirySettingsOf(eventsSubgraph.readSettings!({}))).toEqual({ archiveAfterDays: 7, intervalMs: DEFAULT_EXPIRY_INTERVAL_MS });
    expect(expirySettingsOf(eventsSubgraph.readSettings!({ EVENT_ARCHIVE_AFTER_DAYS: "90", EXPIRY_INTERVAL_MS: "1000" }))).toEqual({
      archiveAfterDays: 90,
      intervalMs: 1000,
    });
  });

  it("stops the start on a bad value, naming its variable", () => {
    expect(() => eventsSubgraph.readSettings!({ EVENT_ARCHIVE_AFTER_DAYS: "-7" })).toThrow(/Invalid configuration:\n {2}EVENT_ARCHIVE_AFTER_DAYS: /);
    expect(() => eventsSubgraph.readSettings!({ EXPIRY_INTERVAL_MS: "0" })).toThrow(/Invalid configuration:\n {2}EXPIRY_INTERVAL_MS: /);
  });
});
