import DataLoader from "dataloader";
import { type DataSource, In } from "typeorm";
import { createByIdLoader, readableBy, type Viewer } from "@agora-hub/subgraph-kit";
import { Organisation } from "./organisation.entity";

/** Per-request loaders of organisations. */
export interface OrganisationLoaders {
  organisationById: DataLoader<string, Organisation | null>;
  organisationBySlug: DataLoader<string, Organisation | null>;
}

/** Creates fresh organisation loaders for one request of `viewer` (who gets null for what it may not read); a slug lookup also fills the by-id cache. */
export function createOrganisationLoaders(dataSource: DataSource, viewer: Viewer): OrganisationLoaders {
  const organisationById = createByIdLoader(dataSource, Organisation, viewer);
  const organisationBySlug = new DataLoader<string, Organisation | null>(async (slugs) => {
    const rows = readableBy(viewer, await dataSource.getRepository(Organisation).findBy({ slug: In([...slugs]) })).filter((row) => row !== null);
    for (const row of rows) organisationById.prime(row.id, row);
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });
  return { organisationById, organisationBySlug };
}
