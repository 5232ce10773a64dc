import { eventsSubgraph } from "./events/events.subgraph";
import { moderationSubgraph } from "./moderation/moderation.subgraph";
import type { AnySubgraphDefinition } from "@agora-hub/subgraph-kit";
import { opportunitiesSubgraph } from "./opportunities/opportunities.subgraph";
import { organisationsSubgraph } from "./organisations/organisations.subgraph";
import { peopleSubgraph } from "./people/people.subgraph";
import { searchSubgraph } from "./search/search.subgraph";

/** The hub's own subgraphs, in the order they are started, composed and seeded; search last, as it calls the others (moderation calls the four before it). */
export const CORE_SUBGRAPHS: AnySubgraphDefinition[] = [
  peopleSubgraph,
  organisationsSubgraph,
  opportunitiesSubgraph,
  eventsSubgraph,
  moderationSubgraph,
  searchSubgraph,
];
