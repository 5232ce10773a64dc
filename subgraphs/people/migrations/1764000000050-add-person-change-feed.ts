import { changeFeedMigration } from "@agora-hub/subgraph-kit";

/** Gives the people subgraph its change feed: the `record_change` outbox its writes fill for the alerts. */
export const AddPersonChangeFeed1764000000050 = changeFeedMigration({ name: "AddPersonChangeFeed", timestamp: 1764000000050 });
