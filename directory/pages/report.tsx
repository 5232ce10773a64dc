import { type GraphQLSchema, isEnumType } from "graphql";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout, withLanguage } from "./layout";
import { term } from "./parts";

/** A report's text: at most this many characters (the moderation subgraph's limit, which checks it again). */
export const REPORT_TEXT_MAX_LENGTH = 1000;

/** The reasons a record may be reported for, as the public schema's `ReportReason` has them; empty without it. */
export function reportReasons(schema: GraphQLSchema | undefined): string[] {
  const type = schema?.getType("ReportReason");
  return isEnumType(type) ? type.getValues().map((value) => value.name) : [];
}

/** What the visitor sent, shown again in the form after an error. */
export interface ReportDraft {
  reason: string;
  text: string;
}

/**
 * "Report this": a disclosure with a form that POSTs to `action` (no script needed), a reason from the schema's
 * list and an optional text. Open, with the visitor's values and the error, when shown again after a refusal.
 */
export function ReportForm({
  action,
  reasons,
  language,
  draft,
  error,
}: {
  action: string;
  reasons: readonly string[];
  language: PageLanguage;
  draft?: ReportDraft;
  error?: string;
}) {
  const { t } = language;
  if (reasons.length === 0) return null;
  return (
    <details class="report" open={draft !== undefined}>
      <summary>{t("reportThis")}</summary>
      <form method="post" action={withLanguage(action, language.ui.tag)}>
        <p>{t("reportIntro")}</p>
        {error && (
          <p class="report-error" id="report-error" role="alert">
            {error}
          </p>
        )}
        <div class="field">
          <label for="report-reason">{t("reportReason")}</label>
          <select id="report-reason" name="reason" required aria-describedby={error ? "report-error" : undefined}>
            {reasons.map((reason) => (
              <option value={reason} selected={draft?.reason === reason}>
                {term(reason, language)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="report-text">{t("reportText")}</label>
          <textarea id="report-text" name="text" rows={4} maxlength={REPORT_TEXT_MAX_LENGTH}>
            {draft?.text ?? ""}
          </textarea>
        </div>
        <button type="submit">{t("reportSend")}</button>
      </form>
    </details>
  );
}

/** The page after a report: its receipt, or the form again with what went wrong. */
export function ReportPage({
  language,
  hubUrl,
  recordPath,
  action,
  reasons,
  outcome,
}: {
  language: PageLanguage;
  hubUrl: string;
  /** The reported record's page. */
  recordPath: string;
  action: string;
  reasons: readonly string[];
  outcome: { received: string } | { error: string; draft: ReportDraft | null };
}) {
  const { t } = language;
  const title = t("received" in outcome ? "reportReceivedTitle" : "reportFailedTitle");
  return (
    <Layout frame={{ language, title, path: recordPath, hubUrl }}>
      <h1>{title}</h1>
      {"received" in outcome ? (
        // The moderation subgraph's own words (English), marked as such for screen readers.
        <p lang="en">{outcome.received}</p>
      ) : outcome.draft ? (
        <ReportForm action={action} reasons={reasons} language={language} draft={outcome.draft} error={outcome.error} />
      ) : (
        <p>{outcome.error}</p>
      )}
      <p>
        <a href={withLanguage(recordPath, language.ui.tag)}>{t("reportBack")}</a>
      </p>
    </Layout>
  );
}
