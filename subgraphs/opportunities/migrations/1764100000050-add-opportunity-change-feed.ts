import { changeFeedMigration } from "@agora-hub/subgraph-kit";

/** Gives the opportunities subgraph its change feed: the `record_change` outbox its writes fill for the alerts. */
export const AddOpportunityChangeFeed1764100000050 = changeFeedMigration({ name: "AddOpportunityChangeFeed", timestamp: 1764100000050 });
