import { length } from "class-validator";
import { canonicalLanguageTag, expandDisciplines } from "@agora-hub/runtime";
import { decodeCursor, encodeCursor, keysetListName, MAX_CURSOR_LENGTH, sortParameter, type SortValueType, toSortValue } from "../src/data/pagination";
import {
  EXTREME_SORT_VALUES,
  forgeCursor,
  forgeInfiniteCursor,
  NON_SCALAR_SORT_VALUES,
  sortValueCases,
  WRONGLY_TYPED_SORT_VALUES,
} from "../src/testing/forged-cursors";
import { LocalizedText } from "../src/graph/localized-text";

describe("LocalizedText", () => {
  const text = LocalizedText.from({
    originalLanguage: "fr",
    translations: [
      { lang: "fr", value: "Bonjour", machineTranslated: false },
      { lang: "en", value: "Hello", machineTranslated: true },
      { lang: "pt-BR", value: "Olá", machineTranslated: false },
    ],
  });

  it.each([
    ["the requested language", "en", "Hello"],
    ["the exact regional variant", "pt-BR", "Olá"],
    ["the original language when the requested one is missing", "de", "Bonjour"],
    ["the original language when no language is asked", undefined, "Bonjour"],
  ])("answers in %s", (_label, lang, expected) => {
    expect(text.text(lang)).toBe(expected);
  });

  it("falls back from a regional tag to its base language", () => {
    const base = LocalizedText.from({
      originalLanguage: "ar",
      translations: [
        { lang: "ar", value: "مرحبا", machineTranslated: false },
        { lang: "fr", value: "Salut", machineTranslated: false },
      ],
    });
    expect(base.text("fr-CA")).toBe("Salut");
  });

  it("falls back to English when neither the requested nor the original language is held", () => {
    const orphan = LocalizedText.from({
      originalLanguage: "it",
      translations: [
        { lang: "de", value: "Hallo", machineTranslated: false },
        { lang: "en", value: "Hi", machineTranslated: false },
      ],
    });
    expect(orphan.text("es")).toBe("Hi");
  });
});

describe("vocabularies", () => {
  it.each([
    ["pt-br", "pt-BR"],
    ["sr-latn", "sr-Latn"],
    ["EN", "en"],
    ["zgh", "zgh"],
  ])("canonicalises the language tag %s", (tag, expected) => {
    expect(canonicalLanguageTag(tag)).toBe(expected);
  });

  it.each(["", "xx", "en_US", "not a tag", "a".repeat(40)])("refuses the language tag %j", (tag) => {
    expect(canonicalLanguageTag(tag)).toBeNull();
  });

  it("expands a discipline domain to its practices and keeps practices as they are", () => {
    expect(expandDisciplines(["BOOKS_AND_PRESS"])).toEqual(expect.arrayContaining(["BOOKS_AND_PRESS", "LITERATURE", "COMICS", "LITERARY_TRANSLATION"]));
    expect(expandDisciplines(["DANCE"])).toEqual(["DANCE"]);
  });
});

describe("cursors", () => {
  const byName = keysetListName("people.person", "person.display_name", "ASC");
  const position = { sortValue: "Ana Costa", id: "3f1c1f6e-0000-4000-8000-000000000000" };
  const afterError = (message: RegExp) =>
    expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "after" }) });

  it("round-trip a sort value and an id for the list that made them", () => {
    expect(decodeCursor(encodeCursor(position, byName), byName, "text")).toEqual(position);
    expect(decodeCursor(encodeCursor({ sortValue: 1.234567, id: position.id }, byName), byName, "number")).toEqual({ sortValue: 1.234567, id: position.id });
    expect(decodeCursor(encodeCursor({ sortValue: "9223372036854775807", id: position.id }, byName), byName, "bigint")).toEqual({
      sortValue: "9223372036854775807",
      id: position.id,
    });
  });

  it.each([
    ["2026-01-02T03:04:05.006Z", "2026-01-02T03:04:05.006+00:00"],
    ["9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999+00:00"],
    // PostgreSQL has no year 0 and reads no signed years: JavaScript's year 0 is 1 BC.
    ["0000-01-01T00:00:00.000Z", "0001-01-01T00:00:00.000+00:00 BC"],
    ["-004712-01-01T00:00:00.000Z", "4713-01-01T00:00:00.000+00:00 BC"],
    ["+275760-09-13T00:00:00.000Z", "275760-09-13T00:00:00.000+00:00"],
  ])("give the timestamp %s back as PostgreSQL reads it, in UTC", (iso, postgres) => {
    const cursor = encodeCursor({ sortValue: toSortValue(new Date(iso)), id: position.id }, byName);
    expect(decodeCursor(cursor, byName, "timestamp")).toEqual({ sortValue: postgres, id: position.id });
  });

  it.each([
    // 200 characters by the count of the names' input check (@Length), each as long as it can be.
    ["the longest in UTF-16 (emoji with a variation selector)", "😀\uFE0F".repeat(200)],
    ["the longest in JSON (escaped control characters with a variation selector)", "\u0001\uFE0F".repeat(200)],
  ])("fit a name of 200 characters, even %s", (_case, name) => {
    expect(length(name, 1, 200)).toBe(true);
    const cursor = encodeCursor({ sortValue: name, id: position.id }, byName);
    expect(cursor.length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
    expect(decodeCursor(cursor, byName, "text").sortValue).toBe(name);
  });

  it.each([
    ["another order of the same list", keysetListName("people.person", "person.created_at", "DESC")],
    ["the same column in the other direction", keysetListName("people.person", "person.display_name", "DESC")],
    ["another list ordered by the same column name", keysetListName("organisations.organisation", "person.display_name", "ASC")],
  ])("refuse a cursor used with %s", (_case, otherList) => {
    expect(() => decodeCursor(encodeCursor(position, byName), otherList, "text")).toThrow(afterError(/another list or order/));
  });

  it("refuse a cursor whose sort value was edited", () => {
    const [, id, check] = JSON.parse(Buffer.from(encodeCursor(position, byName), "base64url").toString("utf8")) as unknown[];
    const edited = Buffer.from(JSON.stringify(["Bruno", id, check])).toString("base64url");
    expect(() => decodeCursor(edited, byName, "text")).toThrow(afterError(/another list or order/));
  });

  it.each([
    "",
    "!!!",
    // Characters outside base64url, which Buffer would skip over.
    `${encodeCursor(position, byName)}!`,
    Buffer.from('["x","not-a-uuid","check"]').toString("base64url"),
    Buffer.from("{}").toString("base64url"),
    // The format before cursors named their list.
    Buffer.from(JSON.stringify(["x", "3f1c1f6e-0000-4000-8000-000000000000"])).toString("base64url"),
    Buffer.from(JSON.stringify([{ nested: 1 }, "3f1c1f6e-0000-4000-8000-000000000000", "check"])).toString("base64url"),
  ])("refuse the malformed cursor %j", (cursor) => {
    expect(() => decodeCursor(cursor, byName, "text")).toThrow(afterError(/is not a cursor returned by this list/));
  });

  it("refuse a cursor longer than any the hub makes before decoding it", () => {
    const cursor = forgeCursor(byName, "x".repeat(MAX_CURSOR_LENGTH));
    expect(() => decodeCursor(cursor, byName, "text")).toThrow(afterError(new RegExp(`longer than ${MAX_CURSOR_LENGTH} characters`)));
  });

  // Each forged with a valid check: only the type of the value can refuse it.
  it.each(sortValueCases(WRONGLY_TYPED_SORT_VALUES))("refuse a forged %s cursor holding %s, naming after", (type, _label, value) => {
    expect(() => decodeCursor(forgeCursor(byName, value), byName, type)).toThrow(afterError(new RegExp(`sort value is not a ${type}`)));
  });

  it.each(NON_SCALAR_SORT_VALUES)("refuse a forged cursor whose sort value is %s, naming after", (_case, value) => {
    for (const type of Object.keys(WRONGLY_TYPED_SORT_VALUES) as SortValueType[]) {
      expect(() => decodeCursor(forgeCursor(byName, value), byName, type)).toThrow(afterError(/is not a cursor returned by this list/));
    }
  });

  it("refuse a forged number too large for JSON, which parses as Infinity", () => {
    expect(() => decodeCursor(forgeInfiniteCursor(byName), byName, "number")).toThrow(afterError(/sort value is not a number/));
  });

  it.each(["not-a-uuid", "3f1c1f6e-0000-4000-8000-00000000000g", 42, { id: 1 }])("refuse a forged cursor whose id is %j, naming after", (id) => {
    expect(() => decodeCursor(forgeCursor(byName, "Ana", id), byName, "text")).toThrow(afterError(/is not a cursor returned by this list/));
  });
});

describe("sort values", () => {
  it.each(sortValueCases(EXTREME_SORT_VALUES))("accept the %s %s", (type, _label, value) => {
    expect(sortParameter(value, type)).not.toBeNull();
  });
});
