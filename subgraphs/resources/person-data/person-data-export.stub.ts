import { PersonDataExportStub } from "../../../domain/person-data/person-data";

/** Key-only stub of `PersonDataExport`, owned by the people subgraph; this subgraph adds `authorOf`. */
export const PersonDataExport = PersonDataExportStub();
export type PersonDataExport = InstanceType<typeof PersonDataExport>;
