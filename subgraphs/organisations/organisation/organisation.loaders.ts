import DataLoader from "dataloader";
import { type DataSource, In } from "typeorm";
import { createByIdLoader } from "@agora-hub/subgraph-kit";
import { Organisation } from "./organisation.entity";

/** Per-request loaders of organisations. */
export interface OrganisationLoaders {
  organisationById: DataLoader<string, Organisation | null>;
  organisationBySlug: DataLoader<string, Organisation | null>;
}

/** Creates fresh organisation loaders for one request; a slug lookup also fills the by-id cache. */
export function createOrganisationLoaders(dataSource: DataSource): OrganisationLoaders {
  const organisationById = createByIdLoader(dataSource, Organisation);
  const organisationBySlug = new DataLoader<string, Organisation | null>(async (slugs) => {
    const rows = await dataSource.getRepository(Organisation).findBy({ slug: In([...slugs]) });
    for (const row of rows) organisationById.prime(row.id, row);
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });
  return { organisationById, organisationBySlug };
}
