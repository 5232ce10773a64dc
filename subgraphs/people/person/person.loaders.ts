import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { createByIdLoader, type SubgraphContext } from "@agora-hub/subgraph-kit";
import { Person } from "./person.entity";

/** The people subgraph's per-request loaders. */
export interface PersonLoaders {
  personById: DataLoader<string, Person | null>;
}

/** Creates fresh loaders for one request. */
export function createPersonLoaders(dataSource: DataSource): PersonLoaders {
  return { personById: createByIdLoader(dataSource, Person) };
}

/** Per-request context of the people subgraph. */
export type PeopleContext = SubgraphContext<PersonLoaders>;
