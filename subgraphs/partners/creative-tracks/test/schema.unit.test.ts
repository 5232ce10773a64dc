import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import {
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  Kind,
  parse,
  print,
  type TypeDefinitionNode,
} from "graphql";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSubgraphSchema } from "@agora-hub/subgraph-kit";
import { creativeTracksSubgraph } from "../creative-tracks.subgraph";

/** Value types and vocabularies of the kit: every subgraph prints them the same way, so partners may use them. */
const KIT_SHARED_TYPES = new Set([
  "LocalizedText",
  "Translation",
  "LocalizedTextInput",
  "TranslationInput",
  "PageInfo",
  "Discipline",
  "CountryCode",
  "CurrencyCode",
  "LanguageTag",
  "WebUrl",
  "LocalDate",
  "DateTimeISO",
]);
const CORE_STUBS = new Set(["Person", "Organisation"]);
const ROOTS = new Set(["Query", "Mutation"]);
const TYPE_PREFIX = "CreativeTracks";
const FIELD_PREFIX = "creativeTracks";
/** Directives the hub's partner SDL policy forbids anywhere in a partner SDL (security.md §8.3). */
const FORBIDDEN_DIRECTIVES = ["override", "provides", "requires", "external", "inaccessible", "interfaceObject", "composeDirective", "context", "fromContext"];

let sdl: string;
let document: DocumentNode;
/** The SDL of each core subgraph, printed from its code as the hub's registry sees it. */
let core: Array<{ name: string; sdl: string }>;

const isTypeDefinition = (node: DefinitionNode): node is TypeDefinitionNode =>
  [
    Kind.OBJECT_TYPE_DEFINITION,
    Kind.INPUT_OBJECT_TYPE_DEFINITION,
    Kind.ENUM_TYPE_DEFINITION,
    Kind.SCALAR_TYPE_DEFINITION,
    Kind.INTERFACE_TYPE_DEFINITION,
    Kind.UNION_TYPE_DEFINITION,
  ].includes(node.kind);
const typeDefinitions = () => document.definitions.filter(isTypeDefinition);
const definition = (name: string) => typeDefinitions().find((node) => node.name.value === name);
const fieldsOf = (name: string): readonly FieldDefinitionNode[] => {
  const node = definition(name);
  return node && "fields" in node && node.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION ? ((node.fields ?? []) as readonly FieldDefinitionNode[]) : [];
};
const directiveNames = (directives: readonly ConstDirectiveNode[] | undefined) => (directives ?? []).map((directive) => directive.name.value);

beforeAll(async () => {
  sdl = printSubgraphSchema(await buildSubgraphSchema(creativeTracksSubgraph));
  document = parse(sdl);
  core = [];
  // The hub's published SDL, as an outside partner composes against it (schema/subgraphs/*.graphql).
  const published = path.join(__dirname, "../../../../schema/subgraphs");
  for (const file of readdirSync(published).filter((name) => name.endsWith(".graphql"))) {
    core.push({ name: path.basename(file, ".graphql"), sdl: readFileSync(path.join(published, file), "utf8") });
  }
});

describe("creative_tracks subgraph: partner SDL policy", () => {
  it("prefixes every type, enum and input it owns with CreativeTracks", () => {
    const owned = typeDefinitions()
      .map((node) => node.name.value)
      .filter((name) => !KIT_SHARED_TYPES.has(name) && !CORE_STUBS.has(name) && !ROOTS.has(name));
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.filter((name) => !name.startsWith(TYPE_PREFIX))).toEqual([]);
    expect(owned.sort()).toEqual([
      "CreativeTracksCollaboratorRole",
      "CreativeTracksCreateLabInput",
      "CreativeTracksLab",
      "CreativeTracksLabConnection",
      "CreativeTracksLabEdge",
      "CreativeTracksLabStatus",
      "CreativeTracksLabsFilter",
      "CreativeTracksProfile",
    ]);
  });

  it("prefixes every root field with creativeTracks and keeps it nullable", () => {
    const rootFields = [...ROOTS].flatMap((root) => fieldsOf(root));
    expect(rootFields.map((field) => field.name.value).sort()).toEqual([
      "creativeTracksCreateLab",
      "creativeTracksDeleteLab",
      "creativeTracksLab",
      "creativeTracksLabs",
    ]);
    expect(rootFields.filter((field) => field.type.kind === Kind.NON_NULL_TYPE).map((field) => field.name.value)).toEqual([]);
  });

  it("declares Person and Organisation as id-keyed stubs and adds only prefixed, nullable fields to them", () => {
    for (const stub of CORE_STUBS) {
      const node = definition(stub)!;
      const keys = (node.directives ?? []).filter((directive) => directive.name.value === "key");
      expect(keys.map((key) => print(key))).toEqual(['@key(fields: "id")']);
      const [id, ...added] = fieldsOf(stub);
      expect(print(id)).toBe("id: ID!");
      expect(added.length).toBeGreaterThan(0);
      for (const field of added) {
        expect({ stub, field: field.name.value, prefixed: field.name.value.startsWith(FIELD_PREFIX) }).toEqual({
          stub,
          field: field.name.value,
          prefixed: true,
        });
        expect({ stub, field: field.name.value, kind: field.type.kind }).not.toEqual({ stub, field: field.name.value, kind: Kind.NON_NULL_TYPE });
      }
    }
    expect(fieldsOf("Person").map((field) => print(field.type))).toEqual(["ID!", "CreativeTracksProfile"]);
    expect(fieldsOf("Organisation").map((field) => field.name.value)).toEqual(["id", "creativeTracksLabs"]);
  });

  it("uses none of the directives the policy forbids, and @shareable only on the kit's shared types", () => {
    const used = new Map<string, string[]>();
    for (const node of typeDefinitions()) {
      const fields: ReadonlyArray<{ name: { value: string }; directives?: readonly ConstDirectiveNode[] }> = "fields" in node ? (node.fields ?? []) : [];
      const names = [...directiveNames(node.directives), ...fields.flatMap((field) => directiveNames(field.directives))];
      for (const name of names) used.set(name, [...(used.get(name) ?? []), node.name.value]);
    }
    for (const forbidden of FORBIDDEN_DIRECTIVES) expect({ forbidden, on: used.get(forbidden) ?? [] }).toEqual({ forbidden, on: [] });
    expect((used.get("shareable") ?? []).filter((type) => !KIT_SHARED_TYPES.has(type))).toEqual([]);
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.7"/);
  });

  it("stays well within the policy's size limits", () => {
    expect(Buffer.byteLength(sdl)).toBeLessThan(256 * 1024);
    expect(typeDefinitions().length).toBeLessThan(500);
  });

  it("prints the kit's shared types exactly as the core subgraphs do", () => {
    const compared: string[] = [];
    for (const subgraph of core) {
      const coreDefinitions = parse(subgraph.sdl).definitions.filter(isTypeDefinition);
      for (const coreNode of coreDefinitions) {
        const name = coreNode.name.value;
        if (!KIT_SHARED_TYPES.has(name) || !definition(name)) continue;
        expect({ name, sdl: print(definition(name)!) }).toEqual({ name, sdl: print(coreNode) });
        compared.push(name);
      }
    }
    expect(compared).toEqual(expect.arrayContaining(["LocalizedText", "Translation", "PageInfo", "Discipline", "CountryCode", "LocalizedTextInput"]));
  });

  it("composes with the hub's core subgraphs", () => {
    const result = composeServices(
      [...core, { name: creativeTracksSubgraph.name, sdl }].map(({ name, sdl: typeDefs }) => ({
        name,
        url: `http://${name}.invalid/graphql`,
        typeDefs: parse(typeDefs),
      })),
    );
    expect(result.errors ?? []).toEqual([]);
    const supergraph = result.supergraphSdl ?? "";
    expect(supergraph).toMatch(/creativeTracksProfile: CreativeTracksProfile @join__field\(graph: CREATIVE_TRACKS\)/);
    expect(supergraph).toMatch(/creativeTracksLabs\(/);
  });
});
