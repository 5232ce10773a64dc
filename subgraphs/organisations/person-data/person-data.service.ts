import type { EntityManager } from "typeorm";
import { mayManagePersonData } from "../../../domain/person-data/person-data";
import { toPlainRecord } from "../../../domain/person-data/person-data";
import { personDataForbidden } from "../../../domain/person-data/person-data";
import { Membership } from "../membership/membership.entity";
import type { OrganisationsContext } from "../organisations.loaders";
import type { PersonDataExport } from "./person-data-export.stub";

/** A person's memberships for their data export, in every publication state (as events' export lists unpublished events), every stored field of each. */
export async function exportMemberships(context: OrganisationsContext, key: PersonDataExport): Promise<Array<Record<string, unknown>>> {
  if (!mayManagePersonData(context.viewer, key.network)) throw personDataForbidden();
  const memberships = await context.dataSource.getRepository(Membership).find({ where: { personId: key.personId }, order: { createdAt: "ASC", id: "ASC" } });
  return memberships.map((membership) => toPlainRecord(context.dataSource, Membership, membership));
}

/** Erasure feed hook: an erased person's memberships go (idempotent). */
export async function erasePersonMemberships(manager: EntityManager, personId: string): Promise<void> {
  await manager.delete(Membership, { personId });
}
