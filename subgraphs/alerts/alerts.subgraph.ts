import { followPersonErasures } from "../../domain/person-erasure/erasure-follower";
import { combineBackground, type SubgraphDefinition } from "@agora-hub/subgraph-kit";
import { type AlertsSettings, readAlertsSettings } from "./alerts.config";
import { startAlertsBackground } from "./alerts.background";
import { AlertEvent } from "./delivery/alert-event.entity";
import { deleteErasedPersonSearches } from "./erasure/erasure.service";
import { CreateSavedSearch1766100000000 } from "./migrations/1766100000000-create-saved-search";
import { CreatePersonErasureCursor1766100000010 } from "./migrations/1766100000010-create-person-erasure-cursor";
import { SavedSearch } from "./saved-search/saved-search.entity";
import { type AlertsLoaders, createAlertsLoaders } from "./saved-search/saved-search.loaders";
import { AlertEventResolver, SavedSearchResolver } from "./saved-search/saved-search.resolver";

/**
 * The alerts subgraph: saved searches over every network's records, matched against the core subgraphs' change
 * feeds and delivered by webhook (Standard Webhooks), e-mail (immediate or digests) and an Atom feed per search,
 * with deadline reminders. It keeps the public facts of what it sent, never a record of its own.
 */
export const alertsSubgraph: SubgraphDefinition<AlertsLoaders, AlertsSettings> = {
  name: "alerts",
  defaultPort: 4008,
  // The erasure feed it follows, and the owner of the members its saved searches are held for.
  peers: ["people"],
  readSettings: readAlertsSettings,
  resolvers: [SavedSearchResolver, AlertEventResolver],
  referenceResolvers: {},
  entities: [SavedSearch, AlertEvent],
  migrations: [CreateSavedSearch1766100000000, CreatePersonErasureCursor1766100000010],
  createLoaders: createAlertsLoaders,
  startBackground: combineBackground(followPersonErasures(deleteErasedPersonSearches), startAlertsBackground),
};
