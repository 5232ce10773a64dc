import type { Child } from "hono/jsx";
import type { MessageKey } from "../i18n/messages";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout } from "./layout";
import { countryName, detailHref, Fact, formatDate, label, LinkedData, term } from "./parts";

/** An organisation's page with its members, open calls and events: one operation. */
export const ORGANISATION_OPERATION = /* GraphQL */ `
  query DirectoryOrganisation($id: ID!) {
    organisation(id: $id) {
      id name kind description { text } city country website disciplines network jsonLd
      members(first: 20) { edges { node { role title person { id displayName } } } }
      opportunities(first: 10) { edges { node { id title { text } deadline status } } }
      events(first: 10) { edges { node { id title { text } startsAt timeZone } } }
    }
  }
`;

export interface OrganisationData {
  id: string;
  name: string;
  kind: string;
  description: { text: string } | null;
  city: string | null;
  country: string;
  website: string | null;
  disciplines: string[];
  network: string;
  jsonLd: unknown;
  members: { edges: Array<{ node: { role: string; title: string | null; person: { id: string; displayName: string } | null } }> } | null;
  opportunities: { edges: Array<{ node: { id: string; title: { text: string }; deadline: string | null; status: string } }> } | null;
  events: { edges: Array<{ node: { id: string; title: { text: string }; startsAt: string; timeZone: string } }> } | null;
}

export function OrganisationPage({
  organisation,
  language,
  hubUrl,
  partner,
  report,
}: {
  organisation: OrganisationData;
  language: PageLanguage;
  hubUrl: string;
  partner?: Child;
  /** The "Report this" form. */
  report?: Child;
}) {
  const { t } = language;
  // Members who are not discoverable come back without their person: they are not listed.
  const members = organisation.members?.edges.map((edge) => edge.node).filter((node) => node.person) ?? [];
  const opportunities = organisation.opportunities?.edges.map((edge) => edge.node) ?? [];
  const events = organisation.events?.edges.map((edge) => edge.node) ?? [];
  return (
    <Layout frame={{ language, title: organisation.name, path: `/organisations/${organisation.id}`, hubUrl, jsonLd: organisation.jsonLd }}>
      <article class="detail">
        <p class="hit-type">{t("kindORGANISATION")}</p>
        <h1>{organisation.name}</h1>
        <dl class="facts-list">
          <Fact term={t("city")}>{organisation.city}</Fact>
          <Fact term={t("country")}>{countryName(organisation.country, language)}</Fact>
          <Fact term={t("disciplines")}>{organisation.disciplines.map(label).join(", ")}</Fact>
          <Fact term={t("network")}>{organisation.network}</Fact>
          <Fact term={t("website")}>{organisation.website && <a href={organisation.website}>{organisation.website}</a>}</Fact>
        </dl>
        {organisation.description && <p>{organisation.description.text}</p>}
        {members.length > 0 && (
          <section>
            <h2>{t("members")}</h2>
            <ul>
              {members.map((member) => (
                <li>
                  <a href={detailHref("Person", member.person!.id, language)}>{member.person!.displayName}</a>
                  {` · ${member.title ?? term(member.role, language)}`}
                </li>
              ))}
            </ul>
          </section>
        )}
        {opportunities.length > 0 && (
          <section>
            <h2>{t("opportunities")}</h2>
            <ul>
              {opportunities.map((opportunity) => (
                <li>
                  <a href={detailHref("Opportunity", opportunity.id, language)}>{opportunity.title.text}</a>
                  {` · ${t(`status${opportunity.status}` as MessageKey)}`}
                  {opportunity.deadline ? ` · ${t("deadline")}: ${formatDate(opportunity.deadline, language)}` : ""}
                </li>
              ))}
            </ul>
          </section>
        )}
        {events.length > 0 && (
          <section>
            <h2>{t("events")}</h2>
            <ul>
              {events.map((event) => (
                <li>
                  <a href={detailHref("Event", event.id, language)}>{event.title.text}</a>
                  {` · ${formatDate(event.startsAt, language, event.timeZone)}`}
                </li>
              ))}
            </ul>
          </section>
        )}
        {partner}
        {report}
        <LinkedData typename="Organisation" id={organisation.id} language={language} />
      </article>
    </Layout>
  );
}
