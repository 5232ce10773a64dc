import type { Child } from "hono/jsx";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout } from "./layout";
import { countryName, detailHref, Fact, label, LinkedData, term } from "./parts";

/** A person's page: one operation. A person who is not discoverable is not returned, so never shown. */
export const PERSON_OPERATION = /* GraphQL */ `
  query DirectoryPerson($id: ID!) {
    person(id: $id) {
      id displayName headline { text } bio { text } city country disciplines spokenLanguages website network jsonLd
      memberships(first: 20) { edges { node { role title organisation { id name } } } }
    }
  }
`;

export interface PersonData {
  id: string;
  displayName: string;
  headline: { text: string } | null;
  bio: { text: string } | null;
  city: string | null;
  country: string | null;
  disciplines: string[];
  spokenLanguages: string[];
  website: string | null;
  network: string;
  jsonLd: unknown;
  memberships: { edges: Array<{ node: { role: string; title: string | null; organisation: { id: string; name: string } | null } }> } | null;
}

export function PersonPage({
  person,
  language,
  hubUrl,
  partner,
  report,
}: {
  person: PersonData;
  language: PageLanguage;
  hubUrl: string;
  partner?: Child;
  report?: Child;
}) {
  const { t } = language;
  const memberships = person.memberships?.edges.map((edge) => edge.node).filter((node) => node.organisation) ?? [];
  return (
    <Layout frame={{ language, title: person.displayName, path: `/people/${person.id}`, hubUrl, jsonLd: person.jsonLd }}>
      <article class="detail">
        <p class="hit-type">{t("kindPERSON")}</p>
        <h1>{person.displayName}</h1>
        {person.headline && <p class="lead">{person.headline.text}</p>}
        <dl class="facts-list">
          <Fact term={t("city")}>{person.city}</Fact>
          <Fact term={t("country")}>{countryName(person.country, language)}</Fact>
          <Fact term={t("disciplines")}>{person.disciplines.map(label).join(", ")}</Fact>
          <Fact term={t("languages")}>{person.spokenLanguages.join(", ")}</Fact>
          <Fact term={t("network")}>{person.network}</Fact>
          <Fact term={t("website")}>{person.website && <a href={person.website}>{person.website}</a>}</Fact>
        </dl>
        {person.bio && <p>{person.bio.text}</p>}
        {memberships.length > 0 && (
          <section>
            <h2>{t("memberships")}</h2>
            <ul>
              {memberships.map((membership) => (
                <li>
                  <a href={detailHref("Organisation", membership.organisation!.id, language)}>{membership.organisation!.name}</a>
                  {` · ${membership.title ?? term(membership.role, language)}`}
                </li>
              ))}
            </ul>
          </section>
        )}
        {partner}
        {report}
        <LinkedData typename="Person" id={person.id} language={language} />
      </article>
    </Layout>
  );
}
