import type { MessageKey } from "../i18n/messages";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout, withLanguage } from "./layout";
import { countryName, detailHref, formatDate, Snippet } from "./parts";

/** The hit types a visitor can narrow a search to, as the `search` field names them. */
export const HIT_TYPES = ["PERSON", "ORGANISATION", "OPPORTUNITY", "EVENT"] as const;
export type HitType = (typeof HIT_TYPES)[number];

/** The cross-type search of the home page: one operation, the page's hits and whether more follow. */
export const SEARCH_OPERATION = /* GraphQL */ `
  query DirectorySearch($query: String!, $types: [SearchHitType!], $after: String) {
    search(query: $query, types: $types, first: 20, after: $after) {
      totalCount
      totalCountApproximate
      edges {
        type
        snippet
        node {
          __typename
          ... on Person { id displayName headline { text } city personCountry: country }
          ... on Organisation { id name city organisationCountry: country }
          ... on Opportunity { id title { text } deadline status }
          ... on Event { id title { text } startsAt timeZone venue { city country } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** One hit as the search operation returns it. */
export interface SearchHitData {
  type: HitType;
  snippet: string | null;
  node:
    | { __typename: "Person"; id: string; displayName: string; headline: { text: string } | null; city: string | null; personCountry: string | null }
    | { __typename: "Organisation"; id: string; name: string; city: string | null; organisationCountry: string }
    | { __typename: "Opportunity"; id: string; title: { text: string }; deadline: string | null; status: string }
    | { __typename: "Event"; id: string; title: { text: string }; startsAt: string; timeZone: string; venue: { city: string; country: string } | null }
    | null;
}

/** The search's answer for the page. */
export interface SearchResults {
  totalCount: number;
  totalCountApproximate: boolean;
  edges: SearchHitData[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The home page: the search box, and the results of a search when there is one. */
export interface HomePageProps {
  language: PageLanguage;
  hubUrl: string;
  query: string;
  type: HitType | null;
  results: SearchResults | null;
  /** Types whose owner could not answer (their hits are missing from the page). */
  unavailable: HitType[];
}

function Hit({ hit, language }: { hit: SearchHitData; language: PageLanguage }) {
  const { node } = hit;
  if (!node) return null;
  const { t } = language;
  let title: string;
  let facts: string[];
  switch (node.__typename) {
    case "Person":
      title = node.displayName;
      facts = [node.headline?.text ?? "", node.city ?? "", countryName(node.personCountry, language)];
      break;
    case "Organisation":
      title = node.name;
      facts = [node.city ?? "", countryName(node.organisationCountry, language)];
      break;
    case "Opportunity":
      title = node.title.text;
      facts = [t(`status${node.status}` as MessageKey), node.deadline ? `${t("deadline")}: ${formatDate(node.deadline, language)}` : t("noDeadline")];
      break;
    case "Event":
      title = node.title.text;
      facts = [
        formatDate(node.startsAt, language, node.timeZone),
        node.venue ? `${node.venue.city}, ${countryName(node.venue.country, language)}` : t("online"),
      ];
      break;
  }
  return (
    <li class="hit">
      <span class="hit-type">{t(`kind${hit.type}` as MessageKey)}</span>
      <h2>
        <a href={detailHref(node.__typename, node.id, language)}>{title}</a>
      </h2>
      <p class="facts">{facts.filter(Boolean).join(" · ")}</p>
      <Snippet text={hit.snippet} />
    </li>
  );
}

/** The search box, with the type filter as radio buttons (a plain GET form: it works without JavaScript). */
function SearchForm({ language, query, type }: { language: PageLanguage; query: string; type: HitType | null }) {
  const { t } = language;
  return (
    <form class="search" role="search" method="get" action="/">
      <input type="hidden" name="lang" value={language.ui.tag} />
      <label for="q">{t("searchLabel")}</label>
      <div class="search-row">
        <input id="q" name="q" type="search" value={query} placeholder={t("searchPlaceholder")} maxLength={200} />
        <button type="submit">{t("searchButton")}</button>
      </div>
      <fieldset class="types">
        <legend class="visually-hidden">{t("allTypes")}</legend>
        {[null, ...HIT_TYPES].map((value) => (
          <label>
            <input type="radio" name="type" value={value ?? ""} checked={value === type} />
            {value ? t(`type${value}`) : t("allTypes")}
          </label>
        ))}
      </fieldset>
    </form>
  );
}

/** The home page. */
export function HomePage({ language, hubUrl, query, type, results, unavailable }: HomePageProps) {
  const { t } = language;
  const path = query ? `/?q=${encodeURIComponent(query)}${type ? `&type=${type}` : ""}` : "/";
  const next =
    results?.pageInfo.hasNextPage && results.pageInfo.endCursor
      ? withLanguage(`${path}${path.includes("?") ? "&" : "?"}after=${encodeURIComponent(results.pageInfo.endCursor)}`, language.ui.tag)
      : null;
  return (
    <Layout frame={{ language, title: query || t("tagline"), path, hubUrl }}>
      <h1 class={query ? "visually-hidden" : undefined}>{query ? t("searchLabel") : t("tagline")}</h1>
      <SearchForm language={language} query={query} type={type} />
      {unavailable.length > 0 && (
        <p class="notice" role="status">
          {t("someUnavailable", { types: unavailable.map((hitType) => t(`type${hitType}`)).join(", ") })}
        </p>
      )}
      {results && (
        <section aria-labelledby="results-count">
          <p id="results-count" class="count">
            {results.totalCount === 0
              ? t("noResults")
              : t(results.totalCountApproximate ? "resultsApproximate" : "results", { count: results.totalCount.toLocaleString(language.ui.tag) })}
          </p>
          <ol class="hits">
            {results.edges.map((hit) => (
              <Hit hit={hit} language={language} />
            ))}
          </ol>
          {next && (
            <p>
              <a rel="next" href={next}>
                {t("nextPage")}
              </a>
            </p>
          )}
        </section>
      )}
    </Layout>
  );
}
