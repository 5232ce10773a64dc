import { randomUUID } from "node:crypto";
import { ANONYMOUS, type Viewer } from "@agora-hub/runtime";
import { type OperationResult, startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { Membership } from "../membership/membership.entity";
import { MembershipRole } from "../membership/membership.type";
import { Organisation } from "../organisation/organisation.entity";
import { OrganisationKind } from "../organisation/organisation.type";
import type { OrganisationsLoaders } from "../organisations.loaders";
import { organisationsSubgraph } from "../organisations.subgraph";
import {
  CREATE_MEMBERSHIP,
  DELETE_MEMBERSHIP,
  ORGANISATION_MEMBERSHIPS,
  ORGANISATIONS_WITH_MEMBERSHIPS,
  PERSON_ENTITIES_WITH_MEMBERSHIPS,
  UPDATE_MEMBERSHIP,
} from "./membership.operations";
import { DELETE_ORGANISATION } from "./organisation.operations";

let subgraph: TestSubgraph<OrganisationsLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(organisationsSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE organisation CASCADE"));

/** Inserts organisations directly: these tests are about memberships. */
async function insertOrganisations(names: string[], kind = OrganisationKind.NGO): Promise<Organisation[]> {
  const rows = names.map((name) =>
    Object.assign(new Organisation(), {
      id: randomUUID(),
      network: "culture-agora",
      sourceId: null,
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID().slice(0, 8)}`,
      kind,
      description: null,
      disciplines: [],
      services: [],
      country: "FR",
      city: null,
      website: null,
      workingLanguages: [],
    }),
  );
  await subgraph.dataSource.getRepository(Organisation).insert(rows);
  return rows;
}

const PERSON = "7d3f6a0e-1b2c-4d5e-8f90-a1b2c3d4e5f6";

type MembershipResult = {
  id: string;
  role: string;
  title: string | null;
  since: string | null;
  until: string | null;
  isCurrent: boolean;
  organisation: { id: string; name: string };
  personId: string | null;
  memberOrganisation: { id: string; name: string } | null;
};

type MembersPage = {
  organisation: { members: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: MembershipResult }> } };
};

async function createMembership(input: Record<string, unknown>): Promise<MembershipResult> {
  const result = await subgraph.execute<{ createMembership: MembershipResult }>(CREATE_MEMBERSHIP, { input: { network: "culture-agora", ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.createMembership;
}

async function countMemberships(): Promise<number> {
  const [{ count }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM membership");
  return count;
}

function dayOffset(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("organisations subgraph: membership", () => {
  it("records a person's membership and answers with the organisation and a Person reference", async () => {
    const [organisation] = await insertOrganisations(["Nova Iskra"]);
    const membership = await createMembership({
      organisationId: organisation.id,
      personId: PERSON.toUpperCase(),
      role: "STAFF",
      title: "  Programme manager ",
      since: "2021-03-01",
      sourceId: "m-1",
    });
    expect(membership).toMatchObject({
      role: "STAFF",
      title: "Programme manager",
      since: "2021-03-01",
      until: null,
      isCurrent: true,
      organisation: { id: organisation.id, name: "Nova Iskra" },
      personId: PERSON,
      memberOrganisation: null,
    });
  });

  it("records an organisation as a member of a network, listed on both sides", async () => {
    const [network] = await insertOrganisations(["Trans Europe Halles"], OrganisationKind.NETWORK);
    const [venue] = await insertOrganisations(["Cable Factory"]);
    const membership = await createMembership({ organisationId: network.id, memberOrganisationId: venue.id, role: "MEMBER", since: "1995-01-01" });
    expect(membership).toMatchObject({ personId: null, memberOrganisation: { id: venue.id, name: "Cable Factory" }, organisation: { id: network.id } });

    const ofNetwork = await subgraph.execute<{
      organisation: { members: { totalCount: number; edges: Array<{ node: MembershipResult }> }; memberOf: { totalCount: number } };
    }>(ORGANISATION_MEMBERSHIPS, { id: network.id });
    expect(ofNetwork.errors).toBeUndefined();
    expect(ofNetwork.data!.organisation.members.totalCount).toBe(1);
    expect(ofNetwork.data!.organisation.members.edges[0].node.memberOrganisation).toEqual({ id: venue.id, name: "Cable Factory" });
    expect(ofNetwork.data!.organisation.memberOf.totalCount).toBe(0);

    const ofVenue = await subgraph.execute<{ organisation: { members: { totalCount: number }; memberOf: { edges: Array<{ node: MembershipResult }> } } }>(
      ORGANISATION_MEMBERSHIPS,
      { id: venue.id },
    );
    expect(ofVenue.data!.organisation.members.totalCount).toBe(0);
    expect(ofVenue.data!.organisation.memberOf.edges.map((edge) => edge.node.organisation.name)).toEqual(["Trans Europe Halles"]);
  });

  it("computes isCurrent from the dates: ended and not yet started memberships are not current", async () => {
    const [organisation] = await insertOrganisations(["Hangar"]);
    const ended = await createMembership({ organisationId: organisation.id, personId: PERSON, role: "ADVISER", since: "2015-01-01", until: dayOffset(-1) });
    const endsToday = await createMembership({ organisationId: organisation.id, personId: PERSON, role: "STAFF", until: dayOffset(0) });
    const future = await createMembership({ organisationId: organisation.id, personId: PERSON, role: "ASSOCIATE", since: dayOffset(10) });
    expect([ended.isCurrent, endsToday.isCurrent, future.isCurrent]).toEqual([false, true, false]);
  });

  it("updates role, title and dates, clears fields set to null and keeps the others", async () => {
    const [organisation] = await insertOrganisations(["Matadero Madrid"]);
    const created = await createMembership({ organisationId: organisation.id, personId: PERSON, role: "STAFF", title: "Curator", since: "2019-01-01" });
    const result = await subgraph.execute<{ updateMembership: MembershipResult }>(UPDATE_MEMBERSHIP, {
      id: created.id,
      input: { role: "DIRECTOR", title: null, until: "2024-06-30" },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateMembership).toMatchObject({ role: "DIRECTOR", title: null, since: "2019-01-01", until: "2024-06-30", isCurrent: false });
  });

  it("deletes a membership and reports an unknown id on a second delete", async () => {
    const [organisation] = await insertOrganisations(["Res Artis"]);
    const created = await createMembership({ organisationId: organisation.id, personId: PERSON, role: "MEMBER" });
    expect((await subgraph.execute(DELETE_MEMBERSHIP, { id: created.id })).data).toEqual({ deleteMembership: created.id });
    const again = await subgraph.execute(DELETE_MEMBERSHIP, { id: created.id });
    expect(again.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(await countMemberships()).toBe(0);
  });

  it("deletes the memberships of a deleted organisation, both in it and of it", async () => {
    const [network, venue, other] = await insertOrganisations(["IETM", "L'Art Rue", "Onassis Stegi"]);
    await createMembership({ organisationId: network.id, memberOrganisationId: venue.id, role: "MEMBER" });
    await createMembership({ organisationId: network.id, memberOrganisationId: other.id, role: "MEMBER" });
    await createMembership({ organisationId: venue.id, personId: PERSON, role: "FOUNDER" });
    await createMembership({ organisationId: other.id, personId: PERSON, role: "STAFF" });
    expect((await subgraph.execute(DELETE_ORGANISATION, { id: venue.id })).errors).toBeUndefined();
    const rows: Array<{ organisation_id: string }> = await subgraph.dataSource.query("SELECT organisation_id FROM membership ORDER BY organisation_id");
    expect(rows.map((row) => row.organisation_id).sort()).toEqual([network.id, other.id].sort());
  });

  describe("bad input is refused with an error naming the field, and nothing is written", () => {
    let organisation: Organisation;
    let member: Organisation;
    beforeEach(async () => {
      [organisation, member] = await insertOrganisations(["Culture Action Europe", "On the Move"]);
    });

    const cases: Array<[string, () => Record<string, unknown>, string, RegExp]> = [
      [
        "an unknown organisation",
        () => ({ organisationId: "2b0c5d1e-0000-4000-8000-000000000000", personId: PERSON }),
        "organisationId",
        /no organisation has the id/,
      ],
      ["a malformed organisation id", () => ({ organisationId: "nope", personId: PERSON }), "organisationId", /not a valid id/],
      ["a malformed person id", () => ({ organisationId: organisation.id, personId: "person-1" }), "personId", /not a valid id/],
      [
        "both a person and an organisation as member",
        () => ({ organisationId: organisation.id, personId: PERSON, memberOrganisationId: member.id }),
        "personId",
        /exactly one of personId and memberOrganisationId/,
      ],
      ["no member at all", () => ({ organisationId: organisation.id }), "personId", /exactly one of personId and memberOrganisationId/],
      [
        "an unknown member organisation",
        () => ({ organisationId: organisation.id, memberOrganisationId: "2b0c5d1e-0000-4000-8000-000000000000" }),
        "memberOrganisationId",
        /no organisation has the id/,
      ],
      [
        "an organisation as its own member",
        () => ({ organisationId: organisation.id, memberOrganisationId: organisation.id }),
        "memberOrganisationId",
        /must differ from organisationId/,
      ],
      [
        "an end before the start",
        () => ({ organisationId: organisation.id, personId: PERSON, since: "2020-05-01", until: "2020-04-30" }),
        "until",
        /must not be before since \(2020-05-01\)/,
      ],
      ["an empty title", () => ({ organisationId: organisation.id, personId: PERSON, title: "" }), "title", /must be 1 to 200 characters/],
      ["a bad source network", () => ({ organisationId: organisation.id, personId: PERSON, network: "Not A Slug" }), "network", /must be a slug/],
    ];
    it.each(cases)("refuses %s", async (_label, input, field, message) => {
      const result = await subgraph.execute(CREATE_MEMBERSHIP, { input: { network: "culture-agora", role: "MEMBER", ...input() } });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(result.errors![0].message).toMatch(message);
      expect(await countMemberships()).toBe(0);
    });

    it.each([
      ["an unknown role", { role: "EMPEROR" }, /EMPEROR.*MembershipRole/],
      ["an impossible date", { since: "2024-02-30" }, /not a valid LocalDate/],
    ])("refuses %s", async (_label, overrides, message) => {
      const result = await subgraph.execute(CREATE_MEMBERSHIP, {
        input: { network: "culture-agora", role: "MEMBER", organisationId: organisation.id, personId: PERSON, ...overrides },
      });
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(message);
      expect(await countMemberships()).toBe(0);
    });

    it("reports unknown organisations together with the input's other violations, in one error", async () => {
      const unknown = "2b0c5d1e-0000-4000-8000-000000000000";
      const result = await subgraph.execute(CREATE_MEMBERSHIP, {
        input: {
          network: "culture-agora",
          role: "MEMBER",
          organisationId: unknown,
          memberOrganisationId: unknown.replace("2b", "3b"),
          since: "2020-05-01",
          until: "2020-04-30",
        },
      });
      expect(result.errors).toHaveLength(1);
      const fields = (result.errors![0].extensions!.violations as Array<{ field: string }>).map((violation) => violation.field);
      expect(fields).toEqual(["organisationId", "memberOrganisationId", "until"]);
      expect(await countMemberships()).toBe(0);
    });

    it("refuses a person holding the same open-ended role twice in one organisation, but not after it ended or in another role", async () => {
      await createMembership({ organisationId: organisation.id, personId: PERSON, role: "BOARD_MEMBER", since: "2018-01-01", until: "2020-12-31" });
      await createMembership({ organisationId: organisation.id, personId: PERSON, role: "BOARD_MEMBER", since: "2022-01-01" });
      await createMembership({ organisationId: organisation.id, personId: PERSON, role: "ADVISER" });
      const result = await subgraph.execute(CREATE_MEMBERSHIP, {
        input: { network: "culture-agora", organisationId: organisation.id, personId: PERSON, role: "BOARD_MEMBER" },
      });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "role" });
      expect(result.errors?.[0].message).toMatch(/already holds the role BOARD_MEMBER/);
      expect(await countMemberships()).toBe(3);
    });

    it("refuses an organisation joining the same organisation twice in the same open-ended role", async () => {
      await createMembership({ organisationId: organisation.id, memberOrganisationId: member.id, role: "MEMBER" });
      const result = await subgraph.execute(CREATE_MEMBERSHIP, {
        input: { network: "culture-agora", organisationId: organisation.id, memberOrganisationId: member.id, role: "MEMBER" },
      });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "role" });
      expect(await countMemberships()).toBe(1);
    });

    it("refuses an update that would end a membership before it started, or clear its role, and leaves it unchanged", async () => {
      const created = await createMembership({ organisationId: organisation.id, personId: PERSON, role: "STAFF", since: "2020-01-01" });
      const result = await subgraph.execute(UPDATE_MEMBERSHIP, { id: created.id, input: { until: "2019-12-31", role: null, title: "Curator" } });
      expect(result.errors).toHaveLength(1);
      const fields = (result.errors![0].extensions!.violations as Array<{ field: string }>).map((violation) => violation.field);
      expect(fields).toEqual(["role", "until"]);
      const [row] = await subgraph.dataSource.query("SELECT role, title, until FROM membership");
      expect(row).toEqual({ role: "STAFF", title: null, until: null });
    });

    it("refuses an update reopening a membership in a role the member already holds", async () => {
      await createMembership({ organisationId: organisation.id, personId: PERSON, role: "STAFF" });
      const ended = await createMembership({ organisationId: organisation.id, personId: PERSON, role: "STAFF", until: "2019-12-31" });
      const result = await subgraph.execute(UPDATE_MEMBERSHIP, { id: ended.id, input: { until: null } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "role" });
    });

    it("reports unknown and malformed membership ids on update and delete", async () => {
      const unknown = await subgraph.execute(UPDATE_MEMBERSHIP, { id: "2b0c5d1e-0000-4000-8000-000000000000", input: { title: "x" } });
      expect(unknown.errors?.[0].extensions?.code).toBe("NOT_FOUND");
      const malformed = await subgraph.execute(DELETE_MEMBERSHIP, { id: "membership-1" });
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    });
  });

  describe("membership lists", () => {
    it("pages through an organisation's members with stable cursors and a total", async () => {
      const [organisation] = await insertOrganisations(["Goethe-Institut"]);
      const people = Array.from({ length: 5 }, () => randomUUID());
      for (const personId of people) await createMembership({ organisationId: organisation.id, personId, role: "MEMBER" });
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result: OperationResult<MembersPage> = await subgraph.execute<MembersPage>(ORGANISATION_MEMBERSHIPS, { id: organisation.id, first: 2, after });
        expect(result.errors).toBeUndefined();
        const { members } = result.data!.organisation;
        expect(members.totalCount).toBe(5);
        expect(members.pageInfo.hasNextPage).toBe(page < 2);
        seen.push(...members.edges.map((edge) => edge.node.personId!));
        after = members.pageInfo.endCursor;
      }
      // Members recorded in the same millisecond fall back to id order, so compare as sets.
      expect(seen).toHaveLength(5);
      expect([...seen].sort()).toEqual([...people].sort());
    });

    it("refuses a forged cursor and an oversized page", async () => {
      const [organisation] = await insertOrganisations(["Institut français"]);
      const forged = await subgraph.execute(ORGANISATION_MEMBERSHIPS, { id: organisation.id, after: "bm90IGEgY3Vyc29y" });
      expect(forged.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
      const oversized = await subgraph.execute(ORGANISATION_MEMBERSHIPS, { id: organisation.id, first: 101 });
      expect(oversized.errors?.[0].message).toMatch(/first: must be at most 100/);
    });

    it("refuses a cursor of another list of memberships, failing only the list it was passed to", async () => {
      const [network] = await insertOrganisations(["Trans Europe Halles"], OrganisationKind.NETWORK);
      const [venue] = await insertOrganisations(["Cable Factory"]);
      await createMembership({ organisationId: network.id, memberOrganisationId: venue.id, role: "MEMBER" });
      await createMembership({ organisationId: venue.id, personId: PERSON, role: "STAFF" });
      const memberOf = await subgraph.execute<{ organisation: { memberOf: { pageInfo: { endCursor: string } } } }>(
        `query($id: ID!) { organisation(id: $id) { memberOf(first: 1) { pageInfo { endCursor } } } }`,
        { id: venue.id },
      );
      // Both pages come from the same loader in one batch: the bad cursor must not fail the other.
      const result = await subgraph.execute<{ organisation: { all: { totalCount: number }; wrong: null } }>(
        `query($id: ID!, $after: String) { organisation(id: $id) { all: members(first: 1) { totalCount } wrong: members(first: 1, after: $after) { totalCount } } }`,
        { id: venue.id, after: memberOf.data!.organisation.memberOf.pageInfo.endCursor },
      );
      expect(result.data!.organisation).toEqual({ all: { totalCount: 1 }, wrong: null });
      expect(result.errors).toEqual([
        expect.objectContaining({ path: ["organisation", "wrong"], extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "after" }) }),
      ]);
    });
  });

  describe("batching", () => {
    /** 60 organisations, each with two people and a membership in one network; returns the people. */
    async function insertNetworkOfOrganisations(): Promise<string[]> {
      const [network] = await insertOrganisations(["Zeta Network"], OrganisationKind.NETWORK);
      const organisations = await insertOrganisations(Array.from({ length: 60 }, (_, index) => `Organisation ${String(index).padStart(2, "0")}`));
      const people = Array.from({ length: 60 }, () => randomUUID());
      const memberships = organisations.flatMap((organisation, index) =>
        [
          { organisationId: network.id, memberOrganisationId: organisation.id, personId: null, role: MembershipRole.MEMBER },
          { organisationId: organisation.id, personId: people[index], memberOrganisationId: null, role: MembershipRole.STAFF },
          { organisationId: organisation.id, personId: people[(index + 1) % 60], memberOrganisationId: null, role: MembershipRole.ADVISER },
        ].map((fields) => Object.assign(new Membership(), { network: "culture-agora", sourceId: null, title: null, since: null, until: null, ...fields })),
      );
      await subgraph.dataSource.getRepository(Membership).insert(memberships);
      return people;
    }

    async function statementsFor(query: string, variables: Record<string, unknown>): Promise<number> {
      subgraph.queries.reset();
      const result = await subgraph.execute(query, variables);
      expect(result.errors).toBeUndefined();
      return subgraph.queries.count;
    }

    it("answers members and memberOf of 10 or 50 organisations with the same number of SQL statements", async () => {
      await insertNetworkOfOrganisations();
      const forTen = await statementsFor(ORGANISATIONS_WITH_MEMBERSHIPS, { first: 10 });
      const forFifty = await statementsFor(ORGANISATIONS_WITH_MEMBERSHIPS, { first: 50 });
      expect(forFifty).toBe(forTen);
      expect(forTen).toBeLessThanOrEqual(6);
    });

    it("answers Person.memberships for 10 or 50 person representations with the same number of SQL statements", async () => {
      const people = await insertNetworkOfOrganisations();
      const representations = (count: number) => people.slice(0, count).map((id) => ({ __typename: "Person", id }));
      const forTen = await statementsFor(PERSON_ENTITIES_WITH_MEMBERSHIPS, { representations: representations(10), first: 5 });
      const forFifty = await statementsFor(PERSON_ENTITIES_WITH_MEMBERSHIPS, { representations: representations(50), first: 5 });
      expect(forFifty).toBe(forTen);
      // The memberships' pages with their rows, then their organisations.
      expect(forTen).toBe(2);
    });

    it("resolves Person representations without a query, null for malformed ids, with their memberships and totals", async () => {
      const people = await insertNetworkOfOrganisations();
      subgraph.queries.reset();
      const bare = await subgraph.execute<{ _entities: Array<{ id: string } | null> }>(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { id } } }`,
        {
          representations: [people[0], "not-a-uuid"].map((id) => ({ __typename: "Person", id })),
        },
      );
      expect(subgraph.queries.count).toBe(0);
      expect(bare.data!._entities).toEqual([{ id: people[0] }, null]);

      const result = await subgraph.execute<{
        _entities: Array<{
          memberships: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: Array<{ node: { role: string; organisation: { name: string } } }>;
          };
        }>;
      }>(PERSON_ENTITIES_WITH_MEMBERSHIPS, { representations: [{ __typename: "Person", id: people[1] }], first: 1 });
      const { memberships } = result.data!._entities[0];
      expect(memberships.totalCount).toBe(2);
      expect(memberships.pageInfo.hasNextPage).toBe(true);
      const next = await subgraph.execute<typeof result.data>(PERSON_ENTITIES_WITH_MEMBERSHIPS, {
        representations: [{ __typename: "Person", id: people[1] }],
        first: 1,
        after: memberships.pageInfo.endCursor,
      });
      const roles = [...memberships.edges, ...next.data!._entities[0].memberships.edges].map((edge) => `${edge.node.role} ${edge.node.organisation.name}`);
      expect(roles.sort()).toEqual(["ADVISER Organisation 00", "STAFF Organisation 01"]);
    });
  });
});

describe("organisations subgraph: membership moderation", () => {
  const UNTRUSTED = { kind: "network", network: "culture-agora" } as const;
  const MEMBERSHIP_BY_ID = /* GraphQL */ `
    query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Membership { id publicationState } } }
  `;
  const EXPORT = /* GraphQL */ `
    query($representations: [_Any!]!) { _entities(representations: $representations) { ... on PersonDataExport { memberships } } }
  `;
  const byId = async (id: string, viewer?: Viewer) =>
    (
      await subgraph.execute<{ _entities: Array<{ publicationState: string } | null> }>(
        MEMBERSHIP_BY_ID,
        { representations: [{ __typename: "Membership", id }] },
        { viewer },
      )
    ).data!._entities[0];
  const listedFor = async (personId: string, viewer?: Viewer) =>
    (
      await subgraph.execute<{ _entities: Array<{ memberships: { edges: Array<{ node: { id: string } }> } }> }>(
        PERSON_ENTITIES_WITH_MEMBERSHIPS,
        { representations: [{ __typename: "Person", id: personId }], first: 10 },
        { viewer },
      )
    ).data!._entities[0].memberships.edges.map((edge) => edge.node.id);

  it("keeps an untrusted network's membership to its network until a moderator approves it, and exports it in every state", async () => {
    const [organisation] = await insertOrganisations(["Pending House"]);
    const created = await subgraph.execute<{ createMembership: { id: string; publicationState: string } }>(
      "mutation($input: CreateMembershipInput!) { createMembership(input: $input) { id publicationState } }",
      { input: { network: "culture-agora", organisationId: organisation.id, personId: PERSON, role: "STAFF" } },
      { viewer: UNTRUSTED },
    );
    expect(created.errors).toBeUndefined();
    const { id, publicationState } = created.data!.createMembership;
    expect(publicationState).toBe("PENDING_REVIEW");
    expect(await byId(id, ANONYMOUS)).toBeNull();
    expect(await byId(id, { kind: "network", network: "other-network" })).toBeNull();
    expect(await byId(id, UNTRUSTED)).toEqual({ id, publicationState: "PENDING_REVIEW" });
    // Nested lists hold published memberships only, for every viewer, as events' and opportunities' do.
    expect(await listedFor(PERSON, ANONYMOUS)).toEqual([]);
    expect(await listedFor(PERSON, UNTRUSTED)).toEqual([]);

    const exported = await subgraph.execute<{ _entities: Array<{ memberships: Array<Record<string, unknown>> }> }>(
      EXPORT,
      { representations: [{ __typename: "PersonDataExport", personId: PERSON, network: "culture-agora" }] },
      { viewer: UNTRUSTED },
    );
    expect(exported.errors).toBeUndefined();
    expect(exported.data!._entities[0].memberships).toEqual([expect.objectContaining({ id, publicationState: "PENDING_REVIEW" })]);

    const approved = await subgraph.execute<{ changeMembershipPublication: { publicationState: string } }>(
      "mutation($id: ID!) { changeMembershipPublication(id: $id, action: APPROVE) { publicationState } }",
      { id },
      { viewer: { kind: "moderator", moderator: "amira" } },
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.changeMembershipPublication.publicationState).toBe("PUBLISHED");
    expect(await byId(id, ANONYMOUS)).toEqual({ id, publicationState: "PUBLISHED" });
    expect(await listedFor(PERSON, ANONYMOUS)).toEqual([id]);
  });

  it("publishes a trusted network's membership at once, and keeps a draft to its network", async () => {
    const [organisation, other] = await insertOrganisations(["Trusted House", "Draft House"]);
    const create = (input: Record<string, unknown>) =>
      subgraph.execute<{ createMembership: { id: string; publicationState: string } }>(
        "mutation($input: CreateMembershipInput!) { createMembership(input: $input) { id publicationState } }",
        { input: { network: "culture-agora", personId: PERSON, role: "MEMBER", ...input } },
        { viewer: { ...UNTRUSTED, trusted: true } },
      );
    const trusted = (await create({ organisationId: organisation.id })).data!.createMembership;
    expect(trusted.publicationState).toBe("PUBLISHED");
    const draft = (await create({ organisationId: other.id, draft: true })).data!.createMembership;
    expect(draft.publicationState).toBe("DRAFT");
    expect(await byId(draft.id, ANONYMOUS)).toBeNull();
    expect(await listedFor(PERSON, ANONYMOUS)).toEqual([trusted.id]);
  });
});
