import type { SubgraphDefinition } from "@agora-hub/subgraph-kit";
import { Festival } from "./festival/festival.entity";
import { createFestivalLoaders, type FestivalLoaders } from "./festival/festival.loaders";
import { FestivalResolver } from "./festival/festival.resolver";
import { CreateFestival1770000000000 } from "./migrations/1770000000000-create-festival";

export const festivalsSubgraph: SubgraphDefinition<FestivalLoaders> = {
  name: "festivals",
  defaultPort: 4300,
  resolvers: [FestivalResolver],
  referenceResolvers: { FestivalsFestival: (reference, context) => context.loaders.festival.load(reference.id) },
  entities: [Festival],
  migrations: [CreateFestival1770000000000],
  createLoaders: createFestivalLoaders,
};
