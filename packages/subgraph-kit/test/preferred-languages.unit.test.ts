import { preferredLanguages, readLanguagesHeader } from "@agora-hub/runtime";
import { LocalizedText } from "../src";

const text = LocalizedText.from({
  originalLanguage: "ar",
  translations: [
    { lang: "ar", value: "مرحبا", machineTranslated: false },
    { lang: "fr", value: "Bonjour", machineTranslated: true },
    { lang: "en", value: "Hello", machineTranslated: false },
  ],
});

describe("preferred languages", () => {
  it("canonicalises tags, drops unknown ones and the wildcard, and keeps the order", () => {
    expect(preferredLanguages(["PT-br", "xx", "*", "fr", "not a tag", "fr"])).toEqual(["pt-BR", "fr"]);
  });

  it("keeps at most ten languages", () => {
    expect(preferredLanguages(["en", "fr", "de", "es", "it", "pt", "nl", "el", "ar", "tr", "pl", "sv"])).toHaveLength(10);
  });

  it("reads the gateway header and treats a missing one as no preference", () => {
    expect(readLanguagesHeader("de, fr-CA")).toEqual(["de", "fr-CA"]);
    expect(readLanguagesHeader(undefined)).toEqual([]);
  });
});

describe("LocalizedText with preferred languages", () => {
  it("answers in the first preferred language held, trying each tag's base language before the next tag", () => {
    expect(text.text(undefined, { languages: ["de", "fr-CA", "en"] })).toBe("Bonjour");
    expect(text.textLanguage(undefined, { languages: ["de", "fr-CA", "en"] })).toBe("fr");
  });

  it("lets the lang argument win over the preferred languages", () => {
    expect(text.text("en", { languages: ["fr"] })).toBe("Hello");
  });

  it("falls back to the original language when no preferred language is held", () => {
    expect(text.text(undefined, { languages: ["de"] })).toBe("مرحبا");
    expect(text.text(undefined, { languages: [] })).toBe("مرحبا");
  });
});
