import type { AnySubgraphDefinition } from "./kit";
import { peopleSubgraph } from "./people/people.subgraph";

/** The hub's own subgraphs, in the order they are started, composed and seeded. */
export const CORE_SUBGRAPHS: AnySubgraphDefinition[] = [peopleSubgraph];
