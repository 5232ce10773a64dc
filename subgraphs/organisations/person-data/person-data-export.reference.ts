import { resolvePersonDataExportStub } from "../../../domain/person-data/person-data";
import type { OrganisationsContext } from "../organisations.loaders";
import { PersonDataExport } from "./person-data-export.stub";

/** Resolves a `PersonDataExport` representation to its key stub, or null when the viewer may not read that person's data. */
export function resolvePersonDataExportReference(reference: object, context: OrganisationsContext): PersonDataExport | null {
  return resolvePersonDataExportStub(() => new PersonDataExport(), reference, context.viewer);
}
