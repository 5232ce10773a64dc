import type { Child } from "hono/jsx";
import type { MessageKey } from "../i18n/messages";
import type { PageLanguage } from "../i18n/negotiate";
import { countryName, detailHref, formatDate, formatDay, term } from "./parts";

/** What a card shows of each type: the search's hits and every list page select it, so a card looks the same wherever it appears. */
export const CARD_SELECTIONS = {
  Person: "id displayName headline { text } city personCountry: country",
  Organisation: "id name kind city organisationCountry: country",
  Opportunity: "id title { text } type deadline status city opportunityCountry: country",
  Event: "id title { text } format startsAt timeZone venue { city country }",
  Resource: "id title { text } resourceKind: kind publicationDate licence",
} as const;

/** The card selection on a node of any of the five types. */
export const CARD_FIELDS = `__typename ${Object.entries(CARD_SELECTIONS)
  .map(([type, selection]) => `... on ${type} { ${selection} }`)
  .join(" ")}`;

/** A node as `CARD_FIELDS` selects it. */
export type CardNode =
  | { __typename: "Person"; id: string; displayName: string; headline: { text: string } | null; city: string | null; personCountry: string | null }
  | { __typename: "Organisation"; id: string; name: string; kind: string; city: string | null; organisationCountry: string }
  | {
      __typename: "Opportunity";
      id: string;
      title: { text: string };
      type: string;
      deadline: string | null;
      status: string;
      city: string | null;
      opportunityCountry: string | null;
    }
  | {
      __typename: "Event";
      id: string;
      title: { text: string };
      format: string;
      startsAt: string;
      timeZone: string;
      venue: { city: string; country: string } | null;
    }
  | { __typename: "Resource"; id: string; title: { text: string }; resourceKind: string; publicationDate: string; licence: string | null };

/** A card's title and its facts line, in the page's language. */
export function cardText(node: CardNode, language: PageLanguage): { title: string; facts: string } {
  const { t } = language;
  const place = (city: string | null | undefined, country: string | null | undefined) =>
    [city ?? "", countryName(country, language)].filter(Boolean).join(", ");
  let title: string;
  let facts: string[];
  switch (node.__typename) {
    case "Person":
      title = node.displayName;
      facts = [node.headline?.text ?? "", place(node.city, node.personCountry)];
      break;
    case "Organisation":
      title = node.name;
      facts = [term(node.kind, language), place(node.city, node.organisationCountry)];
      break;
    case "Opportunity":
      title = node.title.text;
      facts = [
        term(node.type, language),
        t(`status${node.status}` as MessageKey),
        node.deadline ? `${t("deadline")}: ${formatDate(node.deadline, language)}` : t("noDeadline"),
        place(node.city, node.opportunityCountry),
      ];
      break;
    case "Event":
      title = node.title.text;
      facts = [
        term(node.format, language),
        formatDate(node.startsAt, language, node.timeZone),
        node.venue ? place(node.venue.city, node.venue.country) : t("online"),
      ];
      break;
    case "Resource":
      title = node.title.text;
      facts = [term(node.resourceKind, language), formatDay(node.publicationDate, language), node.licence ?? ""];
      break;
  }
  return { title, facts: facts.filter(Boolean).join(" · ") };
}

/** One node as a card of a list: its kind, its title linking to its page, its facts and whatever follows (a snippet). */
export function Card({ node, language, kind, children }: { node: CardNode; language: PageLanguage; kind?: string; children?: Child }) {
  const { title, facts } = cardText(node, language);
  return (
    <li class="hit">
      {kind && <p class="hit-type">{kind}</p>}
      <h2>
        <a href={detailHref(node.__typename, node.id, language)}>{title}</a>
      </h2>
      <p class="facts">{facts}</p>
      {children}
    </li>
  );
}

/** A page of results: how many there are in all, the cards, and the link to the next page when there is one. */
export function Results(props: {
  total: { totalCount: number; totalCountApproximate: boolean };
  next: string | null;
  language: PageLanguage;
  class?: string;
  /** Said above the count (some owners could not answer). */
  notice?: Child;
  children: Child;
}) {
  const { total, next, language } = props;
  const { t } = language;
  return (
    <section class={props.class} aria-labelledby="results-count">
      {props.notice}
      <p id="results-count" class="count">
        {total.totalCount === 0
          ? t("noResults")
          : total.totalCount === 1 && !total.totalCountApproximate
            ? t("oneResult")
            : t(total.totalCountApproximate ? "resultsApproximate" : "results", { count: total.totalCount.toLocaleString(language.ui.tag) })}
      </p>
      <ol class="hits">{props.children}</ol>
      {next && (
        <p>
          <a rel="next" href={next}>
            {t("nextPage")}
          </a>
        </p>
      )}
    </section>
  );
}
