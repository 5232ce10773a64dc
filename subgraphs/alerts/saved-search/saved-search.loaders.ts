import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@agora-hub/subgraph-kit";
import type { AlertsSettings } from "../alerts.config";

/** The alerts subgraph reads by id only inside its services, so it needs no per-request loaders. */
export type AlertsLoaders = Record<string, never>;

/** The per-request context of the alerts subgraph. */
export type AlertsContext = SubgraphContext<AlertsLoaders, AlertsSettings>;

/** No loaders: saved searches and their deliveries are read a page at a time. */
export function createAlertsLoaders(_dataSource: DataSource): AlertsLoaders {
  return {};
}
