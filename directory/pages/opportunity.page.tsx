import type { Child } from "hono/jsx";
import type { MessageKey } from "../i18n/messages";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout } from "./layout";
import { countryName, detailHref, Fact, formatDate, label, LinkedData, term } from "./parts";

/** An open call's page: deadline, status, eligibility, amount and where to apply, in one operation. */
export const OPPORTUNITY_OPERATION = /* GraphQL */ `
  query DirectoryOpportunity($id: ID!) {
    opportunity(id: $id) {
      id type status title { text } summary { text } description { text } opensAt deadline eligibleCountries
      amount { min max currency } applicationUrl city country disciplines network jsonLd
      publisher { id name }
    }
  }
`;

export interface OpportunityData {
  id: string;
  type: string;
  status: string;
  title: { text: string };
  summary: { text: string } | null;
  description: { text: string } | null;
  opensAt: string;
  deadline: string | null;
  eligibleCountries: string[];
  amount: { min: number | null; max: number | null; currency: string } | null;
  applicationUrl: string | null;
  city: string | null;
  country: string | null;
  disciplines: string[];
  network: string;
  jsonLd: unknown;
  publisher: { id: string; name: string } | null;
}

/** An amount or range in the page's language and the call's currency. */
function formatAmount(amount: NonNullable<OpportunityData["amount"]>, language: PageLanguage): string {
  const format = (value: number) => {
    try {
      return new Intl.NumberFormat(language.ui.tag, { style: "currency", currency: amount.currency, maximumFractionDigits: 0 }).format(value);
    } catch {
      return `${value} ${amount.currency}`;
    }
  };
  if (amount.min !== null && amount.max !== null && amount.min !== amount.max) return `${format(amount.min)} – ${format(amount.max)}`;
  const value = amount.max ?? amount.min;
  return value === null ? "" : format(value);
}

export function OpportunityPage({
  opportunity,
  language,
  hubUrl,
  partner,
  report,
}: {
  opportunity: OpportunityData;
  language: PageLanguage;
  hubUrl: string;
  partner?: Child;
  /** The "Report this" form. */
  report?: Child;
}) {
  const { t } = language;
  return (
    <Layout frame={{ language, title: opportunity.title.text, path: `/opportunities/${opportunity.id}`, hubUrl, jsonLd: opportunity.jsonLd }}>
      <article class="detail">
        <p class="hit-type">
          {t("kindOPPORTUNITY")} · {term(opportunity.type, language)}
        </p>
        <h1>{opportunity.title.text}</h1>
        {opportunity.summary && <p class="lead">{opportunity.summary.text}</p>}
        <dl class="facts-list">
          <Fact term={t("status")}>{t(`status${opportunity.status}` as MessageKey)}</Fact>
          <Fact term={t("deadline")}>{opportunity.deadline ? formatDate(opportunity.deadline, language) : t("noDeadline")}</Fact>
          <Fact term={t("opensAt")}>{formatDate(opportunity.opensAt, language)}</Fact>
          <Fact term={t("eligibility")}>
            {opportunity.eligibleCountries.length > 0 ? opportunity.eligibleCountries.map((code) => countryName(code, language)).join(", ") : t("anyCountry")}
          </Fact>
          <Fact term={t("amount")}>{opportunity.amount && formatAmount(opportunity.amount, language)}</Fact>
          <Fact term={t("city")}>{opportunity.city}</Fact>
          <Fact term={t("country")}>{countryName(opportunity.country, language)}</Fact>
          <Fact term={t("disciplines")}>{opportunity.disciplines.map(label).join(", ")}</Fact>
          <Fact term={t("publisher")}>
            {opportunity.publisher && <a href={detailHref("Organisation", opportunity.publisher.id, language)}>{opportunity.publisher.name}</a>}
          </Fact>
          <Fact term={t("network")}>{opportunity.network}</Fact>
        </dl>
        {opportunity.description && <p>{opportunity.description.text}</p>}
        {opportunity.applicationUrl && (
          <p>
            <a class="button" href={opportunity.applicationUrl} rel="external">
              {t("apply")}
            </a>
          </p>
        )}
        {partner}
        {report}
        <LinkedData typename="Opportunity" id={opportunity.id} language={language} />
      </article>
    </Layout>
  );
}
