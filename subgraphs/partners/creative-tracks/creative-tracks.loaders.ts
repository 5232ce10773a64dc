import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@agora-hub/subgraph-kit";
import { createLabLoaders, type LabLoaders } from "./lab/lab.loaders";
import { createProfileLoaders, type ProfileLoaders } from "./profile/profile.loaders";

/** Every per-request loader of the Creative Tracks subgraph. */
export type CreativeTracksLoaders = LabLoaders & ProfileLoaders;

/** Context of a request to the Creative Tracks subgraph. */
export type CreativeTracksContext = SubgraphContext<CreativeTracksLoaders>;

/** Creates fresh loaders for one request, so nothing is cached across requests. */
export function createCreativeTracksLoaders(dataSource: DataSource): CreativeTracksLoaders {
  return { ...createLabLoaders(dataSource), ...createProfileLoaders(dataSource) };
}
