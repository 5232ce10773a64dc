import { describeWriteAuthorisation } from "@agora-hub/subgraph-kit/testing";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { organisationsSubgraph } from "../organisations.subgraph";

let subgraph: TestSubgraph<unknown>;
let organisationId: string;

beforeAll(async () => {
  subgraph = (await startTestSubgraph(organisationsSubgraph)) as TestSubgraph<unknown>;
});
afterAll(() => subgraph.close());
beforeEach(async () => {
  await subgraph.dataSource.query("TRUNCATE organisation CASCADE");
});

describeWriteAuthorisation({
  typeName: "Organisation",
  table: "organisation",
  subgraph: () => subgraph,
  createInput: (network, sourceId) => ({ network, sourceId, name: `Dar Al-Ma'mûn ${network} ${sourceId}`, kind: "CREATIVE_HUB", country: "MA" }),
  change: { field: "city", value: "Marrakech" },
});

describe("memberships", () => {
  // Memberships need an organisation to join, made by the operator (another network's: only the membership's network counts).
  beforeEach(async () => {
    const created = await subgraph.execute<{ createOrganisation: { id: string } }>(
      "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }",
      { input: { network: "host-network", name: "Host Venue", kind: "CREATIVE_HUB", country: "FR" } },
    );
    organisationId = created.data!.createOrganisation.id;
  });

  describeWriteAuthorisation({
    typeName: "Membership",
    table: "membership",
    subgraph: () => subgraph,
    createInput: (network, sourceId) => ({ network, sourceId, organisationId, personId: "0b000000-0000-4000-8000-000000000001", role: "MEMBER" }),
    change: { field: "title", value: "Director" },
    upsert: false,
  });
});
