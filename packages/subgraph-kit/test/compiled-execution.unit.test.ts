import { ApolloServer } from "@apollo/server";
import { GraphQLError, getOperationAST, parse, type ExecutionResult, type GraphQLSchema } from "graphql";
import { LocalDateResolver } from "graphql-scalars";
import { Arg, createUnionType, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import { createErrorFormatter } from "@agora-hub/runtime";
import { buildSubgraphSchema, type SubgraphDefinition } from "../src";
import { createCompiledExecution, executeInterpreted } from "../src/server/compiled-execution";
import { createSubgraphServer } from "../src/server/subgraph-server";
import { mediaSubgraph } from "./federation/media.subgraph";

// The compiled executor must answer exactly as graphql-js does: same data with the same key order, same
// errors in the same order with their paths, locations, extensions and original errors.

enum Mood {
  CALM = "calm",
  STORMY = "stormy",
}
registerEnumType(Mood, { name: "Mood" });

@ObjectType()
class Sample {
  @Field(() => ID)
  id!: string;

  @Field(() => Mood)
  mood!: Mood;

  @Field(() => LocalDateResolver)
  day!: string;

  @Field(() => String, { description: "A getter." })
  get label(): string {
    return `sample ${this.id}`;
  }

  @Field(() => String, { nullable: true, description: "Throws a client error for sample 2." })
  risky(): string | null {
    if (this.id === "2") throw new GraphQLError("sample 2 is risky", { extensions: { code: "BAD_USER_INPUT" } });
    return "fine";
  }

  @Field(() => String, { description: "Non-null; fails with an internal error for sample 3." })
  fragile(): Promise<string> {
    return this.id === "3" ? Promise.reject(new Error("connection reset")) : Promise.resolve("solid");
  }

  @Field(() => String, { description: "Non-null; throws for sample 1, before sample 2's client error." })
  brittle(): string {
    if (this.id === "1") throw new Error("bad row");
    return "ok";
  }

  @Field(() => Int, { nullable: true, description: "Returns a string for sample 1, which Int cannot serialize." })
  badInt(): unknown {
    return this.id === "1" ? "not a number" : 1;
  }

  @Field(() => Int, { nullable: true, description: "Non-null in spirit: returns null for sample 1." })
  count(): number | null {
    return this.id === "1" ? null : Number(this.id);
  }
}

@ObjectType()
class Notice {
  @Field()
  text!: string;
}

const Found = createUnionType({
  name: "Found",
  types: () => [Sample, Notice] as const,
  resolveType: (value) => ("text" in value ? Notice : Sample),
});

const SAMPLES = ["1", "2", "3"].map((id) => Object.assign(new Sample(), { id, mood: id === "2" ? Mood.STORMY : Mood.CALM, day: `2026-01-0${id}` }));

@Resolver()
class SampleResolver {
  @Query(() => [Sample], { nullable: "items" })
  samples(@Arg("first", () => Int, { defaultValue: 10 }) first: number): Sample[] {
    return SAMPLES.slice(0, first);
  }

  @Query(() => [Found])
  found(): Array<Sample | Notice> {
    return [SAMPLES[0], Object.assign(new Notice(), { text: "nothing else" })];
  }

  @Query(() => Sample)
  broken(): Sample {
    throw new Error("no such sample");
  }
}

const samples: SubgraphDefinition<Record<string, never>> = {
  name: "samples",
  defaultPort: 0,
  resolvers: [SampleResolver],
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};

/** A result as it would be sent, with each error's original (message and class), which the error masking reads. */
function comparable(result: ExecutionResult): unknown {
  return JSON.stringify({
    ...result,
    errors: result.errors?.map((error) => ({
      ...error.toJSON(),
      instance: error instanceof GraphQLError,
      original: error.originalError && [error.originalError.constructor.name, error.originalError.message],
    })),
  });
}

async function both(schema: GraphQLSchema, source: string, variables?: Record<string, unknown>, operationName?: string) {
  const document = parse(source);
  const request = { schema, document, source, operation: getOperationAST(document, operationName), operationName, variables, contextValue: {} };
  const compiled = createCompiledExecution();
  // Twice: the second run takes the cached compiled query.
  const [first, second] = [await compiled(request), await compiled(request)];
  return { compiled: comparable(first), again: comparable(second), interpreted: comparable(await executeInterpreted(request)) };
}

let samplesSchema: GraphQLSchema;
let mediaSchema: GraphQLSchema;

beforeAll(async () => {
  samplesSchema = await buildSubgraphSchema(samples);
  mediaSchema = await buildSubgraphSchema(mediaSubgraph);
});

describe("compiled execution", () => {
  it.each([
    ["scalars, enums, getters and aliases", `{ samples { id mood day label alias: id } }`, undefined, undefined],
    ["partial data with errors and their paths", `{ samples { id risky fragile count } }`, undefined, undefined],
    ["a failing non-null root field", `{ broken { id } samples(first: 1) { id } }`, undefined, undefined],
    ["a union with fragments and __typename", `{ found { __typename ... on Sample { id mood } ... on Notice { text } } }`, undefined, undefined],
    ["variables and a chosen operation", `query A { samples { id } } query B($n: Int!) { samples(first: $n) { id label } }`, { n: 2 }, "B"],
    ["variables that do not coerce", `query ($n: Int!) { samples(first: $n) { id } }`, { n: "two" }, undefined],
  ])("answers as graphql-js: %s", async (_name, source, variables, operationName) => {
    const { compiled, again, interpreted } = await both(samplesSchema, source, variables, operationName);
    expect(compiled).toEqual(interpreted);
    expect(again).toEqual(interpreted);
  });

  // Where graphql-jit is not graphql-js, the reason the compiled executor was measured but not kept on the hot path.
  it("differs from graphql-js: errors on non-null fields come after all others, not in the order they happened", async () => {
    const { compiled, interpreted } = await both(samplesSchema, `{ samples { id risky brittle } }`);
    const parsed = [JSON.parse(compiled as string), JSON.parse(interpreted as string)];
    expect(parsed[0].data).toEqual(parsed[1].data);
    expect(parsed[0].errors.map((error: { path: unknown[] }) => error.path)).toEqual([
      ["samples", 1, "risky"],
      ["samples", 0, "brittle"],
    ]);
    expect(parsed[1].errors.map((error: { path: unknown[] }) => error.path)).toEqual([
      ["samples", 0, "brittle"],
      ["samples", 1, "risky"],
    ]);
  });

  it("differs from graphql-js: a leaf's serialization error keeps no original error (only the error log sees it)", async () => {
    const { compiled, interpreted } = await both(samplesSchema, `{ samples { id badInt } }`);
    expect(compiled).not.toEqual(interpreted);
    expect(compiled).toEqual((interpreted as string).replace(/,"original":\["GraphQLError","[^\]]*"\]/, ""));
  });

  it("answers `_entities` as graphql-js, with reference resolvers, abstract entities and misses", async () => {
    const source = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      __typename ... on Album { id title artist { name } rating { stars } } ... on Track { position title album { id } }
      ... on Work { id title ... on Recording { seconds } ... on Score { pages } } } }`;
    const representations = [
      { __typename: "Album", id: "album-1" },
      { __typename: "Album", label: "Ondes", catalogueNumber: "OND-042" },
      { __typename: "Track", album: { id: "album-1" }, position: 2 },
      { __typename: "Work", id: "work-2" },
      { __typename: "Work", id: "work-1" },
      { __typename: "Album", id: "missing" },
    ];
    const { compiled, interpreted } = await both(mediaSchema, source, { representations });
    expect(compiled).toContain("nocturne for strings");
    expect(compiled).toEqual(interpreted);
  });

  it("leaves an answer through the subgraph server as Apollo Server with graphql-js gives it, masked errors included", async () => {
    const kit = await createSubgraphServer(samples, { schema: samplesSchema });
    const plain = new ApolloServer({ schema: samplesSchema, formatError: createErrorFormatter({ database: "samples" }) });
    await Promise.all([kit.start(), plain.start()]);
    try {
      const query = `{ samples { id day risky fragile count } found { ... on Notice { text } } }`;
      const [fromKit, fromPlain] = await Promise.all([kit.executeOperation({ query }), plain.executeOperation({ query })]);
      expect(JSON.stringify(fromKit.body)).toEqual(JSON.stringify(fromPlain.body));
      expect(JSON.stringify(fromKit.body)).toContain('"path":["samples",2,"fragile"]');
    } finally {
      await Promise.all([kit.stop(), plain.stop()]);
    }
  });
});
