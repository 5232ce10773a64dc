import { type GraphQLField, type GraphQLNamedType, type GraphQLSchema, getNamedType, isLeafType, isNonNullType, isObjectType } from "graphql";
import { hasPrefix, NAMESPACE_SLUG, networkPrefixes } from "@agora-hub/runtime";
import type { PageLanguage } from "../i18n/negotiate";
import { label, term } from "./parts";

/** A field a partner network adds to one of the hub's types, as the detail pages select and show it. */
export interface PartnerField {
  network: { slug: string; name: string };
  name: string;
  /** What the page calls it: its description's first sentence, or its name without the network's prefix. */
  title: string;
  /** Its selection in the detail page's operation, with arguments. */
  selection: string;
}

/** Items shown of a list or connection a partner adds. */
const PARTNER_LIST_SIZE = 5;
/** Fields shown of one partner object. */
const PARTNER_OBJECT_FIELDS = 12;

const hasRequiredArgs = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/** The leaves of an object type worth showing: scalars, enums, lists of them and localized texts, without required arguments. */
function leafSelection(type: GraphQLNamedType): string | null {
  if (!isObjectType(type)) return null;
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (parts.length >= PARTNER_OBJECT_FIELDS || hasRequiredArgs(field) || field.name === "id") continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (named.name === "LocalizedText") parts.push(`${field.name} { text }`);
  }
  return parts.length > 0 ? parts.join(" ") : null;
}

/** A partner field's selection: leaves as they are, objects by their leaves, connections by their first nodes. */
function fieldSelection(field: GraphQLField<unknown, unknown>): string | null {
  if (hasRequiredArgs(field)) return null;
  const named = getNamedType(field.type);
  if (isLeafType(named)) return field.name;
  if (named.name === "LocalizedText") return `${field.name} { text }`;
  if (!isObjectType(named)) return null;
  const first = field.args.some((arg) => arg.name === "first") ? `(first: ${PARTNER_LIST_SIZE})` : "";
  const edges = named.getFields().edges;
  if (edges) {
    const node = getNamedType(edges.type);
    const nodeLeaves = isObjectType(node) && node.getFields().node ? leafSelection(getNamedType(node.getFields().node.type)) : null;
    return nodeLeaves ? `${field.name}${first} { edges { node { ${nodeLeaves} } } }` : null;
  }
  const leaves = leafSelection(named);
  return leaves ? `${field.name}${first} { ${leaves} }` : null;
}

function titleOf(field: GraphQLField<unknown, unknown>, prefix: string): string {
  const sentence = field.description
    ?.split(/(?<=\.)\s/)[0]
    ?.replace(/\.$/, "")
    .trim();
  if (sentence && sentence.length <= 80) return sentence;
  const rest = field.name.slice(prefix.length);
  return label(rest.replace(/([a-z0-9])([A-Z])/g, "$1_$2"));
}

const partnerFieldsCache = new WeakMap<GraphQLSchema, Map<string, PartnerField[]>>();

/** The fields the registered networks add to `typeName` in `schema` now, with their selections (derived once per schema and set of networks). */
export function partnerFields(schema: GraphQLSchema | undefined, typeName: string, networks: ReadonlyArray<{ slug: string; name: string }>): PartnerField[] {
  if (!schema || networks.length === 0) return [];
  let bySchema = partnerFieldsCache.get(schema);
  if (!bySchema) partnerFieldsCache.set(schema, (bySchema = new Map()));
  const key = `${typeName}:${networks.map((network) => `${network.slug}=${network.name}`).join(",")}`;
  const cached = bySchema.get(key);
  if (cached) return cached;
  const type = schema.getType(typeName);
  const fields: PartnerField[] = [];
  if (isObjectType(type)) {
    for (const network of networks) {
      if (!NAMESPACE_SLUG.test(network.slug)) continue;
      const { fieldPrefix } = networkPrefixes(network.slug);
      for (const field of Object.values(type.getFields())) {
        if (!hasPrefix(field.name, fieldPrefix)) continue;
        const selection = fieldSelection(field);
        if (selection) fields.push({ network: { slug: network.slug, name: network.name }, name: field.name, title: titleOf(field, fieldPrefix), selection });
      }
    }
  }
  bySchema.set(key, fields);
  return fields;
}

/** The operation that reads a record's partner fields, apart from its own so a partner's failure costs only its fields. */
export function partnerOperation(rootField: string, fields: readonly PartnerField[]): string {
  return `query DirectoryPartnerFields($id: ID!) { ${rootField}(id: $id) { ${fields.map((field) => field.selection).join(" ")} } }`;
}

/**
 * The networks whose fields an answer lacks: those a gateway error names by subgraph (`extensions.subgraph`)
 * or by path; an error that names neither costs every network of the page's partner fields.
 */
export function failedNetworks(
  fields: readonly PartnerField[],
  networks: ReadonlyArray<{ slug: string; subgraphs: ReadonlyArray<{ name: string }> }>,
  errors: ReadonlyArray<{ path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }> | undefined,
): Set<string> {
  const failed = new Set<string>();
  for (const error of errors ?? []) {
    const subgraph = error.extensions?.subgraph;
    const bySubgraph = networks.find((network) => network.subgraphs.some((candidate) => candidate.name === subgraph));
    const byPath = fields.find((field) => field.name === error.path?.[1]);
    const owner = bySubgraph?.slug ?? byPath?.network.slug;
    if (owner) failed.add(owner);
    else for (const field of fields) failed.add(field.network.slug);
  }
  return failed;
}

/** A value of a partner field as text or nested facts; nothing for null and empty values. */
function Value({ value, language }: { value: unknown; language: PageLanguage }) {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return <>{language.t(value ? "yes" : "no")}</>;
  if (typeof value === "number") return <>{value.toLocaleString(language.ui.tag)}</>;
  if (typeof value === "string") return <>{/^[A-Z][A-Z0-9_]+$/.test(value) ? term(value, language) : value}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    if (value.every((item) => typeof item !== "object" || item === null)) {
      return <>{value.map((item) => (typeof item === "string" && /^[A-Z][A-Z0-9_]+$/.test(item) ? term(item, language) : String(item))).join(", ")}</>;
    }
    return (
      <ul>
        {value.slice(0, PARTNER_LIST_SIZE).map((item) => (
          <li>
            <Value value={item} language={language} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.edges)) return <Value value={(record.edges as Array<{ node: unknown }>).map((edge) => edge?.node)} language={language} />;
    if (typeof record.text === "string" && Object.keys(record).length === 1) return <>{record.text}</>;
    const entries = Object.entries(record).filter(([, inner]) => inner !== null && inner !== undefined && !(Array.isArray(inner) && inner.length === 0));
    return (
      <span class="partner-object">
        {entries.map(([name, inner], index) => (
          <>
            {index > 0 && " · "}
            {label(name.replace(/([a-z0-9])([A-Z])/g, "$1_$2"))}: <Value value={inner} language={language} />
          </>
        ))}
      </span>
    );
  }
  return null;
}

/** The partner fields of a record, one section a network; a network that could not answer (in `failed`, by slug) says so. */
export function PartnerFacts(props: {
  fields: readonly PartnerField[];
  data: Record<string, unknown> | null;
  failed: ReadonlySet<string>;
  language: PageLanguage;
}) {
  const { fields, data, failed, language } = props;
  const { t } = language;
  const networks = [...new Map(fields.map((field) => [field.network.slug, field.network])).values()];
  return (
    <>
      {networks.map((network) => {
        const own = fields.filter((field) => field.network.slug === network.slug);
        const shown = own.filter((field) => data?.[field.name] !== null && data?.[field.name] !== undefined);
        const down = failed.has(network.slug);
        if (shown.length === 0 && !down) return null;
        return (
          <section class="partner-facts" aria-labelledby={`partner-${network.slug}`}>
            <h2 id={`partner-${network.slug}`}>{t("fromNetwork", { network: network.name })}</h2>
            {down && (
              <p class="notice" role="status">
                {t("partnerUnavailable", { network: network.name })}
              </p>
            )}
            {shown.length > 0 && (
              <dl class="facts-list">
                {shown.map((field) => (
                  <>
                    <dt>{field.title}</dt>
                    <dd>
                      <Value value={data?.[field.name]} language={language} />
                    </dd>
                  </>
                ))}
              </dl>
            )}
          </section>
        );
      })}
    </>
  );
}
