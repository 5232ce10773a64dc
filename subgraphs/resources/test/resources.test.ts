import { demoId } from "@agora-hub/subgraph-kit/testing";
import { waitFor } from "../../../gateway/test/gateway-client";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../../gateway/test/test-hub";

/*
 * The resources subgraph through the gateway, on the demo data set and on records written by the operator
 * (who publishes directly): writes and their checks, lists, search and facets, the fields it contributes
 * and the ones the people subgraph resolves for it, JSON-LD, and authorship in the person's data export
 * and erasure.
 */

type Answer<T = any> = { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

let testHub: TestHub;
const ids = { person: "", hiddenPerson: "", organisation: "", created: "" };

const RESOURCE_FIELDS = /* GraphQL */ `
  fragment ResourceFields on Resource {
    id network sourceId kind licence publicationDate disciplines countries languages publicationState
    title { originalLanguage text translations { lang value } }
    summary { text }
    links { url mediaType language }
    authors { id displayName }
    publishers { id name }
    relatedOrganisations { id }
    relatedOpportunities { id }
    relatedEvents { id }
  }
`;
const CREATE = `mutation($input: CreateResourceInput!) { createResource(input: $input) { ...ResourceFields } } ${RESOURCE_FIELDS}`;
const UPDATE = `mutation($id: ID!, $input: UpdateResourceInput!) { updateResource(id: $id, input: $input) { ...ResourceFields } } ${RESOURCE_FIELDS}`;
const UPSERT = "mutation($input: UpsertResourceInput!) { upsertResource(input: $input) { id title { text } } }";
const DELETE = "mutation($id: ID!) { deleteResource(id: $id) }";
const GET = `query($id: ID!) { resource(id: $id) { ...ResourceFields jsonLd } } ${RESOURCE_FIELDS}`;
const LIST = /* GraphQL */ `
  query($filter: ResourcesFilter, $search: String, $first: Int, $after: String) {
    resources(filter: $filter, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind licence title { text originalLanguage } searchMatch { snippet } } }
      facets { kinds { value count } licences { value count } languages { value count } countries { value count } }
    }
  }
`;

const text = (value: string, lang = "en") => ({ originalLanguage: lang, translations: [{ lang, value }] });

async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer<T>> {
  const response = await fetch(new URL("/graphql", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer<T>;
}

const asOperator = <T = any>(query: string, variables: Record<string, unknown> = {}) => graphql<T>(query, variables, TEST_ADMIN_TOKEN);

async function countRows(table: string): Promise<number> {
  const dataSource = testHub.hub.subgraphs.find((started) => started.name === "resources")!.dataSource;
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM resources.${table}`)) as Array<{ n: number }>;
  return row.n;
}

const input = (overrides: Record<string, unknown> = {}) => ({
  network: "makers",
  sourceId: "report-1",
  kind: "PROJECT_REPORT",
  title: {
    originalLanguage: "fr",
    translations: [
      { lang: "fr", value: "Rapport Quillowick des tiers-lieux" },
      { lang: "en", value: "Quillowick third places report" },
    ],
  },
  summary: text("What twelve third places learnt together."),
  publicationDate: "2024-03-12",
  links: [
    { url: "https://reports.example.org/quillowick.pdf", mediaType: "Application/PDF", language: "fr" },
    { url: "https://reports.example.org/quillowick-en", mediaType: "text/html", language: "pt-br" },
  ],
  licence: "cc-by-4.0",
  disciplines: ["CROSS_DISCIPLINARY"],
  countries: ["FR", "TN"],
  authorIds: [ids.person],
  publisherIds: [ids.organisation],
  organisationIds: [ids.organisation],
  eventIds: [demoId("event", 0)],
  opportunityIds: [demoId("opportunity", 0)],
  ...overrides,
});

/** The one error of a refused write, with its `data` null. */
function refusal(answer: Answer, field: string): void {
  expect(Object.values(answer.data ?? {})).toEqual([null]);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
}

beforeAll(async () => {
  // ALERT_SOURCES=none: the outbox rows a test reads stay there (no alerts worker claims them).
  testHub = await startTestHub({ env: { AGORA_ERASURE_POLL_MS: "200", ALERT_SOURCES: "none" } });
  const person = async (displayName: string, discoverable: boolean) =>
    (
      await asOperator("mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }", {
        input: { network: "makers", displayName, discoverable },
      })
    ).data!.createPerson.id as string;
  ids.person = await person("Ines Quillowick", true);
  ids.hiddenPerson = await person("Hidden Author", false);
  ids.organisation = (
    await asOperator("mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }", {
      input: { network: "makers", name: "Makers collective", kind: "NGO", country: "PT" },
    })
  ).data!.createOrganisation.id;
  const created = await asOperator(CREATE, { input: input() });
  expect(created.errors).toBeUndefined();
  ids.created = created.data!.createResource.id;
}, 120_000);
afterAll(() => testHub?.close());

describe("resources demo seed", () => {
  it("serves the 50 demo resources in many languages, linked to demo people, organisations and events", async () => {
    const answer = await graphql(
      '{ resources(first: 100, filter: { networks: ["culture-agora", "creative-tracks", "mediterranean-hubs"] }) { totalCount edges { node { id title { originalLanguage } languages authors { id } publishers { id } relatedEvents { id } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data.resources.edges.map((edge: any) => edge.node);
    expect(answer.data.resources.totalCount).toBe(50);
    expect(new Set(nodes.map((node: any) => node.id))).toEqual(new Set(Array.from({ length: 50 }, (_, index) => demoId("resource", index))));
    const originals = new Set(nodes.map((node: any) => node.title.originalLanguage));
    for (const lang of ["en", "fr", "ar", "es", "it", "de", "el", "pt"]) expect(originals).toContain(lang);
    expect(nodes.filter((node: any) => node.authors.length > 0).length).toBeGreaterThan(30);
    expect(nodes.filter((node: any) => node.publishers.length > 0).length).toBeGreaterThan(40);
    expect(nodes.filter((node: any) => node.relatedEvents.length > 0).length).toBeGreaterThan(15);
  });
});

describe("writing resources", () => {
  it("creates a resource with normalised links and licence, and resolves its authors, publishers and related records", async () => {
    const answer = await graphql(GET, { id: ids.created });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.resource).toMatchObject({
      network: "makers",
      kind: "PROJECT_REPORT",
      licence: "CC-BY-4.0",
      publicationDate: "2024-03-12",
      publicationState: "PUBLISHED",
      languages: ["fr", "pt-BR"],
      links: [
        { url: "https://reports.example.org/quillowick.pdf", mediaType: "application/pdf", language: "fr" },
        { url: "https://reports.example.org/quillowick-en", mediaType: "text/html", language: "pt-BR" },
      ],
      authors: [{ id: ids.person, displayName: "Ines Quillowick" }],
      publishers: [{ id: ids.organisation, name: "Makers collective" }],
      relatedOrganisations: [{ id: ids.organisation }],
      relatedEvents: [{ id: demoId("event", 0) }],
      relatedOpportunities: [{ id: demoId("opportunity", 0) }],
    });
  });

  it("puts a created resource in the change feed with its kind, the countries it is about and its languages", async () => {
    const dataSource = testHub.hub.subgraphs.find((started) => started.name === "resources")!.dataSource;
    const changes = await dataSource.query("SELECT kind, public, document FROM resources.record_change WHERE record_id = $1 ORDER BY seq", [ids.created]);
    expect(changes).toEqual([
      {
        kind: "CREATED",
        public: true,
        document: {
          terms: {
            disciplines: ["CROSS_DISCIPLINARY"],
            countries: ["FR", "TN"],
            languages: ["fr", "pt-BR", "pt"],
            networks: ["makers"],
            resourceKinds: ["PROJECT_REPORT"],
          },
          text: "Rapport Quillowick des tiers-lieux\nQuillowick third places report\nWhat twelve third places learnt together.",
          title: expect.objectContaining({ originalLanguage: "fr" }),
          summary: { originalLanguage: "en", translations: [{ lang: "en", value: "What twelve third places learnt together.", machineTranslated: false }] },
          deadline: null,
          path: `/resources/${ids.created}`,
        },
      },
    ]);
  });

  it("updates given fields, clears the licence and replaces the links", async () => {
    const created = (await asOperator(CREATE, { input: input({ sourceId: "to-update", authorIds: [] }) })).data!.createResource;
    const answer = await asOperator(UPDATE, {
      id: created.id,
      input: { kind: "CASE_STUDY", licence: null, links: [{ url: "http://example.org/case", mediaType: "text/html" }] },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.updateResource).toMatchObject({
      kind: "CASE_STUDY",
      licence: null,
      links: [{ url: "http://example.org/case", mediaType: "text/html", language: null }],
      publishers: [{ id: ids.organisation }],
    });
    expect((await asOperator(DELETE, { id: created.id })).data!.deleteResource).toBe(created.id);
    expect((await graphql(GET, { id: created.id })).data!.resource).toBeNull();
    const dataSource = testHub.hub.subgraphs.find((started) => started.name === "resources")!.dataSource;
    expect(await dataSource.query("SELECT 1 FROM resources.resource_publisher WHERE resource_id = $1", [created.id])).toEqual([]);
  });

  it("upserts by network and source id: the same record again and again", async () => {
    const first = await asOperator(UPSERT, { input: input({ sourceId: "synced-1", authorIds: [] }) });
    const second = await asOperator(UPSERT, { input: input({ sourceId: "synced-1", authorIds: [], title: text("Synced again") }) });
    expect(second.errors).toBeUndefined();
    expect(second.data.upsertResource).toEqual({ id: first.data.upsertResource.id, title: { text: "Synced again" } });
    await asOperator(DELETE, { id: first.data.upsertResource.id });
  });

  it.each([
    ["a licence not on the SPDX list", { licence: "CC-BY-5.0" }, "licence"],
    ["an ftp link", { links: [{ url: "ftp://files.example.org/a.pdf", mediaType: "application/pdf" }] }, "links[0].url"],
    ["a link without a media type", { links: [{ url: "https://example.org/a", mediaType: "pdf" }] }, "links[0].mediaType"],
    ["a link in an unknown language", { links: [{ url: "https://example.org/a", mediaType: "text/html", language: "klingon-x" }] }, "links[0].language"],
    ["no link", { links: [] }, "links"],
    ["an unknown author", { authorIds: ["0f0f0f0f-0000-4000-8000-00000000abcd"] }, "authorIds"],
    ["an unknown event", { eventIds: ["0f0f0f0f-0000-4000-8000-00000000abce"] }, "eventIds"],
  ])("refuses %s, naming the field, and writes nothing", async (_label, overrides, field) => {
    const before = await countRows("resource");
    const authors = await countRows("resource_author");
    refusal(await asOperator(CREATE, { input: input({ sourceId: `bad-${field}`, ...overrides }) }), field);
    expect(await countRows("resource")).toBe(before);
    expect(await countRows("resource_author")).toBe(authors);
  });

  it("keeps a draft to its network and the operator", async () => {
    const draft = (await asOperator(CREATE, { input: input({ sourceId: "draft-1", draft: true, title: text("Zephyrine draft") }) })).data!.createResource;
    expect(draft.publicationState).toBe("DRAFT");
    expect((await graphql(GET, { id: draft.id })).data!.resource).toBeNull();
    expect((await asOperator(GET, { id: draft.id })).data!.resource.id).toBe(draft.id);
    expect((await graphql(LIST, { search: "zephyrine" })).data!.resources.totalCount).toBe(0);
    const person = await graphql(`query($id: ID!) { person(id: $id) { resources { edges { node { id } } } } }`, { id: ids.person });
    expect(person.data!.person.resources.edges.map((edge: any) => edge.node.id)).not.toContain(draft.id);
    await asOperator(DELETE, { id: draft.id });
  });
});

describe("listing and searching resources", () => {
  beforeAll(async () => {
    for (const [sourceId, kind, licence, lang, country] of [
      ["list-1", "DATASET", "CC0-1.0", "es", "ES"],
      ["list-2", "VIDEO", "CC-BY-SA-4.0", "ar", "LB"],
      ["list-3", "RESEARCH_STUDY", "CC-BY-SA-4.0", "it", "IT"],
    ]) {
      const answer = await asOperator(CREATE, {
        input: input({
          sourceId,
          kind,
          licence,
          countries: [country],
          title: text(`Makers ${kind.toLowerCase()} ${sourceId}`, lang),
          links: [{ url: `https://example.org/${sourceId}`, mediaType: "text/html", language: lang }],
        }),
      });
      expect(answer.errors).toBeUndefined();
    }
  });

  it("filters by kind, licence, language, country, network and title text", async () => {
    const list = async (filter: Record<string, unknown>) =>
      (await graphql(LIST, { filter: { networks: ["makers"], ...filter } })).data!.resources.edges.map((edge: any) => edge.node.title.text as string).sort();
    expect(await list({})).toHaveLength(4);
    expect(await list({ kinds: ["DATASET", "VIDEO"] })).toEqual(["Makers dataset list-1", "Makers video list-2"]);
    expect(await list({ licences: ["cc-by-sa-4.0"] })).toEqual(["Makers research_study list-3", "Makers video list-2"]);
    expect(await list({ languages: ["ar"] })).toEqual(["Makers video list-2"]);
    expect(await list({ countries: ["IT"] })).toEqual(["Makers research_study list-3"]);
    expect(await list({ text: "LIST-1" })).toEqual(["Makers dataset list-1"]);
    expect(await list({ networks: ["nobody"] })).toEqual([]);
  });

  it("pages with bounded cursors", async () => {
    const first = (await graphql(LIST, { filter: { networks: ["makers"] }, first: 3 })).data!.resources;
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await graphql(LIST, { filter: { networks: ["makers"] }, first: 3, after: first.pageInfo.endCursor })).data!.resources;
    expect(rest.edges).toHaveLength(1);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const tooMany = await graphql(LIST, { first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe("PAGE_SIZE_EXCEEDED");
  });

  it("counts facets of the filtered list", async () => {
    const { facets } = (await graphql(LIST, { filter: { networks: ["makers"] } })).data!.resources;
    expect(facets.kinds).toEqual(
      expect.arrayContaining([
        { value: "PROJECT_REPORT", count: 1 },
        { value: "DATASET", count: 1 },
        { value: "VIDEO", count: 1 },
        { value: "RESEARCH_STUDY", count: 1 },
      ]),
    );
    expect(facets.licences).toEqual(expect.arrayContaining([{ value: "CC-BY-SA-4.0", count: 2 }]));
  });

  it("searches titles and summaries in every language, and is part of the hub's search", async () => {
    const own = (await graphql(LIST, { search: "quillowick" })).data!.resources;
    expect(own.edges.map((edge: any) => edge.node.id)).toEqual([ids.created]);
    expect(own.edges[0].node.searchMatch.snippet).toMatch(/«Quillowick»/i);
    const hub = await graphql(`{ search(query: "quillowick", types: [RESOURCE, PERSON]) { edges { type node { __typename ... on Resource { id kind } } } } }`);
    expect(hub.errors).toBeUndefined();
    const hits = hub.data.search.edges;
    expect(hits).toEqual(expect.arrayContaining([{ type: "RESOURCE", node: { __typename: "Resource", id: ids.created, kind: "PROJECT_REPORT" } }]));
  });
});

describe("references both ways and open formats", () => {
  it("lists a person's, an organisation's, an event's and an opportunity's resources", async () => {
    const answer = await graphql(
      `query($person: ID!, $organisation: ID!, $event: ID!, $opportunity: ID!) {
        person(id: $person) { resources(first: 10) { totalCount edges { node { id } } } }
        organisation(id: $organisation) { resources(first: 10) { edges { node { id } } } }
        event(id: $event) { resources(first: 50) { edges { node { id } } } }
        opportunity(id: $opportunity) { resources(first: 50) { edges { node { id } } } }
      }`,
      { person: ids.person, organisation: ids.organisation, event: demoId("event", 0), opportunity: demoId("opportunity", 0) },
    );
    expect(answer.errors).toBeUndefined();
    const idsOf = (list: any) => list.resources.edges.map((edge: any) => edge.node.id);
    expect(idsOf(answer.data.person)).toContain(ids.created);
    expect(idsOf(answer.data.organisation)).toContain(ids.created);
    expect(idsOf(answer.data.event)).toEqual(expect.arrayContaining([ids.created, demoId("resource", 11)]));
    expect(idsOf(answer.data.opportunity)).toContain(ids.created);
  });

  it("names a hidden author only to their own network and the operator", async () => {
    const created = (await asOperator(CREATE, { input: input({ sourceId: "hidden-author", authorIds: [ids.hiddenPerson, ids.person] }) })).data!.createResource;
    expect((await asOperator(GET, { id: created.id })).data!.resource.authors.map((a: any) => a.id)).toEqual([ids.hiddenPerson, ids.person]);
    const anonymous = (await graphql(GET, { id: created.id })).data!.resource;
    expect(anonymous.authors.map((a: any) => a.id)).toEqual([ids.person]);
    expect(JSON.stringify(anonymous.jsonLd)).not.toContain(ids.hiddenPerson);
    await asOperator(DELETE, { id: created.id });
  });

  it("describes resources as schema.org JSON-LD of their kind, also at /resources/<id>.jsonld", async () => {
    const { jsonLd } = (await graphql(GET, { id: ids.created })).data!.resource;
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Report",
      datePublished: "2024-03-12",
      license: "https://spdx.org/licenses/CC-BY-4.0.html",
      author: [{ "@id": expect.stringContaining(`/people/${ids.person}`) }],
      publisher: [{ "@id": expect.stringContaining(`/organisations/${ids.organisation}`) }],
      associatedMedia: [{ "@type": "MediaObject", encodingFormat: "application/pdf", inLanguage: "fr" }, { encodingFormat: "text/html" }],
    });
    const types = await graphql(
      `{ resources(first: 10, filter: { networks: ["makers"], kinds: [DATASET, VIDEO, RESEARCH_STUDY] }) { edges { node { kind jsonLd } } } }`,
    );
    const byKind = Object.fromEntries(types.data.resources.edges.map((edge: any) => [edge.node.kind, edge.node.jsonLd["@type"]]));
    expect(byKind).toEqual({ DATASET: "Dataset", VIDEO: "VideoObject", RESEARCH_STUDY: "ScholarlyArticle" });

    const response = await fetch(new URL(`/resources/${ids.created}.jsonld`, testHub.hub.gatewayUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/ld\+json/);
    expect(((await response.json()) as Record<string, unknown>)["@type"]).toBe("Report");
  });
});

describe("authorship and the person's data", () => {
  it("exports a person's authorships and drops them when the person is erased", async () => {
    const author = (
      await asOperator("mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }", {
        input: { network: "makers", displayName: "Erasable Author", discoverable: true },
      })
    ).data!.createPerson.id as string;
    const resource = (await asOperator(CREATE, { input: input({ sourceId: "erasure", authorIds: [author, ids.person] }) })).data!.createResource;

    const exported = await asOperator(`query($id: ID!) { exportPersonData(id: $id) { authorOf } }`, { id: author });
    expect(exported.errors).toBeUndefined();
    expect(exported.data.exportPersonData.authorOf).toEqual([
      expect.objectContaining({ personId: author, position: 0, resource: expect.objectContaining({ id: resource.id, sourceId: "erasure" }) }),
    ]);

    expect((await asOperator("mutation($id: ID!) { erasePerson(id: $id) { status } }", { id: author })).data!.erasePerson.status).toBe("ERASED");
    const dataSource = testHub.hub.subgraphs.find((started) => started.name === "resources")!.dataSource;
    await waitFor(
      async () =>
        (await dataSource.query("SELECT person_id FROM resources.resource_author WHERE resource_id = $1", [resource.id])) as Array<{ person_id: string }>,
      (rows) => rows.length === 1,
    );
    expect((await asOperator(GET, { id: resource.id })).data!.resource.authors).toEqual([{ id: ids.person, displayName: "Ines Quillowick" }]);
  });
});
