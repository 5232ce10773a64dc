import { DEFAULT_EXPIRY_INTERVAL_MS, expirySettingsOf } from "@agora-hub/subgraph-kit";
import { opportunitiesSubgraph } from "../opportunities.subgraph";

describe("the opportunities subgraph's expiry settings", () => {
  it("archives 30 days after the deadline every ten minutes by default, or after OPPORTUNITY_ARCHIVE_AFTER_DAYS", () => {
    expect(expirySettingsOf(opportunitiesSubgraph.readSettings!({}))).toEqual({ archiveAfterDays: 30, intervalMs: DEFAULT_EXPIRY_INTERVAL_MS });
    expect(expirySettingsOf(opportunitiesSubgraph.readSettings!({ OPPORTUNITY_ARCHIVE_AFTER_DAYS: "90", EXPIRY_INTERVAL_MS: "1000" }))).toEqual({
      archiveAfterDays: 90,
      intervalMs: 1000,
    });
  });

  it("stops the start on a bad value, naming its variable", () => {
    expect(() => opportunitiesSubgraph.readSettings!({ OPPORTUNITY_ARCHIVE_AFTER_DAYS: "thirty" })).toThrow(
      /Invalid configuration:\n {2}OPPORTUNITY_ARCHIVE_AFTER_DAYS: /,
    );
    expect(() => opportunitiesSubgraph.readSettings!({ EXPIRY_INTERVAL_MS: "0" })).toThrow(/Invalid configuration:\n {2}EXPIRY_INTERVAL_MS: /);
  });
});
