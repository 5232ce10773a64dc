import type { GraphQLSchema } from "graphql";
import type { MessageKey } from "../i18n/messages";
import { SEARCH_CRITERIA } from "../lists/list-definitions";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout, withLanguage } from "./layout";
import { Card, CARD_FIELDS, type CardNode, Results } from "./cards";
import { CriterionField } from "./list.page";
import { Snippet } from "./parts";

/** The hit types a visitor can narrow a search to, as the `search` field names them. */
export const HIT_TYPES = ["PERSON", "ORGANISATION", "OPPORTUNITY", "EVENT", "RESOURCE"] as const;
export type HitType = (typeof HIT_TYPES)[number];

/** The cross-type search of the home page: one operation, the page's hits and whether more follow. */
export const SEARCH_OPERATION = /* GraphQL */ `
  query DirectorySearch($query: String!, $types: [SearchHitType!], $filter: SearchFilter, $after: String) {
    search(query: $query, types: $types, filter: $filter, first: 20, after: $after) {
      totalCount
      totalCountApproximate
      edges {
        type
        snippet
        node { ${CARD_FIELDS} }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** One hit as the search operation returns it. */
export interface SearchHitData {
  type: HitType;
  snippet: string | null;
  node: CardNode | null;
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
  /** The criteria chosen (discipline, country, language, network), by parameter. */
  chosen: ReadonlyMap<string, readonly string[]>;
  schema: GraphQLSchema | undefined;
  results: SearchResults | null;
  /** Types whose owner could not answer (their hits are missing from the page). */
  unavailable: HitType[];
}

function Hit({ hit, language }: { hit: SearchHitData; language: PageLanguage }) {
  if (!hit.node) return null;
  return (
    <Card node={hit.node} language={language} kind={language.t(`kind${hit.type}` as MessageKey)}>
      <Snippet text={hit.snippet} />
    </Card>
  );
}

/** The search box, with the type filter as radio buttons (a plain GET form: it works without JavaScript). */
function SearchForm(props: {
  language: PageLanguage;
  query: string;
  type: HitType | null;
  chosen: ReadonlyMap<string, readonly string[]>;
  schema: GraphQLSchema | undefined;
}) {
  const { language, query, type, chosen, schema } = props;
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
      <details class="criteria" open={chosen.size > 0}>
        <summary>{t("filtersTitle")}</summary>
        <div class="criteria-fields">
          {SEARCH_CRITERIA.map((criterion) => (
            <CriterionField criterion={criterion} chosen={chosen.get(criterion.param) ?? []} schema={schema} language={language} />
          ))}
        </div>
      </details>
    </form>
  );
}

/** The home page. */
export function HomePage({ language, hubUrl, query, type, chosen, schema, results, unavailable }: HomePageProps) {
  const { t } = language;
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (type) params.set("type", type);
  for (const criterion of SEARCH_CRITERIA) for (const value of chosen.get(criterion.param) ?? []) params.append(criterion.param, value);
  const path = params.size > 0 ? `/?${params.toString()}` : "/";
  const next =
    results?.pageInfo.hasNextPage && results.pageInfo.endCursor
      ? withLanguage(`${path}${path.includes("?") ? "&" : "?"}after=${encodeURIComponent(results.pageInfo.endCursor)}`, language.ui.tag)
      : null;
  return (
    <Layout frame={{ language, title: query || t("tagline"), path, hubUrl }}>
      <h1 class={query ? "visually-hidden" : undefined}>{query ? t("searchLabel") : t("tagline")}</h1>
      <SearchForm language={language} query={query} type={type} chosen={chosen} schema={schema} />
      {unavailable.length > 0 && (
        <p class="notice" role="status">
          {t("someUnavailable", { types: unavailable.map((hitType) => t(`type${hitType}`)).join(", ") })}
        </p>
      )}
      {results && (
        <Results total={results} next={next} language={language}>
          {results.edges.map((hit) => (
            <Hit hit={hit} language={language} />
          ))}
        </Results>
      )}
    </Layout>
  );
}
