import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { createByIdLoader, type SubgraphContext, type Viewer } from "@agora-hub/subgraph-kit";
import { Person } from "./person.entity";

/** The people subgraph's per-request loaders. */
export interface PersonLoaders {
  personById: DataLoader<string, Person | null>;
}

/** Creates fresh loaders for one request of `viewer`, who gets null for a person whose record it may not read (unpublished). */
export function createPersonLoaders(dataSource: DataSource, viewer: Viewer): PersonLoaders {
  return { personById: createByIdLoader(dataSource, Person, viewer) };
}

/** Per-request context of the people subgraph. */
export type PeopleContext = SubgraphContext<PersonLoaders>;
