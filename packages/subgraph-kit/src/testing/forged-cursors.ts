import { createHash } from "node:crypto";
import { MAX_TEXT_SORT_VALUE_LENGTH, type SortValueType } from "../data/pagination";

/*
 * Cursors made the way an attacker who read the source would make them: the check is derived like the
 * hub derives it (it has no secret), so only the type checks of the decoder stand between their content
 * and PostgreSQL.
 */

/** A cursor for `list` holding any sort value and id, with a valid check. */
export function forgeCursor(list: string, sortValue: unknown, id: unknown = "3f1c1f6e-0000-4000-8000-000000000000"): string {
  const check = createHash("sha256")
    .update(JSON.stringify([list, sortValue, id]))
    .digest("base64url")
    .slice(0, 12);
  return Buffer.from(JSON.stringify([sortValue, id, check])).toString("base64url");
}

/** JSON numbers too large for a double parse as Infinity: such a cursor, with the check of Infinity. */
export function forgeInfiniteCursor(list: string, id = "3f1c1f6e-0000-4000-8000-000000000000"): string {
  const check = createHash("sha256")
    .update(JSON.stringify([list, Infinity, id]))
    .digest("base64url")
    .slice(0, 12);
  return Buffer.from(`[1e400,${JSON.stringify(id)},${JSON.stringify(check)}]`).toString("base64url");
}

/** For each sort value type, strings and numbers that are not values of it (each would be an SQL error, or a wrong comparison, if it reached PostgreSQL). */
export const WRONGLY_TYPED_SORT_VALUES: Record<SortValueType, Array<string | number>> = {
  timestamp: [
    "not a date",
    "2026-02-30T00:00:00.000Z",
    "2026-01-02",
    "2026-01-02T03:04:05Z",
    "2026-01-02T03:04:05.000+01:00",
    " 2026-01-02T03:04:05.000Z",
    // Before PostgreSQL's first timestamp (4713 BC).
    "-271821-04-20T00:00:00.000Z",
    "Infinity",
    1767323045000,
  ],
  text: [42, "x".repeat(MAX_TEXT_SORT_VALUE_LENGTH + 1), "Ana\u0000", "Ana\uD800", "\uDC00Ana"],
  bigint: [7, "1.5", "1e3", "-0", "007", " 7", "9223372036854775808", "-9223372036854775809", "NaN", ""],
  number: ["0.5", "NaN", "Infinity", ""],
};

/** Sort values of other JSON types, which no order has. */
export const NON_SCALAR_SORT_VALUES: Array<[string, unknown]> = [
  ["an object", { $gt: "" }],
  ["an array", ["Ana", "Bruno"]],
  ["null", null],
  ["a boolean", true],
];

/** Well-typed extremes: a forged cursor holding one is only a position, and PostgreSQL reads it as its column's type. */
export const EXTREME_SORT_VALUES: Record<SortValueType, Array<string | number>> = {
  timestamp: ["-004712-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "+275760-09-13T00:00:00.000Z"],
  text: ["", "Zoë 😀", "'; DROP TABLE person; --", "y".repeat(MAX_TEXT_SORT_VALUE_LENGTH)],
  bigint: ["0", "-9223372036854775808", "9223372036854775807"],
  number: [-1e308, 1e308, 5e-324, 0],
};

/** `[type, label, value]` rows for `it.each`, labels kept short. */
export function sortValueCases(values: Record<SortValueType, Array<string | number>>): Array<[SortValueType, string, string | number]> {
  return (Object.entries(values) as Array<[SortValueType, Array<string | number>]>).flatMap(([type, list]) =>
    list.map((value): [SortValueType, string, string | number] => [type, label(value), value]),
  );
}

function label(value: unknown): string {
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 20)}… (${String(value).length} characters)` : json;
}
