import { type GraphQLSchema, isEnumType } from "graphql";
import type { Child } from "hono/jsx";
import { LANGUAGES } from "@agora-hub/runtime";
import type { PageLanguage } from "../i18n/negotiate";
import type { ListCriterion, ListDefinition } from "../lists/list-definitions";
import { listPath, type ListRequest, toggled } from "../lists/list-parameters";
import { Card, type CardNode, Results } from "./cards";
import { Layout, withLanguage } from "./layout";
import { countryName, languageName, term } from "./parts";

/** A facet's counts as the list returns them. */
export interface FacetCountData {
  value: string;
  count: number;
}

/** The list operation's answer. */
export interface ListData {
  totalCount: number;
  totalCountApproximate: boolean;
  edges: Array<{ node: CardNode }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: ({ approximate: boolean } & Record<string, FacetCountData[] | boolean>) | null;
}

/** Facet values shown before the rest are left to the filter form. */
const FACET_VALUES_SHOWN = 12;
/** The closing windows offered in the form (any number of days works in the address). */
const CLOSING_CHOICES = [7, 30, 90];

/** A criterion's value as words in the page's language. */
export function valueLabel(criterion: ListCriterion, value: string, language: PageLanguage): string {
  if (criterion.value === "network") return value;
  if (criterion.value === "language") return languageName(value, language);
  if ("days" in criterion.value) return language.t("days", { count: value });
  if (criterion.value.enum === "CountryCode") return countryName(value, language);
  if (criterion.value.enum === "OpportunityStatus") return language.t(`status${value}` as "statusOPEN");
  return term(value, language);
}

/** Sorted menus, per schema (a new supergraph brings new values), criterion and interface language. */
const sortedChoices = new WeakMap<object, Map<string, string[]>>();
const NO_SCHEMA = {};

/** The values a criterion's menu offers: its enum's (from the schema the hub serves), the language vocabulary, or its facet's. */
function choicesOf(criterion: ListCriterion, schema: GraphQLSchema | undefined, facet: FacetCountData[] | undefined, language: PageLanguage): string[] | null {
  const kind = criterion.value;
  if (typeof kind === "object" && "days" in kind) return CLOSING_CHOICES.map(String);
  const type = typeof kind === "object" ? schema?.getType(kind.enum) : undefined;
  // The vocabularies' values are the same for every request of a schema: sorted once. A facet's are the list's own.
  const vocabulary = kind === "language" ? Object.keys(LANGUAGES) : type && isEnumType(type) ? type.getValues().map((value) => value.name) : null;
  const sort = (values: string[]) => {
    const collator = new Intl.Collator(language.ui.tag);
    return values
      .map((value) => ({ value, words: valueLabel(criterion, value, language) }))
      .sort((a, b) => collator.compare(a.words, b.words))
      .map((entry) => entry.value);
  };
  if (!vocabulary) return facet ? sort(facet.map((entry) => entry.value)) : null;
  let cache = sortedChoices.get(schema ?? NO_SCHEMA);
  if (!cache) sortedChoices.set(schema ?? NO_SCHEMA, (cache = new Map()));
  const key = `${criterion.param}:${language.ui.tag}`;
  let sorted = cache.get(key);
  if (!sorted) cache.set(key, (sorted = sort(vocabulary)));
  return sorted;
}

/** One criterion's menu (or a text field when its values are open-ended), labelled, in a filter form. */
export function CriterionField(props: {
  criterion: ListCriterion;
  chosen: readonly string[];
  facet?: FacetCountData[];
  schema: GraphQLSchema | undefined;
  language: PageLanguage;
}) {
  const { criterion, chosen, facet, schema, language } = props;
  const { t } = language;
  const choices = choicesOf(criterion, schema, facet, language);
  const id = `filter-${criterion.param}`;
  return (
    <p class="field">
      <label for={id}>{t(criterion.label)}</label>
      {choices ? (
        <select id={id} name={criterion.param}>
          <option value="">{t("anyValue")}</option>
          {[...new Set([...chosen, ...choices])].map((value) => (
            <option value={value} selected={chosen[0] === value}>
              {valueLabel(criterion, value, language)}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} name={criterion.param} value={chosen[0] ?? ""} maxLength={63} />
      )}
    </p>
  );
}

/** The filter form: words and one menu a criterion (a plain GET form, so it works without JavaScript). */
function FilterForm(props: {
  definition: ListDefinition;
  request: ListRequest;
  data: ListData | null;
  schema: GraphQLSchema | undefined;
  language: PageLanguage;
}) {
  const { definition, request, data, schema, language } = props;
  const { t } = language;
  return (
    <form class="filters" method="get" action={`/${definition.collection}`} aria-labelledby="filters-title">
      <h2 id="filters-title">{t("filtersTitle")}</h2>
      <input type="hidden" name="lang" value={language.ui.tag} />
      <p class="field">
        <label for="filter-q">{t("wordsLabel")}</label>
        <input id="filter-q" name="q" type="search" value={request.search ?? ""} maxLength={200} />
      </p>
      {definition.criteria.map((criterion) => (
        <CriterionField
          criterion={criterion}
          chosen={request.chosen.get(criterion.param) ?? []}
          facet={criterion.facet ? (data?.facets?.[criterion.facet] as FacetCountData[] | undefined) : undefined}
          schema={schema}
          language={language}
        />
      ))}
      <button type="submit">{t("applyFilters")}</button>
    </form>
  );
}

/** The counts of one facet, each value a link that adds it to the criteria (or takes it away when chosen). */
function Facet(props: { definition: ListDefinition; criterion: ListCriterion; counts: FacetCountData[]; request: ListRequest; language: PageLanguage }) {
  const { definition, criterion, counts, request, language } = props;
  const chosen = request.chosen.get(criterion.param) ?? [];
  const shown = counts.filter((entry) => entry.count > 0).slice(0, FACET_VALUES_SHOWN);
  if (shown.length === 0) return null;
  const headingId = `facet-${criterion.param}`;
  return (
    <section class="facet" aria-labelledby={headingId}>
      <h3 id={headingId}>{language.t(criterion.label)}</h3>
      <ul>
        {shown.map((entry) => {
          const selected = chosen.includes(entry.value);
          const href = withLanguage(listPath(definition, toggled(request.chosen, criterion, entry.value), request.search), language.ui.tag);
          return (
            <li>
              <a href={href} aria-current={selected ? "true" : undefined}>
                {valueLabel(criterion, entry.value, language)}
              </a>{" "}
              <span class="facet-count">({entry.count.toLocaleString(language.ui.tag)})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The criteria in force, each with a link that removes it. */
function ChosenFilters({ definition, request, language }: { definition: ListDefinition; request: ListRequest; language: PageLanguage }) {
  const { t } = language;
  const chips = definition.criteria.flatMap((criterion) => (request.chosen.get(criterion.param) ?? []).map((value) => ({ criterion, value })));
  if (chips.length === 0) return null;
  return (
    <nav class="chosen" aria-label={t("chosenFilters")}>
      <ul>
        {chips.map(({ criterion, value }) => (
          <li>
            <a href={withLanguage(listPath(definition, toggled(request.chosen, criterion, value), request.search), language.ui.tag)}>
              {t("removeFilter", { value: `${t(criterion.label)}: ${valueLabel(criterion, value, language)}` })}
            </a>
          </li>
        ))}
        <li>
          <a href={withLanguage(listPath(definition, new Map(), null), language.ui.tag)}>{t("clearFilters")}</a>
        </li>
      </ul>
    </nav>
  );
}

/** What a list page is drawn from. */
export interface ListPageProps {
  definition: ListDefinition;
  request: ListRequest;
  data: ListData;
  schema: GraphQLSchema | undefined;
  language: PageLanguage;
  hubUrl: string;
  /** Whether some of the list's owners could not answer (the list is then partial). */
  partial: boolean;
  /** The "E-mail me new matches" form for the page's filters, when the hub offers alerts. */
  alerts?: Child;
}

/** A list page: criteria chosen through facets or the form, the matching items, a link to the next page. */
export function ListPage({ definition, request, data, schema, language, hubUrl, partial, alerts }: ListPageProps) {
  const { t } = language;
  const path = listPath(definition, request.chosen, request.search, request.after);
  const next =
    data.pageInfo.hasNextPage && data.pageInfo.endCursor
      ? withLanguage(listPath(definition, request.chosen, request.search, data.pageInfo.endCursor), language.ui.tag)
      : null;
  return (
    <Layout frame={{ language, title: t(definition.title), path, hubUrl }}>
      <h1>{t(definition.title)}</h1>
      {definition.collection === "events" && <p>{t("eventsUpcomingOnly")}</p>}
      <ChosenFilters definition={definition} request={request} language={language} />
      <div class="list-layout">
        <aside class="list-filters">
          {data.facets &&
            definition.criteria.map((criterion) =>
              criterion.facet ? (
                <Facet
                  definition={definition}
                  criterion={criterion}
                  counts={(data.facets?.[criterion.facet] as FacetCountData[] | undefined) ?? []}
                  request={request}
                  language={language}
                />
              ) : null,
            )}
          {data.facets?.approximate && <p class="count">{t("facetsApproximate")}</p>}
          <FilterForm definition={definition} request={request} data={data} schema={schema} language={language} />
          {alerts}
        </aside>
        <Results
          class="list-results"
          total={data}
          next={next}
          language={language}
          notice={
            partial && (
              <p class="notice" role="status">
                {t("someUnavailable", { types: t(definition.title) })}
              </p>
            )
          }
        >
          {data.edges.map((edge) => (
            <Card node={edge.node} language={language} />
          ))}
        </Results>
      </div>
    </Layout>
  );
}
