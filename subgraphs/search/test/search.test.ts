import type { GraphQLAnswer } from "../../../gateway/test/gateway-client";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../../gateway/test/test-hub";
import { CREATE_EVENT, CREATE_OPPORTUNITY, CREATE_ORGANISATION, CREATE_PERSON, SEARCH } from "./search.operations";

interface Hit {
  cursor: string;
  type: string;
  score: number;
  snippet: string | null;
  node: { __typename: string; id: string; displayName?: string; name?: string; personCountry?: string; title?: { text: string } };
}
interface SearchData {
  search: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null }; edges: Hit[] };
}

let hub: TestHub;

/** Posts to the gateway, as the operator when asked. */
async function post<TData = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  options: { operator?: boolean } = {},
): Promise<GraphQLAnswer<TData>> {
  const response = await fetch(new URL("/graphql", hub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(options.operator ? { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<TData>;
}

async function create(mutation: string, input: Record<string, unknown>): Promise<string> {
  const answer = await post<Record<string, { id: string }>>(mutation, { input }, { operator: true });
  expect(answer.errors).toBeUndefined();
  return Object.values(answer.data!)[0].id;
}

const text = (value: string) => ({ originalLanguage: "en", translations: [{ lang: "en", value }] });
const search = (variables: Record<string, unknown>, options: { operator?: boolean } = {}) => post<SearchData>(SEARCH, variables, options);

/** Every page of a search, `first` hits at a time. */
async function allPages(variables: Record<string, unknown>, first: number): Promise<Hit[]> {
  const hits: Hit[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const answer = await search({ ...variables, first, after });
    expect(answer.errors).toBeUndefined();
    hits.push(...answer.data!.search.edges);
    if (!answer.data!.search.pageInfo.hasNextPage) return hits;
    after = answer.data!.search.pageInfo.endCursor;
  }
  throw new Error("too many pages");
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub();
  // "Quillowick" appears nowhere in the demo data: each record below is a hit, the name matches weigh most.
  ids.person = await create(CREATE_PERSON, {
    network: "culture-agora",
    sourceId: "s-1",
    displayName: "Quillowick Amari",
    country: "TN",
    disciplines: ["DANCE"],
    discoverable: true,
  });
  ids.personInBio = await create(CREATE_PERSON, {
    network: "culture-agora",
    sourceId: "s-2",
    displayName: "Lina Berrada",
    country: "FR",
    bio: text("Dancer who toured with the Quillowick ensemble."),
    discoverable: true,
  });
  ids.hiddenPerson = await create(CREATE_PERSON, {
    network: "culture-agora",
    sourceId: "s-3",
    displayName: "Quillowick Hidden",
    country: "TN",
    discoverable: false,
  });
  ids.organisation = await create(CREATE_ORGANISATION, {
    network: "culture-agora",
    sourceId: "s-4",
    name: "Quillowick Collective",
    kind: "NGO",
    country: "TN",
    disciplines: ["DANCE"],
  });
  ids.organisationInText = await create(CREATE_ORGANISATION, {
    network: "culture-agora",
    sourceId: "s-5",
    name: "Atelier du Port",
    kind: "NGO",
    country: "MA",
    description: text("Partner of the Quillowick Collective for residencies."),
  });
  ids.opportunity = await create(CREATE_OPPORTUNITY, {
    network: "culture-agora",
    sourceId: "s-6",
    type: "RESIDENCY",
    title: text("Quillowick dance residency"),
    publisherId: ids.organisation,
    disciplines: ["DANCE"],
    country: "TN",
  });
  ids.event = await create(CREATE_EVENT, {
    network: "culture-agora",
    sourceId: "s-7",
    title: text("Quillowick festival"),
    format: "FESTIVAL",
    startsAt: "2030-05-12T08:00:00.000Z",
    endsAt: "2030-05-13T16:00:00.000Z",
    timeZone: "Africa/Tunis",
    attendanceMode: "IN_PERSON",
    venue: { name: "Théâtre de l'Étoile", city: "Tunis", country: "TN" },
    organiserIds: [ids.organisation],
    disciplines: ["DANCE"],
  });
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

describe("search across people, organisations, opportunities and events", () => {
  it("returns hits of every type, best first, with snippets and the full records through the gateway", async () => {
    const answer = await search({ query: "quillowick" });
    expect(answer.errors).toBeUndefined();
    const { edges, totalCount } = answer.data!.search;
    expect(new Set(edges.map((hit) => hit.type))).toEqual(new Set(["PERSON", "ORGANISATION", "OPPORTUNITY", "EVENT"]));
    expect(edges.map((hit) => hit.node.id).sort()).toEqual(
      [ids.person, ids.personInBio, ids.organisation, ids.organisationInText, ids.opportunity, ids.event].sort(),
    );
    expect(totalCount).toBe(6);
    const scores = edges.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const hit of edges) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
      expect(hit.snippet).toMatch(/«Quillowick»/);
    }
    const byId = new Map(edges.map((hit) => [hit.node.id, hit]));
    expect(byId.get(ids.person)!.node).toEqual({ __typename: "Person", id: ids.person, displayName: "Quillowick Amari", personCountry: "TN" });
    expect(byId.get(ids.organisation)!.node).toMatchObject({ __typename: "Organisation", name: "Quillowick Collective" });
    expect(byId.get(ids.opportunity)!.node).toMatchObject({ __typename: "Opportunity", title: { text: "Quillowick dance residency" } });
    expect(byId.get(ids.event)!.node).toMatchObject({ __typename: "Event", title: { text: "Quillowick festival" } });
    // A match in the name outranks a match in the biography.
    expect(byId.get(ids.person)!.score).toBeGreaterThan(byId.get(ids.personInBio)!.score);
  });

  it("applies the people subgraph's visibility rules to the caller: the operator also finds people not listed in the directory", async () => {
    const anonymous = await search({ query: "quillowick", types: ["PERSON"] });
    expect(anonymous.data!.search.edges.map((hit) => hit.node.id)).not.toContain(ids.hiddenPerson);
    const operator = await search({ query: "quillowick", types: ["PERSON"] }, { operator: true });
    expect(operator.errors).toBeUndefined();
    expect(operator.data!.search.edges.map((hit) => hit.node.id)).toContain(ids.hiddenPerson);
  });

  it("returns only the types asked for", async () => {
    const answer = await search({ query: "quillowick", types: ["ORGANISATION", "EVENT"] });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.search.edges.map((hit) => hit.node.id).sort()).toEqual([ids.organisation, ids.organisationInText, ids.event].sort());
    expect(answer.data!.search.totalCount).toBe(3);
  });

  it("narrows every type with the common filter", async () => {
    const answer = await search({ query: "quillowick", filter: { countries: ["TN"] } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.search.edges.map((hit) => hit.node.id).sort()).toEqual([ids.person, ids.organisation, ids.opportunity, ids.event].sort());
  });

  it("pages through the merged list in the same order as one page, without repeats or gaps", async () => {
    const whole = await search({ query: "quillowick", first: 100 });
    const paged = await allPages({ query: "quillowick" }, 2);
    expect(paged.map((hit) => [hit.type, hit.node.id, hit.score])).toEqual(whole.data!.search.edges.map((hit) => [hit.type, hit.node.id, hit.score]));
    const second = await search({ query: "quillowick", first: 2, after: whole.data!.search.edges[1].cursor });
    expect(second.data!.search.pageInfo.hasPreviousPage).toBe(true);
    expect(second.data!.search.edges.map((hit) => hit.node.id)).toEqual(whole.data!.search.edges.slice(2, 4).map((hit) => hit.node.id));
  });

  describe("refuses bad input with an error naming the argument", () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["an empty query", { query: "   " }, /query: must not be empty/],
      ["a page over 100", { query: "quillowick", first: 101 }, /first:? must be at most 100/],
      ["an unknown type", { query: "quillowick", types: ["SPACESHIP"] }, /SPACESHIP/],
      ["no type at all", { query: "quillowick", types: [] }, /types: must name at least one type/],
      ["a cursor that is not one", { query: "quillowick", after: "bm9wZQ" }, /after: is not a cursor returned by this search/],
    ];
    it.each(cases)("%s", async (_name, variables, message) => {
      const answer = await search(variables);
      expect(answer.data?.search ?? null).toBeNull();
      expect(answer.errors?.[0].message).toMatch(message);
      // The gateway's operation limits refuse an oversized page (PAGE_SIZE_EXCEEDED) before the search subgraph would.
      expect(answer.errors?.[0].extensions?.code).toBe(variables.first === 101 ? "PAGE_SIZE_EXCEEDED" : "BAD_USER_INPUT");
    });

    it("a cursor of another search", async () => {
      const first = await search({ query: "quillowick", first: 1 });
      const answer = await search({ query: "festival", first: 1, after: first.data!.search.pageInfo.endCursor });
      expect(answer.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/after: belongs to a search with another query/),
        extensions: { code: "BAD_USER_INPUT" },
      });
    });
  });

  // Last: the events subgraph stays down for the rest of this file.
  it("answers with the other types and an error naming the missing type when a subgraph is down", async () => {
    await hub.hub.subgraphs.find((subgraph) => subgraph.name === "events")!.stop();
    const answer = await search({ query: "quillowick" });
    expect(answer.data!.search.edges.map((hit) => hit.node.id).sort()).toEqual(
      [ids.person, ids.personInBio, ids.organisation, ids.organisationInText, ids.opportunity].sort(),
    );
    expect(answer.data!.search.totalCount).toBe(5);
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/EVENT.*events subgraph/),
        extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "events", type: "EVENT" }),
      }),
    ]);
  });
});
