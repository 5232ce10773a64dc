import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, MaxLength, ValidateNested } from "class-validator";
import { Arg, Ctx, Directive, Field, InputType, ObjectType } from "type-graphql";
import { Column, type ColumnOptions } from "typeorm";
import { baseLanguage } from "@agora-hub/runtime";
import { Violations } from "../input/errors";
import { LanguageTag } from "./vocabulary.types";

const MAX_TRANSLATIONS = 40;
const FALLBACK_LANGUAGE = "en";

/** One language version of a text. */
@Directive("@shareable")
@ObjectType({ description: "One language version of a multilingual text." })
export class Translation {
  @Field(() => LanguageTag, { description: "BCP 47 language of this version." })
  lang!: string;

  @Field({ description: "The text in that language." })
  value!: string;

  @Field({ description: "True when the text was machine-translated rather than written or reviewed by a person." })
  machineTranslated!: boolean;
}

/** Stored shape of a localized text (a jsonb column). */
export interface LocalizedTextData {
  originalLanguage: string;
  translations: Array<{ lang: string; value: string; machineTranslated: boolean }>;
}

/**
 * A text held in any number of languages. `text(lang)` picks one version through the fallback chain
 * requested language (or else the request's preferred languages, each with its base language) →
 * original language → English → first available.
 */
@Directive("@shareable")
@ObjectType({
  description:
    "A text held in any number of languages, with the language it was written in. `text` answers in the `lang` asked for, " +
    "else in the first language of the request's Accept-Language that is held (each also tried as its base language), " +
    "else in the original language, else English, else the first version held; `textLanguage` says which one it chose.",
})
export class LocalizedText {
  @Field(() => LanguageTag, { description: "The language the text was originally written in." })
  originalLanguage!: string;

  @Field(() => [Translation], { description: "Every language version held." })
  translations!: Translation[];

  @Field(() => String, {
    description:
      "The text in one language, chosen by this fallback chain: the `lang` argument, else each language of the request's " +
      "Accept-Language header in order of preference (each tried as given, then as its base language: `pt-BR` → `pt`); " +
      "then the original language, then English, then the first version held.",
  })
  text(
    @Arg("lang", () => LanguageTag, { nullable: true, description: "Preferred language; when omitted, the request's Accept-Language." })
    lang?: string | null,
    @Ctx() context?: { languages?: string[] },
  ): string {
    return this.pickFor(lang, context).value;
  }

  @Field(() => LanguageTag, { description: "The language `text` answers in for the same `lang` argument and request." })
  textLanguage(@Arg("lang", () => LanguageTag, { nullable: true }) lang?: string | null, @Ctx() context?: { languages?: string[] }): string {
    return this.pickFor(lang, context).lang;
  }

  /** The translation for a `lang` argument, or else for the request's preferred languages. */
  private pickFor(lang: string | null | undefined, context: { languages?: string[] } | undefined): Translation {
    return this.pick(lang ? [lang] : (context?.languages ?? []));
  }

  /** The translation chosen by the fallback chain for `wanted` (one tag or a list in order of preference). */
  pick(wanted?: string | readonly string[] | null): Translation {
    // Runs for every text of an answer: the chain is walked without building it.
    const preferred = wanted ? (typeof wanted === "string" ? [wanted] : wanted) : [];
    for (const tag of preferred) {
      const found = this.held(tag) ?? this.held(baseLanguage(tag));
      if (found) return found;
    }
    return this.held(this.originalLanguage) ?? this.held(FALLBACK_LANGUAGE) ?? this.translations[0];
  }

  /** The version held in exactly `lang`, if any. */
  private held(lang: string): Translation | undefined {
    for (const translation of this.translations) if (translation.lang === lang) return translation;
    return undefined;
  }

  static from(data: LocalizedTextData): LocalizedText {
    // Set one by one (no intermediate object): every text of every row read comes through here.
    const text = new LocalizedText();
    text.originalLanguage = data.originalLanguage;
    text.translations = data.translations.map((t) => Object.assign(new Translation(), t));
    return text;
  }

  toData(): LocalizedTextData {
    return {
      originalLanguage: this.originalLanguage,
      translations: this.translations.map(({ lang, value, machineTranslated }) => ({ lang, value, machineTranslated })),
    };
  }
}

@InputType({ description: "One language version of a multilingual text." })
export class TranslationInput {
  @Field(() => LanguageTag)
  lang!: string;

  @Field()
  @IsNotEmpty({ message: "must not be empty" })
  @MaxLength(20_000, { message: "must be at most 20000 characters" })
  value!: string;

  @Field({ defaultValue: false })
  machineTranslated!: boolean;
}

@InputType({ description: "A multilingual text: its original language and one or more language versions." })
export class LocalizedTextInput {
  @Field(() => LanguageTag)
  originalLanguage!: string;

  @Field(() => [TranslationInput])
  @ArrayMinSize(1, { message: "must hold at least one language version" })
  @ArrayMaxSize(MAX_TRANSLATIONS, { message: `must hold at most ${MAX_TRANSLATIONS} language versions` })
  @ValidateNested({ each: true })
  translations!: TranslationInput[];
}

/**
 * Checks the rules class-validator cannot express (unique languages, original present, text not blank)
 * and returns the stored form with values trimmed.
 */
export function toLocalizedText(input: LocalizedTextInput, field: string, violations: Violations): LocalizedText {
  const seen = new Set<string>();
  input.translations.forEach((t, index) => {
    if (seen.has(t.lang)) violations.add(`${field}.translations[${index}].lang`, `language ${t.lang} appears twice`);
    seen.add(t.lang);
    if (t.value.trim() === "") violations.add(`${field}.translations[${index}].value`, "must not be blank");
  });
  if (!seen.has(input.originalLanguage)) {
    violations.add(`${field}.originalLanguage`, `no translation is given in the original language ${input.originalLanguage}`);
  }
  return LocalizedText.from({
    originalLanguage: input.originalLanguage,
    translations: input.translations.map((t) => ({ lang: t.lang, value: t.value.trim(), machineTranslated: t.machineTranslated })),
  });
}

/** A jsonb column holding a LocalizedText, hydrated into the class so its GraphQL methods work. */
export function LocalizedTextColumn(options: Pick<ColumnOptions, "nullable" | "name"> = {}): PropertyDecorator {
  return Column({
    type: "jsonb",
    ...options,
    transformer: {
      to: (value: LocalizedText | null | undefined) => (value ? value.toData() : value),
      from: (value: LocalizedTextData | null) => (value ? LocalizedText.from(value) : value),
    },
  });
}
