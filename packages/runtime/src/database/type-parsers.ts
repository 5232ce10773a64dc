import { types } from "pg";

/*
 * pg parses every `text[]` and `timestamptz` value of every row with general parsers (postgres-array walks the
 * text a character at a time, allocating an object per character; postgres-date tries three regular expressions).
 * The rows of a page of opportunities or events carry several of each, a good share of a subgraph's CPU. The
 * shapes PostgreSQL actually sends for them (a one-dimensional array without quoted elements, a UTC instant) are
 * parsed here to exactly what the general parsers return; anything else still goes to them.
 */

const TEXT_ARRAY_OIDS = new Set([1009 /* text[] */, 1015 /* varchar[] */, 2951 /* uuid[] */]);
const TIMESTAMPTZ_OID = 1184;

type TextParser = (value: string) => unknown;

// pg-types' own parsers, taken before anyone could replace them: only where they are still in place is a fast path used.
const parserOf = types.getTypeParser as (oid: number, format: "text" | "binary") => unknown;
const stringArrayParser = parserOf(1009, "text") as TextParser;
const timestamptzParser = parserOf(TIMESTAMPTZ_OID, "text") as TextParser;

/** Elements needing more than a split: quoted or escaped ones, and nested arrays. */
const NOT_PLAIN_ELEMENTS = /["\\{}]/;

/** pg-types' `text[]` parser, fast for `{a,b,NULL}` (no quoted element, one dimension). */
export function parseTextArray(value: string): unknown {
  const last = value.length - 1;
  if (last < 1 || value.charCodeAt(0) !== 0x7b || value.charCodeAt(last) !== 0x7d) return stringArrayParser(value);
  const inner = value.slice(1, last);
  if (NOT_PLAIN_ELEMENTS.test(inner)) return stringArrayParser(value);
  const entries: Array<string | null> = [];
  if (inner === "") return entries;
  // As postgres-array: an unquoted NULL is null, and an empty unquoted element is skipped.
  for (const element of inner.split(",")) if (element !== "") entries.push(element === "NULL" ? null : element);
  return entries;
}

/** The number the ASCII digits of `value` from `start` to `end` (exclusive) spell, or -1 when one is not a digit. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let index = start; index < end; index++) {
    const digit = value.charCodeAt(index) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * pg-types' `timestamptz` parser (postgres-date), fast for the UTC instants PostgreSQL writes with TimeZone UTC
 * (`2027-01-16 08:30:00+00`, fractional seconds optional) from year 100 on: the same fields, the same `Date.UTC`.
 */
export function parseTimestamptz(value: string): unknown {
  const length = value.length;
  if (length < 22 || value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d || value.charCodeAt(10) !== 0x20) return timestamptzParser(value);
  if (value.charCodeAt(13) !== 0x3a || value.charCodeAt(16) !== 0x3a || !value.endsWith("+00")) return timestamptzParser(value);
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  const hour = digits(value, 11, 13);
  const minute = digits(value, 14, 16);
  const second = digits(value, 17, 19);
  // postgres-date corrects years 0 to 99, which Date.UTC takes as 1900 to 1999.
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return timestamptzParser(value);
  let ms = 0;
  if (length > 22) {
    // `.` and at least one digit between the seconds and `+00`, as postgres-date reads them.
    if (length < 24 || value.charCodeAt(19) !== 0x2e || digits(value, 20, length - 3) < 0) return timestamptzParser(value);
    ms = 1000 * parseFloat(value.slice(19, length - 3));
  } else if (length !== 22) return timestamptzParser(value);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}

/**
 * The type parsers of a subgraph's pool (`types` of pg's client config): pg's own, with the fast paths above for
 * `text[]`-like arrays and `timestamptz` where pg-types' default parsers are still the ones registered.
 */
export const fastTypeParsers = {
  getTypeParser(oid: number, format?: "text" | "binary"): unknown {
    const parser = parserOf(oid, format ?? "text");
    if (format === "binary") return parser;
    if (parser === stringArrayParser && TEXT_ARRAY_OIDS.has(oid)) return parseTextArray;
    if (parser === timestamptzParser && oid === TIMESTAMPTZ_OID) return parseTimestamptz;
    return parser;
  },
};
