import { GraphQLError } from "graphql";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { isUuid, ownsNetwork } from "@agora-hub/runtime";
import { NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import { KeyStub, type KeyStubClass, type Viewer } from "@agora-hub/subgraph-kit";

/**
 * GDPR access and erasure (Art. 15, 17, 20) span every subgraph: the people subgraph owns the
 * `PersonDataExport` entity and the erasure feed; every subgraph that stores something about a person
 * contributes to the export and follows the feed. What they share lives here.
 */

/** The key of a `PersonDataExport`: the person and the network they belong to. */
export interface PersonDataExportKey {
  personId: string;
  network: string;
}

/** Who may read or erase a person's data: the person's own network and the operator. */
export function mayManagePersonData(viewer: Viewer, network: string): boolean {
  return ownsNetwork(viewer, network);
}

/** The key of a `PersonDataExport` representation sent by the gateway, or null when it is malformed. */
export function readPersonDataExportKey(reference: object): PersonDataExportKey | null {
  const { personId, network } = reference as Partial<Record<string, unknown>>;
  if (!isUuid(personId) || typeof network !== "string" || !NETWORK_SLUG_PATTERN.test(network)) return null;
  return { personId: personId.toLowerCase(), network };
}

/**
 * A contributing subgraph's key-only `PersonDataExport` (the people subgraph owns it). A new class each call:
 * each subgraph needs its own, as type-graphql keeps the fields a subgraph contributes on the class.
 */
export function PersonDataExportStub(): KeyStubClass<{ personId: "ID"; network: "String" }, "PersonDataExport"> {
  return KeyStub("PersonDataExport", { personId: "ID", network: "String" });
}

/**
 * The reference resolver of a contributing subgraph's `PersonDataExport` stub: the key stub when the viewer
 * may read that network's people, else null. The gateway only sends representations the people subgraph
 * produced after its own check; this repeats it so no other path can read the export.
 */
export function personDataExportReference(
  stub: KeyStubClass<{ personId: "ID"; network: "String" }, "PersonDataExport">,
): (reference: object, context: { viewer: Viewer }) => PersonDataExportKey | null {
  return (reference, context) => {
    const key = readPersonDataExportKey(reference);
    return key && mayManagePersonData(context.viewer, key.network) ? stub.of(key) : null;
  };
}

/** Thrown by a contributed export field whose viewer may not read the person's data. */
export function personDataForbidden(): GraphQLError {
  return new GraphQLError("Only the person's own network and the operator may read this person's data", {
    extensions: { code: "FORBIDDEN" },
  });
}

/**
 * A stored row as a plain JSON object: every mapped column under its property path (`venue.city` for an embedded one), dates as ISO strings.
 * Used by exports so they hold everything stored, including columns added later.
 */
export function toPlainRecord(dataSource: DataSource, target: EntityTarget<ObjectLiteral>, row: ObjectLiteral): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const column of dataSource.getMetadata(target).columns) {
    const value: unknown = column.getEntityValue(row);
    record[column.propertyPath] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return record;
}
