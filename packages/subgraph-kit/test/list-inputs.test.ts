import { IsOptional, ValidateNested } from "class-validator";
import { graphql, type GraphQLInputObjectType, type GraphQLSchema, printType } from "graphql";
import { Args, ArgsType, Field, InputType, Query, registerEnumType, Resolver } from "type-graphql";
import {
  buildSubgraphSchema,
  DirectoryFilterInput,
  MAX_FILTER_VALUES,
  MaxFilterValues,
  SEARCH_MAX_LENGTH,
  SearchableListArgs,
  TOTAL_EXACT_LIMIT,
} from "../src";

@InputType({ description: "Narrows a list of things." })
class ThingsFilter extends DirectoryFilterInput({
  disciplines: true,
  countries: "Made in any of these countries.",
  networks: true,
  text: "Part of the label, case-insensitive.",
}) {
  @Field(() => [String], { nullable: true, description: "Any of these colours." })
  @IsOptional()
  @MaxFilterValues()
  colours?: string[];
}

@InputType({ description: "Narrows a list of places." })
class PlacesFilter extends DirectoryFilterInput({ languages: "Spoken in any of these languages." }) {}

@ArgsType()
class ThingsArgs {
  @Field(() => ThingsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ThingsFilter;
}

@ArgsType()
class PlacesArgs {
  @Field(() => PlacesFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: PlacesFilter;
}

enum ThingOrder {
  LABEL = "LABEL",
  RELEVANCE = "RELEVANCE",
}
registerEnumType(ThingOrder, { name: "ThingOrder", description: "Order of a list of things." });

@ArgsType()
class ThingListArgs extends SearchableListArgs({
  filter: ThingsFilter,
  searches: "the label and the maker",
  order: ThingOrder,
  defaultOrder: ThingOrder.LABEL,
}) {}

@Resolver()
class ThingsResolver {
  @Query(() => String, { description: "The arguments as the resolver received them, as JSON." })
  thingList(@Args() args: ThingListArgs): string {
    return JSON.stringify({ isThingsFilter: args.filter instanceof ThingsFilter, ...args });
  }

  @Query(() => String, { description: "The filter as the resolver received it, as JSON." })
  things(@Args() { filter }: ThingsArgs): string {
    return JSON.stringify({ isThingsFilter: filter instanceof ThingsFilter, ...filter });
  }

  @Query(() => String, { description: "The filter as the resolver received it, as JSON." })
  places(@Args() { filter }: PlacesArgs): string {
    return JSON.stringify(filter ?? null);
  }
}

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildSubgraphSchema({
    name: "things",
    defaultPort: 0,
    resolvers: [ThingsResolver],
    referenceResolvers: {},
    entities: [],
    migrations: [],
    createLoaders: () => ({}),
  });
});

async function run(source: string, variableValues?: Record<string, unknown>) {
  return graphql({ schema, source, variableValues, contextValue: {} });
}

function fieldsOf(name: string): Record<string, string | null | undefined> {
  const type = schema.getType(name) as GraphQLInputObjectType;
  return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, field.description]));
}

describe("DirectoryFilterInput", () => {
  it("declares the chosen shared criteria first, with the list's descriptions or the kit's, then the list's own", () => {
    expect(fieldsOf("ThingsFilter")).toEqual({
      disciplines: "Any of these disciplines; a domain also matches its practices.",
      countries: "Made in any of these countries.",
      networks: "From any of these networks (slugs).",
      text: "Part of the label, case-insensitive.",
      colours: "Any of these colours.",
    });
    expect(Object.keys(fieldsOf("ThingsFilter"))).toEqual(["disciplines", "countries", "networks", "text", "colours"]);
    expect(printType(schema.getType("ThingsFilter")!)).toContain("disciplines: [Discipline!]\n");
    expect(printType(schema.getType("ThingsFilter")!)).toContain("countries: [CountryCode!]\n");
  });

  it("declares only the criteria a list chose, and no GraphQL type of its own", () => {
    expect(fieldsOf("PlacesFilter")).toEqual({ languages: "Spoken in any of these languages." });
    expect(printType(schema.getType("PlacesFilter")!)).toContain("languages: [LanguageTag!]\n");
    expect(Object.keys(schema.getTypeMap()).filter((name) => name.startsWith("DirectoryFilter"))).toEqual([]);
  });

  it("gives the resolver the list's filter class with the values sent", async () => {
    const result = await run(`{ things(filter: { disciplines: [DANCE], countries: [PT], networks: ["makers"], text: "loom", colours: ["red"] }) }`);
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(result.data!.things as string)).toEqual({
      isThingsFilter: true,
      disciplines: ["DANCE"],
      countries: ["PT"],
      networks: ["makers"],
      text: "loom",
      colours: ["red"],
    });
  });

  it("canonicalises language tags through the shared scalar", async () => {
    const result = await run(`{ places(filter: { languages: ["pt-br"] }) }`);
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(result.data!.places as string)).toEqual({ languages: ["pt-BR"] });
  });

  it.each([
    [
      "too many disciplines",
      { disciplines: Array(MAX_FILTER_VALUES + 1).fill("DANCE") },
      "filter.disciplines",
      `must hold at most ${MAX_FILTER_VALUES} values`,
    ],
    ["too many countries", { countries: Array(MAX_FILTER_VALUES + 1).fill("PT") }, "filter.countries", `must hold at most ${MAX_FILTER_VALUES} values`],
    ["a network that is no slug", { networks: ["Not A Slug"] }, "filter.networks", "each network must be a slug"],
    ["an empty text", { text: "" }, "filter.text", "must be 1 to 200 characters"],
    ["a text over 200 characters", { text: "a".repeat(201) }, "filter.text", "must be 1 to 200 characters"],
    [
      "too many values of the list's own criterion",
      { colours: Array(MAX_FILTER_VALUES + 1).fill("red") },
      "filter.colours",
      `must hold at most ${MAX_FILTER_VALUES} values`,
    ],
  ])("refuses %s as BAD_USER_INPUT naming the field", async (_label, filter, field, message) => {
    const result = await run(`query ($filter: ThingsFilter) { things(filter: $filter) }`, { filter });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.errors![0].message).toContain(`${field}: ${message}`);
  });

  it("accepts the most values a criterion takes", async () => {
    const result = await run(`query ($filter: ThingsFilter) { things(filter: $filter) }`, { filter: { disciplines: Array(MAX_FILTER_VALUES).fill("DANCE") } });
    expect(result.errors).toBeUndefined();
  });
});

describe("SearchableListArgs", () => {
  it("declares the page, filter, search and order arguments, described for the list", () => {
    const args = Object.fromEntries(
      schema
        .getQueryType()!
        .getFields()
        .thingList.args.map((arg) => [arg.name, [String(arg.type), arg.description]]),
    );
    expect(args).toEqual({
      first: ["Int!", expect.stringMatching(/^Page size/)],
      after: ["String", expect.stringMatching(/^Cursor/)],
      filter: ["ThingsFilter", undefined],
      search: [
        "String",
        `Words to look for in the label and the maker, in every language, accents ignored; names also match with typos. Quoted phrases, \`or\` and \`-word\` work as in web search engines. 1 to ${SEARCH_MAX_LENGTH} characters.`,
      ],
      orderBy: [
        "ThingOrder",
        `Order of the list: RELEVANCE by default when searching (best matches first; a search matching more than ${TOTAL_EXACT_LIMIT} items is ranked over the first ${TOTAL_EXACT_LIMIT} found), else LABEL.`,
      ],
    });
  });

  it("gives the resolver the values sent, the filter as the list's class", async () => {
    const result = await run(`{ thingList(first: 3, filter: { text: "loom" }, search: "wool", orderBy: RELEVANCE) }`);
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(result.data!.thingList as string)).toEqual({
      isThingsFilter: true,
      first: 3,
      filter: { text: "loom" },
      search: "wool",
      orderBy: "RELEVANCE",
    });
  });

  it.each([
    ["a search over the longest", { search: "a".repeat(SEARCH_MAX_LENGTH + 1) }, "search", `must be 1 to ${SEARCH_MAX_LENGTH} characters`],
    ["a bad criterion in the filter", { filter: { networks: ["Not A Slug"] } }, "filter.networks", "each network must be a slug"],
  ])("refuses %s as BAD_USER_INPUT naming the field", async (_label, variables, field, message) => {
    const result = await run(`query ($filter: ThingsFilter, $search: String) { thingList(filter: $filter, search: $search) }`, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.errors![0].message).toContain(`${field}: ${message}`);
  });
});
