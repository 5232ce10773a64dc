import { changeFeedMigration } from "@agora-hub/subgraph-kit";

/** Gives the resources subgraph its change feed: the `record_change` outbox its writes fill for the alerts. */
export const AddResourceChangeFeed1764000600050 = changeFeedMigration({ name: "AddResourceChangeFeed", timestamp: 1764000600050 });
