import { demoId } from "@agora-hub/subgraph-kit/testing";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { opportunitiesSubgraph } from "../opportunities.subgraph";
import type { OpportunityLoaders } from "../opportunity/opportunity.loaders";
import { CREATE_OPPORTUNITY, ORGANISATION_OPPORTUNITIES } from "./opportunity.operations";

let subgraph: TestSubgraph<OpportunityLoaders>;

/** Organisation i publishes i % 4 opportunities, so some publish none. */
const ORGANISATIONS = Array.from({ length: 50 }, (_, i) => demoId("organisation", i));
const publishedBy = (i: number) => i % 4;

beforeAll(async () => {
  subgraph = await startTestSubgraph(opportunitiesSubgraph);
  // Inserted directly: the rows only need publishers and distinct creation times.
  const rows = ORGANISATIONS.flatMap((organisationId, i) =>
    Array.from({ length: publishedBy(i) }, (_, k) => [organisationId, `org-${i}-${k}`, new Date(Date.UTC(2026, 0, 1, 0, i, k)).toISOString()]),
  );
  await subgraph.dataSource.query(
    `INSERT INTO opportunity (network, source_id, type, title, publisher_id, opens_at, created_at)
     SELECT 'culture-agora', source_id, 'GRANT', '{"originalLanguage":"en","translations":[{"lang":"en","value":"Grant","machineTranslated":false}]}',
            publisher_id::uuid, now() - interval '1 day', created_at::timestamptz
       FROM unnest($1::text[], $2::text[], $3::text[]) AS r(publisher_id, source_id, created_at)`,
    [rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2])],
  );
});
afterAll(() => subgraph.close());

type OrganisationEntity = {
  id: string;
  opportunities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { sourceId: string; publisher: { id: string } } }>;
  } | null;
};

async function organisationOpportunities(count: number, variables: Record<string, unknown> = {}) {
  const representations = ORGANISATIONS.slice(0, count).map((id) => ({ __typename: "Organisation", id }));
  subgraph.queries.reset();
  const result = await subgraph.execute<{ _entities: OrganisationEntity[] }>(ORGANISATION_OPPORTUNITIES, { representations, ...variables });
  expect(result.errors).toBeUndefined();
  return { entities: result.data!._entities, statements: subgraph.queries.count };
}

describe("opportunities subgraph: Organisation.opportunities", () => {
  it("lists each organisation's opportunities, newest first, with totals", async () => {
    const { entities } = await organisationOpportunities(8, { first: 2 });
    expect(entities.map((entity) => entity.id)).toEqual(ORGANISATIONS.slice(0, 8));
    entities.forEach((entity, i) => {
      const expected = Array.from({ length: publishedBy(i) }, (_, k) => `org-${i}-${k}`)
        .reverse()
        .slice(0, 2);
      expect(entity.opportunities!.edges.map((edge) => edge.node.sourceId)).toEqual(expected);
      expect(entity.opportunities!.totalCount).toBe(publishedBy(i));
      expect(entity.opportunities!.pageInfo.hasNextPage).toBe(publishedBy(i) > 2);
      entity.opportunities!.edges.forEach((edge) => expect(edge.node.publisher.id).toBe(entity.id));
    });
  });

  it("costs the same number of SQL statements for 50 organisations as for 10", async () => {
    const ten = await organisationOpportunities(10, { first: 2 });
    const fifty = await organisationOpportunities(50, { first: 2 });
    // Every organisation's page with its rows and total, in one statement.
    expect(ten.statements).toBe(1);
    expect(fifty.statements).toBe(ten.statements);
  });

  it("continues after a cursor, batching the next pages too", async () => {
    const firstPage = await organisationOpportunities(4, { first: 2 });
    const after = firstPage.entities[3].opportunities!.pageInfo.endCursor;
    const next = await organisationOpportunities(4, { first: 2, after });
    expect(next.entities[3].opportunities!.edges.map((edge) => edge.node.sourceId)).toEqual(["org-3-0"]);
    expect(next.entities[3].opportunities!.totalCount).toBe(3);
    // Organisations without rows after that cursor share one count query.
    expect(next.entities.map((entity) => entity.opportunities!.totalCount)).toEqual([0, 1, 2, 3]);
    expect(next.statements).toBe(2);
  });

  it("counts without fetching rows for first: 0, in one statement for all organisations", async () => {
    const { entities, statements } = await organisationOpportunities(50, { first: 0 });
    expect(entities.map((entity) => entity.opportunities!.totalCount)).toEqual(ORGANISATIONS.map((_, i) => publishedBy(i)));
    expect(statements).toBe(1);
  });

  it("refuses a page over 100", async () => {
    const result = await subgraph.execute(ORGANISATION_OPPORTUNITIES, { representations: [{ __typename: "Organisation", id: ORGANISATIONS[0] }], first: 101 });
    expect(result.errors?.[0].message).toMatch(/first: must be at most 100/);
  });

  it("publishes opportunities created through the API under their publisher", async () => {
    const publisherId = demoId("organisation", 999);
    const created = await subgraph.execute<{ createOpportunity: { id: string } }>(CREATE_OPPORTUNITY, {
      input: {
        network: "culture-agora",
        type: "PARTNER_SEARCH",
        title: { originalLanguage: "en", translations: [{ lang: "en", value: "Partners wanted" }] },
        publisherId,
      },
    });
    expect(created.errors).toBeUndefined();
    const result = await subgraph.execute<{ _entities: OrganisationEntity[] }>(ORGANISATION_OPPORTUNITIES, {
      representations: [{ __typename: "Organisation", id: publisherId }],
    });
    expect(result.data!._entities[0].opportunities!.edges.map((edge) => edge.node.publisher.id)).toEqual([publisherId]);
  });
});
