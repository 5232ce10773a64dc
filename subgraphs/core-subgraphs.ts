import { alertsSubgraph } from "./alerts/alerts.subgraph";
import { CORE_SUBGRAPH_NAMES } from "./core-subgraph-names";
import { eventsSubgraph } from "./events/events.subgraph";
import { moderationSubgraph } from "./moderation/moderation.subgraph";
import type { AnySubgraphDefinition } from "@agora-hub/subgraph-kit";
import { opportunitiesSubgraph } from "./opportunities/opportunities.subgraph";
import { organisationsSubgraph } from "./organisations/organisations.subgraph";
import { peopleSubgraph } from "./people/people.subgraph";
import { resourcesSubgraph } from "./resources/resources.subgraph";
import { searchSubgraph } from "./search/search.subgraph";

/** The hub's own subgraphs, in the order they are started, composed and seeded; search after the record owners, as it calls them (moderation calls the owners of what it reports); alerts last, following their change feeds. */
export const CORE_SUBGRAPHS: AnySubgraphDefinition[] = [
  peopleSubgraph,
  organisationsSubgraph,
  opportunitiesSubgraph,
  eventsSubgraph,
  resourcesSubgraph,
  moderationSubgraph,
  searchSubgraph,
  alertsSubgraph,
];

if (CORE_SUBGRAPHS.map((subgraph) => subgraph.name).join() !== CORE_SUBGRAPH_NAMES.join()) {
  throw new Error(
    `core-subgraph-names.ts lists ${CORE_SUBGRAPH_NAMES.join(", ")} but the core subgraphs are ${CORE_SUBGRAPHS.map((subgraph) => subgraph.name).join(", ")}`,
  );
}
