import { z } from "zod";
import { registerEnumType } from "type-graphql";
import { KeyStub, type KeyStubClass, readEnv } from "@agora-hub/subgraph-kit";

/**
 * The record types anyone may report, each with the subgraph that owns it: the moderation subgraph asks that
 * owner whether a reported record is public and, when a case is upheld, takes it down there
 * (`change<Typename>Publication`). Adding a type is one entry here.
 */
export const REPORTABLE_TYPES = {
  PERSON: { typename: "Person", owner: "people", noun: "person", stub: KeyStub("Person") },
  ORGANISATION: { typename: "Organisation", owner: "organisations", noun: "organisation", stub: KeyStub("Organisation") },
  OPPORTUNITY: { typename: "Opportunity", owner: "opportunities", noun: "opportunity", stub: KeyStub("Opportunity") },
  EVENT: { typename: "Event", owner: "events", noun: "event", stub: KeyStub("Event") },
  RESOURCE: { typename: "Resource", owner: "resources", noun: "resource", stub: KeyStub("Resource") },
} as const;

/** A reportable type's name, as the GraphQL enum `ReportableType` spells it. */
export type ReportableType = keyof typeof REPORTABLE_TYPES;

/** The enum `ReportableType`, one value per entry of `REPORTABLE_TYPES`. */
export const ReportableType = Object.fromEntries(Object.keys(REPORTABLE_TYPES).map((type) => [type, type])) as { [K in ReportableType]: K };
registerEnumType(ReportableType, {
  name: "ReportableType",
  description: "The kinds of record that may be reported.",
  valuesConfig: Object.fromEntries(
    Object.entries(REPORTABLE_TYPES).map(([type, { typename, owner }]) => [type, { description: `A \`${typename}\` (owned by the ${owner} subgraph).` }]),
  ),
});

/** The key-only stub of a reported record, for the gateway to complete from its owner. */
export function reportedRecordStub(type: ReportableType, id: string): object {
  return (REPORTABLE_TYPES[type].stub as KeyStubClass<{ id: "ID" }>).of({ id });
}

/** The subgraphs owning reportable records: the moderation subgraph's peers. */
export const REPORTED_OWNERS: readonly string[] = [...new Set(Object.values(REPORTABLE_TYPES).map(({ owner }) => owner))];

/** The moderation subgraph's own settings: how many reports it accepts per client and per record in an hour. */
export interface ModerationSettings {
  reportsPerClientPerHour: number;
  reportsPerRecordPerHour: number;
}

const perHour = (fallback: number) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(1_000_000).default(fallback));

/** Reads REPORTS_PER_CLIENT_PER_HOUR (default 10) and REPORTS_PER_RECORD_PER_HOUR (default 50). */
export function readModerationSettings(env: NodeJS.ProcessEnv): ModerationSettings {
  const values = readEnv({ REPORTS_PER_CLIENT_PER_HOUR: perHour(10), REPORTS_PER_RECORD_PER_HOUR: perHour(50) }, env);
  return { reportsPerClientPerHour: values.REPORTS_PER_CLIENT_PER_HOUR, reportsPerRecordPerHour: values.REPORTS_PER_RECORD_PER_HOUR };
}
