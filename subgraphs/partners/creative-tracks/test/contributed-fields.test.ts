import { randomUUID } from "node:crypto";
import { LocalizedText } from "@agora-hub/subgraph-kit";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { CreativeTracksLoaders } from "../creative-tracks.loaders";
import { creativeTracksSubgraph } from "../creative-tracks.subgraph";
import { CreativeTracksLab } from "../lab/lab.entity";
import { CreativeTracksCollaboratorRole } from "../lab/lab.type";
import { CreativeTracksProfile } from "../profile/profile.entity";
import { ORGANISATION_LABS, PERSON_PROFILES } from "./creative-tracks.operations";

let subgraph: TestSubgraph<CreativeTracksLoaders>;

const DAY_MS = 24 * 60 * 60 * 1000;
const PEOPLE = Array.from({ length: 50 }, () => randomUUID());
const ORGANISATIONS = Array.from({ length: 50 }, () => randomUUID());
/** Organisation i hosts i % 3 labs, so a page of organisations mixes none, one and several. */
const labsHostedBy = (index: number) => index % 3;

beforeAll(async () => {
  subgraph = await startTestSubgraph(creativeTracksSubgraph);
  // People with an even index have a profile.
  const profiles = PEOPLE.filter((_, index) => index % 2 === 0).map((personId, index) =>
    Object.assign(new CreativeTracksProfile(), {
      personId,
      ambassador: index === 0,
      followersCount: index * 10,
      interests: ["DANCE"],
      lookingFor: [CreativeTracksCollaboratorRole.PRODUCER],
    }),
  );
  await subgraph.dataSource.createQueryBuilder().insert().into(CreativeTracksProfile).values(profiles).execute();
  const title = LocalizedText.from({ originalLanguage: "en", translations: [{ lang: "en", value: "A lab", machineTranslated: false }] });
  const labs = ORGANISATIONS.flatMap((organisationId, index) =>
    Array.from({ length: labsHostedBy(index) }, (_, k) =>
      Object.assign(new CreativeTracksLab(), {
        network: "creative-tracks",
        sourceId: `org-${index}-lab-${k}`,
        title,
        description: title,
        disciplines: ["FILM"],
        lookingFor: [CreativeTracksCollaboratorRole.CO_CREATOR],
        countriesSought: [],
        // Lab 0 is the newest of its organisation; lab 1 has expired.
        createdAt: new Date(Date.now() - (k + 2) * DAY_MS),
        expiresAt: k === 1 ? new Date(Date.now() - DAY_MS) : null,
        authorId: PEOPLE[index],
        hostOrganisationId: organisationId,
      }),
    ),
  );
  await subgraph.dataSource.createQueryBuilder().insert().into(CreativeTracksLab).values(labs).execute();
});
afterAll(() => subgraph.close());

async function statementsFor(query: string, variables: Record<string, unknown>): Promise<{ count: number; data: Record<string, unknown> }> {
  subgraph.queries.reset();
  const result = await subgraph.execute(query, variables);
  expect(result.errors).toBeUndefined();
  return { count: subgraph.queries.count, data: result.data! };
}

type ProfileEntity = { id: string; creativeTracksProfile: Record<string, unknown> | null };
type LabsEntity = {
  id: string;
  creativeTracksLabs: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { sourceId: string; status: string; hostOrganisation: { id: string }; author: { id: string } } }>;
  };
};

describe("creative_tracks subgraph: fields contributed to core entities", () => {
  describe("Person.creativeTracksProfile", () => {
    const representations = (ids: string[]) => ids.map((id) => ({ __typename: "Person", id }));

    it("answers the profile of members and null for people without one", async () => {
      const { data } = await statementsFor(PERSON_PROFILES, { representations: representations(PEOPLE.slice(0, 3)) });
      expect(data._entities).toEqual([
        { id: PEOPLE[0], creativeTracksProfile: { ambassador: true, followersCount: 0, interests: ["DANCE"], lookingFor: ["PRODUCER"] } },
        { id: PEOPLE[1], creativeTracksProfile: null },
        { id: PEOPLE[2], creativeTracksProfile: { ambassador: false, followersCount: 10, interests: ["DANCE"], lookingFor: ["PRODUCER"] } },
      ]);
    });

    it("loads the profiles of 10 or 50 people with one SQL statement", async () => {
      const ten = await statementsFor(PERSON_PROFILES, { representations: representations(PEOPLE.slice(0, 10)) });
      const fifty = await statementsFor(PERSON_PROFILES, { representations: representations(PEOPLE) });
      expect(ten.count).toBe(1);
      expect(fifty.count).toBe(1);
      expect((fifty.data._entities as ProfileEntity[]).filter((person) => person.creativeTracksProfile !== null)).toHaveLength(25);
    });

    it("answers null, without SQL, for a person id that is not a UUID", async () => {
      const { count, data } = await statementsFor(PERSON_PROFILES, { representations: representations(["not-a-uuid"]) });
      expect(count).toBe(0);
      expect(data._entities).toEqual([{ id: "not-a-uuid", creativeTracksProfile: null }]);
    });
  });

  describe("Organisation.creativeTracksLabs", () => {
    const representations = (ids: string[]) => ids.map((id) => ({ __typename: "Organisation", id }));

    it("pages the labs each organisation hosts, newest first, with totals and references", async () => {
      const { data } = await statementsFor(ORGANISATION_LABS, { representations: representations(ORGANISATIONS.slice(0, 3)), first: 1 });
      const [none, one, two] = data._entities as LabsEntity[];
      expect(none.creativeTracksLabs).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
      expect(one.creativeTracksLabs).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false }, edges: [{ node: { sourceId: "org-1-lab-0" } }] });
      expect(two.creativeTracksLabs).toMatchObject({
        totalCount: 2,
        pageInfo: { hasNextPage: true },
        edges: [{ node: { sourceId: "org-2-lab-0", status: "OPEN", hostOrganisation: { id: ORGANISATIONS[2] }, author: { id: PEOPLE[2] } } }],
      });
    });

    it("continues an organisation's list after its cursor", async () => {
      const first = await statementsFor(ORGANISATION_LABS, { representations: representations([ORGANISATIONS[2]]), first: 1 });
      const after = (first.data._entities as LabsEntity[])[0].creativeTracksLabs.pageInfo.endCursor;
      const { data } = await statementsFor(ORGANISATION_LABS, { representations: representations([ORGANISATIONS[2]]), first: 1, after });
      expect((data._entities as LabsEntity[])[0].creativeTracksLabs).toMatchObject({
        totalCount: 2,
        pageInfo: { hasNextPage: false },
        edges: [{ node: { sourceId: "org-2-lab-1", status: "EXPIRED" } }],
      });
    });

    it("costs the same SQL statements for 10 or 50 organisations, totals included", async () => {
      const ten = await statementsFor(ORGANISATION_LABS, { representations: representations(ORGANISATIONS.slice(0, 10)), first: 2 });
      const fifty = await statementsFor(ORGANISATION_LABS, { representations: representations(ORGANISATIONS), first: 2 });
      expect(ten.count).toBe(fifty.count);
      expect(fifty.count).toBeLessThanOrEqual(2);
      const totals = (fifty.data._entities as LabsEntity[]).map((organisation) => organisation.creativeTracksLabs.totalCount);
      expect(totals).toEqual(ORGANISATIONS.map((_, index) => labsHostedBy(index)));
    });

    it("answers an empty page, without SQL, for an organisation id that is not a UUID", async () => {
      const { count, data } = await statementsFor(ORGANISATION_LABS, { representations: representations(["org-42"]), first: 5 });
      expect(count).toBe(0);
      expect((data._entities as LabsEntity[])[0].creativeTracksLabs).toMatchObject({ totalCount: 0, edges: [] });
    });
  });
});
