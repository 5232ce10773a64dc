import { describeWriteAuthorisation } from "@agora-hub/subgraph-kit/testing";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { eventsSubgraph } from "../events.subgraph";

let subgraph: TestSubgraph<unknown>;

beforeAll(async () => {
  subgraph = (await startTestSubgraph(eventsSubgraph)) as TestSubgraph<unknown>;
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE event CASCADE"));

describeWriteAuthorisation({
  typeName: "Event",
  table: "event",
  subgraph: () => subgraph,
  createInput: (network, sourceId) => ({
    network,
    sourceId,
    title: { originalLanguage: "en", translations: [{ lang: "en", value: "Third Places Meeting" }] },
    format: "FORUM",
    startsAt: "2030-05-12T08:00:00.000Z",
    endsAt: "2030-05-12T16:00:00.000Z",
    timeZone: "Europe/Paris",
    attendanceMode: "ONLINE",
    onlineUrl: "https://live.example.org/forum",
    organiserIds: ["0a000000-0000-4000-8000-000000000001"],
  }),
  change: { field: "capacity", value: 50 },
});
