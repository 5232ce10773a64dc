import { canonicalLanguageTag, expandDisciplines } from "../../../schema/vocabularies";
import { decodeCursor, encodeCursor, keysetListName } from "../pagination";
import { LocalizedText } from "../localized-text";

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
    const base = LocalizedText.from({ originalLanguage: "ar", translations: [{ lang: "ar", value: "مرحبا", machineTranslated: false }, { lang: "fr", value: "Salut", machineTranslated: false }] });
    expect(base.text("fr-CA")).toBe("Salut");
  });

  it("falls back to English when neither the requested nor the original language is held", () => {
    const orphan = LocalizedText.from({ originalLanguage: "it", translations: [{ lang: "de", value: "Hallo", machineTranslated: false }, { lang: "en", value: "Hi", machineTranslated: false }] });
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
  const position = { sortValue: "2026-01-02T03:04:05.000Z", id: "3f1c1f6e-0000-4000-8000-000000000000" };
  const afterError = (message: RegExp) =>
    expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "after" }) });

  it("round-trip a sort value and an id for the list that made them", () => {
    expect(decodeCursor(encodeCursor(position, byName), byName)).toEqual(position);
    expect(decodeCursor(encodeCursor({ sortValue: 1.234567, id: position.id }, byName), byName)).toEqual({ sortValue: 1.234567, id: position.id });
  });

  it.each([
    ["another order of the same list", keysetListName("people.person", "person.created_at", "DESC")],
    ["the same column in the other direction", keysetListName("people.person", "person.display_name", "DESC")],
    ["another list ordered by the same column name", keysetListName("organisations.organisation", "person.display_name", "ASC")],
  ])("refuse a cursor used with %s", (_case, otherList) => {
    expect(() => decodeCursor(encodeCursor(position, byName), otherList)).toThrow(afterError(/another list or order/));
  });

  it("refuse a cursor whose sort value was edited", () => {
    const [, id, check] = JSON.parse(Buffer.from(encodeCursor(position, byName), "base64url").toString("utf8")) as unknown[];
    const edited = Buffer.from(JSON.stringify(["not a date", id, check])).toString("base64url");
    expect(() => decodeCursor(edited, byName)).toThrow(afterError(/another list or order/));
  });

  it.each([
    "",
    "!!!",
    Buffer.from('["x","not-a-uuid","check"]').toString("base64url"),
    Buffer.from("{}").toString("base64url"),
    // The format before cursors named their list.
    Buffer.from(JSON.stringify(["x", "3f1c1f6e-0000-4000-8000-000000000000"])).toString("base64url"),
    Buffer.from(JSON.stringify([{ nested: 1 }, "3f1c1f6e-0000-4000-8000-000000000000", "check"])).toString("base64url"),
  ])("refuse the malformed cursor %j", (cursor) => {
    expect(() => decodeCursor(cursor, byName)).toThrow(afterError(/is not a cursor returned by this list/));
  });
});
