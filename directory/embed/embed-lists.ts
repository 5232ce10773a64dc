import type { GraphQLFormattedError } from "graphql";
import type { DirectoryOperation } from "../directory-options";
import type { MessageKey } from "../i18n/messages";
import type { PageLanguage } from "../i18n/negotiate";
import { countryName, DETAIL_PATHS, detailHref, formatDate, term } from "../pages/parts";
import { COLLECTION_HIT_TYPES, type EmbedCollection, type EmbedCriteria, EmbedParameterError, hubListUrl } from "./embed-parameters";

/** One item of an embedded list: its page on the hub, its name and a few facts, all plain text. */
export interface EmbedItem {
  url: string;
  title: string;
  details: string[];
}

/**
 * An embedded list, ready to show: what the iframe renders and what `format=json` sends the web component
 * (which builds it from text only), so both say the same in the same language.
 */
export interface EmbedList {
  lang: string;
  dir: "ltr" | "rtl";
  /** The list's accessible name, e.g. "Open calls · Agora Hub". */
  label: string;
  items: EmbedItem[];
  /** What to say when nothing matches. */
  empty: string;
  /** The hub's list page with the same criteria. */
  more: { url: string; text: string };
}

type Node = Record<string, unknown> & { id: string };
const text = (value: unknown) => (value as { text?: string } | null)?.text ?? "";
const place = (city: unknown, country: unknown, language: PageLanguage) =>
  [city as string | null, countryName(country as string | null, language)].filter(Boolean).join(", ");

/**
 * Each collection's list: its operation (the variables are the parameters' names, so a value the graph
 * refuses names its parameter), the type of its items, and an item's text.
 */
const LISTS: Record<
  EmbedCollection,
  { typename: keyof typeof DETAIL_PATHS; operation: string; item: (node: Node, language: PageLanguage) => Omit<EmbedItem, "url"> }
> = {
  people: {
    typename: "Person",
    operation: /* GraphQL */ `
      query EmbedPeople($limit: Int!, $network: [String!], $discipline: [Discipline!], $country: [CountryCode!], $language: [LanguageTag!]) {
        list: people(first: $limit, filter: { networks: $network, disciplines: $discipline, countries: $country, languages: $language }) {
          edges { node { id displayName headline { text } city country } }
        }
      }
    `,
    item: (node, language) => ({ title: String(node.displayName), details: [text(node.headline), place(node.city, node.country, language)] }),
  },
  organisations: {
    typename: "Organisation",
    operation: /* GraphQL */ `
      query EmbedOrganisations(
        $limit: Int!, $network: [String!], $discipline: [Discipline!], $country: [CountryCode!], $language: [LanguageTag!], $type: [OrganisationKind!]
      ) {
        list: organisations(
          first: $limit, filter: { networks: $network, disciplines: $discipline, countries: $country, languages: $language, kinds: $type }
        ) {
          edges { node { id name kind city country } }
        }
      }
    `,
    item: (node, language) => ({ title: String(node.name), details: [term(String(node.kind), language), place(node.city, node.country, language)] }),
  },
  opportunities: {
    typename: "Opportunity",
    operation: /* GraphQL */ `
      query EmbedOpportunities(
        $limit: Int!, $network: [String!], $discipline: [Discipline!], $country: [CountryCode!], $language: [LanguageTag!],
        $type: [OpportunityType!], $status: [OpportunityStatus!]
      ) {
        list: opportunities(
          first: $limit,
          filter: { networks: $network, disciplines: $discipline, countries: $country, languages: $language, types: $type, statuses: $status }
        ) {
          edges { node { id title { text } type status deadline } }
        }
      }
    `,
    item: (node, language) => ({
      title: text(node.title),
      details: [
        term(String(node.type), language),
        language.t(`status${String(node.status)}` as MessageKey),
        node.deadline ? `${language.t("deadline")}: ${formatDate(node.deadline as string, language)}` : language.t("noDeadline"),
      ],
    }),
  },
  events: {
    typename: "Event",
    operation: /* GraphQL */ `
      query EmbedEvents(
        $limit: Int!, $network: [String!], $discipline: [Discipline!], $country: [CountryCode!], $language: [LanguageTag!],
        $type: [EventFormat!], $upcoming: Boolean
      ) {
        list: events(
          first: $limit,
          filter: { networks: $network, disciplines: $discipline, countries: $country, languages: $language, formats: $type, upcoming: $upcoming }
        ) {
          edges { node { id title { text } format startsAt timeZone venue { city country } } }
        }
      }
    `,
    item: (node, language) => {
      const venue = node.venue as { city: string; country: string } | null;
      return {
        title: text(node.title),
        details: [
          formatDate(node.startsAt as string, language, node.timeZone as string),
          venue ? place(venue.city, venue.country, language) : language.t("online"),
          term(String(node.format), language),
        ],
      };
    },
  },
};

/** The parameter a refusal of the graph is about: its variable (`Variable "$type" got invalid value …`). */
function refusal(errors: readonly GraphQLFormattedError[] | undefined): EmbedParameterError | null {
  const error = errors?.find((candidate) => candidate.extensions?.code === "BAD_USER_INPUT");
  if (!error) return null;
  const variable = /^Variable "\$(\w+)" got invalid value [^;]*; (.*)$/s.exec(error.message);
  return variable ? new EmbedParameterError(variable[1], variable[2]) : new EmbedParameterError("criteria", error.message);
}

/** Why a list could not be read: the hub's own trouble (a subgraph down), with the graph's errors for the log. */
export class EmbedUnavailableError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[] | undefined) {
    super("the list is temporarily unavailable");
  }
}

/**
 * Reads one embedded list with one operation of the public API, as an anonymous visitor. Throws an
 * EmbedParameterError when the graph refuses a criterion, an EmbedUnavailableError when it cannot answer.
 */
export async function loadEmbedList(
  run: DirectoryOperation,
  {
    collection,
    criteria,
    language,
    hubUrl,
    requestId,
  }: { collection: EmbedCollection; criteria: EmbedCriteria; language: PageLanguage; hubUrl: string; requestId: string },
): Promise<EmbedList> {
  const list = LISTS[collection];
  // Criteria not given are left out, so their filter fields are absent rather than null.
  const variables = Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
  const answer = await run(list.operation, variables, { languages: language.content, requestId });
  const connection = answer.data?.list as { edges: Array<{ node: Node | null }> } | null | undefined;
  if (!connection) throw refusal(answer.errors) ?? new EmbedUnavailableError(answer.errors);
  const hitType = COLLECTION_HIT_TYPES[collection];
  const name = language.t(`type${hitType}`);
  return {
    lang: language.ui.tag,
    dir: language.ui.dir,
    label: `${name} · ${language.t("siteName")}`,
    items: connection.edges.flatMap(({ node }) => {
      if (!node) return [];
      const { title, details } = list.item(node, language);
      return [{ url: new URL(detailHref(list.typename, node.id, language), hubUrl).toString(), title, details: details.filter(Boolean) }];
    }),
    empty: language.t("embedEmpty"),
    more: { url: hubListUrl(hubUrl, collection, criteria, language.ui.tag), text: language.t(`embedMore${hitType}`) },
  };
}
