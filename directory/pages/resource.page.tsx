import type { Child } from "hono/jsx";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout } from "./layout";
import { countryName, detailHref, Fact, formatDay, label, LinkedData, term } from "./parts";

/** A resource's page with its authors, publishers, related events and links, in one operation. */
export const RESOURCE_OPERATION = /* GraphQL */ `
  query DirectoryResource($id: ID!) {
    resource(id: $id) {
      id kind title { text } summary { text } body { text } publicationDate licence disciplines countries network jsonLd
      links { url mediaType language }
      authors { id displayName }
      publishers { id name }
      relatedEvents { id title { text } }
    }
  }
`;

export interface ResourceData {
  id: string;
  kind: string;
  title: { text: string };
  summary: { text: string } | null;
  body: { text: string } | null;
  publicationDate: string;
  licence: string | null;
  disciplines: string[];
  countries: string[];
  network: string;
  jsonLd: unknown;
  links: Array<{ url: string; mediaType: string; language: string | null }>;
  authors: Array<{ id: string; displayName: string }> | null;
  publishers: Array<{ id: string; name: string } | null>;
  relatedEvents: Array<{ id: string; title: { text: string } } | null>;
}

/** Links separated by commas. */
function LinkList({ items }: { items: Array<{ href: string; text: string }> }) {
  return (
    <>
      {items.map((item, index) => (
        <>
          {index > 0 && ", "}
          <a href={item.href}>{item.text}</a>
        </>
      ))}
    </>
  );
}

export function ResourcePage({
  resource,
  language,
  hubUrl,
  partner,
  report,
}: {
  resource: ResourceData;
  language: PageLanguage;
  hubUrl: string;
  partner?: Child;
  report?: Child;
}) {
  const { t } = language;
  const present = <T,>(items: Array<T | null> | null): T[] => (items ?? []).filter((item): item is T => item !== null);
  return (
    <Layout frame={{ language, title: resource.title.text, path: `/resources/${resource.id}`, hubUrl, jsonLd: resource.jsonLd }}>
      <article class="detail">
        <p class="hit-type">
          {t("kindRESOURCE")} · {term(resource.kind, language)}
        </p>
        <h1>{resource.title.text}</h1>
        <dl class="facts-list">
          <Fact term={t("publicationDate")}>{formatDay(resource.publicationDate, language)}</Fact>
          <Fact term={t("authors")}>
            <LinkList items={present(resource.authors).map((author) => ({ href: detailHref("Person", author.id, language), text: author.displayName }))} />
          </Fact>
          <Fact term={t("publishers")}>
            <LinkList
              items={present(resource.publishers).map((publisher) => ({ href: detailHref("Organisation", publisher.id, language), text: publisher.name }))}
            />
          </Fact>
          <Fact term={t("relatedEvents")}>
            <LinkList items={present(resource.relatedEvents).map((event) => ({ href: detailHref("Event", event.id, language), text: event.title.text }))} />
          </Fact>
          <Fact term={t("disciplines")}>{resource.disciplines.map(label).join(", ")}</Fact>
          <Fact term={t("country")}>{resource.countries.map((code) => countryName(code, language)).join(", ")}</Fact>
          <Fact term={t("licence")}>
            {resource.licence && <a href={`https://spdx.org/licenses/${encodeURIComponent(resource.licence)}.html`}>{resource.licence}</a>}
          </Fact>
          <Fact term={t("network")}>{resource.network}</Fact>
        </dl>
        {resource.summary && <p>{resource.summary.text}</p>}
        {resource.body && <p>{resource.body.text}</p>}
        <h2>{t("resourceLinks")}</h2>
        <ul class="resource-links">
          {resource.links.map((link) => (
            <li>
              <a href={link.url} rel="external nofollow" type={link.mediaType} hreflang={link.language ?? undefined}>
                {link.url}
              </a>{" "}
              ({[link.mediaType, link.language].filter(Boolean).join(", ")})
            </li>
          ))}
        </ul>
        {partner}
        {report}
        <LinkedData typename="Resource" id={resource.id} language={language} />
      </article>
    </Layout>
  );
}
