import type { DataSource } from "typeorm";
import { DISCIPLINE_PRACTICES, type DisciplinePractice } from "@agora-hub/runtime";
import { bulkInsert, type CountryCode, LocalizedText, type SeedSizes } from "@agora-hub/subgraph-kit";
import { demoId } from "@agora-hub/subgraph-kit/testing";
import { createSeededFaker } from "@agora-hub/subgraph-kit/testing";
import { Person } from "../person/person.entity";
import { CareerStage, OpenTo, SocialPlatform } from "../person/person.type";

type Locale = Parameters<typeof createSeededFaker>[1] & string;

/** Where demo people live: country, cities, the faker locale for names and the languages spoken there. */
const HOMES: Array<{ country: CountryCode; cities: string[]; locale: Locale; languages: string[] }> = [
  { country: "FR", cities: ["Marseille", "Lyon", "Paris", "Lille"], locale: "fr", languages: ["fr", "en"] },
  { country: "BE", cities: ["Brussels", "Liège", "Ghent"], locale: "fr", languages: ["fr", "nl", "en"] },
  { country: "DE", cities: ["Berlin", "Leipzig", "Hamburg"], locale: "de", languages: ["de", "en"] },
  { country: "IT", cities: ["Milan", "Naples", "Bologna", "Palermo"], locale: "it", languages: ["it", "en"] },
  { country: "ES", cities: ["Madrid", "Barcelona", "Seville"], locale: "es", languages: ["es", "ca", "en"] },
  { country: "PT", cities: ["Lisbon", "Porto"], locale: "pt", languages: ["pt", "en"] },
  { country: "GR", cities: ["Athens", "Thessaloniki"], locale: "el", languages: ["el", "en"] },
  { country: "PL", cities: ["Warsaw", "Kraków"], locale: "pl", languages: ["pl", "en"] },
  { country: "TR", cities: ["Istanbul", "Izmir"], locale: "tr", languages: ["tr", "en"] },
  { country: "TN", cities: ["Tunis", "Sfax", "Sousse"], locale: "ar", languages: ["ar", "fr"] },
  { country: "MA", cities: ["Casablanca", "Marrakesh", "Rabat", "Tangier"], locale: "ar", languages: ["ar", "fr", "zgh"] },
  { country: "LB", cities: ["Beirut", "Tripoli"], locale: "ar", languages: ["ar", "fr", "en"] },
  { country: "JO", cities: ["Amman"], locale: "ar", languages: ["ar", "en"] },
  { country: "EG", cities: ["Cairo", "Alexandria"], locale: "ar", languages: ["ar", "en"] },
  { country: "RS", cities: ["Belgrade", "Novi Sad"], locale: "en", languages: ["sr-Latn", "en"] },
  { country: "NL", cities: ["Amsterdam", "Rotterdam"], locale: "en", languages: ["nl", "en"] },
  { country: "GB", cities: ["London", "Glasgow", "Manchester"], locale: "en", languages: ["en"] },
  { country: "MT", cities: ["Valletta"], locale: "en", languages: ["mt", "en"] },
];

/** Headline and bio sentences per language; `{practice}` and `{city}` are filled in. */
const TEXTS: Record<string, { headline: string; bio: string }> = {
  en: {
    headline: "{practice} practitioner",
    bio: "Works in {practice} from {city}, developing cross-border projects with artists and cultural organisations.",
  },
  fr: {
    headline: "Artiste — {practice}",
    bio: "Travaille dans le domaine « {practice} » depuis {city} et développe des projets transfrontaliers avec des artistes et des structures culturelles.",
  },
  ar: { headline: "فنان في مجال {practice}", bio: "يعمل في مجال {practice} انطلاقاً من {city}، ويطوّر مشاريع عابرة للحدود مع فنانين ومؤسسات ثقافية." },
  es: {
    headline: "Creadora en {practice}",
    bio: "Trabaja en {practice} desde {city} y desarrolla proyectos transfronterizos con artistas y organizaciones culturales.",
  },
  it: {
    headline: "Artista — {practice}",
    bio: "Lavora nel campo {practice} da {city}, sviluppando progetti transfrontalieri con artisti e organizzazioni culturali.",
  },
  de: {
    headline: "Künstlerin — {practice}",
    bio: "Arbeitet im Bereich {practice} in {city} und entwickelt grenzüberschreitende Projekte mit Kunstschaffenden und Kulturorganisationen.",
  },
  pt: {
    headline: "Artista — {practice}",
    bio: "Trabalha em {practice} a partir de {city}, desenvolvendo projetos transfronteiriços com artistas e organizações culturais.",
  },
};

// Names as people of the Maghreb and Levant usually write them on international platforms.
const ARABIC_FIRST_NAMES = [
  "Amira",
  "Yasmine",
  "Karim",
  "Youssef",
  "Leila",
  "Nour",
  "Omar",
  "Salma",
  "Mehdi",
  "Rania",
  "Hichem",
  "Ines",
  "Sami",
  "Dalia",
  "Tarek",
  "Hiba",
  "Walid",
  "Meriem",
  "Ziad",
  "Lina",
  "Rim",
  "Anis",
  "Soukaina",
  "Fadi",
];
const ARABIC_LAST_NAMES = [
  "Ben Salah",
  "Haddad",
  "Trabelsi",
  "El Amrani",
  "Bennani",
  "Khoury",
  "Nasser",
  "Saad",
  "Mansour",
  "Chaabane",
  "Jaziri",
  "Hamdi",
  "El Fassi",
  "Azzouz",
  "Karam",
  "Abboud",
  "Farah",
  "Tazi",
  "Gharbi",
  "Daher",
];

const PRACTICES = Object.keys(DISCIPLINE_PRACTICES) as DisciplinePractice[];
const SKILLS = [
  "grant writing",
  "production",
  "curation",
  "lighting design",
  "sound design",
  "community arts",
  "creative coding",
  "audience development",
  "touring",
  "fundraising",
  "translation",
  "stage management",
  "3D modelling",
  "photo editing",
  "project management",
];

function fill(template: string, practice: DisciplinePractice, city: string): string {
  return template.replace("{practice}", DISCIPLINE_PRACTICES[practice].label.toLowerCase()).replace("{city}", city);
}

/** A fictional person; deterministic because people are always built in index order. */
function buildPerson(index: number, fakerFor: (locale: Locale) => ReturnType<typeof createSeededFaker>): Person {
  const home = HOMES[index % HOMES.length];
  const faker = fakerFor(home.locale);
  const city = faker.helpers.arrayElement(home.cities);
  const disciplines = faker.helpers.arrayElements(PRACTICES, { min: 1, max: 3 });
  const original = home.languages.find((lang) => TEXTS[lang]) ?? "en";
  // Every profile has its original language and English; some English versions are machine-translated.
  const languages = [...new Set([original, "en", ...(index % 4 === 0 ? ["fr"] : [])])];
  const text = (part: "headline" | "bio") =>
    LocalizedText.from({
      originalLanguage: original,
      translations: languages.map((lang) => ({
        lang,
        value: fill(TEXTS[lang][part], disciplines[0], city),
        machineTranslated: lang !== original && index % 3 === 0,
      })),
    });
  const firstName = home.locale === "ar" ? faker.helpers.arrayElement(ARABIC_FIRST_NAMES) : faker.person.firstName();
  const lastName = home.locale === "ar" ? faker.helpers.arrayElement(ARABIC_LAST_NAMES) : faker.person.lastName();
  const latin = `${firstName}.${lastName}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z.]/g, "");
  const handle = /^[a-z]+\.[a-z]+$/.test(latin) ? latin : `person${index}`;
  return Object.assign(new Person(), {
    id: demoId("person", index),
    network: ["creative-tracks", "culture-agora", "digital-arts-collective", "design-hubs"][index % 4],
    sourceId: `demo-${index}`,
    displayName: `${firstName} ${lastName}`,
    headline: text("headline"),
    bio: index % 5 === 4 ? null : text("bio"),
    disciplines,
    skills: faker.helpers.arrayElements(SKILLS, { min: 0, max: 4 }),
    spokenLanguages: home.languages,
    country: home.country,
    city,
    website: index % 3 === 0 ? `https://${handle.replace(/\./g, "-")}.example.org/` : null,
    socialLinks: index % 2 === 0 ? [{ platform: SocialPlatform.INSTAGRAM, url: `https://www.instagram.com/${handle.replace(/\./g, "_")}/` }] : [],
    openTo: faker.helpers.arrayElements(Object.values(OpenTo), { min: 0, max: 3 }),
    careerStage: faker.helpers.arrayElement(Object.values(CareerStage)),
    // Most demo people consented to be listed; every tenth did not, so the directory shows the difference.
    discoverable: index % 10 !== 9,
    contactEmail: `${handle}@example.org`,
  });
}

/** Seeds `sizes.people` fictional people with ids `demoId("person", i)`. */
export async function seedPeople(dataSource: DataSource, sizes: SeedSizes): Promise<void> {
  const fakers = new Map<Locale, ReturnType<typeof createSeededFaker>>();
  const fakerFor = (locale: Locale) => {
    if (!fakers.has(locale)) fakers.set(locale, createSeededFaker(1000 + fakers.size, locale));
    return fakers.get(locale)!;
  };
  const people = Array.from({ length: sizes.people }, (_, index) => buildPerson(index, fakerFor));
  await dataSource.transaction((manager) => bulkInsert(manager, Person, people));
}
