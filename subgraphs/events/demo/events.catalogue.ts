import type { CountryCode, Discipline } from "@agora-hub/subgraph-kit";
import { EventAttendanceMode, EventFormat } from "../event/event.type";

/** A text of the catalogue: its original language, its versions, and which of them were machine-translated. */
export interface CatalogueText {
  original: string;
  versions: Record<string, string>;
  machine?: string[];
}

/** A real cultural venue with its coordinates and the IANA time zone of its city. */
export interface CatalogueVenue {
  name: string;
  city: string;
  country: CountryCode;
  latitude: number;
  longitude: number;
  timeZone: string;
}

/** A hand-written demo event; days are counted from the day the seed runs, times are local to the venue. */
export interface CatalogueEvent {
  title: CatalogueText;
  description: CatalogueText;
  format: EventFormat;
  attendanceMode: EventAttendanceMode;
  venue?: keyof typeof VENUES;
  /** Time zone of online-only events (in-person ones take their venue's). */
  timeZone?: string;
  onlineUrl?: string;
  /** First day, relative to today (negative: in the past). */
  startDay: number;
  /** Number of days after the first day on which the event ends (0: same day). */
  days: number;
  startTime: string;
  endTime: string;
  disciplines: Discipline[];
  languages: string[];
  capacity?: number;
  registrationUrl?: string;
  /** Indexes of demo organisations (`demoId("organisation", j)`), main organiser first. */
  organisers: number[];
  /** Indexes of demo people (`demoId("person", i)`), in programme order. */
  speakers: number[];
}

const text = (original: string, versions: Record<string, string>, machine: string[] = []): CatalogueText => ({ original, versions, machine });

/** Venues of Europe and the Southern Mediterranean used by the demo and synthetic events. */
export const VENUES = {
  bozar: { name: "Bozar – Centre for Fine Arts", city: "Brussels", country: "BE", latitude: 50.8437, longitude: 4.3596, timeZone: "Europe/Brussels" },
  flagey: { name: "Flagey", city: "Brussels", country: "BE", latitude: 50.8275, longitude: 4.372, timeZone: "Europe/Brussels" },
  friche: { name: "La Friche la Belle de Mai", city: "Marseille", country: "FR", latitude: 43.3103, longitude: 5.3907, timeZone: "Europe/Paris" },
  mucem: { name: "Mucem", city: "Marseille", country: "FR", latitude: 43.2967, longitude: 5.361, timeZone: "Europe/Paris" },
  citeCulture: { name: "Cité de la Culture", city: "Tunis", country: "TN", latitude: 36.8095, longitude: 10.182, timeZone: "Africa/Tunis" },
  beirutArtCenter: { name: "Beirut Art Center", city: "Beirut", country: "LB", latitude: 33.8783, longitude: 35.53, timeZone: "Asia/Beirut" },
  sursock: { name: "Sursock Museum", city: "Beirut", country: "LB", latitude: 33.892, longitude: 35.518, timeZone: "Asia/Beirut" },
  abattoirs: { name: "Les Abattoirs de Casablanca", city: "Casablanca", country: "MA", latitude: 33.596, longitude: -7.556, timeZone: "Africa/Casablanca" },
  daratAlFunun: { name: "Darat al Funun", city: "Amman", country: "JO", latitude: 31.9563, longitude: 35.9236, timeZone: "Asia/Amman" },
  stegi: { name: "Onassis Stegi", city: "Athens", country: "GR", latitude: 37.9589, longitude: 23.7198, timeZone: "Europe/Athens" },
  technopolis: { name: "Technopolis City of Athens", city: "Athens", country: "GR", latitude: 37.9786, longitude: 23.7133, timeZone: "Europe/Athens" },
  lxFactory: { name: "LX Factory", city: "Lisbon", country: "PT", latitude: 38.7034, longitude: -9.1787, timeZone: "Europe/Lisbon" },
  culturgest: { name: "Culturgest", city: "Lisbon", country: "PT", latitude: 38.7405, longitude: -9.141, timeZone: "Europe/Lisbon" },
  dorcolPlatz: { name: "Dorćol Platz", city: "Belgrade", country: "RS", latitude: 44.824, longitude: 20.466, timeZone: "Europe/Belgrade" },
  kcGrad: { name: "KC Grad", city: "Belgrade", country: "RS", latitude: 44.815, longitude: 20.4545, timeZone: "Europe/Belgrade" },
  radialsystem: { name: "Radialsystem", city: "Berlin", country: "DE", latitude: 52.5107, longitude: 13.4283, timeZone: "Europe/Berlin" },
  hkw: { name: "Haus der Kulturen der Welt", city: "Berlin", country: "DE", latitude: 52.5186, longitude: 13.365, timeZone: "Europe/Berlin" },
  spazjuKreattiv: { name: "Spazju Kreattiv", city: "Valletta", country: "MT", latitude: 35.8968, longitude: 14.5108, timeZone: "Europe/Malta" },
  saltGalata: { name: "SALT Galata", city: "Istanbul", country: "TR", latitude: 41.0235, longitude: 28.974, timeZone: "Europe/Istanbul" },
  bibalex: { name: "Bibliotheca Alexandrina", city: "Alexandria", country: "EG", latitude: 31.2089, longitude: 29.9092, timeZone: "Africa/Cairo" },
  zisa: { name: "Cantieri Culturali alla Zisa", city: "Palermo", country: "IT", latitude: 38.1137, longitude: 13.338, timeZone: "Europe/Rome" },
  fabraCoats: { name: "Fabra i Coats – Fàbrica de Creació", city: "Barcelona", country: "ES", latitude: 41.4357, longitude: 2.1907, timeZone: "Europe/Madrid" },
} satisfies Record<string, CatalogueVenue>;

const { CONFERENCE, FORUM, WORKSHOP, MEETUP, FESTIVAL, EXHIBITION, PERFORMANCE, SCREENING, WEBINAR, FAIR, MATCHMAKING_SESSION } = EventFormat;
const { IN_PERSON, ONLINE, MIXED } = EventAttendanceMode;

/**
 * The 40 hand-written demo events. Texts never name the organiser: organisers are demo organisations
 * picked by index, whose identity this subgraph does not know.
 */
export const DEMO_EVENTS: CatalogueEvent[] = [
  {
    title: text("en", { en: "Mediterranean Creative Networks Forum", fr: "Forum des réseaux créatifs méditerranéens", ar: "منتدى الشبكات الإبداعية المتوسطية" }, ["fr", "ar"]),
    description: text("en", {
      en: "Two days for cultural networks from both shores of the Mediterranean to compare how they support artists' mobility, share tools and plan joint projects for the next funding cycle.",
      fr: "Deux jours pour que les réseaux culturels des deux rives de la Méditerranée comparent leur soutien à la mobilité des artistes, partagent leurs outils et préparent des projets communs pour le prochain cycle de financement.",
    }, ["fr"]),
    format: FORUM, attendanceMode: MIXED, venue: "bozar", onlineUrl: "https://live.agora-hub.example/creative-networks-forum",
    startDay: 45, days: 1, startTime: "09:30", endTime: "18:00",
    disciplines: ["CROSS_DISCIPLINARY"], languages: ["en", "fr"], capacity: 400,
    registrationUrl: "https://tickets.agora-hub.example/creative-networks-forum",
    organisers: [0, 7], speakers: [3, 18, 41, 77, 102, 150],
  },
  {
    title: text("fr", { fr: "Rencontres des tiers-lieux culturels", en: "Meeting of Cultural Third Places" }, ["en"]),
    description: text("fr", {
      fr: "Friches, fabriques et lieux hybrides échangent sur leurs modèles économiques, la gouvernance partagée et l'accueil des habitants du quartier.",
      en: "Former industrial sites, art factories and hybrid venues exchange on their business models, shared governance and how they welcome neighbourhood residents.",
    }, ["en"]),
    format: FORUM, attendanceMode: IN_PERSON, venue: "friche",
    startDay: -60, days: 1, startTime: "10:00", endTime: "17:30",
    disciplines: ["CROSS_DISCIPLINARY", "BUILT_HERITAGE"], languages: ["fr"], capacity: 250,
    organisers: [4], speakers: [12, 56, 91],
  },
  {
    title: text("fr", {
      fr: "Journées de la coproduction audiovisuelle méditerranéenne",
      ar: "أيام الإنتاج السمعي البصري المشترك المتوسطي",
      en: "Mediterranean Audiovisual Co-production Days",
    }, ["en"]),
    description: text("fr", {
      fr: "Rendez-vous individuels préprogrammés entre producteurs, diffuseurs et fonds régionaux pour monter des coproductions de films et de séries.",
      ar: "لقاءات ثنائية مبرمجة مسبقاً بين المنتجين والقنوات والصناديق الإقليمية لإطلاق إنتاجات مشتركة للأفلام والمسلسلات.",
      en: "Pre-scheduled one-to-one meetings between producers, broadcasters and regional funds to set up film and series co-productions.",
    }, ["en"]),
    format: MATCHMAKING_SESSION, attendanceMode: IN_PERSON, venue: "citeCulture",
    startDay: 20, days: 1, startTime: "09:00", endTime: "18:00",
    disciplines: ["FILM", "TV_AND_RADIO"], languages: ["fr", "ar", "en"], capacity: 120,
    registrationUrl: "https://matchmaking.agora-hub.example/coproduction-days",
    organisers: [2, 11], speakers: [25, 63],
  },
  {
    title: text("ar", { ar: "ليالي الأفلام القصيرة في بيروت", en: "Beirut Short Film Nights", fr: "Nuits du court métrage de Beyrouth" }, ["fr"]),
    description: text("ar", {
      ar: "ثلاث أمسيات لعرض أفلام قصيرة لمخرجين شباب من لبنان والمنطقة، تليها نقاشات مع صانعي الأفلام.",
      en: "Three evenings of short films by young directors from Lebanon and the region, each followed by a discussion with the filmmakers.",
    }),
    format: SCREENING, attendanceMode: IN_PERSON, venue: "beirutArtCenter",
    startDay: -25, days: 2, startTime: "20:00", endTime: "23:00",
    disciplines: ["FILM"], languages: ["ar", "en"], capacity: 180,
    organisers: [9], speakers: [34, 88, 121],
  },
  {
    title: text("fr", {
      fr: "Salon des industries culturelles et créatives",
      ar: "معرض الصناعات الثقافية والإبداعية",
      en: "Cultural and Creative Industries Fair",
    }, ["en"]),
    description: text("fr", {
      fr: "Designers, artisans d'art et jeunes marques présentent et vendent leurs créations ; rencontres professionnelles avec acheteurs et distributeurs.",
      ar: "مصممون وحرفيون وعلامات ناشئة يعرضون إبداعاتهم ويبيعونها، مع لقاءات مهنية مع المشترين والموزعين.",
    }),
    format: FAIR, attendanceMode: IN_PERSON, venue: "abattoirs",
    startDay: 75, days: 2, startTime: "10:00", endTime: "20:00",
    disciplines: ["DESIGN_AND_CREATIVE_SERVICES", "ARTISTIC_CRAFTS"], languages: ["fr", "ar"], capacity: 3000,
    registrationUrl: "https://tickets.agora-hub.example/cci-fair-casablanca",
    organisers: [5, 14, 22], speakers: [7, 140],
  },
  {
    title: text("ar", { ar: "ورشة الرسم التوضيحي والقصص المصورة", en: "Illustration and Comics Workshop" }),
    description: text("ar", {
      ar: "ورشة عملية لرسامين ناشئين حول بناء شخصيات وسرد قصة مصورة قصيرة، من الفكرة إلى النشر.",
      en: "A hands-on workshop for emerging illustrators on building characters and telling a short comic story, from idea to publication.",
    }),
    format: WORKSHOP, attendanceMode: IN_PERSON, venue: "daratAlFunun",
    startDay: 12, days: 1, startTime: "10:00", endTime: "16:00",
    disciplines: ["COMICS", "GRAPHIC_DESIGN"], languages: ["ar", "en"], capacity: 20,
    registrationUrl: "https://forms.agora-hub.example/illustration-workshop-amman",
    organisers: [16], speakers: [49],
  },
  {
    title: text("el", { el: "Συνέδριο Ψηφιακής Πολιτιστικής Κληρονομιάς", en: "Digital Cultural Heritage Conference" }, ["en"]),
    description: text("el", {
      el: "Μουσεία, αρχεία και ερευνητές παρουσιάζουν έργα ψηφιοποίησης, ανοιχτά δεδομένα και νέους τρόπους πρόσβασης του κοινού στις συλλογές.",
      en: "Museums, archives and researchers present digitisation projects, open data and new ways for the public to access collections.",
    }, ["en"]),
    format: CONFERENCE, attendanceMode: IN_PERSON, venue: "technopolis",
    startDay: -120, days: 1, startTime: "09:00", endTime: "18:30",
    disciplines: ["MUSEUMS", "ARCHIVES", "DIGITAL_ART"], languages: ["el", "en"], capacity: 350,
    organisers: [3, 19], speakers: [5, 29, 66, 97, 133],
  },
  {
    title: text("pt", { pt: "Encontro de Residências Artísticas", en: "Artist Residencies Meetup" }, ["en"]),
    description: text("pt", {
      pt: "Um fim de tarde para artistas e programadores de residências se conhecerem, partilharem chamadas abertas e experiências de acolhimento.",
      en: "An early evening for artists and residency programmers to meet, share open calls and hosting experiences.",
    }, ["en"]),
    format: MEETUP, attendanceMode: IN_PERSON, venue: "lxFactory",
    startDay: 30, days: 0, startTime: "18:30", endTime: "21:30",
    disciplines: ["FINE_ARTS", "CURATING"], languages: ["pt", "en"], capacity: 60,
    organisers: [8], speakers: [],
  },
  {
    title: text("sr-Latn", { "sr-Latn": "Dani nezavisne kulture", en: "Independent Culture Days" }),
    description: text("sr-Latn", {
      "sr-Latn": "Četiri dana predstava, koncerata i izložbi nezavisne scene, uz razgovore o prostorima za kulturu u gradu.",
      en: "Four days of plays, concerts and exhibitions from the independent scene, with talks about spaces for culture in the city.",
    }),
    format: FESTIVAL, attendanceMode: IN_PERSON, venue: "dorcolPlatz",
    startDay: 95, days: 3, startTime: "17:00", endTime: "23:30",
    disciplines: ["THEATRE", "MUSIC", "FINE_ARTS"], languages: ["sr", "en"], capacity: 800,
    organisers: [12, 25], speakers: [15, 58, 112, 170],
  },
  {
    title: text("de", {
      de: "Werkstatt: Förderanträge für internationale Kulturprojekte",
      en: "Workshop: Funding Applications for International Cultural Projects",
    }, ["en"]),
    description: text("de", {
      de: "Von der Projektidee zum überzeugenden Antrag: Partnerschaft, Budget und Wirkung so beschreiben, dass Jurys sie verstehen.",
      en: "From project idea to convincing application: describing partnership, budget and impact so that juries understand them.",
    }, ["en"]),
    format: WORKSHOP, attendanceMode: IN_PERSON, venue: "radialsystem",
    startDay: -15, days: 0, startTime: "10:00", endTime: "17:00",
    disciplines: ["CROSS_DISCIPLINARY"], languages: ["de", "en"], capacity: 30,
    organisers: [6], speakers: [71, 144],
  },
  {
    title: text("en", { en: "Island Stories: Contemporary Art from Malta and the Mediterranean", it: "Storie d'isola: arte contemporanea da Malta e dal Mediterraneo" }, ["it"]),
    description: text("en", {
      en: "Painting, photography and installation by artists living on Mediterranean islands, on insularity, migration and the sea.",
    }),
    format: EXHIBITION, attendanceMode: IN_PERSON, venue: "spazjuKreattiv",
    startDay: -40, days: 90, startTime: "10:00", endTime: "18:00",
    disciplines: ["FINE_ARTS", "PHOTOGRAPHY"], languages: ["en", "mt"],
    organisers: [21], speakers: [44, 105],
  },
  {
    title: text("tr", { tr: "Bağımsız Yayıncılık Buluşması", en: "Independent Publishing Meetup" }, ["en"]),
    description: text("tr", {
      tr: "Bağımsız yayınevleri, fanzin yapımcıları ve çevirmenler dağıtım, telif ve ortak yayın projeleri üzerine sohbet ediyor.",
      en: "Independent publishers, zine makers and translators talk about distribution, rights and joint publishing projects.",
    }, ["en"]),
    format: MEETUP, attendanceMode: IN_PERSON, venue: "saltGalata",
    startDay: 8, days: 0, startTime: "18:00", endTime: "21:00",
    disciplines: ["PUBLISHING", "LITERATURE", "LITERARY_TRANSLATION"], languages: ["tr", "en"], capacity: 80,
    organisers: [17], speakers: [23, 160],
  },
  {
    title: text("en", {
      en: "Mobility Funding for Artists: How to Apply",
      fr: "Financer la mobilité des artistes : comment candidater",
      es: "Financiación de la movilidad de artistas: cómo presentar una solicitud",
    }, ["fr", "es"]),
    description: text("en", {
      en: "An hour-long online session on the main mobility funds open to artists and cultural professionals, with tips on eligibility and budgets and time for questions.",
      fr: "Une heure en ligne sur les principaux fonds de mobilité ouverts aux artistes et professionnels de la culture, avec des conseils sur l'éligibilité et les budgets, et du temps pour les questions.",
    }, ["fr"]),
    format: WEBINAR, attendanceMode: ONLINE, timeZone: "Europe/Brussels", onlineUrl: "https://live.agora-hub.example/mobility-funding-webinar",
    startDay: 5, days: 0, startTime: "14:00", endTime: "15:30",
    disciplines: ["CROSS_DISCIPLINARY"], languages: ["en"], capacity: 500,
    registrationUrl: "https://forms.agora-hub.example/mobility-funding-webinar",
    organisers: [1], speakers: [10, 131],
  },
  {
    title: text("fr", { fr: "Droit d'auteur et licences pour les créateurs numériques", en: "Copyright and Licensing for Digital Creators" }, ["en"]),
    description: text("fr", {
      fr: "Licences libres, gestion collective, plateformes de diffusion : ce que chaque créateur numérique doit savoir avant de publier.",
      en: "Open licences, collective management, distribution platforms: what every digital creator should know before publishing.",
    }, ["en"]),
    format: WEBINAR, attendanceMode: ONLINE, timeZone: "Europe/Paris", onlineUrl: "https://live.agora-hub.example/droit-auteur-numerique",
    startDay: -30, days: 0, startTime: "11:00", endTime: "12:30",
    disciplines: ["DIGITAL_ART", "MUSIC_RECORDING"], languages: ["fr"], capacity: 300,
    organisers: [10], speakers: [38],
  },
  {
    title: text("ar", {
      ar: "التمويل الجماعي للمشاريع الثقافية",
      en: "Crowdfunding for Cultural Projects",
      fr: "Le financement participatif des projets culturels",
    }, ["en", "fr"]),
    description: text("ar", {
      ar: "جلسة عبر الإنترنت حول تصميم حملة تمويل جماعي ناجحة: تحديد الهدف، بناء المجتمع، والتواصل مع الداعمين بعد الحملة.",
      en: "An online session on designing a successful crowdfunding campaign: setting the goal, building a community and keeping in touch with backers afterwards.",
    }, ["en"]),
    format: WEBINAR, attendanceMode: ONLINE, timeZone: "Asia/Amman", onlineUrl: "https://live.agora-hub.example/crowdfunding-culture",
    startDay: 18, days: 0, startTime: "17:00", endTime: "18:30",
    disciplines: ["CROSS_DISCIPLINARY"], languages: ["ar"],
    organisers: [13], speakers: [52, 177],
  },
  {
    title: text("es", { es: "Audiencias digitales para las artes escénicas", en: "Digital Audiences for the Performing Arts" }, ["en"]),
    description: text("es", {
      es: "Cómo compañías de teatro y danza usan la transmisión en directo, las redes y los datos para encontrar nuevos públicos sin perder la experiencia del directo.",
      en: "How theatre and dance companies use live streaming, social media and data to find new audiences without losing the live experience.",
    }, ["en"]),
    format: WEBINAR, attendanceMode: ONLINE, timeZone: "Europe/Madrid", onlineUrl: "https://live.agora-hub.example/audiencias-digitales",
    startDay: -75, days: 0, startTime: "16:00", endTime: "17:30",
    disciplines: ["THEATRE", "DANCE"], languages: ["es", "en"],
    organisers: [20], speakers: [64, 119],
  },
  {
    title: text("fr", {
      fr: "Traversées : danse contemporaine entre les deux rives",
      en: "Crossings: Contemporary Dance between Two Shores",
      ar: "عبور: رقص معاصر بين الضفتين",
    }),
    description: text("fr", {
      fr: "Une création pour six danseurs de Marseille, Tunis et Alger sur la mer comme frontière et comme chemin.",
      en: "A new piece for six dancers from Marseille, Tunis and Algiers about the sea as a border and as a path.",
      ar: "عمل جديد لستة راقصين من مرسيليا وتونس والجزائر عن البحر حدوداً وطريقاً.",
    }),
    format: PERFORMANCE, attendanceMode: IN_PERSON, venue: "mucem",
    startDay: 22, days: 0, startTime: "20:30", endTime: "22:00",
    disciplines: ["DANCE"], languages: ["fr"], capacity: 300,
    registrationUrl: "https://tickets.agora-hub.example/traversees",
    organisers: [4, 15], speakers: [27, 81, 146],
  },
  {
    title: text("el", { el: "Φωνές της Μεσογείου", en: "Voices of the Mediterranean" }),
    description: text("el", {
      el: "Συναυλία με τραγουδίστριες και μουσικούς από την Ελλάδα, την Τουρκία και τον Λίβανο, που διασκευάζουν παραδοσιακά τραγούδια του λιμανιού.",
      en: "A concert with singers and musicians from Greece, Türkiye and Lebanon reworking traditional harbour songs.",
    }),
    format: PERFORMANCE, attendanceMode: IN_PERSON, venue: "stegi",
    startDay: -10, days: 0, startTime: "21:00", endTime: "23:00",
    disciplines: ["MUSIC", "INTANGIBLE_HERITAGE"], languages: ["el", "tr", "ar"], capacity: 600,
    organisers: [3], speakers: [9, 47, 99, 188],
  },
  {
    title: text("ar", { ar: "ليلة المسرح التونسي المعاصر", fr: "Nuit du théâtre tunisien contemporain", en: "Night of Contemporary Tunisian Theatre" }, ["en"]),
    description: text("ar", {
      ar: "ثلاثة عروض قصيرة لفرق مسرحية شابة تتناول المدينة والعمل والهجرة، يليها لقاء مع المخرجين.",
      fr: "Trois formes courtes de jeunes compagnies sur la ville, le travail et l'exil, suivies d'une rencontre avec les metteurs en scène.",
    }),
    format: PERFORMANCE, attendanceMode: IN_PERSON, venue: "citeCulture",
    startDay: 60, days: 0, startTime: "19:30", endTime: "23:00",
    disciplines: ["THEATRE"], languages: ["ar"], capacity: 450,
    organisers: [11], speakers: [31, 116],
  },
  {
    title: text("pt", { pt: "Cinema do Sul: curtas-metragens do Mediterrâneo", en: "Cinema of the South: Short Films from the Mediterranean" }, ["en"]),
    description: text("pt", {
      pt: "Uma seleção de curtas-metragens de realizadores do Magrebe, do Médio Oriente e do Sul da Europa, legendadas em português e inglês.",
      en: "A selection of short films by directors from the Maghreb, the Middle East and Southern Europe, subtitled in Portuguese and English.",
    }, ["en"]),
    format: SCREENING, attendanceMode: IN_PERSON, venue: "culturgest",
    startDay: 40, days: 0, startTime: "21:00", endTime: "23:15",
    disciplines: ["FILM"], languages: ["pt", "en"], capacity: 280,
    organisers: [8, 24], speakers: [60],
  },
  {
    title: text("en", {
      en: "Archives in Motion: Films Restored by Arab Cinematheques",
      de: "Archive in Bewegung: Filme, restauriert von arabischen Kinematheken",
    }, ["de"]),
    description: text("en", {
      en: "Restored classics from film archives in Cairo, Beirut and Algiers, introduced by the archivists who saved them.",
      de: "Restaurierte Klassiker aus Filmarchiven in Kairo, Beirut und Algier, vorgestellt von den Archivarinnen und Archivaren, die sie gerettet haben.",
    }, ["de"]),
    format: SCREENING, attendanceMode: IN_PERSON, venue: "hkw",
    startDay: -90, days: 1, startTime: "19:00", endTime: "23:00",
    disciplines: ["FILM", "ARCHIVES"], languages: ["ar", "en", "de"], capacity: 400,
    organisers: [6, 26], speakers: [21, 74],
  },
  {
    title: text("it", {
      it: "Festival delle Culture Mediterranee",
      en: "Festival of Mediterranean Cultures",
      fr: "Festival des cultures méditerranéennes",
    }, ["en", "fr"]),
    description: text("it", {
      it: "Cinque giorni di musica, teatro, cucina e incontri nei padiglioni dei Cantieri, con artisti da tutte le sponde del Mediterraneo.",
      en: "Five days of music, theatre, food and talks in the pavilions of the Cantieri, with artists from every shore of the Mediterranean.",
    }, ["en"]),
    format: FESTIVAL, attendanceMode: IN_PERSON, venue: "zisa",
    startDay: 130, days: 4, startTime: "16:00", endTime: "23:59",
    disciplines: ["FESTIVALS", "MUSIC", "THEATRE"], languages: ["it", "en"], capacity: 5000,
    registrationUrl: "https://tickets.agora-hub.example/festival-culture-mediterranee",
    organisers: [18, 27], speakers: [2, 36, 68, 110, 155, 199],
  },
  {
    title: text("fr", { fr: "Festival des arts de la rue", ar: "مهرجان فنون الشارع", en: "Street Arts Festival" }, ["en"]),
    description: text("fr", {
      fr: "Cirque, théâtre de rue et fanfares investissent les anciens abattoirs et les places du quartier pendant quatre jours.",
      ar: "السيرك ومسرح الشارع والفرق النحاسية تملأ المجازر القديمة وساحات الحي طوال أربعة أيام.",
    }),
    format: FESTIVAL, attendanceMode: IN_PERSON, venue: "abattoirs",
    startDay: -150, days: 3, startTime: "15:00", endTime: "23:00",
    disciplines: ["CIRCUS_AND_STREET_ARTS", "FESTIVALS"], languages: ["fr", "ar"],
    organisers: [5], speakers: [40, 93, 127],
  },
  {
    title: text("ar", { ar: "مهرجان الإسكندرية للكتاب والقصص المصورة", en: "Alexandria Festival of Books and Comics" }, ["en"]),
    description: text("ar", {
      ar: "لقاءات مع كتّاب ورسامين، وورش للأطفال، وسوق لدور النشر المستقلة في قلب المكتبة.",
      en: "Meetings with writers and illustrators, workshops for children and a market of independent publishers at the heart of the library.",
    }, ["en"]),
    format: FESTIVAL, attendanceMode: IN_PERSON, venue: "bibalex",
    startDay: 200, days: 5, startTime: "10:00", endTime: "21:00",
    disciplines: ["LITERATURE", "COMICS", "LIBRARIES"], languages: ["ar", "en"],
    organisers: [23, 30], speakers: [17, 53, 85, 139],
  },
  {
    title: text("en", {
      en: "Light on the City: Contemporary Lebanese Photography",
      ar: "ضوء على المدينة: التصوير الفوتوغرافي اللبناني المعاصر",
      fr: "Lumière sur la ville : photographie libanaise contemporaine",
    }, ["fr"]),
    description: text("en", {
      en: "Twelve photographers look at Beirut's streets, rooftops and coastline over the last decade.",
      ar: "اثنا عشر مصوراً ينظرون إلى شوارع بيروت وأسطحها وساحلها خلال العقد الأخير.",
    }),
    format: EXHIBITION, attendanceMode: IN_PERSON, venue: "sursock",
    startDay: -30, days: 90, startTime: "10:00", endTime: "18:00",
    disciplines: ["PHOTOGRAPHY"], languages: ["ar", "en", "fr"],
    organisers: [9, 28], speakers: [34, 182],
  },
  {
    title: text("tr", { tr: "Zanaat ve Tasarım: Anadolu'dan Akdeniz'e", en: "Craft and Design: From Anatolia to the Mediterranean" }, ["en"]),
    description: text("tr", {
      tr: "Dokuma, seramik ve bakır işçiliği geleneklerini yeniden yorumlayan çağdaş tasarımcıların işleri.",
      en: "Work by contemporary designers reinterpreting weaving, ceramics and copperwork traditions.",
    }, ["en"]),
    format: EXHIBITION, attendanceMode: IN_PERSON, venue: "saltGalata",
    startDay: 70, days: 90, startTime: "10:00", endTime: "19:00",
    disciplines: ["ARTISTIC_CRAFTS", "PRODUCT_DESIGN"], languages: ["tr", "en"],
    organisers: [17, 29], speakers: [],
  },
  {
    title: text("es", { es: "Arquitecturas del agua: paisajes del Mediterráneo", en: "Architectures of Water: Mediterranean Landscapes" }, ["en"]),
    description: text("es", {
      es: "Maquetas, fotografías y planos de aljibes, acequias y puertos que muestran cómo el agua ha dado forma a las ciudades mediterráneas.",
      en: "Models, photographs and plans of cisterns, irrigation channels and harbours showing how water has shaped Mediterranean cities.",
    }, ["en"]),
    format: EXHIBITION, attendanceMode: IN_PERSON, venue: "fabraCoats",
    startDay: -200, days: 80, startTime: "11:00", endTime: "20:00",
    disciplines: ["ARCHITECTURE", "LANDSCAPE_DESIGN", "BUILT_HERITAGE"], languages: ["es", "ca", "en"],
    organisers: [20, 31], speakers: [46],
  },
  {
    title: text("en", { en: "Design and Crafts Market", "sr-Latn": "Sajam dizajna i zanata" }),
    description: text("en", {
      en: "Two days of stands by independent designers, jewellers and makers from the Western Balkans, with talks on selling abroad.",
      "sr-Latn": "Dva dana štandova nezavisnih dizajnera, juvelira i zanatlija sa Zapadnog Balkana, uz razgovore o prodaji u inostranstvu.",
    }),
    format: FAIR, attendanceMode: IN_PERSON, venue: "kcGrad",
    startDay: 15, days: 1, startTime: "11:00", endTime: "20:00",
    disciplines: ["PRODUCT_DESIGN", "FASHION_DESIGN", "ARTISTIC_CRAFTS"], languages: ["sr", "en"],
    organisers: [12], speakers: [59, 163],
  },
  {
    title: text("pt", { pt: "Feira do Livro Independente e da Edição de Autor", en: "Independent Book and Self-Publishing Fair" }, ["en"]),
    description: text("pt", {
      pt: "Pequenas editoras, ilustradores e autores em edição própria vendem livros, fanzines e gravuras durante um fim de semana.",
      en: "Small presses, illustrators and self-published authors sell books, zines and prints over a weekend.",
    }, ["en"]),
    format: FAIR, attendanceMode: IN_PERSON, venue: "lxFactory",
    startDay: -45, days: 2, startTime: "12:00", endTime: "20:00",
    disciplines: ["PUBLISHING", "COMICS"], languages: ["pt"],
    organisers: [24], speakers: [82, 124],
  },
  {
    title: text("en", {
      en: "Partner Search Day: Cooperation Projects in Culture",
      fr: "Journée de recherche de partenaires : projets de coopération culturelle",
      de: "Partnersuche: Kooperationsprojekte im Kulturbereich",
    }, ["fr", "de"]),
    description: text("en", {
      en: "Book 20-minute meetings with organisations looking for partners for European cooperation projects; on site or by video call.",
      fr: "Réservez des rendez-vous de 20 minutes avec des organisations qui cherchent des partenaires pour des projets de coopération européens, sur place ou en visio.",
    }, ["fr"]),
    format: MATCHMAKING_SESSION, attendanceMode: MIXED, venue: "flagey", onlineUrl: "https://matchmaking.agora-hub.example/partner-search-day",
    startDay: 100, days: 0, startTime: "09:00", endTime: "17:00",
    disciplines: ["CROSS_DISCIPLINARY"], languages: ["en", "fr"], capacity: 250,
    registrationUrl: "https://matchmaking.agora-hub.example/partner-search-day/register",
    organisers: [0, 1], speakers: [10],
  },
  {
    title: text("en", {
      en: "Music Export Matchmaking: Southern Mediterranean and Europe",
      fr: "Rencontres export musique : Méditerranée du Sud et Europe",
      ar: "لقاءات تصدير الموسيقى: جنوب المتوسط وأوروبا",
    }, ["fr", "ar"]),
    description: text("en", {
      en: "Online one-to-one meetings between artist managers and labels from North Africa and the Middle East and European festival programmers and bookers.",
    }),
    format: MATCHMAKING_SESSION, attendanceMode: ONLINE, timeZone: "Europe/Brussels", onlineUrl: "https://matchmaking.agora-hub.example/music-export",
    startDay: -20, days: 0, startTime: "10:00", endTime: "17:00",
    disciplines: ["MUSIC", "MUSIC_RECORDING"], languages: ["en", "fr", "ar"], capacity: 150,
    organisers: [7, 32], speakers: [],
  },
  {
    title: text("en", { en: "Island Cultures and Climate: the Green Transition in the Arts" }),
    description: text("en", {
      en: "A conference on how festivals, venues and touring artists on Mediterranean islands are cutting emissions and adapting to a hotter climate.",
    }),
    format: CONFERENCE, attendanceMode: MIXED, venue: "spazjuKreattiv", onlineUrl: "https://live.agora-hub.example/island-cultures-climate",
    startDay: 160, days: 1, startTime: "09:30", endTime: "17:30",
    disciplines: ["CROSS_DISCIPLINARY", "FESTIVALS"], languages: ["en"], capacity: 200,
    organisers: [21, 33], speakers: [11, 39, 78, 135, 191],
  },
  {
    title: text("de", {
      de: "Übersetzen zwischen den Ufern: Literatur und Mehrsprachigkeit",
      en: "Translating between Shores: Literature and Multilingualism",
      ar: "الترجمة بين الضفتين: الأدب وتعدد اللغات",
    }, ["en", "ar"]),
    description: text("de", {
      de: "Übersetzerinnen, Verlage und Förderer sprechen über literarische Übersetzung zwischen Arabisch, Türkisch und europäischen Sprachen.",
      en: "Translators, publishers and funders discuss literary translation between Arabic, Turkish and European languages.",
    }, ["en"]),
    format: CONFERENCE, attendanceMode: MIXED, venue: "hkw", onlineUrl: "https://live.agora-hub.example/translating-between-shores",
    startDay: 55, days: 1, startTime: "10:00", endTime: "18:00",
    disciplines: ["LITERARY_TRANSLATION", "LITERATURE"], languages: ["de", "en", "ar"], capacity: 300,
    organisers: [26], speakers: [23, 50, 107, 152],
  },
  {
    title: text("fr", { fr: "Colloque : jeux vidéo et patrimoine méditerranéen", en: "Symposium: Video Games and Mediterranean Heritage" }, ["en"]),
    description: text("fr", {
      fr: "Studios, historiens et musées réfléchissent à la manière dont le jeu vidéo peut raconter et transmettre le patrimoine matériel et immatériel.",
      en: "Studios, historians and museums consider how video games can tell and pass on tangible and intangible heritage.",
    }, ["en"]),
    format: CONFERENCE, attendanceMode: IN_PERSON, venue: "friche",
    startDay: -100, days: 1, startTime: "09:30", endTime: "18:00",
    disciplines: ["VIDEO_GAMES", "INTANGIBLE_HERITAGE", "MUSEUMS"], languages: ["fr", "en"], capacity: 220,
    organisers: [10, 4], speakers: [14, 70, 118],
  },
  {
    title: text("ar", {
      ar: "منتدى السياسات الثقافية في المنطقة العربية",
      en: "Forum on Cultural Policy in the Arab Region",
      fr: "Forum sur les politiques culturelles dans la région arabe",
    }, ["fr"]),
    description: text("ar", {
      ar: "باحثون وفاعلون ثقافيون وممثلون عن المؤسسات العامة يناقشون تمويل الثقافة وحرية التعبير ودور المجتمع المدني.",
      en: "Researchers, cultural workers and representatives of public institutions discuss funding for culture, freedom of expression and the role of civil society.",
    }),
    format: FORUM, attendanceMode: IN_PERSON, venue: "beirutArtCenter",
    startDay: 85, days: 1, startTime: "10:00", endTime: "18:00",
    disciplines: ["CROSS_DISCIPLINARY"], languages: ["ar", "en", "fr"], capacity: 150,
    organisers: [13, 34], speakers: [52, 89, 141, 176],
  },
  {
    title: text("en", { en: "Forum on Fair Pay for Artists", el: "Φόρουμ για τη δίκαιη αμοιβή των καλλιτεχνών" }, ["el"]),
    description: text("en", {
      en: "Artists, unions and funders work on fair-pay guidelines for commissions, residencies and touring across the region.",
    }),
    format: FORUM, attendanceMode: MIXED, venue: "stegi", onlineUrl: "https://live.agora-hub.example/fair-pay-forum",
    startDay: 3, days: 0, startTime: "10:00", endTime: "17:00",
    disciplines: ["CROSS_DISCIPLINARY"], languages: ["en", "el"], capacity: 180,
    organisers: [19, 35], speakers: [6, 65, 149],
  },
  {
    title: text("fr", {
      fr: "Atelier de design textile et savoir-faire artisanal",
      ar: "ورشة تصميم النسيج والحرف التقليدية",
      en: "Textile Design and Craft Know-how Workshop",
    }, ["en"]),
    description: text("fr", {
      fr: "Designers de mode et tisserandes travaillent ensemble sur des prototypes qui associent motifs traditionnels et coupes contemporaines.",
      ar: "مصممو أزياء ونساجات يعملون معاً على نماذج تجمع بين الزخارف التقليدية والقصات المعاصرة.",
    }),
    format: WORKSHOP, attendanceMode: IN_PERSON, venue: "abattoirs",
    startDay: -8, days: 1, startTime: "09:30", endTime: "17:00",
    disciplines: ["FASHION_DESIGN", "ARTISTIC_CRAFTS"], languages: ["fr", "ar"], capacity: 16,
    organisers: [14], speakers: [28, 157],
  },
  {
    title: text("en", { en: "Podcasting for Cultural Organisations", "sr-Latn": "Podkasti za kulturne organizacije" }, ["sr-Latn"]),
    description: text("en", {
      en: "Plan, record and edit a first podcast episode about your organisation's work, with equipment provided.",
    }),
    format: WORKSHOP, attendanceMode: IN_PERSON, venue: "dorcolPlatz",
    startDay: 27, days: 0, startTime: "10:00", endTime: "16:00",
    disciplines: ["PODCASTS"], languages: ["en", "sr"], capacity: 24,
    organisers: [25], speakers: [96],
  },
  {
    title: text("it", { it: "Laboratorio di narrazione in realtà estesa", en: "Extended Reality Storytelling Lab" }),
    description: text("it", {
      it: "Tre giorni per artisti e sviluppatori che vogliono prototipare un racconto immersivo in XR, in presenza o da remoto.",
      en: "Three days for artists and developers who want to prototype an immersive XR story, on site or remotely.",
    }),
    format: WORKSHOP, attendanceMode: MIXED, venue: "zisa", onlineUrl: "https://live.agora-hub.example/xr-storytelling-lab",
    startDay: -55, days: 2, startTime: "10:00", endTime: "18:00",
    disciplines: ["XR", "DIGITAL_ART"], languages: ["it", "en"], capacity: 20,
    organisers: [18], speakers: [33, 101, 166],
  },
  {
    title: text("en", { en: "Creative Hubs Meetup: Sharing Spaces, Sharing Risks", fr: "Rencontre des hubs créatifs : partager les lieux, partager les risques" }),
    description: text("en", {
      en: "Managers of co-working spaces, makerspaces and creative hubs compare rents, memberships and how they keep their communities safe.",
      fr: "Les responsables d'espaces de coworking, de makerspaces et de hubs créatifs comparent loyers, adhésions et la façon dont ils protègent leurs communautés.",
    }),
    format: MEETUP, attendanceMode: IN_PERSON, venue: "bozar",
    startDay: -3, days: 0, startTime: "18:00", endTime: "21:00",
    disciplines: ["CROSS_DISCIPLINARY"], languages: ["en", "fr"], capacity: 70,
    organisers: [2], speakers: [120],
  },
];
