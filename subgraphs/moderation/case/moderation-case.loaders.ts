import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { type ChildrenPageKey, createByIdLoader, createChildrenPageLoader, isUuid, type Page } from "@agora-hub/subgraph-kit";
import { CaseReport } from "./case-report.entity";
import type { ReasonCount, ReportReason } from "./moderation-case.type";

/** The moderation subgraph's per-request loaders. */
export interface ModerationLoaders {
  /** How many reports of each case gave each reason, most given first. */
  reasonsByCaseId: DataLoader<string, ReasonCount[]>;
  /** A page of a case's reports that have a text, newest first. */
  textsByCaseId: DataLoader<ChildrenPageKey, Page<CaseReport>, string>;
}

/** Creates fresh loaders for one request (who may see a case is decided by the list that returns it). */
export function createModerationLoaders(dataSource: DataSource): ModerationLoaders {
  const reportById = createByIdLoader(dataSource, CaseReport);
  return {
    reasonsByCaseId: new DataLoader(async (caseIds) => {
      const valid = caseIds.filter(isUuid);
      const rows = (
        valid.length === 0
          ? []
          : await dataSource.query(
              `SELECT case_id, reason, count(*)::int AS count FROM case_report WHERE case_id = ANY($1) GROUP BY case_id, reason ORDER BY case_id, count DESC, reason`,
              [valid],
            )
      ) as Array<{ case_id: string; reason: ReportReason; count: number }>;
      const byCase = new Map<string, ReasonCount[]>();
      for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), { reason: row.reason, count: row.count }]);
      return caseIds.map((id) => byCase.get(id) ?? []);
    }),
    textsByCaseId: createChildrenPageLoader(
      dataSource,
      {
        from: "case_report r",
        parentColumn: "r.case_id",
        idColumn: "r.id",
        sortColumn: "r.reported_at",
        sortValueType: "timestamp",
        direction: "DESC",
        where: "r.text IS NOT NULL",
      },
      reportById,
      (report) => report.reportedAt,
    ),
  };
}
