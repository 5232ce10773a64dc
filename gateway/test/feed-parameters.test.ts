import { buildSchema, parse, validate } from "graphql";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type FeedOperation, feedOperation, feedVariables, MAX_LIST_VALUES } from "../feed-parameters";

const SCHEMA = buildSchema(`
  scalar DateTimeISO
  scalar LanguageTag
  enum EventFormat { FORUM FESTIVAL }
  input NearInput { latitude: Float  longitude: Float }
  input EventsFilter {
    formats: [EventFormat!]
    networks: [String!]
    startsAfter: DateTimeISO
    upcoming: Boolean
    near: NearInput
    withinDays: Int
    minimumRating: Float
    lang: String
  }
  type Query {
    eventsCalendar(filter: EventsFilter, lang: LanguageTag): String
    plain: String
  }
`);

function operation(): FeedOperation {
  const derived = feedOperation(SCHEMA, "eventsCalendar");
  if (!derived) throw new Error("eventsCalendar not derived");
  return derived;
}

describe("feed parameters derived from the schema", () => {
  it("offers the filter's scalar, enum and list fields and the field's own arguments, not nested inputs", () => {
    const parameters = operation().parameters;
    expect([...parameters.keys()]).toEqual(["formats", "networks", "startsAfter", "upcoming", "withinDays", "minimumRating", "lang"]);
    // `lang` is the filter's (the first to name it), as a string.
    expect(parameters.get("lang")).toMatchObject({ argument: "filter", field: "lang", list: false });
    expect(parameters.get("formats")).toMatchObject({ argument: "filter", field: "formats", list: true });
  });

  it("writes an operation that validates against the schema", () => {
    const { query } = operation();
    expect(query).toBe("query Feed($filter: EventsFilter, $lang: LanguageTag) { eventsCalendar(filter: $filter, lang: $lang) }");
    expect(validate(SCHEMA, parse(query))).toEqual([]);
    expect(feedOperation(SCHEMA, "plain")?.query).toBe("query Feed { plain }");
    expect(feedOperation(SCHEMA, "missing")).toBeNull();
  });

  it("reads lists comma-separated or repeated, booleans, ints and floats, and passes custom scalars on as strings", () => {
    expect(
      feedVariables(operation(), {
        formats: ["FORUM, FESTIVAL", "FORUM"],
        networks: "a,,b",
        upcoming: "false",
        withinDays: "-3",
        minimumRating: "4.5",
        startsAfter: "2030-01-01T00:00:00Z",
      }),
    ).toEqual({
      filter: {
        formats: ["FORUM", "FESTIVAL", "FORUM"],
        networks: ["a", "b"],
        upcoming: false,
        withinDays: -3,
        minimumRating: 4.5,
        startsAfter: "2030-01-01T00:00:00Z",
      },
    });
    expect(feedVariables(operation(), {})).toEqual({ filter: {} });
  });

  it("refuses bad values, naming the parameter", () => {
    const refusals: Array<[Record<string, unknown>, RegExp]> = [
      [{ formats: "PICNIC" }, /^parameter formats: "PICNIC" is not an EventFormat; one of FORUM, FESTIVAL$/],
      [{ upcoming: "maybe" }, /^parameter upcoming: must be true or false$/],
      [{ withinDays: "1.5" }, /^parameter withinDays: must be a whole number$/],
      [{ minimumRating: "high" }, /^parameter minimumRating: must be a number$/],
      [{ upcoming: ["true", "false"] }, /^parameter upcoming: give it once$/],
      [{ networks: Array.from({ length: MAX_LIST_VALUES + 1 }, (_, i) => `n${i}`).join(",") }, /^parameter networks: at most 50 values$/],
      [{ networks: { nested: "x" } }, /^parameter networks: must be a plain value$/],
      [{ colour: "red" }, /^unknown parameter "colour"; allowed: formats, networks, startsAfter, upcoming, withinDays, minimumRating, lang$/],
    ];
    for (const [query, message] of refusals) expect(() => feedVariables(operation(), query)).toThrow(message);
  });

  it("offers every filter field of the committed supergraph's feeds, so a new filter field needs no route change", () => {
    const supergraph = buildSchema(readFileSync(path.join(__dirname, "../../schema/supergraph.graphql"), "utf8"), { assumeValidSDL: true });
    // In the schema's order, which is not part of the contract: compared as sets.
    const names = (field: string) => [...(feedOperation(supergraph, field)?.parameters.keys() ?? [])].sort();
    expect(names("eventsCalendar")).toEqual(
      [
        "formats",
        "disciplines",
        "countries",
        "languages",
        "networks",
        "attendanceModes",
        "startsAfter",
        "startsBefore",
        "upcoming",
        "organiserIds",
        "speakerIds",
        "text",
        "lang",
      ].sort(),
    );
    expect(names("opportunityDeadlinesCalendar")).toEqual(
      ["types", "statuses", "disciplines", "eligibleFor", "countries", "languages", "networks", "publisherIds", "text", "closingWithinDays", "lang"].sort(),
    );
  });
});
