import { readFileSync } from "node:fs";
import path from "node:path";
import { Kind, parse } from "graphql";
import { VOCABULARY_LABELS } from "../i18n/vocabulary-labels";

/** The vocabularies the directory names in every interface language, as the committed supergraph has them. */
const NAMED = [
  "Discipline",
  "OpportunityType",
  "EventFormat",
  "EventAttendanceMode",
  "ResourceKind",
  "OrganisationKind",
  "OrganisationService",
  "OpenTo",
  "CareerStage",
  "MembershipRole",
  "ReportReason",
];

describe("directory vocabulary names", () => {
  it("names every value of the vocabularies the pages show in English, French, Arabic and Spanish", () => {
    const document = parse(readFileSync(path.join(__dirname, "../../schema/supergraph.graphql"), "utf8"));
    const values = document.definitions.flatMap((definition) =>
      definition.kind === Kind.ENUM_TYPE_DEFINITION && NAMED.includes(definition.name.value) ? (definition.values ?? []).map((value) => value.name.value) : [],
    );
    expect(values.length).toBeGreaterThan(100);
    const missing = values.filter((value) => !["en", "fr", "ar", "es"].every((lang) => VOCABULARY_LABELS[value]?.[lang as "en"]?.trim()));
    expect(missing).toEqual([]);
  });
});
