import { describeWriteAuthorisation } from "@agora-hub/subgraph-kit/testing";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { opportunitiesSubgraph } from "../opportunities.subgraph";

let subgraph: TestSubgraph<unknown>;

beforeAll(async () => {
  subgraph = (await startTestSubgraph(opportunitiesSubgraph)) as TestSubgraph<unknown>;
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE opportunity CASCADE"));

describeWriteAuthorisation({
  typeName: "Opportunity",
  table: "opportunity",
  subgraph: () => subgraph,
  createInput: (network, sourceId) => ({
    network,
    sourceId,
    type: "RESIDENCY",
    title: { originalLanguage: "en", translations: [{ lang: "en", value: "Writing Residency in Tunis" }] },
    publisherId: "0a000000-0000-4000-8000-000000000001",
  }),
  change: { field: "city", value: "Tunis" },
});
