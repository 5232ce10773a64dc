import type { DataSource } from "typeorm";
import { DISCIPLINE_PRACTICES, type DisciplinePractice } from "@agora-hub/subgraph-kit";
import { bulkInsert, type CountryCode, type Discipline, LocalizedText, type SeedSizes } from "@agora-hub/subgraph-kit";
import { demoId } from "@agora-hub/subgraph-kit/testing";
import type { DemoKind } from "@agora-hub/subgraph-kit/testing";
import { createSeededFaker } from "@agora-hub/subgraph-kit/testing";
import { CreativeTracksLab } from "../lab/lab.entity";
import { CreativeTracksCollaboratorRole as Role } from "../lab/lab.type";
import { CreativeTracksProfile } from "../profile/profile.entity";

const NETWORK = "creative-tracks";
const DAY_MS = 24 * 60 * 60 * 1000;

const LAB_KIND: DemoKind = "creative-tracks-lab";

/** Deterministic id of the `index`-th demo lab, derived like every other demo id. */
export function demoLabId(index: number): string {
  return demoId(LAB_KIND, index);
}

/** A text of the catalogue: its original language, its versions, and which were machine-translated. */
interface CatalogueText {
  original: string;
  versions: Record<string, string>;
  machine?: string[];
}

/**
 * A hand-written demo lab. Days count from the moment the seed runs. `author` and `host` are indexes
 * of demo people and organisations (authors live in a country speaking the lab's original language).
 */
interface CatalogueLab {
  title: CatalogueText;
  description: CatalogueText;
  disciplines: Discipline[];
  lookingFor: Role[];
  countriesSought: CountryCode[];
  /** Days until the lab closes (negative: already expired), or null when it stays open. */
  expiresInDays: number | null;
  createdDaysAgo: number;
  author: number;
  host: number | null;
  link?: string;
}

const text = (original: string, versions: Record<string, string>, machine: string[] = []): CatalogueText => ({ original, versions, machine });

const LABS: CatalogueLab[] = [
  {
    title: text(
      "fr",
      {
        fr: "Cherche productrice pour une création sonore immersive dans les calanques",
        en: "Looking for a producer for an immersive sound piece in the calanques",
      },
      ["en"],
    ),
    description: text(
      "fr",
      {
        fr: "Une promenade sonore de 40 minutes entre Marseille et Cassis, enregistrée en binaural. Il nous manque une productrice et des lieux d'accueil en Méditerranée.",
        en: "A 40-minute binaural sound walk between Marseille and Cassis. We need a producer and host venues around the Mediterranean.",
      },
      ["en"],
    ),
    disciplines: ["MUSIC_RECORDING", "DIGITAL_ART"],
    lookingFor: [Role.PRODUCER, Role.VENUE],
    countriesSought: ["FR", "IT", "ES"],
    expiresInDays: 45,
    createdDaysAgo: 12,
    author: 0,
    host: null,
    link: "https://example.org/labs/calanques-sound-walk",
  },
  {
    title: text(
      "ar",
      {
        ar: "مختبر مسرح الشارع في أحياء المدينة العتيقة",
        fr: "Laboratoire de théâtre de rue dans les quartiers de la médina",
        en: "A street-theatre lab in the medina neighbourhoods",
      },
      ["en"],
    ),
    description: text(
      "ar",
      {
        ar: "نبحث عن فنانين ومرشدين لتطوير عروض قصيرة مع سكان أحياء المدينة العتيقة بتونس وتقديمها في الساحات العامة.",
        fr: "Nous cherchons des artistes et des mentors pour créer de courtes formes avec les habitants de la médina de Tunis et les jouer sur les places publiques.",
        en: "We are looking for artists and mentors to create short pieces with residents of the Tunis medina and perform them in public squares.",
      },
      ["en"],
    ),
    disciplines: ["CIRCUS_AND_STREET_ARTS", "THEATRE"],
    lookingFor: [Role.CO_CREATOR, Role.MENTOR],
    countriesSought: ["TN", "MA", "FR"],
    expiresInDays: 60,
    createdDaysAgo: 20,
    author: 9,
    host: 19,
  },
  {
    title: text("it", {
      it: "Moda circolare: cerchiamo artigiani tessili per una capsule collection",
      en: "Circular fashion: textile artisans wanted for a capsule collection",
    }),
    description: text("it", {
      it: "Una collezione di dieci capi da tessuti di recupero, prodotta tra Biella e il Maghreb. Cerchiamo laboratori artigiani e una rete di distribuzione etica.",
      en: "A ten-piece collection from reclaimed fabrics, made between Biella and the Maghreb. We are looking for craft workshops and an ethical distribution network.",
    }),
    disciplines: ["FASHION_DESIGN", "ARTISTIC_CRAFTS"],
    lookingFor: [Role.CO_CREATOR, Role.DISTRIBUTOR],
    countriesSought: ["IT", "MA", "TN"],
    expiresInDays: 30,
    createdDaysAgo: 40,
    author: 3,
    host: 23,
  },
  {
    title: text(
      "es",
      {
        es: "Laboratorio de videojuegos narrativos sobre migraciones mediterráneas",
        en: "A narrative video-game lab on Mediterranean migrations",
        ar: "مختبر ألعاب فيديو سردية عن الهجرات المتوسطية",
      },
      ["ar"],
    ),
    description: text(
      "es",
      {
        es: "Queremos escribir y prototipar un juego narrativo a partir de testimonios reales. Buscamos guionistas, traductoras e inversores de impacto.",
        en: "We want to write and prototype a narrative game based on real testimonies. We are looking for writers, translators and impact investors.",
        ar: "نريد كتابة لعبة سردية انطلاقاً من شهادات حقيقية وبناء نموذج أولي لها. نبحث عن كتّاب ومترجمين ومستثمرين.",
      },
      ["ar"],
    ),
    disciplines: ["VIDEO_GAMES", "LITERATURE"],
    lookingFor: [Role.CO_CREATOR, Role.TRANSLATOR, Role.INVESTOR],
    countriesSought: ["ES", "MA", "LB", "GR"],
    expiresInDays: 90,
    createdDaysAgo: 7,
    author: 4,
    host: 22,
  },
  {
    title: text(
      "en",
      {
        en: "How can residencies become affordable for emerging artists from outside the EU?",
        fr: "Comment rendre les résidences accessibles aux artistes émergents hors UE ?",
      },
      ["fr"],
    ),
    description: text(
      "en",
      {
        en: "A research question for hosts, funders and artists: visa costs, per diems and travel make many residencies out of reach. Share what works.",
        fr: "Une question de recherche pour les lieux, les financeurs et les artistes : visas, per diem et voyages rendent beaucoup de résidences inaccessibles. Partagez ce qui marche.",
      },
      ["fr"],
    ),
    disciplines: ["CROSS_DISCIPLINARY"],
    lookingFor: [Role.MENTOR, Role.INVESTOR],
    countriesSought: [],
    expiresInDays: -10,
    createdDaysAgo: 70,
    author: 15,
    host: 6,
  },
  {
    title: text("el", { el: "Ηχητικοί περίπατοι στην Αθήνα: αναζητούμε συνεργάτες", en: "Sound walks in Athens: collaborators wanted" }),
    description: text("el", {
      el: "Μια σειρά ηχητικών περιπάτων για τις γειτονιές της Αθήνας, σε τρεις γλώσσες. Ψάχνουμε ηχολήπτες και μεταφραστές.",
      en: "A series of sound walks through Athens neighbourhoods, in three languages. We are looking for sound recordists and translators.",
    }),
    disciplines: ["MUSIC_RECORDING", "PODCASTS"],
    lookingFor: [Role.CO_CREATOR, Role.TRANSLATOR],
    countriesSought: ["GR", "CY", "TR"],
    expiresInDays: 20,
    createdDaysAgo: 15,
    author: 6,
    host: 26,
  },
  {
    title: text("tr", { tr: "İstanbul'da genç tasarımcılar için ortak üretim atölyesi", en: "A co-production workshop for young designers in Istanbul" }, [
      "en",
    ]),
    description: text(
      "tr",
      {
        tr: "Ürün ve grafik tasarımcıların birlikte prototip geliştirebileceği bir atölye alanı ve mentorlar arıyoruz.",
        en: "We are looking for a workshop space and mentors where product and graphic designers can prototype together.",
      },
      ["en"],
    ),
    disciplines: ["PRODUCT_DESIGN", "GRAPHIC_DESIGN"],
    lookingFor: [Role.VENUE, Role.MENTOR],
    countriesSought: ["TR", "GR", "BG"],
    expiresInDays: -5,
    createdDaysAgo: 50,
    author: 8,
    host: 27,
  },
  {
    title: text(
      "ar",
      {
        ar: "أرشيف بصري لبيروت: نبحث عن مصورين ومترجمين",
        en: "A visual archive of Beirut: photographers and translators wanted",
        fr: "Une archive visuelle de Beyrouth : recherche photographes et traducteurs",
      },
      ["fr"],
    ),
    description: text(
      "ar",
      {
        ar: "مشروع لجمع صور العائلات والأحياء قبل اختفائها، مع نصوص بثلاث لغات ومعرض متنقل.",
        en: "A project collecting family and neighbourhood photographs before they disappear, with texts in three languages and a touring exhibition.",
        fr: "Un projet pour rassembler les photographies de familles et de quartiers avant qu'elles ne disparaissent, avec des textes en trois langues et une exposition itinérante.",
      },
      ["fr"],
    ),
    disciplines: ["PHOTOGRAPHY", "ARCHIVES"],
    lookingFor: [Role.CO_CREATOR, Role.TRANSLATOR],
    countriesSought: ["LB", "JO", "FR"],
    expiresInDays: 75,
    createdDaysAgo: 5,
    author: 11,
    host: 15,
  },
  {
    title: text(
      "fr",
      {
        fr: "Festival de musiques urbaines : recherche de partenaires de diffusion en Europe",
        ar: "مهرجان الموسيقى الحضرية: نبحث عن شركاء للتوزيع في أوروبا",
        en: "Urban music festival seeks touring partners in Europe",
      },
      ["en"],
    ),
    description: text(
      "fr",
      {
        fr: "Nous voulons faire tourner trois groupes de Casablanca dans des festivals européens et accueillir en retour des artistes européens au Maroc.",
        ar: "نريد تنظيم جولة لثلاث فرق من الدار البيضاء في مهرجانات أوروبية واستقبال فنانين أوروبيين في المغرب.",
        en: "We want to tour three bands from Casablanca at European festivals and host European artists in Morocco in return.",
      },
      ["en"],
    ),
    disciplines: ["MUSIC", "FESTIVALS"],
    lookingFor: [Role.DISTRIBUTOR, Role.PRODUCER],
    countriesSought: ["MA", "FR", "BE", "ES"],
    expiresInDays: 120,
    createdDaysAgo: 30,
    author: 10,
    host: 16,
    link: "https://example.org/labs/urban-music-touring",
  },
  {
    title: text("sr-Latn", {
      "sr-Latn": "Dizajn za cirkularnu ekonomiju: izazov za mlade studije",
      en: "Design for the circular economy: a challenge for young studios",
    }),
    description: text("sr-Latn", {
      "sr-Latn": "Tražimo dizajnerske studije koji žele da razviju nameštaj od otpadnog materijala i investitore za prvu seriju.",
      en: "We are looking for design studios wanting to develop furniture from waste material, and investors for a first batch.",
    }),
    disciplines: ["PRODUCT_DESIGN", "INTERIOR_DESIGN"],
    lookingFor: [Role.CO_CREATOR, Role.INVESTOR],
    countriesSought: ["RS", "HU", "SI", "HR"],
    expiresInDays: 40,
    createdDaysAgo: 18,
    author: 14,
    host: 7,
  },
  {
    title: text("pt", {
      pt: "Podcast bilingue sobre artistas lusófonos em África e na Europa",
      en: "A bilingual podcast on Portuguese-speaking artists in Africa and Europe",
    }),
    description: text("pt", {
      pt: "Doze episódios com artistas de Lisboa, Luanda, Maputo e Praia. Procuramos produção e tradução para inglês.",
      en: "Twelve episodes with artists from Lisbon, Luanda, Maputo and Praia. We are looking for production and English translation.",
    }),
    disciplines: ["PODCASTS", "JOURNALISM"],
    lookingFor: [Role.PRODUCER, Role.TRANSLATOR],
    countriesSought: ["PT", "AO", "MZ", "CV", "BR"],
    expiresInDays: 50,
    createdDaysAgo: 25,
    author: 5,
    host: 29,
  },
  {
    title: text(
      "de",
      {
        de: "Übersetzungswerkstatt: junge Comics aus dem Maghreb auf Deutsch",
        fr: "Atelier de traduction : la jeune bande dessinée du Maghreb en allemand",
        en: "Translation workshop: young comics from the Maghreb into German",
      },
      ["en"],
    ),
    description: text(
      "de",
      {
        de: "Eine Werkstatt für Übersetzerinnen und Verlage, die Comics aus Tunesien, Marokko und Algerien ins Deutsche bringen wollen.",
        fr: "Un atelier pour les traductrices et les éditeurs qui veulent publier en allemand des bandes dessinées de Tunisie, du Maroc et d'Algérie.",
        en: "A workshop for translators and publishers who want to bring comics from Tunisia, Morocco and Algeria to German readers.",
      },
      ["en"],
    ),
    disciplines: ["COMICS", "LITERARY_TRANSLATION"],
    lookingFor: [Role.TRANSLATOR, Role.DISTRIBUTOR],
    countriesSought: ["DE", "TN", "MA", "DZ"],
    expiresInDays: -30,
    createdDaysAgo: 100,
    author: 2,
    host: 9,
  },
  {
    title: text("en", { en: "Crowdfunding clinic: pitch your creative business to impact investors" }),
    description: text("en", {
      en: "A monthly online clinic where young creative entrepreneurs rehearse their pitch with investors and get feedback on their numbers.",
    }),
    disciplines: ["CROSS_DISCIPLINARY", "DESIGN_AND_CREATIVE_SERVICES"],
    lookingFor: [Role.INVESTOR, Role.MENTOR],
    countriesSought: ["GB", "IE"],
    expiresInDays: 14,
    createdDaysAgo: 3,
    author: 16,
    host: 8,
  },
  {
    title: text("ar", { ar: "إقامة فنية للرسامين الشباب في عمّان", en: "An art residency for young painters in Amman" }, ["en"]),
    description: text(
      "ar",
      {
        ar: "نبحث عن فضاءات ومرشدين لاستضافة رسامين شباب من المنطقة لمدة شهر، مع معرض ختامي.",
        en: "We are looking for spaces and mentors to host young painters from the region for a month, ending with an exhibition.",
      },
      ["en"],
    ),
    disciplines: ["FINE_ARTS"],
    lookingFor: [Role.VENUE, Role.MENTOR],
    countriesSought: ["JO", "PS", "EG", "LB"],
    expiresInDays: null,
    createdDaysAgo: 60,
    author: 12,
    host: 18,
  },
  {
    title: text(
      "it",
      {
        it: "Realtà virtuale per i musei di provincia: chi vuole sperimentare con noi?",
        en: "Virtual reality for small-town museums: who wants to experiment with us?",
      },
      ["en"],
    ),
    description: text(
      "it",
      {
        it: "Un prototipo di visita in realtà virtuale per tre piccoli musei. Cerchiamo sviluppatori XR e un fondo che creda nel progetto.",
        en: "A virtual-reality visit prototype for three small museums. We are looking for XR developers and a fund that believes in the project.",
      },
      ["en"],
    ),
    disciplines: ["XR", "MUSEUMS"],
    lookingFor: [Role.CO_CREATOR, Role.INVESTOR],
    countriesSought: ["IT", "AT", "SI"],
    expiresInDays: 100,
    createdDaysAgo: 9,
    author: 21,
    host: 24,
  },
  {
    title: text("es", {
      es: "Danza contemporánea y personas mayores: coreógrafas buscan espacio de ensayo",
      fr: "Danse contemporaine et personnes âgées : des chorégraphes cherchent un lieu de répétition",
    }),
    description: text("es", {
      es: "Un proyecto intergeneracional que necesita una sala de ensayo dos tardes por semana y una productora para la gira.",
      fr: "Un projet intergénérationnel qui a besoin d'un studio de répétition deux après-midi par semaine et d'une productrice pour la tournée.",
    }),
    disciplines: ["DANCE"],
    lookingFor: [Role.VENUE, Role.PRODUCER],
    countriesSought: ["ES", "PT"],
    expiresInDays: -2,
    createdDaysAgo: 45,
    author: 22,
    host: 21,
  },
  {
    title: text(
      "en",
      { en: "Island stories: a podcast series from Malta, Cyprus and Crete", el: "Ιστορίες νησιών: μια σειρά podcast από τη Μάλτα, την Κύπρο και την Κρήτη" },
      ["el"],
    ),
    description: text(
      "en",
      {
        en: "Oral histories of island communities, recorded by local producers and edited together. We need co-hosts and translators.",
        el: "Προφορικές ιστορίες νησιωτικών κοινοτήτων, ηχογραφημένες από τοπικούς παραγωγούς. Χρειαζόμαστε συμπαρουσιαστές και μεταφραστές.",
      },
      ["el"],
    ),
    disciplines: ["PODCASTS", "INTANGIBLE_HERITAGE"],
    lookingFor: [Role.CO_CREATOR, Role.TRANSLATOR],
    countriesSought: ["MT", "CY", "GR"],
    expiresInDays: 35,
    createdDaysAgo: 11,
    author: 17,
    host: 28,
  },
  {
    title: text(
      "fr",
      {
        fr: "Guide pratique de la mobilité artistique pour les jeunes entrepreneurs créatifs",
        en: "A practical mobility guide for young creative entrepreneurs",
        ar: "دليل عملي لتنقل الفنانين لرواد الأعمال المبدعين الشباب",
      },
      ["ar"],
    ),
    description: text(
      "fr",
      {
        fr: "Nous rédigeons ensemble un guide sur les visas, la fiscalité et les financements de la mobilité. Rejoignez l'écriture ou aidez à le traduire.",
        en: "We are writing a guide on visas, taxation and mobility funding together. Join the writing or help translate it.",
        ar: "نكتب معاً دليلاً حول التأشيرات والضرائب وتمويل التنقل. شاركوا في الكتابة أو ساعدوا في الترجمة.",
      },
      ["ar"],
    ),
    disciplines: ["CROSS_DISCIPLINARY"],
    lookingFor: [Role.CO_CREATOR, Role.TRANSLATOR],
    countriesSought: [],
    expiresInDays: 180,
    createdDaysAgo: 2,
    author: 1,
    host: 1,
  },
  {
    title: text(
      "ar",
      {
        ar: "سينما الهاتف المحمول: ورشة لصناع الأفلام الشباب في الإسكندرية",
        en: "Mobile-phone cinema: a workshop for young filmmakers in Alexandria",
        fr: "Cinéma au téléphone portable : un atelier pour jeunes cinéastes à Alexandrie",
      },
      ["fr"],
    ),
    description: text(
      "ar",
      {
        ar: "ورشة لمدة أسبوعين لصناعة أفلام قصيرة بالهاتف، نبحث عن مرشدين وموزعين لعرض الأفلام في مهرجانات المنطقة.",
        en: "A two-week workshop making short films on phones. We are looking for mentors and distributors to screen the films at festivals in the region.",
        fr: "Un atelier de deux semaines pour tourner des courts métrages au téléphone. Nous cherchons des mentors et des distributeurs pour les montrer dans les festivals de la région.",
      },
      ["fr"],
    ),
    disciplines: ["FILM"],
    lookingFor: [Role.MENTOR, Role.DISTRIBUTOR],
    countriesSought: ["EG", "TN", "JO"],
    expiresInDays: 25,
    createdDaysAgo: 14,
    author: 13,
    host: 12,
  },
  {
    title: text("en", {
      en: "Polish and Ukrainian illustrators seek a publisher for a picture-book series",
      pl: "Polskie i ukraińskie ilustratorki szukają wydawcy serii książek obrazkowych",
    }),
    description: text("en", {
      en: "Four picture books about growing up between two languages, ready in draft. We are looking for a publisher and a German translator.",
      pl: "Cztery książki obrazkowe o dorastaniu między dwoma językami, gotowe w wersji roboczej. Szukamy wydawcy i tłumacza na niemiecki.",
    }),
    disciplines: ["COMICS", "PUBLISHING"],
    lookingFor: [Role.DISTRIBUTOR, Role.TRANSLATOR],
    countriesSought: ["PL", "UA", "DE"],
    expiresInDays: 60,
    createdDaysAgo: 21,
    author: 7,
    host: 31,
  },
  {
    title: text(
      "en",
      { en: "Open call for co-creators: an AI-assisted choir installation", de: "Offener Aufruf: eine KI-gestützte Chor-Installation sucht Mitwirkende" },
      ["de"],
    ),
    description: text(
      "en",
      {
        en: "Singers, coders and sound designers wanted for an installation where an amateur choir improvises with a generative model.",
        de: "Gesucht: Sängerinnen, Programmierer und Sounddesignerinnen für eine Installation, in der ein Laienchor mit einem generativen Modell improvisiert.",
      },
      ["de"],
    ),
    disciplines: ["DIGITAL_ART", "MUSIC"],
    lookingFor: [Role.CO_CREATOR, Role.PRODUCER],
    countriesSought: ["AT", "NL", "DE"],
    expiresInDays: -20,
    createdDaysAgo: 80,
    author: 33,
    host: 25,
  },
  {
    title: text("fr", {
      fr: "Collectif d'architectes cherche un mentor pour un premier concours européen",
      en: "Architects' collective seeks a mentor for its first European competition",
    }),
    description: text("fr", {
      fr: "Trois jeunes architectes paysagistes préparent un concours sur les berges urbaines et cherchent un regard expérimenté.",
      en: "Three young landscape architects are preparing a competition on urban riverbanks and are looking for an experienced eye.",
    }),
    disciplines: ["ARCHITECTURE", "LANDSCAPE_DESIGN"],
    lookingFor: [Role.MENTOR],
    countriesSought: ["FR", "FI", "DK"],
    expiresInDays: 70,
    createdDaysAgo: 6,
    author: 18,
    host: null,
  },
  {
    title: text(
      "ar",
      {
        ar: "منصة رقمية لبيع الحرف التقليدية التونسية",
        fr: "Une plateforme en ligne pour les artisanats traditionnels tunisiens",
        en: "An online marketplace for Tunisian traditional crafts",
      },
      ["en"],
    ),
    description: text(
      "ar",
      {
        ar: "نبني منصة تربط الحرفيين مباشرة بالمشترين في أوروبا، ونبحث عن مستثمرين وشركاء في التوزيع.",
        fr: "Nous construisons une plateforme qui relie directement les artisans aux acheteurs en Europe, et cherchons des investisseurs et des partenaires de distribution.",
        en: "We are building a platform linking artisans directly with buyers in Europe, and are looking for investors and distribution partners.",
      },
      ["en"],
    ),
    disciplines: ["ARTISTIC_CRAFTS", "DESIGN_AND_CREATIVE_SERVICES"],
    lookingFor: [Role.INVESTOR, Role.DISTRIBUTOR],
    countriesSought: ["TN", "FR", "IT"],
    expiresInDays: 10,
    createdDaysAgo: 35,
    author: 27,
    host: null,
  },
  {
    title: text(
      "en",
      {
        en: "Hackathon brief: accessible festival wayfinding for Deaf and blind audiences",
        de: "Hackathon: barrierefreie Orientierung auf Festivals für gehörlose und blinde Menschen",
      },
      ["de"],
    ),
    description: text(
      "en",
      {
        en: "A weekend hackathon to design signage, apps and tactile maps with Deaf and blind festival-goers. We need a venue and co-creators.",
        de: "Ein Wochenend-Hackathon, um mit gehörlosen und blinden Festivalbesuchern Beschilderung, Apps und taktile Pläne zu gestalten. Wir brauchen einen Ort und Mitwirkende.",
      },
      ["de"],
    ),
    disciplines: ["GRAPHIC_DESIGN", "FESTIVALS"],
    lookingFor: [Role.CO_CREATOR, Role.VENUE],
    countriesSought: ["HU", "DE", "AT"],
    expiresInDays: 8,
    createdDaysAgo: 4,
    author: 20,
    host: 32,
  },
];

/** Templates of synthetic labs per language; `{practice}` and `{city}` are filled in. */
const SYNTHETIC_TEXTS: Record<string, { title: string; description: string }> = {
  en: {
    title: "{practice}: an open lab for new collaborations",
    description: "An idea born in {city}: we look for partners to develop, test and present a new {practice} work across borders.",
  },
  fr: {
    title: "{practice} : un laboratoire ouvert à de nouvelles collaborations",
    description:
      "Une idée née à {city} : nous cherchons des partenaires pour développer, tester et présenter une nouvelle œuvre ({practice}) par-delà les frontières.",
  },
  es: {
    title: "{practice}: un laboratorio abierto a nuevas colaboraciones",
    description: "Una idea nacida en {city}: buscamos socios para desarrollar, probar y presentar una nueva obra de {practice} más allá de las fronteras.",
  },
  it: {
    title: "{practice}: un laboratorio aperto a nuove collaborazioni",
    description: "Un'idea nata a {city}: cerchiamo partner per sviluppare, sperimentare e presentare un nuovo lavoro di {practice} oltre i confini.",
  },
  ar: {
    title: "{practice}: مختبر مفتوح لتعاونات جديدة",
    description: "فكرة وُلدت في {city}: نبحث عن شركاء لتطوير عمل جديد في مجال {practice} وتجريبه وتقديمه عبر الحدود.",
  },
};
const SYNTHETIC_CITIES = ["Marseille", "Tunis", "Naples", "Seville", "Beirut", "Casablanca", "Thessaloniki", "Lisbon", "Belgrade", "Amman"];
const SOUGHT_COUNTRIES: CountryCode[] = ["FR", "IT", "ES", "PT", "GR", "DE", "BE", "NL", "TN", "MA", "LB", "JO", "EG", "TR", "RS", "MT"];
const PRACTICES = Object.keys(DISCIPLINE_PRACTICES) as DisciplinePractice[];
const ROLES = Object.values(Role);

function localizedText({ original, versions, machine = [] }: CatalogueText): LocalizedText {
  return LocalizedText.from({
    originalLanguage: original,
    translations: Object.entries(versions).map(([lang, value]) => ({ lang, value, machineTranslated: machine.includes(lang) })),
  });
}

function fill(template: string, practice: DisciplinePractice, city: string): string {
  return template.replace("{practice}", DISCIPLINE_PRACTICES[practice].label.toLowerCase()).replace("{city}", city);
}

/** A synthetic lab from the templates; deterministic because labs are always built in index order. */
function syntheticLab(index: number, faker: ReturnType<typeof createSeededFaker>): CatalogueLab {
  const original = faker.helpers.arrayElement(Object.keys(SYNTHETIC_TEXTS));
  const practices = faker.helpers.arrayElements(PRACTICES, { min: 1, max: 3 });
  const city = faker.helpers.arrayElement(SYNTHETIC_CITIES);
  const languages = [...new Set([original, "en"])];
  const versions = (part: "title" | "description") =>
    Object.fromEntries(languages.map((lang) => [lang, fill(SYNTHETIC_TEXTS[lang][part], practices[0], city)]));
  const machine = languages.filter((lang) => lang !== original);
  const expiresInDays = index % 10 === 0 ? null : faker.number.int({ min: -60, max: 180 });
  return {
    title: text(original, versions("title"), machine),
    description: text(original, versions("description"), machine),
    disciplines: practices,
    lookingFor: faker.helpers.arrayElements(ROLES, { min: 1, max: 3 }),
    countriesSought: faker.helpers.arrayElements(SOUGHT_COUNTRIES, { min: 0, max: 4 }),
    expiresInDays,
    // Created before it expires, as the table's CHECK constraint demands.
    createdDaysAgo: Math.max(expiresInDays !== null && expiresInDays < 0 ? 1 - expiresInDays : 1, faker.number.int({ min: 1, max: 120 })),
    author: faker.number.int({ min: 0, max: 1_000_000 }),
    host: faker.datatype.boolean(0.7) ? faker.number.int({ min: 0, max: 1_000_000 }) : null,
  };
}

/** How many labs a seed writes: Ideation Labs are collaboration calls, counted as half the opportunities. */
export function labCount(sizes: SeedSizes): number {
  return sizes.people === 0 ? 0 : Math.ceil(sizes.opportunities / 2);
}

/** The labs to write, hand-written first; deterministic because synthetic ones are built in index order. */
function catalogueLabs(sizes: SeedSizes): CatalogueLab[] {
  const faker = createSeededFaker(4101);
  return Array.from({ length: labCount(sizes) }, (_, index) => (index < LABS.length ? LABS[index] : syntheticLab(index, faker)));
}

function toEntity(lab: CatalogueLab, index: number, sizes: SeedSizes, now: number): CreativeTracksLab {
  // Spread creation times over minutes too, so the newest-first order has no ties among demo labs.
  const createdAt = new Date(now - lab.createdDaysAgo * DAY_MS - index * 60_000);
  return Object.assign(new CreativeTracksLab(), {
    id: demoLabId(index),
    network: NETWORK,
    sourceId: `lab-${index}`,
    title: localizedText(lab.title),
    description: localizedText(lab.description),
    link: lab.link ?? null,
    disciplines: lab.disciplines,
    lookingFor: lab.lookingFor,
    countriesSought: lab.countriesSought,
    expiresAt: lab.expiresInDays === null ? null : new Date(now + lab.expiresInDays * DAY_MS),
    authorId: demoId("person", lab.author % sizes.people),
    hostOrganisationId: lab.host === null || sizes.organisations === 0 ? null : demoId("organisation", lab.host % sizes.organisations),
    createdAt,
    updatedAt: createdAt,
  });
}

/** Profiles of about a third of the people: every fourth one, plus every lab author (members post labs). */
function buildProfiles(sizes: SeedSizes, authorIndexes: Set<number>): CreativeTracksProfile[] {
  const faker = createSeededFaker(4102);
  const profiles: CreativeTracksProfile[] = [];
  for (let index = 0; index < sizes.people; index++) {
    if (index % 4 !== 0 && !authorIndexes.has(index)) continue;
    const ambassador = index % 40 === 0;
    profiles.push(
      Object.assign(new CreativeTracksProfile(), {
        personId: demoId("person", index),
        ambassador,
        followersCount: ambassador ? faker.number.int({ min: 800, max: 5000 }) : faker.number.int({ min: 0, max: 600 }),
        interests: faker.helpers.arrayElements(PRACTICES, { min: 1, max: 4 }),
        lookingFor: faker.helpers.arrayElements(ROLES, { min: 0, max: 3 }),
      }),
    );
  }
  return profiles;
}

/**
 * Seeds the Creative Tracks demo: hand-written multilingual Ideation Labs (then synthetic ones) hosted
 * by demo organisations and posted by demo people, some expired, and member profiles.
 */
export async function seedCreativeTracks(dataSource: DataSource, sizes: SeedSizes): Promise<void> {
  const now = Date.now();
  const catalogue = catalogueLabs(sizes);
  const labs = catalogue.map((lab, index) => toEntity(lab, index, sizes, now));
  const profiles = buildProfiles(sizes, new Set(catalogue.map((lab) => lab.author % sizes.people)));
  await dataSource.transaction(async (manager) => {
    await bulkInsert(manager, CreativeTracksLab, labs);
    await bulkInsert(manager, CreativeTracksProfile, profiles);
  });
}
