import { describeWriteAuthorisation } from "@agora-hub/subgraph-kit/testing";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { peopleSubgraph } from "../people.subgraph";

let subgraph: TestSubgraph<unknown>;

beforeAll(async () => {
  subgraph = (await startTestSubgraph(peopleSubgraph)) as TestSubgraph<unknown>;
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE person"));

describeWriteAuthorisation({
  typeName: "Person",
  table: "person",
  subgraph: () => subgraph,
  createInput: (network, sourceId) => ({ network, sourceId, displayName: "Amira Haddad" }),
  change: { field: "city", value: "Tunis" },
});
