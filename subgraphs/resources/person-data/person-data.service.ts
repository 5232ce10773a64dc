import { In, type EntityManager } from "typeorm";
import { mayManagePersonData } from "../../../domain/person-data/person-data";
import { toPlainRecord } from "../../../domain/person-data/person-data";
import { personDataForbidden } from "../../../domain/person-data/person-data";
import { Resource } from "../resource/resource.entity";
import { ResourceAuthor } from "../resource/resource-relations.entity";
import type { ResourcesContext } from "../resource/resource.service";
import type { PersonDataExport } from "./person-data-export.stub";

/** The resources a person wrote, for their data export: the authorship (person, place among the authors) and the resource's every stored field. */
export async function exportAuthorOf(context: ResourcesContext, key: PersonDataExport): Promise<Array<Record<string, unknown>>> {
  if (!mayManagePersonData(context.viewer, key.network)) throw personDataForbidden();
  const links = await context.dataSource.getRepository(ResourceAuthor).findBy({ personId: key.personId });
  const resources = await context.dataSource
    .getRepository(Resource)
    .find({ where: { id: In(links.map((link) => link.resourceId)) }, order: { publicationDate: "ASC", id: "ASC" } });
  const positions = new Map(links.map((link) => [link.resourceId, link.position]));
  return resources.map((resource) => ({
    personId: key.personId,
    position: positions.get(resource.id) ?? null,
    resource: toPlainRecord(context.dataSource, Resource, resource),
  }));
}

/** Erasure feed hook: an erased person is no longer named as an author anywhere (idempotent). */
export async function eraseAuthorLinks(manager: EntityManager, personId: string): Promise<void> {
  await manager.delete(ResourceAuthor, { personId });
}
