import { createByIdLoader } from "@agora-hub/subgraph-kit";
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Festival } from "./festival.entity";

export interface FestivalLoaders {
  festival: DataLoader<string, Festival | null>;
}

export function createFestivalLoaders(dataSource: DataSource): FestivalLoaders {
  return { festival: createByIdLoader(dataSource, Festival) };
}
