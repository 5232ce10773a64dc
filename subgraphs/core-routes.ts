import routingTable from "../schema/subgraphs/subgraphs.json";

/** Where each core subgraph listens by default (the committed routing table `schema/subgraphs/subgraphs.json`), by name. */
export const CORE_ROUTES: Readonly<Record<string, string>> = Object.fromEntries(routingTable.map(({ name, url }) => [name, url]));
