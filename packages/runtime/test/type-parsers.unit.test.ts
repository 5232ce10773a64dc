import { types } from "pg";
import { fastTypeParsers, parseTextArray, parseTimestamptz } from "../src/database/type-parsers";

const TEXT_ARRAY = 1009;
const TIMESTAMPTZ = 1184;
const general = (oid: number) => (types.getTypeParser as (oid: number, format: string) => (value: string) => unknown)(oid, "text");

/** What a parser gives for `value`: its value, or the message it throws. */
function outcome(parse: (value: string) => unknown, value: string): unknown {
  try {
    const parsed = parse(value);
    return parsed instanceof Date ? { date: parsed.getTime() } : parsed;
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

describe("pool type parsers", () => {
  it("parse text arrays exactly as pg-types does, quoted, nested and malformed ones included", () => {
    const values = [
      "{}",
      "{a}",
      "{CROSS_DISCIPLINARY,BUILT_HERITAGE}",
      "{NULL}",
      "{a,NULL,b}",
      '{"NULL"}',
      '{"a b",c}',
      '{"a\\"b"}',
      "{a,,b}",
      "{{a,b},{c}}",
      "[1:2]={a,b}",
      "{",
      "{a",
      "",
    ];
    for (const value of values) expect(outcome(parseTextArray, value)).toEqual(outcome(general(TEXT_ARRAY), value));
  });

  it("parse timestamptz values exactly as pg-types does, other zones, eras and malformed ones included", () => {
    const values = [
      "2027-01-16 08:30:00+00",
      "2026-12-02 07:04:03.123+00",
      "2026-12-02 07:04:03.123456+00",
      "2026-12-02 07:04:03.+00",
      "0050-01-01 00:00:00+00",
      "0100-01-01 00:00:00+00",
      "2026-02-30 10:00:00+00",
      "2026-12-02 07:04:03+01",
      "2026-12-02 07:04:03-05:30",
      "2026-12-02 07:04:03 BC+00",
      "10000-01-01 00:00:00+00",
      "infinity",
      "-infinity",
    ];
    for (const value of values) expect(outcome(parseTimestamptz, value)).toEqual(outcome(general(TIMESTAMPTZ), value));
  });

  it("hand out the fast parsers for text arrays and timestamptz only, and pg's own for the rest", () => {
    expect(fastTypeParsers.getTypeParser(TEXT_ARRAY, "text")).toBe(parseTextArray);
    expect(fastTypeParsers.getTypeParser(TIMESTAMPTZ)).toBe(parseTimestamptz);
    expect(fastTypeParsers.getTypeParser(3802, "text")).toBe(general(3802));
    expect(fastTypeParsers.getTypeParser(TIMESTAMPTZ, "binary")).toBe((types.getTypeParser as (oid: number, format: string) => unknown)(TIMESTAMPTZ, "binary"));
  });
});
