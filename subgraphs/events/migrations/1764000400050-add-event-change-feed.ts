import { changeFeedMigration } from "@agora-hub/subgraph-kit";

/** Gives the events subgraph its change feed: the `record_change` outbox its writes fill for the alerts. */
export const AddEventChangeFeed1764000400050 = changeFeedMigration({ name: "AddEventChangeFeed", timestamp: 1764000400050 });
