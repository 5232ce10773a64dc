import type { SubgraphDefinition } from "@agora-hub/subgraph-kit";
import { CaseReport } from "./case/case-report.entity";
import { ModerationCase } from "./case/moderation-case.entity";
import { createModerationLoaders, type ModerationLoaders } from "./case/moderation-case.loaders";
import { ModerationCaseResolver } from "./case/moderation-case.resolver";
import { CreateModerationCase1764000700000 } from "./migrations/1764000700000-create-moderation-case";
import { type ModerationSettings, readModerationSettings, REPORTABLE_TYPES, REPORTED_OWNERS } from "./moderation.config";
import { ReportResolver } from "./report/report.resolver";

/**
 * The moderation subgraph: owns `reportRecord`, `moderationCases` and `resolveModerationCase`. Reported records
 * are key-only stubs completed by their owners, which are its peers: it asks them whether a reported record is
 * public, and takes an upheld case's record down through their `change<Type>Publication`.
 */
export const moderationSubgraph: SubgraphDefinition<ModerationLoaders, ModerationSettings> = {
  name: "moderation",
  defaultPort: 4007,
  peers: REPORTED_OWNERS,
  // REPORTS_PER_CLIENT_PER_HOUR, REPORTS_PER_RECORD_PER_HOUR.
  readSettings: readModerationSettings,
  resolvers: [ReportResolver, ModerationCaseResolver],
  orphanedTypes: Object.values(REPORTABLE_TYPES).map(({ stub }) => stub),
  // Key-only stubs: @apollo/subgraph answers their representations with themselves.
  referenceResolvers: {},
  entities: [ModerationCase, CaseReport],
  migrations: [CreateModerationCase1764000700000],
  createLoaders: createModerationLoaders,
};
