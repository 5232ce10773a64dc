import path from "node:path";
import { graphql, type GraphQLObjectType, type GraphQLSchema, printType } from "graphql";
import { Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { Column, DataSource, Entity, PrimaryColumn } from "typeorm";
import ts from "typescript";
import {
  buildSubgraphSchema,
  type FacetDimension,
  FacetsType,
  type KeysetOrder,
  paginateSearchable,
  SearchableConnectionType,
  type SearchablePage,
} from "../src";
import { FACET_EXACT_LIMIT, FACET_LIMIT } from "../src/data/search";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";
import { ensureBuilt } from "../../../testing/ensure-built";

@Entity({ schema: "kit_facets", name: "thing" })
@ObjectType({ description: "A thing of the test list." })
class Thing {
  @Field(() => ID)
  @PrimaryColumn("uuid")
  id!: string;

  @Field({ description: "Its colour." })
  @Column("text")
  colour!: string;

  @Column("text", { array: true })
  tags!: string[];
}

type ThingDimension = "colours" | "tags";

const THING_FACETS: Record<ThingDimension, FacetDimension> = {
  colours: { sql: "thing.colour" },
  tags: { sql: "thing.tags", array: true },
};

const ThingFacets = FacetsType("ThingFacets", {
  items: "things",
  dimensions: { tags: "Per tag.", colours: "Per colour." },
});

@ObjectType({ description: "A page of things." })
class ThingConnection extends SearchableConnectionType(Thing, "Thing", ThingFacets) {}

const BY_ID: KeysetOrder<Thing> = { column: "thing.id", direction: "ASC", valueType: "text", valueOf: (thing) => thing.id };

let database: TestDatabase;
let dataSource: DataSource;
let schema: GraphQLSchema;

function listThings(): Promise<SearchablePage<Thing, ThingDimension>> {
  return paginateSearchable(
    dataSource.getRepository(Thing).createQueryBuilder("thing"),
    { first: 2 },
    {
      table: { schema: "kit_facets", alias: "thing", snippetDocument: "thing.colour" },
      search: undefined,
      order: BY_ID,
      facets: THING_FACETS,
    },
  );
}

@Resolver()
class ThingResolver {
  @Query(() => ThingConnection, { description: "Things, with facets." })
  async things(): Promise<ThingConnection> {
    return new ThingConnection(await listThings());
  }

  @Query(() => ThingConnection, { description: "Things as a list nested in another item would page them: without facets." })
  async nestedThings(): Promise<ThingConnection> {
    const { facets: _facets, ...page } = await listThings();
    return new ThingConnection(page);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await new DataSource({ type: "postgres", url: database.url, entities: [Thing] }).initialize();
  await dataSource.query(`CREATE SCHEMA kit_facets`);
  await dataSource.query(`CREATE TABLE kit_facets.thing (id uuid PRIMARY KEY, colour text NOT NULL, tags text[] NOT NULL)`);
  await dataSource.query(`INSERT INTO kit_facets.thing (id, colour, tags) VALUES
    ('00000000-0000-4000-8000-000000000001', 'red', '{wool,loom}'),
    ('00000000-0000-4000-8000-000000000002', 'red', '{wool}'),
    ('00000000-0000-4000-8000-000000000003', 'blue', '{}')`);
  schema = await buildSubgraphSchema({
    name: "things",
    defaultPort: 0,
    resolvers: [ThingResolver],
    referenceResolvers: {},
    entities: [],
    migrations: [],
    createLoaders: () => ({}),
  });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe("FacetsType", () => {
  it("makes an `approximate` flag, then one [FacetCount!]! field per dimension, in the order given, with its description", () => {
    const type = schema.getType("ThingFacets") as GraphQLObjectType;
    expect(type.description).toBe(`How many of the listed things (same search and filters, all pages) carry each value; top ${FACET_LIMIT} per dimension.`);
    expect(Object.values(type.getFields()).map((field) => [field.name, String(field.type), field.description])).toEqual([
      [
        "approximate",
        "Boolean!",
        expect.stringMatching(new RegExp(`^True when the list has more items than the subgraph counts exactly \\(${FACET_EXACT_LIMIT} unless`)),
      ],
      ["tags", "[FacetCount!]!", "Per tag."],
      ["colours", "[FacetCount!]!", "Per colour."],
    ]);
  });

  it("adds a nullable facets field after the connection's own fields", () => {
    const printed = printType(schema.getType("ThingConnection")!);
    expect(printed).toMatch(/edges: \[ThingEdge!\]!\n[\s\S]*pageInfo: PageInfo!\n[\s\S]*totalCount: Int!\n[\s\S]*facets: ThingFacets\n\}$/);
    expect((schema.getType("ThingConnection") as GraphQLObjectType).getFields().facets.description).toMatch(/null on lists without facets/);
  });

  it("counts each selected dimension over the whole list, not only the page", async () => {
    const result = await graphql({
      schema,
      source: `{ things { edges { node { id } } facets { colours { value count } tags { value count } } } }`,
      contextValue: {},
    });
    expect(result.errors).toBeUndefined();
    const things = result.data!.things as { edges: unknown[]; facets: Record<ThingDimension, unknown> };
    expect(things.edges).toHaveLength(2);
    expect(things.facets).toEqual({
      colours: [
        { value: "red", count: 2 },
        { value: "blue", count: 1 },
      ],
      tags: [
        { value: "wool", count: 2 },
        { value: "loom", count: 1 },
      ],
    });
  });

  it("answers null facets for a page built without a counter", async () => {
    const result = await graphql({ schema, source: `{ nestedThings { totalCount facets { colours { value } } } }`, contextValue: {} });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ nestedThings: { totalCount: 3, facets: null } });
  });
});

describe("FacetsType and the service's dimensions", () => {
  const CASES = {
    same: `colours: "Per colour.", tags: "Per tag."`,
    missing: `colours: "Per colour."`,
    extra: `colours: "Per colour.", tags: "Per tag.", sizes: "Per size."`,
  };

  /**
   * Type-checks one file holding, for each case, a facets type with those dimensions and a connection
   * built from a page whose service counts `colours` and `tags`, as a resolver file would, against the
   * kit's declaration files (what subgraphs and partners compile against: they keep no private member's
   * type); answers the errors of each case. One program for all cases: type-checking is the slow part.
   */
  function typeErrorsByCase(): Record<keyof typeof CASES, string[]> {
    const file = path.join(__dirname, "facets-drift.fixture.ts");
    const blocks = Object.entries(CASES).map(
      ([name, dimensions]) => `function ${name}(page: SearchablePage<Thing, "colours" | "tags">) {
  const Facets = FacetsType("F", { items: "things", dimensions: { ${dimensions} } });
  class Connection extends SearchableConnectionType(Thing, "Thing", Facets) {}
  return new Connection(page);
}`,
    );
    const source = [`import { FacetsType, SearchableConnectionType, type SearchablePage } from "../dist";`, `class Thing { id = ""; }`, ...blocks].join("\n");
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(__dirname, "../tsconfig.json"),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )!;
    const options = { ...config.options, noEmit: true, composite: false, declaration: false, rootDir: undefined };
    const host = ts.createCompilerHost(options);
    const { readFile, fileExists } = host;
    host.readFile = (name) => (path.resolve(name) === file ? source : readFile(name));
    host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
    const program = ts.createProgram([file], options, host);
    const sourceFile = program.getSourceFile(file)!;
    const errors = { same: [] as string[], missing: [] as string[], extra: [] as string[] };
    for (const diagnostic of ts.getPreEmitDiagnostics(program, sourceFile)) {
      const line = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
      // Line 0 is the import, line 1 the class; each case is 5 lines from line 2.
      const name = Object.keys(CASES)[Math.floor((line - 2) / 5)] as keyof typeof CASES;
      errors[name].push(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    }
    return errors;
  }

  beforeAll(() => ensureBuilt(), 120_000);

  it("compile only when the facets type shows exactly the dimensions the service counts", () => {
    const errors = typeErrorsByCase();
    expect(errors.same).toEqual([]);
    // A dimension the service counts and the type does not show, and one the type shows and no SQL counts.
    expect(errors.missing).toEqual([expect.stringMatching(/^Argument of type 'SearchablePage<Thing, "colours" \| "tags">' is not assignable[\s\S]*"tags"/)]);
    expect(errors.extra).toEqual([expect.stringMatching(/^Argument of type 'SearchablePage<Thing, "colours" \| "tags">' is not assignable[\s\S]*"sizes"/)]);
  });
});
