import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { type ChildrenPageKey, createByIdLoader, createChildrenPageLoader } from "@agora-hub/subgraph-kit";
import type { Page } from "@agora-hub/subgraph-kit";
import { CreativeTracksLab } from "./lab.entity";

/** Per-request loaders of labs. */
export interface LabLoaders {
  labById: DataLoader<string, CreativeTracksLab | null>;
  /** A page of the labs an organisation hosts, newest first. */
  labsByHostOrganisationId: DataLoader<ChildrenPageKey, Page<CreativeTracksLab>, string>;
}

/** Creates fresh lab loaders for one request. */
export function createLabLoaders(dataSource: DataSource): LabLoaders {
  const labById = createByIdLoader(dataSource, CreativeTracksLab);
  return {
    labById,
    labsByHostOrganisationId: createChildrenPageLoader(
      dataSource,
      {
        from: "lab",
        parentColumn: "lab.host_organisation_id",
        idColumn: "lab.id",
        sortColumn: "lab.created_at",
        sortValueType: "timestamp",
        direction: "DESC",
      },
      labById,
      (lab) => lab.createdAt,
    ),
  };
}
