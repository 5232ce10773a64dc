import { waitFor } from "./gateway-client";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "./test-hub";

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

let testHub: TestHub;
let makersKey: string;
let weaversKey: string;
/** People and organisations the writes below reference. */
const ids = { makersHidden: "", weaversHidden: "", weaversListed: "", makersOrganisation: "", weaversOrganisation: "" };
const UNKNOWN = "0f0f0f0f-0000-4000-8000-00000000abcd";

const CREATE_EVENT = "mutation($input: CreateEventInput!) { createEvent(input: $input) { id speakers { id } organisers { id } } }";
const UPDATE_EVENT = "mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id title { text } } }";
const UPSERT_EVENT = "mutation($input: UpsertEventInput!) { upsertEvent(input: $input) { id } }";
const CREATE_OPPORTUNITY = "mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }";
const UPDATE_OPPORTUNITY = "mutation($id: ID!, $input: UpdateOpportunityInput!) { updateOpportunity(id: $id, input: $input) { id } }";
const CREATE_MEMBERSHIP = "mutation($input: CreateMembershipInput!) { createMembership(input: $input) { id } }";
const CREATE_PERSON = "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }";

const text = (value: string) => ({ originalLanguage: "en", translations: [{ lang: "en", value }] });
const EVENT = {
  network: "makers",
  title: text("Makers Night"),
  format: "CONFERENCE",
  startsAt: "2031-03-01T18:00:00.000Z",
  endsAt: "2031-03-01T22:00:00.000Z",
  timeZone: "Europe/Lisbon",
  attendanceMode: "ONLINE",
  onlineUrl: "https://live.example.org/makers",
};
const opportunity = (fields: Record<string, unknown>) => ({ network: "makers", type: "RESIDENCY", title: text("Summer residency"), ...fields });

async function graphql(query: string, variables: Record<string, unknown>, token: string): Promise<Answer> {
  const response = await fetch(new URL("/graphql", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

async function createNetwork(slug: string): Promise<string> {
  const response = await fetch(new URL("/admin/networks", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({ slug, name: slug, trustLevel: "TRUSTED" }),
  });
  return ((await response.json()) as { apiKey: string }).apiKey;
}

/** Rows of a subgraph's table, read straight from its database (to prove nothing was written). */
async function countRows(subgraph: string, table: string): Promise<number> {
  const dataSource = testHub.hub.subgraphs.find((started) => started.name === subgraph)!.dataSource;
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${subgraph}.${table}`)) as Array<{ n: number }>;
  return row.n;
}

/** The one error of a refused write, with its `data` null. */
function refusal(answer: Answer, field: string): { message: string; extensions: Record<string, any> } {
  expect(Object.values(answer.data ?? {})).toEqual([null]);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  return answer.errors![0] as { message: string; extensions: Record<string, any> };
}

beforeAll(async () => {
  testHub = await startTestHub({ seed: { people: 0, organisations: 0, opportunities: 0, events: 0 }, env: { AGORA_ERASURE_POLL_MS: "200" } });
  makersKey = await createNetwork("makers");
  weaversKey = await createNetwork("weavers");
  const person = async (network: string, key: string, discoverable: boolean) =>
    (await graphql(CREATE_PERSON, { input: { network, displayName: `${network} ${discoverable}`, discoverable } }, key)).data!.createPerson.id as string;
  ids.makersHidden = await person("makers", makersKey, false);
  ids.weaversHidden = await person("weavers", weaversKey, false);
  ids.weaversListed = await person("weavers", weaversKey, true);
  const organisation = async (network: string, key: string) =>
    (
      await graphql(
        "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }",
        { input: { network, name: `${network} collective`, kind: "NGO", country: "PT" } },
        key,
      )
    ).data!.createOrganisation.id as string;
  ids.makersOrganisation = await organisation("makers", makersKey);
  ids.weaversOrganisation = await organisation("weavers", weaversKey);
}, 120_000);

afterAll(async () => {
  await testHub?.close();
});

describe("writes refuse references to people and organisations the writer cannot see", () => {
  it("refuses an event with an unknown speaker, naming speakerIds and the id, and writes nothing", async () => {
    const before = await countRows("events", "event");
    const answer = await graphql(
      CREATE_EVENT,
      { input: { ...EVENT, organiserIds: [ids.makersOrganisation], speakerIds: [ids.weaversListed, UNKNOWN] } },
      makersKey,
    );
    const error = refusal(answer, "speakerIds");
    expect(error.message).toBe(`Invalid input: speakerIds: no person with id ${UNKNOWN} is visible to you`);
    expect(await countRows("events", "event")).toBe(before);
    expect(await countRows("events", "event_speaker")).toBe(0);
  });

  it("refuses another network's person who is not listed in the directory exactly like an unknown one", async () => {
    const before = await countRows("events", "event");
    const answer = await graphql(CREATE_EVENT, { input: { ...EVENT, organiserIds: [ids.makersOrganisation], speakerIds: [ids.weaversHidden] } }, makersKey);
    expect(refusal(answer, "speakerIds").message).toBe(`Invalid input: speakerIds: no person with id ${ids.weaversHidden} is visible to you`);
    expect(await countRows("events", "event")).toBe(before);
  });

  it("accepts a listed person of another network and an unlisted person of the writer's own network", async () => {
    const answer = await graphql(
      CREATE_EVENT,
      { input: { ...EVENT, organiserIds: [ids.makersOrganisation, ids.weaversOrganisation], speakerIds: [ids.weaversListed, ids.makersHidden] } },
      makersKey,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.createEvent.speakers).toEqual([{ id: ids.weaversListed }, { id: ids.makersHidden }]);
    expect(answer.data!.createEvent.organisers).toEqual([{ id: ids.makersOrganisation }, { id: ids.weaversOrganisation }]);
  });

  it("lets the operator reference anyone who exists, hidden or not", async () => {
    const answer = await graphql(
      CREATE_EVENT,
      { input: { ...EVENT, organiserIds: [ids.makersOrganisation], speakerIds: [ids.weaversHidden] } },
      TEST_ADMIN_TOKEN,
    );
    expect(answer.errors).toBeUndefined();
  });

  it("refuses an unknown organiser naming organiserIds, together with an unknown speaker", async () => {
    const before = await countRows("events", "event");
    const answer = await graphql(CREATE_EVENT, { input: { ...EVENT, organiserIds: [UNKNOWN], speakerIds: [UNKNOWN] } }, makersKey);
    expect(refusal(answer, "speakerIds").extensions.violations).toEqual([
      { field: "speakerIds", message: `no person with id ${UNKNOWN} is visible to you` },
      { field: "organiserIds", message: `no organisation has the id ${UNKNOWN}` },
    ]);
    expect(await countRows("events", "event")).toBe(before);
  });

  it("refuses upsertEvent with an unknown speaker and writes nothing", async () => {
    const before = await countRows("events", "event");
    const answer = await graphql(
      UPSERT_EVENT,
      { input: { ...EVENT, sourceId: "night-1", organiserIds: [ids.makersOrganisation], speakerIds: [UNKNOWN] } },
      makersKey,
    );
    refusal(answer, "speakerIds");
    expect(await countRows("events", "event")).toBe(before);
  });

  it("refuses an opportunity with an unknown publisher or an invisible contact, and accepts visible ones", async () => {
    const before = await countRows("opportunities", "opportunity");
    const unknownPublisher = await graphql(CREATE_OPPORTUNITY, { input: opportunity({ publisherId: UNKNOWN }) }, makersKey);
    expect(refusal(unknownPublisher, "publisherId").message).toBe(`Invalid input: publisherId: no organisation has the id ${UNKNOWN}`);
    const hiddenContact = await graphql(
      CREATE_OPPORTUNITY,
      { input: opportunity({ publisherId: ids.makersOrganisation, contactId: ids.weaversHidden }) },
      makersKey,
    );
    expect(refusal(hiddenContact, "contactId").message).toBe(`Invalid input: contactId: no person with id ${ids.weaversHidden} is visible to you`);
    const unknownContact = await graphql(CREATE_OPPORTUNITY, { input: opportunity({ publisherId: ids.makersOrganisation, contactId: UNKNOWN }) }, makersKey);
    refusal(unknownContact, "contactId");
    expect(await countRows("opportunities", "opportunity")).toBe(before);

    const accepted = await graphql(
      CREATE_OPPORTUNITY,
      { input: opportunity({ publisherId: ids.weaversOrganisation, contactId: ids.makersHidden }) },
      makersKey,
    );
    expect(accepted.errors).toBeUndefined();
    const changed = await graphql(UPDATE_OPPORTUNITY, { id: accepted.data!.createOpportunity.id, input: { contactId: UNKNOWN } }, makersKey);
    refusal(changed, "contactId");
  });

  it("refuses a membership of an unknown or invisible person, and accepts a visible one", async () => {
    const before = await countRows("organisations", "membership");
    const membership = (personId: string) => ({ network: "makers", organisationId: ids.makersOrganisation, personId, role: "MEMBER" });
    expect(refusal(await graphql(CREATE_MEMBERSHIP, { input: membership(UNKNOWN) }, makersKey), "personId").message).toBe(
      `Invalid input: personId: no person with id ${UNKNOWN} is visible to you`,
    );
    refusal(await graphql(CREATE_MEMBERSHIP, { input: membership(ids.weaversHidden) }, makersKey), "personId");
    expect(await countRows("organisations", "membership")).toBe(before);
    expect((await graphql(CREATE_MEMBERSHIP, { input: membership(ids.weaversListed) }, makersKey)).errors).toBeUndefined();
  });
});

describe("references a record already holds are not checked again", () => {
  it("keeps a speaker who was hidden since, checks only the ones added, and refuses adding them back once removed", async () => {
    const speaker = (await graphql(CREATE_PERSON, { input: { network: "weavers", displayName: "Soon Unlisted", discoverable: true } }, weaversKey)).data!
      .createPerson.id as string;
    const created = await graphql(CREATE_EVENT, { input: { ...EVENT, organiserIds: [ids.makersOrganisation], speakerIds: [speaker] } }, makersKey);
    expect(created.errors).toBeUndefined();
    const eventId = created.data!.createEvent.id as string;
    const hidden = await graphql("mutation($id: ID!) { updatePerson(id: $id, input: { discoverable: false }) { id } }", { id: speaker }, weaversKey);
    expect(hidden.errors).toBeUndefined();

    expect((await graphql(UPDATE_EVENT, { id: eventId, input: { title: text("Makers Night, renamed") } }, makersKey)).errors).toBeUndefined();
    expect((await graphql(UPDATE_EVENT, { id: eventId, input: { speakerIds: [ids.weaversListed, speaker] } }, makersKey)).errors).toBeUndefined();
    const withUnknown = await graphql(UPDATE_EVENT, { id: eventId, input: { speakerIds: [speaker, UNKNOWN] } }, makersKey);
    expect(refusal(withUnknown, "speakerIds").extensions.violations).toEqual([
      { field: "speakerIds", message: `no person with id ${UNKNOWN} is visible to you` },
    ]);

    expect((await graphql(UPDATE_EVENT, { id: eventId, input: { speakerIds: [] } }, makersKey)).errors).toBeUndefined();
    refusal(await graphql(UPDATE_EVENT, { id: eventId, input: { speakerIds: [speaker] } }, makersKey), "speakerIds");
  });

  it("lets an upsert repeat the references it holds, even one hidden since", async () => {
    const speaker = (await graphql(CREATE_PERSON, { input: { network: "weavers", displayName: "Synced Speaker", discoverable: true } }, weaversKey)).data!
      .createPerson.id as string;
    const input = { ...EVENT, sourceId: "synced-night", organiserIds: [ids.makersOrganisation], speakerIds: [speaker] };
    const first = await graphql(UPSERT_EVENT, { input }, makersKey);
    expect(first.errors).toBeUndefined();
    expect(
      (await graphql("mutation($id: ID!) { updatePerson(id: $id, input: { discoverable: false }) { id } }", { id: speaker }, weaversKey)).errors,
    ).toBeUndefined();
    const again = await graphql(UPSERT_EVENT, { input: { ...input, title: text("Synced night, again") } }, makersKey);
    expect(again.errors).toBeUndefined();
    expect(again.data!.upsertEvent.id).toBe(first.data!.upsertEvent.id);
  });

  it("keeps editing a record whose speaker was erased since; the erasure feed drops the link and it cannot be added back", async () => {
    const speaker = (await graphql(CREATE_PERSON, { input: { network: "weavers", displayName: "To Be Erased", discoverable: true } }, weaversKey)).data!
      .createPerson.id as string;
    const created = await graphql(CREATE_EVENT, { input: { ...EVENT, organiserIds: [ids.makersOrganisation], speakerIds: [speaker] } }, makersKey);
    const eventId = created.data!.createEvent.id as string;
    expect((await graphql("mutation($id: ID!) { erasePerson(id: $id) { status } }", { id: speaker }, weaversKey)).errors).toBeUndefined();

    expect((await graphql(UPDATE_EVENT, { id: eventId, input: { title: text("After the erasure") } }, makersKey)).errors).toBeUndefined();
    const events = testHub.hub.subgraphs.find((started) => started.name === "events")!.dataSource;
    const links = await waitFor(
      async () => ((await events.query("SELECT count(*)::int AS n FROM events.event_speaker WHERE person_id = $1", [speaker])) as Array<{ n: number }>)[0].n,
      (count) => count === 0,
    );
    expect(links).toBe(0);
    refusal(await graphql(UPDATE_EVENT, { id: eventId, input: { speakerIds: [speaker] } }, makersKey), "speakerIds");
  });
});

// Stops the people subgraph: keep this block last in the file.
describe("when the owner of a reference is down", () => {
  it("refuses writes that reference people with SERVICE_UNAVAILABLE, writing nothing, and serves writes that need no check", async () => {
    await testHub.hub.subgraphs.find((started) => started.name === "people")!.stop();
    const events = await countRows("events", "event");
    const memberships = await countRows("organisations", "membership");

    const event = await graphql(CREATE_EVENT, { input: { ...EVENT, organiserIds: [ids.makersOrganisation], speakerIds: [ids.weaversListed] } }, makersKey);
    expect(event.data).toEqual({ createEvent: null });
    expect(event.errors![0]).toMatchObject({
      message: "The people subgraph is unavailable, so speakerIds could not be checked; nothing was written. Try again shortly.",
      extensions: { code: "SERVICE_UNAVAILABLE", subgraph: "people", field: "speakerIds" },
    });
    const membership = await graphql(
      CREATE_MEMBERSHIP,
      { input: { network: "makers", organisationId: ids.makersOrganisation, personId: ids.weaversListed, role: "MEMBER" } },
      makersKey,
    );
    expect(membership.errors![0].extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", subgraph: "people", field: "personId" });
    expect(JSON.stringify([event.errors, membership.errors])).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost/);
    expect(await countRows("events", "event")).toBe(events);
    expect(await countRows("organisations", "membership")).toBe(memberships);

    // Only the owner asked for matters: organisers alone are checked with the organisations subgraph, still up.
    const withoutSpeakers = await graphql(
      "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }",
      { input: { ...EVENT, organiserIds: [ids.makersOrganisation] } },
      makersKey,
    );
    expect(withoutSpeakers.errors).toBeUndefined();
    expect(await countRows("events", "event")).toBe(events + 1);
  });
});
