import { changeFeedMigration } from "@agora-hub/subgraph-kit";

/** Gives the organisations subgraph its change feed: the `record_change` outbox its writes fill for the alerts. */
export const AddOrganisationChangeFeed1764000200060 = changeFeedMigration({ name: "AddOrganisationChangeFeed", timestamp: 1764000200060 });
