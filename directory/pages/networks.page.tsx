import { type GraphQLSchema, isObjectType } from "graphql";
import { hasPrefix, NAMESPACE_SLUG, networkPrefixes } from "@agora-hub/runtime";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout, withLanguage } from "./layout";
import { formatDate } from "./parts";

/** A connected network's public facts: its name and its partner subgraphs (never a URL, contact or key). */
export interface DirectoryNetwork {
  slug: string;
  name: string;
  subgraphs: Array<{ name: string; version: number; publishedAt: Date }>;
}

/** The people of each network, from the people list's facet: the networks whose data the hub holds. */
export const NETWORKS_OPERATION = /* GraphQL */ `
  query DirectoryNetworks {
    people(first: 1) { facets { networks { value count } } }
  }
`;

/** The hub's own entity types, to which partners add fields. */
const CORE_TYPES = ["Person", "Organisation", "Opportunity", "Event"];

/** What a network's partner subgraphs add to the graph now: fields on the hub's types, and types of its own. */
export function contributions(schema: GraphQLSchema | undefined, slug: string): { fields: string[]; types: string[] } {
  if (!schema || !NAMESPACE_SLUG.test(slug)) return { fields: [], types: [] };
  const { typePrefix, fieldPrefix } = networkPrefixes(slug);
  const fields: string[] = [];
  for (const typeName of [...CORE_TYPES, "Query"]) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.keys(type.getFields())) if (hasPrefix(field, fieldPrefix)) fields.push(`${typeName}.${field}`);
  }
  const types = Object.keys(schema.getTypeMap()).filter((name) => hasPrefix(name, typePrefix));
  return { fields, types: types.sort() };
}

/** What the networks page is drawn from. */
export interface NetworksPageProps {
  language: PageLanguage;
  hubUrl: string;
  /** Registered networks; null when this hub has no partner registry (it serves a supergraph file). */
  networks: DirectoryNetwork[] | null;
  /** People per network slug, of the hub's data. */
  people: Map<string, number>;
  schema: GraphQLSchema | undefined;
}

/** The connected networks: each with its people, links to its lists, and what its partner subgraphs add. */
export function NetworksPage({ language, hubUrl, networks, people, schema }: NetworksPageProps) {
  const { t } = language;
  const registered = new Map((networks ?? []).map((network) => [network.slug, network]));
  const slugs = [...new Set([...registered.keys(), ...people.keys()])].sort();
  return (
    <Layout frame={{ language, title: t("networksTitle"), path: "/networks", hubUrl }}>
      <h1>{t("networksTitle")}</h1>
      <p class="lead">{t("networksIntro")}</p>
      {slugs.length === 0 && <p>{t("noNetworks")}</p>}
      <ul class="hits">
        {slugs.map((slug) => {
          const network = registered.get(slug);
          const added = contributions(schema, slug);
          const list = (collection: string, extra = "") => withLanguage(`/${collection}?network=${encodeURIComponent(slug)}${extra}`, language.ui.tag);
          return (
            <li class="hit">
              <h2 id={`network-${slug}`}>{network?.name ?? slug}</h2>
              <p class="facts">
                {[slug, people.has(slug) ? t("peopleCount", { count: (people.get(slug) ?? 0).toLocaleString(language.ui.tag) }) : ""]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <ul class="inline-links">
                <li>
                  <a href={list("people")}>{t("peopleTitle")}</a>
                </li>
                <li>
                  <a href={list("organisations")}>{t("organisationsTitle")}</a>
                </li>
                <li>
                  <a href={list("opportunities", "&status=OPEN")}>{t("openCallsNow")}</a>
                </li>
                <li>
                  <a href={list("events")}>{t("upcomingEvents")}</a>
                </li>
              </ul>
              {network && network.subgraphs.length > 0 && (
                <>
                  <h3>{t("partnerSubgraphs")}</h3>
                  <ul>
                    {network.subgraphs.map((subgraph) => (
                      <li>
                        {t("subgraphFacts", { name: subgraph.name, version: subgraph.version, date: formatDate(subgraph.publishedAt.toISOString(), language) })}
                      </li>
                    ))}
                  </ul>
                  {added.fields.length > 0 && (
                    <p>
                      {t("addsFields")} <code>{added.fields.join(", ")}</code>
                    </p>
                  )}
                  {added.types.length > 0 && (
                    <p>
                      {t("addsTypes")} <code>{added.types.join(", ")}</code>
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
