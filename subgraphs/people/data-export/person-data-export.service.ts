import { logger, requireUuid } from "@agora-hub/subgraph-kit";
import { mayManagePersonData } from "../../../domain/person-data/person-data";
import type { PersonDataExportKey } from "../../../domain/person-data/person-data";
import { readPersonDataExportKey } from "../../../domain/person-data/person-data";
import { toPlainRecord } from "../../../domain/person-data/person-data";
import { Person } from "../person/person.entity";
import type { PeopleContext } from "../person/person.service";
import { PersonDataExport } from "./person-data-export.type";

function exportOf(context: PeopleContext, person: Person): PersonDataExport {
  // Exports are logged (who, whom, when) so unusual volumes can be spotted; the log holds no exported data.
  logger.info({ subgraph: "people", requestId: context.requestId, personId: person.id, actor: context.viewer }, "person data exported");
  return Object.assign(new PersonDataExport(), {
    personId: person.id,
    network: person.network,
    exportedAt: new Date(),
    person: toPlainRecord(context.dataSource, Person, person),
  });
}

/**
 * The export of a person for their own network or the operator; null for anyone else, as for an unknown id
 * (whether the person is listed in the directory does not matter: the export holds private data).
 */
export async function exportPersonData(context: PeopleContext, id: string): Promise<PersonDataExport | null> {
  const person = await context.loaders.personById.load(requireUuid(id));
  if (!person || !mayManagePersonData(context.viewer, person.network)) return null;
  return exportOf(context, person);
}

/** Resolves a `PersonDataExport` representation: the export when its key still names the person and the viewer may read it. */
export async function resolvePersonDataExportReference(reference: object, context: PeopleContext): Promise<PersonDataExport | null> {
  const key: PersonDataExportKey | null = readPersonDataExportKey(reference);
  if (!key) return null;
  const person = await context.loaders.personById.load(key.personId);
  if (!person || person.network !== key.network || !mayManagePersonData(context.viewer, person.network)) return null;
  return exportOf(context, person);
}
