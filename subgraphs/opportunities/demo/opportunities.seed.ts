import type { DataSource } from "typeorm";
import { COUNTRY_GROUPS, DISCIPLINES } from "@agora-hub/runtime";
import {
  type CountryCode,
  type CurrencyCode,
  type Discipline,
  bulkInsert,
  LocalizedText,
  type SeedSizes,
  unique,
  publishedSince,
} from "@agora-hub/subgraph-kit";
import { demoId } from "@agora-hub/subgraph-kit/testing";
import { createSeededFaker } from "@agora-hub/subgraph-kit/testing";
import { Opportunity } from "../opportunity/opportunity.entity";
import { CostCovered, OpportunityType } from "../opportunity/opportunity.type";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SYNTHETIC_SEED = 4003;
const NETWORKS = ["culture-agora", "creative-tracks", "euromed-arts"] as const;

const EU27 = COUNTRY_GROUPS.EU27;
const CREATIVE_EUROPE: CountryCode[] = [...EU27, ...COUNTRY_GROUPS.CREATIVE_EUROPE_ASSOCIATED];
const SOUTHERN_NEIGHBOURHOOD = COUNTRY_GROUPS.SOUTHERN_NEIGHBOURHOOD;
const EUROMED: CountryCode[] = unique([...EU27, ...SOUTHERN_NEIGHBOURHOOD]);
const ARAB_REGION: CountryCode[] = ["DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "AE", "YE"];
const MAGHREB: CountryCode[] = ["DZ", "LY", "MA", "MR", "TN"];
const FRANCOPHONE: CountryCode[] = ["FR", "BE", "LU", "CH", "MA", "TN", "DZ", "SN", "CI", "CM"];
const LUSOPHONE: CountryCode[] = ["PT", "BR", "AO", "MZ", "CV", "GW", "ST", "TL"];
const WESTERN_BALKANS: CountryCode[] = ["AL", "BA", "ME", "MK", "RS", "XK"];
const WORLDWIDE: CountryCode[] = [];

/** A hand-written demo opportunity; dates are days relative to the day of seeding. */
interface DemoOpportunity {
  type: OpportunityType;
  /** Language the texts were written in. */
  lang: string;
  /** Languages whose versions are machine translations; the others were written or reviewed by a person. */
  machine?: string[];
  title: Record<string, string>;
  summary: Record<string, string>;
  /** Longer text, in the original language only. */
  description?: string;
  disciplines: Discipline[];
  eligible: readonly CountryCode[];
  opens: number;
  /** Null for rolling calls. */
  deadline: number | null;
  amount?: [min: number | null, max: number | null, currency: CurrencyCode];
  costs?: CostCovered[];
  city?: string;
  country?: CountryCode;
  remote?: boolean;
  languages: string[];
  /** Index of the contact among the demo people. */
  contact?: number;
  slug: string;
}

const { TRAVEL, ACCOMMODATION, PER_DIEM, FEE_STIPEND, PRODUCTION, MATERIALS, VISA, INSURANCE } = CostCovered;

/** Sixty realistic listings covering every type, with open, forthcoming and closed calls. */
const DEMO_OPPORTUNITIES: DemoOpportunity[] = [
  // Grants
  {
    type: OpportunityType.GRANT,
    lang: "en",
    machine: ["fr", "ar"],
    title: {
      en: "Cultural Cooperation Grants for Euro-Mediterranean Partnerships",
      fr: "Subventions de coopération culturelle pour des partenariats euro-méditerranéens",
      ar: "منح التعاون الثقافي للشراكات الأورومتوسطية",
    },
    summary: {
      en: "Funding for projects co-designed by at least two organisations from Europe and the Southern Mediterranean, with a strong public dimension.",
      fr: "Financement de projets conçus ensemble par au moins deux organisations d'Europe et de la rive sud de la Méditerranée, avec une forte dimension publique.",
    },
    description:
      "Projects must involve at least one partner established in the EU and one in the Southern Neighbourhood. Eligible costs include artist fees, production, travel and documentation. Applications are assessed on the quality of the partnership, the relevance for audiences on both shores and the environmental footprint of the mobility involved. Grants cover up to 70% of the project budget.",
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: EUROMED,
    opens: -30,
    deadline: 45,
    amount: [10_000, 60_000, "EUR"],
    costs: [PRODUCTION, TRAVEL, FEE_STIPEND],
    languages: ["en", "fr", "ar"],
    contact: 3,
    slug: "euromed-cooperation-grants",
  },
  {
    type: OpportunityType.GRANT,
    lang: "fr",
    machine: ["en"],
    title: { fr: "Fonds d'aide à la création pour les arts de la scène", en: "Creation Fund for the Performing Arts" },
    summary: {
      fr: "Soutien à l'écriture et à la production de nouvelles créations théâtrales, chorégraphiques ou circassiennes portées par des compagnies indépendantes.",
      en: "Support for writing and producing new theatre, dance or circus works by independent companies.",
    },
    disciplines: ["THEATRE", "DANCE", "CIRCUS_AND_STREET_ARTS"],
    eligible: FRANCOPHONE,
    opens: -60,
    deadline: -5,
    amount: [5_000, 25_000, "EUR"],
    costs: [PRODUCTION, FEE_STIPEND],
    country: "FR",
    languages: ["fr"],
    slug: "fonds-creation-arts-scene",
  },
  {
    type: OpportunityType.GRANT,
    lang: "ar",
    machine: ["en", "fr"],
    title: {
      ar: "منحة الإنتاج الفني للفنانين المستقلين في المنطقة العربية",
      en: "Artistic Production Grant for Independent Artists in the Arab Region",
      fr: "Bourse de production artistique pour les artistes indépendants de la région arabe",
    },
    summary: {
      ar: "دعم مالي لإنتاج أعمال جديدة في الفنون البصرية والموسيقى والأدب والسينما، مفتوح للفنانين من جميع البلدان العربية.",
      en: "Financial support to produce new work in visual arts, music, literature and film, open to artists from all Arab countries.",
    },
    disciplines: ["FINE_ARTS", "MUSIC", "LITERATURE", "FILM"],
    eligible: ARAB_REGION,
    opens: -20,
    deadline: 70,
    amount: [null, 15_000, "USD"],
    costs: [PRODUCTION, FEE_STIPEND, MATERIALS],
    languages: ["ar", "en"],
    slug: "arab-region-production-grant",
  },
  {
    type: OpportunityType.GRANT,
    lang: "en",
    machine: ["de", "it"],
    title: {
      en: "Digital Innovation Fund for Museums and Heritage Sites",
      de: "Digitaler Innovationsfonds für Museen und Kulturerbestätten",
      it: "Fondo per l'innovazione digitale di musei e siti del patrimonio",
    },
    summary: {
      en: "Grants for heritage institutions piloting digital tools (3D scanning, open collections, accessible online tours) with a partner from another country.",
    },
    disciplines: ["MUSEUMS", "BUILT_HERITAGE", "DIGITAL_ART"],
    eligible: CREATIVE_EUROPE,
    opens: 20,
    deadline: 110,
    amount: [20_000, 150_000, "EUR"],
    costs: [PRODUCTION, MATERIALS],
    languages: ["en"],
    slug: "digital-heritage-innovation-fund",
  },
  {
    type: OpportunityType.GRANT,
    lang: "es",
    machine: ["en"],
    title: {
      es: "Ayudas a la traducción literaria entre lenguas mediterráneas",
      en: "Literary Translation Grants between Mediterranean Languages",
    },
    summary: {
      es: "Cubre hasta el 60 % de los honorarios de traducción de obras de ficción, poesía y ensayo entre dos lenguas habladas en el Mediterráneo.",
      en: "Covers up to 60% of translation fees for fiction, poetry and essays translated between two languages spoken around the Mediterranean.",
    },
    disciplines: ["LITERARY_TRANSLATION", "PUBLISHING"],
    eligible: EUROMED,
    opens: -90,
    deadline: 15,
    amount: [2_000, 12_000, "EUR"],
    costs: [FEE_STIPEND],
    languages: ["es", "en", "ar", "fr", "it"],
    slug: "ayudas-traduccion-mediterranea",
  },
  {
    type: OpportunityType.GRANT,
    lang: "en",
    title: { en: "Small Grants for Community Arts in Coastal Towns" },
    summary: {
      en: "Quick-turnaround grants for residents' groups and artists running participatory projects in seaside towns. Decisions within six weeks.",
    },
    disciplines: ["FESTIVALS", "INTANGIBLE_HERITAGE", "CROSS_DISCIPLINARY"],
    eligible: ["GB"],
    opens: -10,
    deadline: 25,
    amount: [1_000, 5_000, "GBP"],
    costs: [PRODUCTION, MATERIALS],
    country: "GB",
    languages: ["en"],
    slug: "coastal-community-arts-small-grants",
  },
  {
    type: OpportunityType.GRANT,
    lang: "it",
    machine: ["en"],
    title: { it: "Bando per progetti di rigenerazione culturale urbana", en: "Call for Urban Cultural Regeneration Projects" },
    summary: {
      it: "Contributi per progetti che trasformano spazi dismessi in luoghi di produzione culturale aperti al quartiere.",
      en: "Funding for projects that turn disused buildings into places of cultural production open to their neighbourhood.",
    },
    disciplines: ["ARCHITECTURE", "CROSS_DISCIPLINARY"],
    eligible: ["IT"],
    opens: -200,
    deadline: -120,
    amount: [30_000, 100_000, "EUR"],
    costs: [PRODUCTION],
    country: "IT",
    languages: ["it"],
    slug: "bando-rigenerazione-urbana",
  },
  // Mobility grants
  {
    type: OpportunityType.MOBILITY_GRANT,
    lang: "en",
    machine: ["fr", "ar"],
    title: {
      en: "Go-and-See Travel Grants for Cultural Professionals",
      fr: "Bourses de voyage « go and see » pour les professionnels de la culture",
      ar: "منح سفر استكشافية للعاملين في القطاع الثقافي",
    },
    summary: {
      en: "Covers travel and a daily allowance for short exploratory trips (5 to 15 days) to meet partners abroad before starting a collaboration.",
      fr: "Prend en charge le voyage et une indemnité journalière pour de courts séjours exploratoires (5 à 15 jours) afin de rencontrer des partenaires à l'étranger.",
    },
    description:
      "Rolling call: apply at least six weeks before travelling. The grant is a lump sum based on distance, plus a daily allowance. Applicants who travel by train or bus receive a green-travel top-up. No application fee.",
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: EUROMED,
    opens: -120,
    deadline: null,
    amount: [300, 1_500, "EUR"],
    costs: [TRAVEL, PER_DIEM],
    languages: ["en", "fr"],
    slug: "go-and-see-travel-grants",
  },
  {
    type: OpportunityType.MOBILITY_GRANT,
    lang: "fr",
    machine: ["en", "ar"],
    title: {
      fr: "Bourses de mobilité pour artistes du Maghreb",
      en: "Mobility Grants for Artists from the Maghreb",
      ar: "منح التنقل لفنانين من المغرب العربي",
    },
    summary: {
      fr: "Prise en charge du billet d'avion, du visa et de l'assurance pour participer à un festival, une résidence ou une rencontre professionnelle à l'étranger.",
      ar: "تغطية تذكرة السفر والتأشيرة والتأمين للمشاركة في مهرجان أو إقامة فنية أو لقاء مهني في الخارج.",
    },
    disciplines: ["PERFORMANCE_AND_CELEBRATION", "VISUAL_ARTS_AND_CRAFTS"],
    eligible: MAGHREB,
    opens: -15,
    deadline: 30,
    amount: [null, 2_000, "EUR"],
    costs: [TRAVEL, VISA, INSURANCE],
    languages: ["fr", "ar"],
    contact: 17,
    slug: "mobilite-artistes-maghreb",
  },
  {
    type: OpportunityType.MOBILITY_GRANT,
    lang: "en",
    machine: ["de"],
    title: { en: "Touring Support for Independent Music Acts", de: "Tourneeförderung für unabhängige Musikprojekte" },
    summary: {
      en: "Contributes to travel, freight and accommodation for showcase and festival tours in at least two countries.",
    },
    disciplines: ["MUSIC", "MUSIC_RECORDING"],
    eligible: CREATIVE_EUROPE,
    opens: -40,
    deadline: 5,
    amount: [1_000, 6_000, "EUR"],
    costs: [TRAVEL, ACCOMMODATION],
    languages: ["en"],
    slug: "independent-music-touring-support",
  },
  {
    type: OpportunityType.MOBILITY_GRANT,
    lang: "ar",
    machine: ["en"],
    title: { ar: "منح حضور المهرجانات والأسواق الثقافية", en: "Grants to Attend Festivals and Cultural Markets" },
    summary: {
      ar: "تغطي تكاليف السفر والإقامة لحضور مهرجانات وأسواق الفنون الأدائية والسينما خارج بلد الإقامة.",
      en: "Covers travel and accommodation to attend performing arts and film festivals and markets outside the country of residence.",
    },
    disciplines: ["THEATRE", "DANCE", "FILM"],
    eligible: SOUTHERN_NEIGHBOURHOOD,
    opens: -100,
    deadline: -10,
    amount: [5_000, 25_000, "MAD"],
    costs: [TRAVEL, ACCOMMODATION, PER_DIEM],
    languages: ["ar", "en"],
    slug: "festival-market-attendance-grants",
  },
  {
    type: OpportunityType.MOBILITY_GRANT,
    lang: "de",
    machine: ["en"],
    title: { de: "Reisestipendien für Literaturübersetzerinnen und -übersetzer", en: "Travel Bursaries for Literary Translators" },
    summary: {
      de: "Förderung von Recherchereisen in das Land der Ausgangssprache für laufende Übersetzungsprojekte.",
      en: "Funds research trips to the country of the source language for translations in progress.",
    },
    disciplines: ["LITERARY_TRANSLATION"],
    eligible: CREATIVE_EUROPE,
    opens: 10,
    deadline: 60,
    amount: [null, 2_500, "EUR"],
    costs: [TRAVEL, ACCOMMODATION],
    languages: ["de", "en"],
    slug: "reisestipendien-uebersetzung",
  },
  {
    type: OpportunityType.MOBILITY_GRANT,
    lang: "en",
    machine: ["fr", "es"],
    title: {
      en: "Green Mobility Top-up for Slow Travel",
      fr: "Complément mobilité verte pour les voyages lents",
      es: "Complemento de movilidad verde para viajes lentos",
    },
    summary: {
      en: "An extra allowance for artists who choose train, bus or boat over flying, plus a daily allowance for the additional travel days.",
    },
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: CREATIVE_EUROPE,
    opens: -300,
    deadline: null,
    amount: [null, 350, "EUR"],
    costs: [TRAVEL, PER_DIEM],
    languages: ["en"],
    slug: "green-mobility-top-up",
  },
  // Residencies
  {
    type: OpportunityType.RESIDENCY,
    lang: "en",
    machine: ["ar"],
    title: { en: "Artist Residency in the Atlas Mountains", ar: "إقامة فنية في جبال الأطلس" },
    summary: {
      en: "A six-week residency in a village house for visual artists and writers working on land, water and rural memory. Accommodation, studio and a monthly stipend are provided.",
      ar: "إقامة لمدة ستة أسابيع في بيت قروي للفنانين التشكيليين والكتّاب الذين يعملون على الأرض والماء والذاكرة الريفية.",
    },
    description:
      "Up to four residents are hosted at a time. The residency provides a private room, a shared studio, meals prepared by a local cooperative and introductions to farmers, weavers and schoolteachers in the valley. Residents share their work in an open studio at the end of the stay.",
    disciplines: ["FINE_ARTS", "LITERATURE", "PHOTOGRAPHY"],
    eligible: WORLDWIDE,
    opens: -25,
    deadline: 35,
    amount: [null, 1_800, "EUR"],
    costs: [ACCOMMODATION, FEE_STIPEND, MATERIALS],
    city: "Ouirgane",
    country: "MA",
    languages: ["en", "fr", "ar"],
    slug: "atlas-mountains-residency",
  },
  {
    type: OpportunityType.RESIDENCY,
    lang: "fr",
    machine: ["en"],
    title: { fr: "Résidence d'écriture en Méditerranée", en: "Mediterranean Writing Residency" },
    summary: {
      fr: "Deux mois de résidence pour auteurs et autrices de théâtre ou de roman, avec logement, bourse et lectures publiques.",
      en: "A two-month residency for playwrights and novelists, with housing, a grant and public readings.",
    },
    disciplines: ["LITERATURE", "THEATRE"],
    eligible: EUROMED,
    opens: -150,
    deadline: -60,
    amount: [4_000, 4_000, "EUR"],
    costs: [ACCOMMODATION, FEE_STIPEND, TRAVEL],
    city: "Sète",
    country: "FR",
    languages: ["fr"],
    slug: "residence-ecriture-mediterranee",
  },
  {
    type: OpportunityType.RESIDENCY,
    lang: "en",
    machine: ["de"],
    title: { en: "Sound Art Residency on a Baltic Island", de: "Klangkunst-Residenz auf einer Ostseeinsel" },
    summary: {
      en: "Four weeks in a former lighthouse keeper's house with a recording studio, for artists working with field recording and composition.",
    },
    disciplines: ["MUSIC", "DIGITAL_ART"],
    eligible: WORLDWIDE,
    opens: 30,
    deadline: 90,
    amount: [null, 3_000, "EUR"],
    costs: [ACCOMMODATION, FEE_STIPEND, PRODUCTION],
    city: "Visby",
    country: "SE",
    languages: ["en"],
    slug: "baltic-sound-art-residency",
  },
  {
    type: OpportunityType.RESIDENCY,
    lang: "ar",
    machine: ["en", "fr"],
    title: { ar: "إقامة فنية للمصورين في عمّان", en: "Photography Residency in Amman", fr: "Résidence de photographie à Amman" },
    summary: {
      ar: "إقامة لمدة أربعة أسابيع للمصورين الشباب تتضمن السكن ومساحة عمل وجلسات إرشاد ومعرضاً ختامياً.",
      en: "A four-week residency for young photographers with housing, workspace, mentoring sessions and a closing exhibition.",
    },
    disciplines: ["PHOTOGRAPHY"],
    eligible: ARAB_REGION,
    opens: -5,
    deadline: 40,
    costs: [ACCOMMODATION, TRAVEL, PER_DIEM],
    city: "Amman",
    country: "JO",
    languages: ["ar", "en"],
    contact: 42,
    slug: "amman-photography-residency",
  },
  {
    type: OpportunityType.RESIDENCY,
    lang: "it",
    machine: ["en"],
    title: { it: "Residenza per coreografi in un teatro storico", en: "Choreographic Residency in a Historic Theatre" },
    summary: {
      it: "Tre settimane di sala prove, alloggio e assistenza tecnica per sviluppare una nuova creazione con restituzione pubblica finale.",
      en: "Three weeks of rehearsal space, housing and technical support to develop a new piece, ending with a public sharing.",
    },
    disciplines: ["DANCE"],
    eligible: CREATIVE_EUROPE,
    opens: -45,
    deadline: 20,
    amount: [2_500, 2_500, "EUR"],
    costs: [ACCOMMODATION, FEE_STIPEND, PRODUCTION],
    city: "Bologna",
    country: "IT",
    languages: ["it", "en"],
    slug: "residenza-coreografica",
  },
  {
    type: OpportunityType.RESIDENCY,
    lang: "en",
    title: { en: "Online Curatorial Residency" },
    summary: {
      en: "A three-month remote residency for curators researching digital commons, with weekly peer sessions and a commissioned online exhibition.",
    },
    disciplines: ["CURATING", "DIGITAL_ART"],
    eligible: WORLDWIDE,
    opens: -70,
    deadline: -2,
    amount: [1_000, 1_000, "GBP"],
    costs: [FEE_STIPEND],
    remote: true,
    languages: ["en"],
    slug: "online-curatorial-residency",
  },
  {
    type: OpportunityType.RESIDENCY,
    lang: "el",
    machine: ["en"],
    title: { el: "Καλλιτεχνική φιλοξενία σε νησί των Κυκλάδων", en: "Artist Residency on a Cycladic Island" },
    summary: {
      el: "Φιλοξενία ενός μήνα για εικαστικούς και αρχιτέκτονες που ερευνούν το νερό, την ενέργεια και την τοπική αρχιτεκτονική.",
      en: "A one-month stay for visual artists and architects researching water, energy and vernacular architecture.",
    },
    disciplines: ["FINE_ARTS", "ARCHITECTURE"],
    eligible: CREATIVE_EUROPE,
    opens: 45,
    deadline: 105,
    amount: [null, 1_500, "EUR"],
    costs: [ACCOMMODATION, MATERIALS],
    city: "Ermoupoli",
    country: "GR",
    languages: ["el", "en"],
    slug: "cyclades-artist-residency",
  },
  // Open calls
  {
    type: OpportunityType.OPEN_CALL,
    lang: "en",
    machine: ["fr"],
    title: {
      en: "Open Call: Exhibition on Climate and Coastlines",
      fr: "Appel à candidatures : exposition sur le climat et les littoraux",
    },
    summary: {
      en: "Artists are invited to propose existing or new works for a touring exhibition about rising seas and Mediterranean coastlines.",
      fr: "Les artistes sont invités à proposer des œuvres existantes ou nouvelles pour une exposition itinérante sur la montée des eaux et les littoraux méditerranéens.",
    },
    disciplines: ["FINE_ARTS", "PHOTOGRAPHY", "DIGITAL_ART"],
    eligible: EUROMED,
    opens: -12,
    deadline: 18,
    amount: [null, 2_000, "EUR"],
    costs: [FEE_STIPEND, PRODUCTION, TRAVEL],
    languages: ["en", "fr"],
    contact: 96,
    slug: "climate-coastlines-exhibition-call",
  },
  {
    type: OpportunityType.OPEN_CALL,
    lang: "fr",
    machine: ["en"],
    title: {
      fr: "Appel à projets : spectacles jeune public pour un festival itinérant",
      en: "Call for Proposals: Young Audiences Shows for a Touring Festival",
    },
    summary: {
      fr: "Nous cherchons des spectacles de 30 à 50 minutes, légers techniquement, pour une tournée dans les écoles et les villages.",
      en: "We are looking for technically light shows of 30 to 50 minutes to tour schools and villages.",
    },
    disciplines: ["THEATRE", "CIRCUS_AND_STREET_ARTS"],
    eligible: FRANCOPHONE,
    opens: -80,
    deadline: -30,
    amount: [3_000, 6_000, "TND"],
    costs: [FEE_STIPEND, TRAVEL, ACCOMMODATION],
    country: "TN",
    languages: ["fr", "ar"],
    slug: "festival-itinerant-jeune-public",
  },
  {
    type: OpportunityType.OPEN_CALL,
    lang: "es",
    machine: ["en"],
    title: { es: "Convocatoria de cortometrajes sobre migraciones", en: "Call for Short Films about Migration" },
    summary: {
      es: "Seleccionaremos diez cortometrajes de ficción, documental o animación para una muestra itinerante y su difusión en línea.",
      en: "Ten fiction, documentary or animated short films will be selected for a touring programme and online release.",
    },
    disciplines: ["FILM"],
    eligible: EUROMED,
    opens: -3,
    deadline: 57,
    amount: [500, 500, "EUR"],
    costs: [FEE_STIPEND],
    city: "Málaga",
    country: "ES",
    languages: ["es", "en"],
    slug: "cortometrajes-migraciones",
  },
  {
    type: OpportunityType.OPEN_CALL,
    lang: "en",
    title: { en: "Call for Game Prototypes with Cultural Heritage Themes" },
    summary: {
      en: "Studios and collectives can pitch playable prototypes inspired by museum collections; selected teams present at a showcase.",
    },
    disciplines: ["VIDEO_GAMES", "MUSEUMS"],
    eligible: CREATIVE_EUROPE,
    opens: 7,
    deadline: 50,
    costs: [TRAVEL, ACCOMMODATION],
    languages: ["en"],
    slug: "heritage-game-prototypes-call",
  },
  {
    type: OpportunityType.OPEN_CALL,
    lang: "tr",
    machine: ["en"],
    title: { tr: "Açık çağrı: Kamusal alanda sokak sanatı festivali", en: "Open Call: Street Art Festival in Public Space" },
    summary: {
      tr: "Sanatçılar, şehrin duvarları ve meydanları için yeni eserler önermeye davet ediliyor; malzeme ve konaklama sağlanır.",
      en: "Artists are invited to propose new works for the city's walls and squares; materials and accommodation are provided.",
    },
    disciplines: ["CIRCUS_AND_STREET_ARTS", "FINE_ARTS"],
    eligible: WORLDWIDE,
    opens: -35,
    deadline: 10,
    amount: [null, 40_000, "TRY"],
    costs: [MATERIALS, ACCOMMODATION, FEE_STIPEND],
    city: "İzmir",
    country: "TR",
    languages: ["tr", "en"],
    slug: "sokak-sanati-festivali",
  },
  {
    type: OpportunityType.OPEN_CALL,
    lang: "en",
    machine: ["ar"],
    title: { en: "Call for Podcasts in Arabic and English", ar: "دعوة لتقديم بودكاست باللغتين العربية والإنجليزية" },
    summary: {
      en: "Producers can submit podcast series on culture and everyday life; selected series receive production support and distribution.",
      ar: "يمكن للمنتجين تقديم سلاسل بودكاست عن الثقافة والحياة اليومية، وتحصل السلاسل المختارة على دعم للإنتاج والتوزيع.",
    },
    disciplines: ["PODCASTS"],
    eligible: WORLDWIDE,
    opens: -60,
    deadline: null,
    amount: [1_000, 3_000, "USD"],
    costs: [PRODUCTION, FEE_STIPEND],
    remote: true,
    languages: ["ar", "en"],
    slug: "arabic-english-podcasts-call",
  },
  // Prizes
  {
    type: OpportunityType.PRIZE,
    lang: "en",
    machine: ["es", "it"],
    title: {
      en: "Emerging Photographer Award",
      es: "Premio para fotógrafos emergentes",
      it: "Premio per fotografi emergenti",
    },
    summary: { en: "An award for a photographic series by a photographer with no more than one solo exhibition so far." },
    disciplines: ["PHOTOGRAPHY"],
    eligible: WORLDWIDE,
    opens: -50,
    deadline: 12,
    amount: [5_000, 5_000, "EUR"],
    languages: ["en"],
    slug: "emerging-photographer-award",
  },
  {
    type: OpportunityType.PRIZE,
    lang: "fr",
    machine: ["en", "ar"],
    title: {
      fr: "Prix de la jeune bande dessinée méditerranéenne",
      en: "Young Mediterranean Comics Prize",
      ar: "جائزة القصص المصورة للشباب في المتوسط",
    },
    summary: {
      fr: "Récompense un premier album ou un projet d'album d'un auteur ou d'une autrice de moins de 35 ans.",
      en: "Rewards a first graphic novel, published or in progress, by an author under 35.",
    },
    disciplines: ["COMICS"],
    eligible: EUROMED,
    opens: 60,
    deadline: 150,
    amount: [3_000, 3_000, "EUR"],
    languages: ["fr", "ar", "en"],
    slug: "prix-jeune-bd-mediterranee",
  },
  {
    type: OpportunityType.PRIZE,
    lang: "pt",
    machine: ["en"],
    title: { pt: "Prémio de design sustentável", en: "Sustainable Design Prize" },
    summary: {
      pt: "Distingue objetos e sistemas de design que reduzem o desperdício e valorizam materiais locais.",
      en: "Recognises design objects and systems that reduce waste and make use of local materials.",
    },
    disciplines: ["PRODUCT_DESIGN", "FASHION_DESIGN"],
    eligible: CREATIVE_EUROPE,
    opens: -180,
    deadline: -40,
    amount: [10_000, 10_000, "EUR"],
    country: "PT",
    languages: ["pt", "en"],
    slug: "premio-design-sustentavel",
  },
  {
    type: OpportunityType.PRIZE,
    lang: "ar",
    machine: ["en"],
    title: { ar: "جائزة الرواية العربية الأولى", en: "First Arabic Novel Award" },
    summary: {
      ar: "جائزة لأفضل رواية أولى مكتوبة باللغة العربية، تتضمن منحة مالية وترجمة مقتطفات إلى الإنجليزية والفرنسية.",
      en: "An award for the best first novel written in Arabic, with prize money and the translation of excerpts into English and French.",
    },
    disciplines: ["LITERATURE"],
    eligible: ARAB_REGION,
    opens: -20,
    deadline: 100,
    amount: [null, 10_000, "USD"],
    languages: ["ar"],
    slug: "first-arabic-novel-award",
  },
  // Jobs
  {
    type: OpportunityType.JOB,
    lang: "en",
    machine: ["fr"],
    title: { en: "Programme Manager, International Mobility", fr: "Chargé·e de programme, mobilité internationale" },
    summary: {
      en: "Full-time post to run grant rounds, advise applicants and report to funders. Hybrid working, based in Brussels. Annual gross salary.",
    },
    description:
      "You will coordinate two calls a year, chair selection committees, answer applicants in English and French and write reports for public and private funders. We offer a permanent contract, 32 days of annual leave and a train-first travel policy.",
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: EU27,
    opens: -14,
    deadline: 16,
    amount: [42_000, 50_000, "EUR"],
    city: "Brussels",
    country: "BE",
    languages: ["en", "fr"],
    contact: 8,
    slug: "programme-manager-mobility",
  },
  {
    type: OpportunityType.JOB,
    lang: "fr",
    machine: ["en"],
    title: { fr: "Chargé·e de communication bilingue (français-arabe)", en: "Bilingual Communications Officer (French–Arabic)" },
    summary: {
      fr: "CDD de 18 mois pour animer nos réseaux, rédiger nos publications et coordonner les traductions. Salaire annuel brut.",
      en: "An 18-month contract to run our social media, write our publications and coordinate translations. Annual gross salary.",
    },
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: ["TN"],
    opens: -40,
    deadline: -8,
    amount: [36_000, 42_000, "TND"],
    city: "Tunis",
    country: "TN",
    languages: ["fr", "ar"],
    slug: "charge-communication-bilingue",
  },
  {
    type: OpportunityType.JOB,
    lang: "en",
    title: { en: "Technical Director for a Touring Dance Company" },
    summary: {
      en: "Lead lighting, sound and stage management on European tours; touring experience and a driving licence required. Monthly gross salary.",
    },
    disciplines: ["DANCE"],
    eligible: EU27,
    opens: -3,
    deadline: 27,
    amount: [3_200, 3_900, "EUR"],
    city: "Rotterdam",
    country: "NL",
    languages: ["en", "nl"],
    contact: 120,
    slug: "technical-director-dance-company",
  },
  {
    type: OpportunityType.JOB,
    lang: "de",
    machine: ["en"],
    title: { de: "Kurator*in für zeitgenössische Kunst (Teilzeit)", en: "Curator of Contemporary Art (part-time)" },
    summary: {
      de: "Teilzeitstelle (60 %) zur Entwicklung des Ausstellungsprogramms und internationaler Kooperationen.",
      en: "A part-time post (60%) developing the exhibition programme and international partnerships.",
    },
    disciplines: ["CURATING", "FINE_ARTS"],
    eligible: EU27,
    opens: 5,
    deadline: 40,
    amount: [28_000, 32_000, "EUR"],
    city: "Leipzig",
    country: "DE",
    languages: ["de", "en"],
    slug: "kuratorin-zeitgenoessische-kunst",
  },
  {
    type: OpportunityType.JOB,
    lang: "en",
    machine: ["ar"],
    title: { en: "Remote Grants Officer, Arab Region", ar: "مسؤول منح عن بُعد، المنطقة العربية" },
    summary: {
      en: "Part-time remote role reviewing applications and supporting grantees across the Arab region. Monthly fee.",
      ar: "وظيفة بدوام جزئي عن بُعد لمراجعة الطلبات ومتابعة المستفيدين من المنح في المنطقة العربية.",
    },
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: ARAB_REGION,
    opens: -9,
    deadline: 21,
    amount: [1_500, 2_000, "USD"],
    remote: true,
    languages: ["ar", "en"],
    slug: "remote-grants-officer-arab-region",
  },
  // Internships
  {
    type: OpportunityType.INTERNSHIP,
    lang: "en",
    title: { en: "Internship in Cultural Policy Research" },
    summary: {
      en: "A six-month paid internship supporting research on artists' working conditions and mobility across Europe. Monthly allowance.",
    },
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: CREATIVE_EUROPE,
    opens: -30,
    deadline: 8,
    amount: [1_000, 1_000, "EUR"],
    costs: [FEE_STIPEND],
    city: "Amsterdam",
    country: "NL",
    languages: ["en"],
    slug: "cultural-policy-research-internship",
  },
  {
    type: OpportunityType.INTERNSHIP,
    lang: "es",
    machine: ["en"],
    title: { es: "Prácticas en producción de festivales", en: "Festival Production Internship" },
    summary: {
      es: "Tres meses de prácticas remuneradas en la producción de un festival de artes escénicas al aire libre.",
      en: "A three-month paid internship in the production of an open-air performing arts festival.",
    },
    disciplines: ["FESTIVALS", "THEATRE"],
    eligible: EU27,
    opens: 15,
    deadline: 45,
    amount: [800, 800, "EUR"],
    costs: [FEE_STIPEND],
    city: "Barcelona",
    country: "ES",
    languages: ["es", "ca", "en"],
    slug: "practicas-produccion-festivales",
  },
  {
    type: OpportunityType.INTERNSHIP,
    lang: "fr",
    machine: ["en"],
    title: { fr: "Stage en médiation culturelle au musée", en: "Museum Education Internship" },
    summary: {
      fr: "Stage de quatre mois pour concevoir des ateliers avec les publics scolaires et les associations de quartier.",
      en: "A four-month internship designing workshops with school groups and neighbourhood associations.",
    },
    disciplines: ["MUSEUMS"],
    eligible: EU27,
    opens: -120,
    deadline: -70,
    amount: [null, 650, "EUR"],
    costs: [FEE_STIPEND],
    city: "Lyon",
    country: "FR",
    languages: ["fr"],
    slug: "stage-mediation-musee",
  },
  // Volunteering
  {
    type: OpportunityType.VOLUNTEERING,
    lang: "en",
    machine: ["fr", "es", "it"],
    title: {
      en: "Volunteers for an International Street Theatre Festival",
      fr: "Bénévoles pour un festival international de théâtre de rue",
      es: "Voluntariado en un festival internacional de teatro de calle",
      it: "Volontari per un festival internazionale di teatro di strada",
    },
    summary: {
      en: "Join the festival crew for ten days: welcoming audiences, backstage help and artist hospitality. Board and lodging provided.",
    },
    disciplines: ["CIRCUS_AND_STREET_ARTS", "FESTIVALS"],
    eligible: WORLDWIDE,
    opens: -20,
    deadline: 25,
    costs: [ACCOMMODATION, PER_DIEM, INSURANCE],
    country: "FR",
    languages: ["en", "fr"],
    slug: "street-theatre-festival-volunteers",
  },
  {
    type: OpportunityType.VOLUNTEERING,
    lang: "ar",
    machine: ["en"],
    title: { ar: "متطوعون لتوثيق التراث غير المادي", en: "Volunteers to Document Intangible Heritage" },
    summary: {
      ar: "نبحث عن متطوعين لتسجيل الحكايات والأغاني الشعبية مع كبار السن في القرى، مع تدريب مسبق.",
      en: "We are looking for volunteers to record folk tales and songs with elders in villages; training is given beforehand.",
    },
    disciplines: ["INTANGIBLE_HERITAGE", "ARCHIVES"],
    eligible: SOUTHERN_NEIGHBOURHOOD,
    opens: -60,
    deadline: -15,
    costs: [TRAVEL, PER_DIEM],
    country: "LB",
    languages: ["ar"],
    slug: "intangible-heritage-volunteers",
  },
  {
    type: OpportunityType.VOLUNTEERING,
    lang: "it",
    machine: ["en"],
    title: {
      it: "Volontariato europeo in un archivio fotografico",
      en: "European Solidarity Corps Volunteering in a Photo Archive",
    },
    summary: {
      it: "Dieci mesi di volontariato per digitalizzare e catalogare un archivio fotografico storico; vitto, alloggio e rimborso spese inclusi.",
      en: "Ten months of volunteering to digitise and catalogue a historic photo archive; board, lodging and expenses included.",
    },
    disciplines: ["ARCHIVES", "PHOTOGRAPHY"],
    eligible: CREATIVE_EUROPE,
    opens: 25,
    deadline: 70,
    costs: [ACCOMMODATION, PER_DIEM, TRAVEL, INSURANCE],
    city: "Palermo",
    country: "IT",
    languages: ["it", "en"],
    slug: "volontariato-archivio-fotografico",
  },
  // Training courses
  {
    type: OpportunityType.TRAINING_COURSE,
    lang: "en",
    machine: ["fr", "ar"],
    title: {
      en: "Summer School on Arts Management and Fundraising",
      fr: "Université d'été en gestion culturelle et collecte de fonds",
      ar: "مدرسة صيفية في إدارة الفنون وجمع التبرعات",
    },
    summary: {
      en: "Ten days of workshops on budgeting, fundraising and international partnerships for early-career managers. Travel and accommodation covered.",
    },
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: EUROMED,
    opens: -40,
    deadline: 10,
    costs: [ACCOMMODATION, TRAVEL],
    city: "Thessaloniki",
    country: "GR",
    languages: ["en"],
    contact: 150,
    slug: "arts-management-summer-school",
  },
  {
    type: OpportunityType.TRAINING_COURSE,
    lang: "en",
    machine: ["es", "it", "pt"],
    title: {
      en: "Online Course: Writing Successful Creative Europe Applications",
      es: "Curso en línea: cómo redactar candidaturas exitosas a Europa Creativa",
      it: "Corso online: scrivere candidature vincenti per Europa Creativa",
      pt: "Curso online: como escrever candidaturas bem-sucedidas à Europa Criativa",
    },
    summary: {
      en: "A self-paced course with recorded lectures, budget templates and feedback on a draft application from experienced evaluators.",
    },
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: CREATIVE_EUROPE,
    opens: -200,
    deadline: null,
    remote: true,
    languages: ["en"],
    slug: "creative-europe-applications-course",
  },
  {
    type: OpportunityType.TRAINING_COURSE,
    lang: "fr",
    machine: ["en", "ar"],
    title: {
      fr: "Formation aux métiers techniques du spectacle",
      en: "Training in Stage Technology Professions",
      ar: "تدريب على المهن التقنية في فنون العرض",
    },
    summary: {
      fr: "Formation intensive de trois mois (lumière, son, régie) destinée aux jeunes de 18 à 30 ans, avec indemnité journalière.",
      ar: "تدريب مكثف لمدة ثلاثة أشهر في الإضاءة والصوت وإدارة الخشبة للشباب من 18 إلى 30 سنة.",
    },
    disciplines: ["THEATRE", "MUSIC"],
    eligible: ["MA"],
    opens: 20,
    deadline: 55,
    costs: [PER_DIEM],
    city: "Casablanca",
    country: "MA",
    languages: ["fr", "ar"],
    slug: "formation-metiers-techniques",
  },
  {
    type: OpportunityType.TRAINING_COURSE,
    lang: "de",
    machine: ["en"],
    title: { de: "Workshop: Barrierefreie Ausstellungsgestaltung", en: "Workshop: Accessible Exhibition Design" },
    summary: {
      de: "Zweitägiger Workshop zu inklusiver Gestaltung, Führungen in Gebärdensprache und Audiodeskription.",
      en: "A two-day workshop on inclusive design, sign-language tours and audio description.",
    },
    disciplines: ["MUSEUMS", "INTERIOR_DESIGN"],
    eligible: WORLDWIDE,
    opens: -90,
    deadline: -30,
    city: "Berlin",
    country: "DE",
    languages: ["de"],
    slug: "workshop-barrierefreie-ausstellung",
  },
  {
    type: OpportunityType.TRAINING_COURSE,
    lang: "pt",
    machine: ["en", "fr"],
    title: {
      pt: "Laboratório de documentário para realizadores lusófonos",
      en: "Documentary Lab for Portuguese-speaking Filmmakers",
      fr: "Laboratoire documentaire pour cinéastes lusophones",
    },
    summary: {
      pt: "Programa de desenvolvimento de projetos com tutoria e sessões de pitching para realizadores de países de língua portuguesa.",
      en: "A project development programme with mentoring and pitching sessions for filmmakers from Portuguese-speaking countries.",
    },
    disciplines: ["FILM"],
    eligible: LUSOPHONE,
    opens: -10,
    deadline: 50,
    costs: [TRAVEL, ACCOMMODATION],
    city: "Lisboa",
    country: "PT",
    languages: ["pt"],
    slug: "laboratorio-documentario-lusofono",
  },
  // Scholarships
  {
    type: OpportunityType.SCHOLARSHIP,
    lang: "en",
    machine: ["ar", "fr"],
    title: {
      en: "Master's Scholarships in Cultural Management",
      ar: "منح ماجستير في الإدارة الثقافية",
      fr: "Bourses de master en management culturel",
    },
    summary: {
      en: "Full tuition and a living allowance for a one-year master's programme, for candidates from the Southern Mediterranean.",
      ar: "تغطية كاملة للرسوم الدراسية ومخصص معيشي لبرنامج ماجستير لمدة عام، للمرشحين من جنوب المتوسط.",
    },
    description:
      "Candidates need a first degree and at least two years of professional experience in the cultural sector. The scholarship covers tuition, a monthly living allowance, one return journey, visa fees and health insurance.",
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: SOUTHERN_NEIGHBOURHOOD,
    opens: -75,
    deadline: 30,
    amount: [12_000, 18_000, "EUR"],
    costs: [FEE_STIPEND, TRAVEL, VISA, INSURANCE],
    languages: ["en"],
    contact: 187,
    slug: "cultural-management-masters-scholarships",
  },
  {
    type: OpportunityType.SCHOLARSHIP,
    lang: "en",
    title: { en: "Postgraduate Scholarships for Conservation Studies" },
    summary: { en: "Scholarships towards tuition for postgraduate study in the conservation of objects, paintings and archaeological finds." },
    disciplines: ["MUSEUMS", "ARCHAEOLOGY"],
    eligible: WORLDWIDE,
    opens: 40,
    deadline: 130,
    amount: [null, 20_000, "GBP"],
    costs: [FEE_STIPEND],
    city: "London",
    country: "GB",
    languages: ["en"],
    slug: "conservation-studies-scholarships",
  },
  {
    type: OpportunityType.SCHOLARSHIP,
    lang: "ar",
    machine: ["en"],
    title: { ar: "منح دراسية لدراسة الموسيقى في المعاهد العليا", en: "Scholarships for Higher Music Studies" },
    summary: {
      ar: "منح تغطي الرسوم الدراسية وجزءاً من تكاليف المعيشة لطلاب الموسيقى من الأردن ولبنان وفلسطين وسوريا.",
      en: "Scholarships covering tuition and part of living costs for music students from Jordan, Lebanon, Palestine and Syria.",
    },
    disciplines: ["MUSIC"],
    eligible: ["JO", "LB", "PS", "SY"],
    opens: -160,
    deadline: -45,
    amount: [null, 8_000, "USD"],
    costs: [FEE_STIPEND],
    languages: ["ar", "en"],
    slug: "higher-music-studies-scholarships",
  },
  {
    type: OpportunityType.SCHOLARSHIP,
    lang: "el",
    machine: ["en"],
    title: { el: "Υποτροφίες για μεταπτυχιακές σπουδές στον πολιτισμό", en: "Scholarships for Postgraduate Studies in Culture" },
    summary: {
      el: "Υποτροφίες για νέους καλλιτέχνες και επαγγελματίες του πολιτισμού για μεταπτυχιακές σπουδές στο εξωτερικό.",
      en: "Scholarships for young artists and cultural professionals to pursue postgraduate studies abroad.",
    },
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: ["GR", "CY"],
    opens: -25,
    deadline: 65,
    amount: [5_000, 15_000, "EUR"],
    costs: [FEE_STIPEND],
    languages: ["el"],
    slug: "ypotrofies-metaptyxiakes-spoudes",
  },
  // Loans and finance
  {
    type: OpportunityType.LOAN_FINANCE,
    lang: "en",
    title: { en: "Growth Loans for Creative Businesses" },
    summary: {
      en: "Loans from £5,000 to £100,000 with flexible repayments for design studios, publishers, music labels and other creative SMEs.",
    },
    disciplines: ["GRAPHIC_DESIGN", "PUBLISHING", "MUSIC_RECORDING"],
    eligible: ["GB"],
    opens: -365,
    deadline: null,
    amount: [5_000, 100_000, "GBP"],
    country: "GB",
    languages: ["en"],
    slug: "creative-business-growth-loans",
  },
  {
    type: OpportunityType.LOAN_FINANCE,
    lang: "fr",
    machine: ["en"],
    title: {
      fr: "Prêts d'honneur pour les entreprises culturelles et créatives",
      en: "Interest-free Loans for Cultural and Creative Enterprises",
    },
    summary: {
      fr: "Prêt sans intérêt ni garantie personnelle pour lancer ou développer une entreprise culturelle, accompagné d'un mentorat de deux ans.",
      en: "An interest-free loan without personal guarantee to start or grow a cultural business, with two years of mentoring.",
    },
    disciplines: ["CROSS_DISCIPLINARY"],
    eligible: ["FR"],
    opens: -20,
    deadline: 40,
    amount: [3_000, 30_000, "EUR"],
    country: "FR",
    languages: ["fr"],
    slug: "prets-honneur-entreprises-culturelles",
  },
  {
    type: OpportunityType.LOAN_FINANCE,
    lang: "en",
    machine: ["ar", "fr"],
    title: {
      en: "Impact Investment Fund for Creative Start-ups in North Africa",
      ar: "صندوق استثمار مؤثر للشركات الناشئة الإبداعية في شمال أفريقيا",
      fr: "Fonds d'investissement à impact pour les start-up créatives d'Afrique du Nord",
    },
    summary: {
      en: "Equity and convertible loans for early-stage creative tech companies in Morocco, Tunisia, Algeria and Egypt.",
    },
    disciplines: ["VIDEO_GAMES", "XR", "DIGITAL_ART"],
    eligible: ["MA", "TN", "DZ", "EG"],
    opens: 30,
    deadline: 120,
    amount: [50_000, 250_000, "EUR"],
    languages: ["en", "fr", "ar"],
    slug: "north-africa-creative-startups-fund",
  },
  // Partner searches
  {
    type: OpportunityType.PARTNER_SEARCH,
    lang: "en",
    machine: ["fr"],
    title: {
      en: "Partner Search: Cooperation Project on Inclusive Festivals",
      fr: "Recherche de partenaires : projet de coopération sur les festivals inclusifs",
    },
    summary: {
      en: "A festival network seeks two to four partners for a small-scale European cooperation project on access for disabled audiences.",
    },
    disciplines: ["FESTIVALS", "MUSIC"],
    eligible: CREATIVE_EUROPE,
    opens: -20,
    deadline: 25,
    languages: ["en"],
    contact: 55,
    slug: "inclusive-festivals-partner-search",
  },
  {
    type: OpportunityType.PARTNER_SEARCH,
    lang: "it",
    machine: ["en", "fr"],
    title: {
      it: "Cercasi partner per un progetto sul patrimonio marittimo",
      en: "Partners Wanted for a Maritime Heritage Project",
      fr: "Recherche de partenaires pour un projet sur le patrimoine maritime",
    },
    summary: {
      it: "Un museo del mare cerca musei e archivi del Mediterraneo per un progetto comune di ricerca e mostre.",
      en: "A maritime museum is looking for Mediterranean museums and archives for a joint research and exhibition project.",
    },
    disciplines: ["MUSEUMS", "ARCHIVES", "INTANGIBLE_HERITAGE"],
    eligible: EUROMED,
    opens: -100,
    deadline: -20,
    languages: ["it", "en", "fr"],
    contact: 71,
    slug: "partner-patrimonio-marittimo",
  },
  {
    type: OpportunityType.PARTNER_SEARCH,
    lang: "ar",
    machine: ["en"],
    title: { ar: "نبحث عن شركاء لمشروع مسرح مجتمعي", en: "Seeking Partners for a Community Theatre Project" },
    summary: {
      ar: "فرقة مسرحية مستقلة تبحث عن شركاء في أوروبا والمنطقة العربية لمشروع إنتاج مشترك حول الذاكرة والهجرة.",
      en: "An independent theatre company is looking for partners in Europe and the Arab region for a co-production on memory and migration.",
    },
    disciplines: ["THEATRE"],
    eligible: EUROMED,
    opens: -5,
    deadline: null,
    languages: ["ar", "en", "fr"],
    slug: "community-theatre-partners",
  },
  {
    type: OpportunityType.PARTNER_SEARCH,
    lang: "en",
    title: { en: "Partner Search: Design Education Network for the Western Balkans" },
    summary: { en: "Design schools are looking for partners to build a shared curriculum on circular design." },
    disciplines: ["PRODUCT_DESIGN", "GRAPHIC_DESIGN"],
    eligible: [...WESTERN_BALKANS, ...EU27],
    opens: 14,
    deadline: 74,
    languages: ["en"],
    slug: "western-balkans-design-education-partners",
  },
  // Collaboration calls
  {
    type: OpportunityType.COLLABORATION_CALL,
    lang: "en",
    machine: ["fr", "ar", "es"],
    title: {
      en: "Ideation Lab: Artists and Scientists on Water Scarcity",
      fr: "Laboratoire d'idées : artistes et scientifiques face à la pénurie d'eau",
      ar: "مختبر أفكار: فنانون وعلماء في مواجهة ندرة المياه",
      es: "Laboratorio de ideas: artistas y científicos ante la escasez de agua",
    },
    summary: {
      en: "A five-day lab pairing artists with hydrologists and climate researchers to prototype public interventions.",
      es: "Un laboratorio de cinco días que reúne a artistas con hidrólogos e investigadores del clima para diseñar intervenciones públicas.",
    },
    disciplines: ["CROSS_DISCIPLINARY", "DIGITAL_ART"],
    eligible: EUROMED,
    opens: -15,
    deadline: 15,
    costs: [TRAVEL, ACCOMMODATION, PER_DIEM],
    city: "València",
    country: "ES",
    languages: ["en"],
    contact: 23,
    slug: "water-scarcity-ideation-lab",
  },
  {
    type: OpportunityType.COLLABORATION_CALL,
    lang: "fr",
    machine: ["en"],
    title: {
      fr: "Appel à coproduction pour une création chorégraphique entre les deux rives",
      en: "Co-production Call for a Choreographic Work across the Mediterranean",
    },
    summary: {
      fr: "Une coproduction, trois semaines de résidence et une première la saison prochaine pour une pièce réunissant des interprètes des deux rives.",
      en: "A co-production, three weeks of residency and a premiere next season for a piece bringing together performers from both shores.",
    },
    disciplines: ["DANCE"],
    eligible: EUROMED,
    opens: -130,
    deadline: -50,
    amount: [15_000, 30_000, "EUR"],
    costs: [PRODUCTION, ACCOMMODATION, TRAVEL],
    languages: ["fr", "ar"],
    slug: "coproduction-choregraphique-deux-rives",
  },
  {
    type: OpportunityType.COLLABORATION_CALL,
    lang: "tr",
    machine: ["en", "el"],
    title: {
      tr: "Ege'nin iki yakasından müzisyenler için ortak beste çağrısı",
      en: "Joint Composition Call for Musicians from Both Shores of the Aegean",
      el: "Πρόσκληση κοινής σύνθεσης για μουσικούς από τις δύο ακτές του Αιγαίου",
    },
    summary: {
      tr: "Türkiye ve Yunanistan'dan müzisyenler, ortak bir repertuvar oluşturmak için iki haftalık bir çalışmaya davet ediliyor.",
      en: "Musicians from Türkiye and Greece are invited to a two-week workshop to create a shared repertoire.",
    },
    disciplines: ["MUSIC"],
    eligible: ["TR", "GR", "CY"],
    opens: 5,
    deadline: 50,
    amount: [null, 2_000, "EUR"],
    costs: [TRAVEL, ACCOMMODATION, FEE_STIPEND],
    languages: ["tr", "el", "en"],
    slug: "aegean-joint-composition-call",
  },
];

/** The number of hand-written demo opportunities; seeds beyond it are synthetic. */
export const DEMO_OPPORTUNITY_COUNT = DEMO_OPPORTUNITIES.length;

function localized(original: string, versions: Record<string, string>, machine: readonly string[] = []): LocalizedText {
  return LocalizedText.from({
    originalLanguage: original,
    translations: Object.entries(versions).map(([lang, value]) => ({ lang, value, machineTranslated: lang !== original && machine.includes(lang) })),
  });
}

/** The row of a record: everything the table holds, ids and timestamps included. */
type OpportunityRow = Omit<Opportunity, "status" | "amount">;

function demoRow(demo: DemoOpportunity, index: number, sizes: SeedSizes, today: number, now: number): OpportunityRow {
  const opensAt = new Date(today + demo.opens * DAY + 9 * HOUR);
  // Listings appear a few days before they open, and never after the moment of seeding.
  const createdAt = new Date(Math.min(opensAt.getTime(), now) - ((index % 9) + 1) * DAY - index * 60_000);
  const [amountMin, amountMax, currency] = demo.amount ?? [null, null, null];
  return {
    id: demoId("opportunity", index),
    network: NETWORKS[index % NETWORKS.length],
    sourceId: demo.slug,
    type: demo.type,
    title: localized(demo.lang, demo.title, demo.machine),
    summary: localized(demo.lang, demo.summary, demo.machine),
    description: demo.description ? localized(demo.lang, { [demo.lang]: demo.description }) : null,
    publisherId: demoId("organisation", (index * 7) % Math.max(1, sizes.organisations)),
    contactId: demo.contact !== undefined && demo.contact < sizes.people ? demoId("person", demo.contact) : null,
    disciplines: demo.disciplines,
    eligibleCountries: [...demo.eligible],
    opensAt,
    deadline: demo.deadline === null ? null : new Date(today + demo.deadline * DAY + 21 * HOUR + 59 * 60_000),
    amountMin,
    amountMax,
    currency,
    costsCovered: demo.costs ?? [],
    applicationUrl: `https://www.example.org/opportunities/${demo.slug}`,
    remote: demo.remote ?? false,
    city: demo.city ?? null,
    country: demo.country ?? null,
    workingLanguages: demo.languages,
    createdAt,
    updatedAt: createdAt,
    ...publishedSince(createdAt),
  };
}

/** English and French nouns for synthetic titles, per type. */
const TYPE_NOUNS: Record<OpportunityType, [en: string, fr: string]> = {
  GRANT: ["Project grant", "Subvention de projet"],
  MOBILITY_GRANT: ["Mobility grant", "Bourse de mobilité"],
  RESIDENCY: ["Residency", "Résidence"],
  OPEN_CALL: ["Open call", "Appel à candidatures"],
  PRIZE: ["Award", "Prix"],
  JOB: ["Job", "Emploi"],
  INTERNSHIP: ["Internship", "Stage"],
  VOLUNTEERING: ["Volunteering", "Bénévolat"],
  TRAINING_COURSE: ["Workshop", "Atelier"],
  SCHOLARSHIP: ["Scholarship", "Bourse d'études"],
  LOAN_FINANCE: ["Loan scheme", "Prêt"],
  PARTNER_SEARCH: ["Partner search", "Recherche de partenaires"],
  COLLABORATION_CALL: ["Collaboration call", "Appel à collaboration"],
};

const ELIGIBILITY_CHOICES: ReadonlyArray<readonly CountryCode[]> = [WORLDWIDE, EU27, CREATIVE_EUROPE, SOUTHERN_NEIGHBOURHOOD, EUROMED, ARAB_REGION];
const SYNTHETIC_CURRENCIES: CurrencyCode[] = ["EUR", "EUR", "EUR", "GBP", "USD", "MAD", "TND", "EGP", "TRY"];
const SYNTHETIC_COUNTRIES: CountryCode[] = ["FR", "DE", "IT", "ES", "PT", "GR", "NL", "BE", "PL", "RS", "TR", "MA", "TN", "EG", "JO", "LB", "GB"];
const SYNTHETIC_LANGUAGES = ["en", "fr", "ar", "es", "it", "de", "pt", "el", "tr"];

/** Generated opportunities for scale tests: varied, deterministic for a given size, never hand-checked. */
function syntheticRows(from: number, to: number, sizes: SeedSizes, now: number): OpportunityRow[] {
  const faker = createSeededFaker(SYNTHETIC_SEED);
  const types = Object.values(OpportunityType);
  const costs = Object.values(CostCovered);
  const disciplineCodes = Object.keys(DISCIPLINES) as Discipline[];
  const rows: OpportunityRow[] = [];
  for (let index = from; index < to; index++) {
    const type = faker.helpers.arrayElement(types);
    const disciplines = faker.helpers.arrayElements(disciplineCodes, { min: 1, max: 3 });
    const city = faker.location.city();
    const [nounEn, nounFr] = TYPE_NOUNS[type];
    const label = DISCIPLINES[disciplines[0]].label;
    const titleVersions: Record<string, string> = { en: `${nounEn}: ${label} (${city})` };
    if (faker.datatype.boolean()) titleVersions.fr = `${nounFr} : ${label} (${city})`;
    const opensAt = new Date(now + faker.number.int({ min: -400, max: 90 }) * DAY);
    const hasAmount = faker.datatype.boolean({ probability: 0.6 });
    const amountMax = faker.number.int({ min: 5, max: 2_000 }) * 100;
    const createdAt = new Date(Math.min(opensAt.getTime(), now) - faker.number.int({ min: 1, max: 30 * 24 }) * HOUR);
    rows.push({
      id: demoId("opportunity", index),
      network: faker.helpers.arrayElement(NETWORKS),
      sourceId: `synthetic-${index}`,
      type,
      title: localized("en", titleVersions, ["fr"]),
      summary: faker.datatype.boolean() ? localized("en", { en: faker.company.catchPhrase() }) : null,
      description: null,
      publisherId: demoId("organisation", faker.number.int({ min: 0, max: Math.max(1, sizes.organisations) - 1 })),
      contactId:
        sizes.people > 0 && faker.datatype.boolean({ probability: 0.4 }) ? demoId("person", faker.number.int({ min: 0, max: sizes.people - 1 })) : null,
      disciplines,
      eligibleCountries: [...faker.helpers.arrayElement(ELIGIBILITY_CHOICES)],
      opensAt,
      deadline: faker.datatype.boolean({ probability: 0.9 }) ? new Date(opensAt.getTime() + faker.number.int({ min: 14, max: 180 }) * DAY) : null,
      amountMin: hasAmount && faker.datatype.boolean() ? Math.round(amountMax / 4) : null,
      amountMax: hasAmount ? amountMax : null,
      currency: hasAmount ? faker.helpers.arrayElement(SYNTHETIC_CURRENCIES) : null,
      costsCovered: faker.helpers.arrayElements(costs, { min: 0, max: 3 }),
      applicationUrl: faker.datatype.boolean({ probability: 0.8 }) ? `https://www.example.org/opportunities/synthetic-${index}` : null,
      remote: faker.datatype.boolean({ probability: 0.1 }),
      city,
      country: faker.helpers.arrayElement(SYNTHETIC_COUNTRIES),
      workingLanguages: faker.helpers.arrayElements(SYNTHETIC_LANGUAGES, { min: 1, max: 2 }),
      createdAt,
      updatedAt: createdAt,
      ...publishedSince(createdAt),
      ...publishedSince(createdAt),
    });
  }
  return rows;
}

/**
 * Seeds `sizes.opportunities` opportunities into an empty database: the hand-written demo listings
 * first, then synthetic ones. Dates are relative to `now`, so the demo always has open, forthcoming
 * and closed calls; publishers and contacts are the demo organisations and people of the other subgraphs.
 */
export async function seedOpportunities(dataSource: DataSource, sizes: SeedSizes, now: Date = new Date()): Promise<void> {
  const nowMs = now.getTime();
  const today = Math.floor(nowMs / DAY) * DAY;
  const handWritten = DEMO_OPPORTUNITIES.slice(0, sizes.opportunities).map((demo, index) => demoRow(demo, index, sizes, today, nowMs));
  const rows = [...handWritten, ...syntheticRows(handWritten.length, sizes.opportunities, sizes, nowMs)];
  await dataSource.transaction((manager) => bulkInsert(manager, Opportunity, rows as Opportunity[]));
}
