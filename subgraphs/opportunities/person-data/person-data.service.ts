import type { EntityManager } from "typeorm";
import { mayManagePersonData } from "../../../domain/person-data/person-data";
import { toPlainRecord } from "../../../domain/person-data/person-data";
import { personDataForbidden } from "../../../domain/person-data/person-data";
import { Opportunity } from "../opportunity/opportunity.entity";
import type { OpportunitiesContext } from "../opportunity/opportunity.service";
import type { PersonDataExport } from "./person-data-export.stub";

/** The opportunities a person is the contact of, for their data export, every stored field of each. */
export async function exportOpportunitiesAsContact(context: OpportunitiesContext, key: PersonDataExport): Promise<Array<Record<string, unknown>>> {
  if (!mayManagePersonData(context.viewer, key.network)) throw personDataForbidden();
  const opportunities = await context.dataSource
    .getRepository(Opportunity)
    .find({ where: { contactId: key.personId }, order: { createdAt: "ASC", id: "ASC" } });
  return opportunities.map((opportunity) => toPlainRecord(context.dataSource, Opportunity, opportunity));
}

/** Erasure feed hook: opportunities naming an erased person as contact keep no contact (idempotent). */
export async function clearErasedContact(manager: EntityManager, personId: string): Promise<void> {
  await manager.update(Opportunity, { contactId: personId }, { contactId: null });
}
