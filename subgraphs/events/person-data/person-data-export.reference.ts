import { resolvePersonDataExportStub } from "../../../domain/person-data/person-data";
import type { EventsContext } from "../event/event.service";
import { PersonDataExport } from "./person-data-export.stub";

/** Resolves a `PersonDataExport` representation to its key stub, or null when the viewer may not read that person's data. */
export function resolvePersonDataExportReference(reference: object, context: EventsContext): PersonDataExport | null {
  return resolvePersonDataExportStub(() => new PersonDataExport(), reference, context.viewer);
}
