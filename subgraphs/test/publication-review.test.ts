import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../gateway/test/test-hub";

/*
 * Moderation of every core record, end to end through the gateway on PostgreSQL: the operator sets each
 * network's trust level and grants moderators their keys (the registry's admin API); an untrusted network's
 * records wait for review, invisible to everyone but their network, moderators and the operator; a moderator
 * approves or rejects (with a reason only the owner reads) and every decision is kept with who made it.
 */

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

let testHub: TestHub;
const keys = { untrusted: "", trusted: "", moderator: "" };
/** A published organisation every opportunity below names as its publisher. */
let publisherId = "";

const text = (value: string) => ({ originalLanguage: "en", translations: [{ lang: "en", value }] });
const opportunity = (network: string, title: string) => ({ network, type: "RESIDENCY", title: text(title), publisherId });
const STATE = "id publicationState rejectionReason";
const CREATE_OPPORTUNITY = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ${STATE} } }`;
const UPDATE_OPPORTUNITY = `mutation($id: ID!, $input: UpdateOpportunityInput!) { updateOpportunity(id: $id, input: $input) { ${STATE} } }`;
const CHANGE = `mutation($id: ID!, $action: PublicationAction!, $reason: String) { changeOpportunityPublication(id: $id, action: $action, reason: $reason) { ${STATE} } }`;
const OPPORTUNITY = `query($id: ID!) { opportunity(id: $id) { ${STATE} publicationHistory { change fromState toState reason actorKind actor decidedAt } } }`;
const LIST = `query($states: [PublicationState!]) { opportunities(first: 100, publicationStates: $states) { edges { node { id publicationState } } } }`;

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const response = await fetch(new URL("/graphql", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

async function admin(method: string, path: string, body?: unknown, token = TEST_ADMIN_TOKEN): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(`/admin${path}`, testHub.hub.gatewayUrl), {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

async function create(token: string, network: string, title: string): Promise<{ id: string; publicationState: string }> {
  const answer = await graphql(CREATE_OPPORTUNITY, { input: opportunity(network, title) }, token);
  expect(answer.errors).toBeUndefined();
  return answer.data!.createOpportunity;
}

const listedIds = async (token?: string, states?: string[]) =>
  ((await graphql(LIST, states ? { states } : {}, token)).data?.opportunities.edges ?? []).map((edge: { node: { id: string } }) => edge.node.id);

const searchedIds = async (query: string) =>
  (
    (await graphql("query($query: String!) { search(query: $query, first: 50) { edges { node { ... on Opportunity { id } } } } }", { query })).data?.search
      .edges ?? []
  ).map((edge: { node: { id?: string } }) => edge.node.id);

beforeAll(async () => {
  testHub = await startTestHub({ seed: { people: 0, organisations: 0, opportunities: 0, events: 0 } });
  const untrusted = await admin("POST", "/networks", { slug: "fresh-collective", name: "Fresh Collective" });
  expect(untrusted.body.network.trustLevel).toBe("UNTRUSTED");
  keys.untrusted = untrusted.body.apiKey;
  keys.trusted = (await admin("POST", "/networks", { slug: "long-standing", name: "Long Standing", trustLevel: "TRUSTED" })).body.apiKey;
  const moderator = await admin("POST", "/moderators", { handle: "amira", name: "Amira Haddad" });
  expect(moderator.status).toBe(201);
  keys.moderator = moderator.body.apiKey;
  const organisation = await graphql(
    "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id publicationState } }",
    { input: { network: "long-standing", name: "Residency House", kind: "NGO", country: "TN" } },
    TEST_ADMIN_TOKEN,
  );
  expect(organisation.data!.createOrganisation.publicationState).toBe("PUBLISHED");
  publisherId = organisation.data!.createOrganisation.id;
}, 120_000);
afterAll(async () => {
  await testHub?.close();
});

describe("an untrusted network's records wait for review", () => {
  it("keeps a new record invisible to anonymous readers and other networks until a moderator approves it, then shows it", async () => {
    const created = await create(keys.untrusted, "fresh-collective", "Residency in review");
    expect(created.publicationState).toBe("PENDING_REVIEW");
    expect((await graphql(OPPORTUNITY, { id: created.id })).data!.opportunity).toBeNull();
    expect((await graphql(OPPORTUNITY, { id: created.id }, keys.trusted)).data!.opportunity).toBeNull();
    expect(await listedIds()).not.toContain(created.id);
    expect(await searchedIds("Residency in review")).not.toContain(created.id);
    expect((await graphql(OPPORTUNITY, { id: created.id }, keys.untrusted)).data!.opportunity.publicationState).toBe("PENDING_REVIEW");
    // The review queue: moderators list what waits.
    expect(await listedIds(keys.moderator, ["PENDING_REVIEW"])).toContain(created.id);

    const approved = await graphql(CHANGE, { id: created.id, action: "APPROVE" }, keys.moderator);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.changeOpportunityPublication.publicationState).toBe("PUBLISHED");
    expect((await graphql(OPPORTUNITY, { id: created.id })).data!.opportunity.publicationState).toBe("PUBLISHED");
    expect(await listedIds()).toContain(created.id);
    expect(await searchedIds("Residency in review")).toContain(created.id);
  });

  it("keeps an untrusted network's membership out of an organisation's members until a moderator approves it; a trusted network's is listed at once", async () => {
    const venue = await graphql(
      "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }",
      { input: { network: "long-standing", name: "Member Hub", kind: "CREATIVE_HUB", country: "TN" } },
      TEST_ADMIN_TOKEN,
    );
    expect(venue.errors).toBeUndefined();
    const venueId = venue.data!.createOrganisation.id;
    const createMembership = "mutation($input: CreateMembershipInput!) { createMembership(input: $input) { id publicationState } }";
    const membersOf = async (id: string, token?: string) => {
      const answer = await graphql(
        "query($id: ID!) { organisation(id: $id) { members(first: 50) { edges { node { id } } } memberOf(first: 50) { edges { node { id } } } } }",
        { id },
        token,
      );
      expect(answer.errors).toBeUndefined();
      const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id);
      return { members: ids(answer.data!.organisation.members), memberOf: ids(answer.data!.organisation.memberOf) };
    };

    const pending = await graphql(
      createMembership,
      { input: { network: "fresh-collective", organisationId: publisherId, memberOrganisationId: venueId, role: "PARTNER" } },
      keys.untrusted,
    );
    expect(pending.errors).toBeUndefined();
    const { id } = pending.data!.createMembership;
    expect(pending.data!.createMembership.publicationState).toBe("PENDING_REVIEW");
    expect((await membersOf(publisherId)).members).not.toContain(id);
    expect((await membersOf(publisherId, keys.trusted)).members).not.toContain(id);
    expect((await membersOf(venueId)).memberOf).not.toContain(id);
    // The moderators' queue of memberships; refused to anonymous readers, a network's own for it.
    const queue = "query($states: [PublicationState!]) { memberships(first: 100, publicationStates: $states) { edges { node { id publicationState } } } }";
    const queued = async (token?: string, states: string[] | null = ["PENDING_REVIEW"]) =>
      ((await graphql(queue, { states }, token)).data?.memberships?.edges ?? []).map((edge: { node: { id: string } }) => edge.node.id);
    expect(await queued(keys.moderator)).toContain(id);
    expect(await queued(keys.untrusted)).toContain(id);
    expect(await queued(keys.trusted)).not.toContain(id);
    expect((await graphql(queue, { states: ["PENDING_REVIEW"] })).errors?.[0].extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      field: "publicationStates",
    });
    expect(await queued(undefined, null)).not.toContain(id);

    const approve =
      "mutation($id: ID!) { changeMembershipPublication(id: $id, action: APPROVE) { id publicationState publicationHistory { change toState actorKind actor } } }";
    const approved = await graphql(approve, { id }, keys.moderator);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.changeMembershipPublication.publicationState).toBe("PUBLISHED");
    expect(
      approved.data!.changeMembershipPublication.publicationHistory.map((decision: Record<string, unknown>) => [
        decision.change,
        decision.toState,
        decision.actorKind,
        decision.actor,
      ]),
    ).toEqual([
      ["APPROVED", "PUBLISHED", "MODERATOR", "amira"],
      ["CREATED", "PENDING_REVIEW", "NETWORK", "fresh-collective"],
    ]);
    expect((await membersOf(publisherId)).members).toContain(id);
    expect((await membersOf(venueId)).memberOf).toContain(id);

    const trusted = await graphql(
      createMembership,
      { input: { network: "long-standing", organisationId: publisherId, memberOrganisationId: venueId, role: "MEMBER" } },
      keys.trusted,
    );
    expect(trusted.data!.createMembership.publicationState).toBe("PUBLISHED");
    expect((await membersOf(publisherId)).members).toContain(trusted.data!.createMembership.id);
    expect(await queued(undefined, null)).toEqual(expect.arrayContaining([id, trusted.data!.createMembership.id]));
  });

  it("gives a rejection's reason to the record's own network only, and keeps who decided what and when", async () => {
    const created = await create(keys.untrusted, "fresh-collective", "Residency to reject");
    const rejected = await graphql(CHANGE, { id: created.id, action: "REJECT", reason: "The call has no deadline or contact." }, keys.moderator);
    expect(rejected.errors).toBeUndefined();

    const own = (await graphql(OPPORTUNITY, { id: created.id }, keys.untrusted)).data!.opportunity;
    expect(own).toMatchObject({ publicationState: "REJECTED", rejectionReason: "The call has no deadline or contact." });
    expect(own.publicationHistory.map((decision: Record<string, unknown>) => [decision.change, decision.toState, decision.actorKind, decision.actor])).toEqual([
      ["REJECTED", "REJECTED", "MODERATOR", "amira"],
      ["CREATED", "PENDING_REVIEW", "NETWORK", "fresh-collective"],
    ]);
    expect(own.publicationHistory[0].reason).toBe("The call has no deadline or contact.");
    expect(Date.parse(own.publicationHistory[0].decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await graphql(OPPORTUNITY, { id: created.id })).data!.opportunity).toBeNull();
    expect((await graphql(OPPORTUNITY, { id: created.id }, keys.trusted)).data!.opportunity).toBeNull();

    // Fixing it and submitting again puts it back in the queue.
    const fixed = await graphql(UPDATE_OPPORTUNITY, { id: created.id, input: { city: "Tunis" } }, keys.untrusted);
    expect(fixed.data!.updateOpportunity).toMatchObject({ publicationState: "PENDING_REVIEW", rejectionReason: null });
  });

  it("sends a published record back to review when its network changes a public field, not a trusted network's", async () => {
    const created = await create(keys.untrusted, "fresh-collective", "Residency that changes");
    await graphql(CHANGE, { id: created.id, action: "APPROVE" }, keys.moderator);
    const changed = await graphql(UPDATE_OPPORTUNITY, { id: created.id, input: { title: text("Residency, new title") } }, keys.untrusted);
    expect(changed.data!.updateOpportunity.publicationState).toBe("PENDING_REVIEW");
    expect((await graphql(OPPORTUNITY, { id: created.id })).data!.opportunity).toBeNull();

    const trusted = await create(keys.trusted, "long-standing", "Trusted residency");
    expect(trusted.publicationState).toBe("PUBLISHED");
    const edited = await graphql(UPDATE_OPPORTUNITY, { id: trusted.id, input: { title: text("Trusted residency, new title") } }, keys.trusted);
    expect(edited.data!.updateOpportunity.publicationState).toBe("PUBLISHED");
  });

  it("keeps a published event published when a sync repeats the speakers and organisers it holds, not when they change", async () => {
    const person = async (displayName: string) =>
      (
        await graphql(
          "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }",
          { input: { network: "long-standing", displayName, discoverable: true } },
          keys.trusted,
        )
      ).data!.createPerson.id as string;
    const [first, second] = [await person("Speaker One"), await person("Speaker Two")];
    const upsert = "mutation($input: UpsertEventInput!) { upsertEvent(input: $input) { id publicationState } }";
    const event = (speakerIds: string[]) => ({
      network: "fresh-collective",
      sourceId: "sync-night",
      title: text("Sync night"),
      format: "CONFERENCE",
      startsAt: "2031-03-01T18:00:00.000Z",
      endsAt: "2031-03-01T22:00:00.000Z",
      timeZone: "Africa/Tunis",
      attendanceMode: "ONLINE",
      onlineUrl: "https://live.example.org/sync-night",
      organiserIds: [publisherId],
      speakerIds,
    });
    const created = await graphql(upsert, { input: event([first, second]) }, keys.untrusted);
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.upsertEvent;
    await graphql("mutation($id: ID!) { changeEventPublication(id: $id, action: APPROVE) { id } }", { id }, keys.moderator);

    const again = await graphql(upsert, { input: event([first, second]) }, keys.untrusted);
    expect(again.data!.upsertEvent).toEqual({ id, publicationState: "PUBLISHED" });
    const changed = await graphql(upsert, { input: event([second]) }, keys.untrusted);
    expect(changed.data!.upsertEvent).toEqual({ id, publicationState: "PENDING_REVIEW" });
  });

  it("keeps a published person published when only their private contact e-mail changes", async () => {
    const person = await graphql(
      "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id publicationState } }",
      { input: { network: "fresh-collective", displayName: "Nadia Ben Ali", discoverable: true } },
      keys.untrusted,
    );
    const id = person.data!.createPerson.id;
    await graphql("mutation($id: ID!) { changePersonPublication(id: $id, action: APPROVE) { id } }", { id }, keys.moderator);
    const update = "mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { publicationState } }";
    expect((await graphql(update, { id, input: { contactEmail: "nadia@example.org" } }, keys.untrusted)).data!.updatePerson.publicationState).toBe("PUBLISHED");
    expect((await graphql(update, { id, input: { city: "Sousse" } }, keys.untrusted)).data!.updatePerson.publicationState).toBe("PENDING_REVIEW");
  });

  it("publishes directly once the operator trusts the network, and records keep the state they had", async () => {
    const waiting = await create(keys.untrusted, "fresh-collective", "Waiting before trust");
    const trust = await admin("PUT", "/networks/fresh-collective/trust", { trustLevel: "TRUSTED" });
    expect(trust.status).toBe(200);
    expect(trust.body.network).toMatchObject({ slug: "fresh-collective", trustLevel: "TRUSTED" });
    try {
      expect((await create(keys.untrusted, "fresh-collective", "Written once trusted")).publicationState).toBe("PUBLISHED");
      expect((await graphql(OPPORTUNITY, { id: waiting.id }, keys.untrusted)).data!.opportunity.publicationState).toBe("PENDING_REVIEW");
    } finally {
      await admin("PUT", "/networks/fresh-collective/trust", { trustLevel: "UNTRUSTED" });
    }
    expect((await create(keys.untrusted, "fresh-collective", "Written once untrusted again")).publicationState).toBe("PENDING_REVIEW");
  });

  it("lets a network keep a draft to itself and submit it when ready", async () => {
    const draft = await graphql(CREATE_OPPORTUNITY, { input: { ...opportunity("long-standing", "Draft call"), draft: true } }, keys.trusted);
    const id = draft.data!.createOpportunity.id;
    expect(draft.data!.createOpportunity.publicationState).toBe("DRAFT");
    expect(await listedIds(keys.moderator, ["PENDING_REVIEW"])).not.toContain(id);
    expect((await graphql(OPPORTUNITY, { id })).data!.opportunity).toBeNull();
    const submitted = await graphql(CHANGE, { id, action: "SUBMIT" }, keys.trusted);
    expect(submitted.data!.changeOpportunityPublication.publicationState).toBe("PUBLISHED");
  });
});

describe("who may decide", () => {
  it("refuses a network approving its own record, a moderator writing records, and anonymous readers asking for unpublished states", async () => {
    const created = await create(keys.untrusted, "fresh-collective", "Self-approval attempt");
    const self = await graphql(CHANGE, { id: created.id, action: "APPROVE" }, keys.untrusted);
    expect(self.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", field: "action" });
    expect((await graphql(OPPORTUNITY, { id: created.id }, keys.untrusted)).data!.opportunity.publicationState).toBe("PENDING_REVIEW");

    const other = await graphql(CHANGE, { id: created.id, action: "WITHDRAW" }, keys.trusted);
    expect(other.errors?.[0].extensions?.code).toBe("NOT_FOUND");

    const write = await graphql(CREATE_OPPORTUNITY, { input: opportunity("fresh-collective", "By a moderator") }, keys.moderator);
    expect(write.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const anonymous = await graphql(LIST, { states: ["PENDING_REVIEW"] });
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", field: "publicationStates" });

    const noReason = await graphql(CHANGE, { id: created.id, action: "REJECT" }, keys.moderator);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    const wrongState = await graphql(CHANGE, { id: created.id, action: "RESTORE" }, keys.moderator);
    expect(wrongState.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "action" });
  });

  it("keeps trust and moderators the operator's: refused to networks and to moderators' keys, bad values named", async () => {
    expect((await admin("PUT", "/networks/fresh-collective/trust", { trustLevel: "TRUSTED" }, keys.untrusted)).status).toBe(403);
    expect((await admin("POST", "/moderators", { handle: "self-made", name: "Self Made" }, keys.trusted)).status).toBe(403);
    expect((await admin("GET", "/networks", undefined, keys.moderator)).status).toBe(403);
    const badLevel = await admin("PUT", "/networks/fresh-collective/trust", { trustLevel: "SOMEWHAT" });
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.error).toMatch(/^trustLevel: /);
    expect((await admin("PUT", "/networks/nowhere/trust", { trustLevel: "TRUSTED" })).body.code).toBe("NETWORK_NOT_FOUND");
    expect((await admin("POST", "/moderators", { handle: "Not A Handle", name: "x" })).status).toBe(400);
    expect((await admin("POST", "/moderators", { handle: "amira", name: "Again" })).body.code).toBe("MODERATOR_EXISTS");

    const networks = await admin("GET", "/networks?first=1");
    expect(networks.body.networks).toEqual([expect.objectContaining({ slug: "fresh-collective", trustLevel: "UNTRUSTED" })]);
    expect((await admin("GET", `/networks?after=${networks.body.next}`)).body.networks).toEqual([
      expect.objectContaining({ slug: "long-standing", trustLevel: "TRUSTED" }),
    ]);
    expect((await admin("GET", "/networks?first=500")).status).toBe(400);
  });

  it("withdraws a moderator's keys with the role; their decisions stay in the history", async () => {
    const { apiKey } = (await admin("POST", "/moderators", { handle: "temporary", name: "Temporary Moderator" })).body;
    const created = await create(keys.untrusted, "fresh-collective", "Approved by a temporary moderator");
    expect((await graphql(CHANGE, { id: created.id, action: "APPROVE" }, apiKey)).errors).toBeUndefined();
    expect((await admin("DELETE", "/moderators/temporary")).status).toBe(200);
    const refused = await graphql(OPPORTUNITY, { id: created.id }, apiKey);
    expect(refused.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const history = (await graphql(OPPORTUNITY, { id: created.id }, TEST_ADMIN_TOKEN)).data!.opportunity.publicationHistory;
    expect(history[0]).toMatchObject({ change: "APPROVED", actorKind: "MODERATOR", actor: "temporary" });
    expect((await admin("GET", "/moderators")).body.moderators).toEqual([
      expect.objectContaining({ handle: "amira", revokedAt: null }),
      expect.objectContaining({ handle: "temporary", revokedAt: expect.any(String) }),
    ]);
  });
});
