import type { CountryCode, Discipline, LocalizedTextData } from "@agora-hub/subgraph-kit";
import { MembershipRole } from "../membership/membership.type";
import { OrganisationKind, OrganisationService } from "../organisation/organisation.type";

/** A real organisation of the demo catalogue, as the seed writes it. */
export interface CatalogueOrganisation {
  name: string;
  /** Given when the slug generated from the name would be unwieldy. */
  slug?: string;
  kind: OrganisationKind;
  country: CountryCode;
  city: string;
  website: string;
  workingLanguages: string[];
  disciplines: Discipline[];
  services: OrganisationService[];
  network: string;
  description: LocalizedTextData;
}

/** A text written in `original`, with other versions; those listed in `machine` were machine-translated. */
function text(original: string, versions: Record<string, string>, machine: string[] = []): LocalizedTextData {
  return {
    originalLanguage: original,
    translations: Object.entries(versions).map(([lang, value]) => ({ lang, value, machineTranslated: machine.includes(lang) })),
  };
}

const { NGO, PUBLIC_BODY, COMPANY, CREATIVE_HUB, NETWORK, FUNDER, CULTURAL_INSTITUTE, INTERNATIONAL_ORGANISATION } = OrganisationKind;
const { FUNDING, LOANS_FINANCE, ADVICE, INCUBATION, WORKSPACE, RESIDENCY_HOSTING, TRAINING, SHOWCASE, NETWORKING, RESEARCH, ADVOCACY, MOBILITY_SUPPORT } =
  OrganisationService;

/**
 * Real public organisations of the cultural and creative field in Europe and the Southern
 * Mediterranean; organisation `i` of the demo data set is entry `i`. Descriptions are short summaries
 * written for the demo, not quotations.
 */
export const CATALOGUE: CatalogueOrganisation[] = [
  {
    name: "European Cultural Foundation",
    kind: FUNDER,
    country: "NL",
    city: "Amsterdam",
    website: "https://culturalfoundation.eu",
    workingLanguages: ["en", "nl"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [FUNDING, ADVOCACY, NETWORKING, MOBILITY_SUPPORT],
    network: "culture-agora",
    description: text(
      "en",
      {
        en: "Independent foundation that has supported cultural cooperation across Europe since 1954, funding artists and cultural changemakers and speaking up for culture in European policy.",
        fr: "Fondation indépendante qui soutient la coopération culturelle en Europe depuis 1954, finance artistes et acteurs du changement culturel et défend la culture dans les politiques européennes.",
        nl: "Onafhankelijke stichting die sinds 1954 culturele samenwerking in Europa ondersteunt, kunstenaars en culturele vernieuwers financiert en opkomt voor cultuur in het Europese beleid.",
      },
      ["fr", "nl"],
    ),
  },
  {
    name: "On the Move",
    kind: NETWORK,
    country: "BE",
    city: "Brussels",
    website: "https://on-the-move.org",
    workingLanguages: ["en", "fr"],
    disciplines: ["CROSS_DISCIPLINARY", "PERFORMANCE_AND_CELEBRATION"],
    services: [MOBILITY_SUPPORT, ADVICE, RESEARCH, NETWORKING],
    network: "creative-tracks",
    description: text("en", {
      en: "Information network on artistic and cultural mobility that publishes mobility funding guides and a free monthly digest of calls for artists and cultural professionals.",
      fr: "Réseau d'information sur la mobilité artistique et culturelle qui publie des guides de financement de la mobilité et une veille mensuelle gratuite d'appels pour les artistes et professionnels de la culture.",
    }),
  },
  {
    name: "DutchCulture",
    kind: NGO,
    country: "NL",
    city: "Amsterdam",
    website: "https://dutchculture.nl",
    workingLanguages: ["nl", "en"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [ADVICE, MOBILITY_SUPPORT, RESEARCH, NETWORKING],
    network: "culture-agora",
    description: text(
      "nl",
      {
        nl: "Netwerk- en kennisorganisatie voor internationale culturele samenwerking; met TransArtists beheert zij een wereldwijde databank van kunstenaarsresidenties.",
        en: "Network and knowledge organisation for international cultural cooperation; through TransArtists it keeps a worldwide database of artist residencies.",
      },
      ["en"],
    ),
  },
  {
    name: "Culture Action Europe",
    kind: NETWORK,
    country: "BE",
    city: "Brussels",
    website: "https://cultureactioneurope.org",
    workingLanguages: ["en", "fr"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [ADVOCACY, NETWORKING, RESEARCH],
    network: "culture-agora",
    description: text(
      "en",
      {
        en: "The major European network of cultural networks, organisations, artists and activists, advocating for culture in the policies and budgets of the European Union.",
        fr: "Le principal réseau européen de réseaux culturels, d'organisations, d'artistes et de militants, qui plaide pour la culture dans les politiques et les budgets de l'Union européenne.",
      },
      ["fr"],
    ),
  },
  {
    name: "IETM – International network for contemporary performing arts",
    slug: "ietm",
    kind: NETWORK,
    country: "BE",
    city: "Brussels",
    website: "https://www.ietm.org",
    workingLanguages: ["en", "fr"],
    disciplines: ["PERFORMANCE_AND_CELEBRATION", "THEATRE", "DANCE", "CIRCUS_AND_STREET_ARTS"],
    services: [NETWORKING, ADVOCACY, TRAINING, RESEARCH],
    network: "creative-tracks",
    description: text(
      "en",
      {
        en: "Network of several hundred contemporary performing arts organisations worldwide that meets twice a year in plenary meetings and publishes research on the sector.",
        fr: "Réseau de plusieurs centaines d'organisations des arts du spectacle contemporains dans le monde, qui se réunit deux fois par an en assemblée plénière et publie des études sur le secteur.",
      },
      ["fr"],
    ),
  },
  {
    name: "Trans Europe Halles",
    kind: NETWORK,
    country: "SE",
    city: "Lund",
    website: "https://teh.net",
    workingLanguages: ["en", "sv"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [NETWORKING, TRAINING, ADVOCACY],
    network: "creative-tracks",
    description: text(
      "en",
      {
        en: "European network of independent cultural centres that citizens and artists have opened in former factories, markets and other industrial buildings.",
        sv: "Europeiskt nätverk av oberoende kulturhus som medborgare och konstnärer har öppnat i före detta fabriker, marknadshallar och andra industribyggnader.",
      },
      ["sv"],
    ),
  },
  {
    name: "Res Artis",
    kind: NETWORK,
    country: "NL",
    city: "Amsterdam",
    website: "https://resartis.org",
    workingLanguages: ["en"],
    disciplines: ["CROSS_DISCIPLINARY", "VISUAL_ARTS_AND_CRAFTS"],
    services: [NETWORKING, MOBILITY_SUPPORT, ADVOCACY],
    network: "creative-tracks",
    description: text("en", {
      en: "Worldwide network of artist residencies, connecting residency centres with each other and with the artists and professionals who travel between them.",
    }),
  },
  {
    name: "Nova Iskra",
    kind: CREATIVE_HUB,
    country: "RS",
    city: "Belgrade",
    website: "https://novaiskra.com",
    workingLanguages: ["sr-Latn", "en"],
    disciplines: ["DESIGN_AND_CREATIVE_SERVICES", "GRAPHIC_DESIGN", "PRODUCT_DESIGN"],
    services: [WORKSPACE, INCUBATION, TRAINING, NETWORKING],
    network: "design-hubs",
    description: text(
      "en",
      {
        en: "Creative hub and design incubator in Belgrade that connects designers, makers and businesses through coworking, programmes and research.",
        "sr-Latn":
          "Kreativni hab i dizajn inkubator u Beogradu koji povezuje dizajnere, stvaraoce i privredu kroz zajednički radni prostor, programe i istraživanja.",
      },
      ["sr-Latn"],
    ),
  },
  {
    name: "Creative United",
    kind: COMPANY,
    country: "GB",
    city: "London",
    website: "https://www.creativeunited.org.uk",
    workingLanguages: ["en"],
    disciplines: ["CROSS_DISCIPLINARY", "VISUAL_ARTS_AND_CRAFTS", "MUSIC"],
    services: [LOANS_FINANCE, FUNDING, ADVICE],
    network: "design-hubs",
    description: text("en", {
      en: "Social enterprise that designs finance for the creative industries, from interest-free loans to buy art and musical instruments to investment for creative businesses.",
    }),
  },
  {
    name: "Goethe-Institut",
    kind: CULTURAL_INSTITUTE,
    country: "DE",
    city: "Munich",
    website: "https://www.goethe.de",
    workingLanguages: ["de", "en"],
    disciplines: ["CROSS_DISCIPLINARY", "LITERATURE", "FILM"],
    services: [TRAINING, FUNDING, MOBILITY_SUPPORT, RESIDENCY_HOSTING, NETWORKING],
    network: "culture-agora",
    description: text(
      "de",
      {
        de: "Das Kulturinstitut der Bundesrepublik Deutschland fördert weltweit die Kenntnis der deutschen Sprache und die internationale kulturelle Zusammenarbeit.",
        en: "The cultural institute of the Federal Republic of Germany promotes knowledge of the German language and international cultural cooperation worldwide.",
      },
      ["en"],
    ),
  },
  {
    name: "Institut français",
    kind: CULTURAL_INSTITUTE,
    country: "FR",
    city: "Paris",
    website: "https://www.institutfrancais.com",
    workingLanguages: ["fr", "en"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [FUNDING, MOBILITY_SUPPORT, RESIDENCY_HOSTING, SHOWCASE],
    network: "culture-agora",
    description: text(
      "fr",
      {
        fr: "Opérateur de l'action culturelle extérieure de la France : il soutient la circulation des artistes, des œuvres et des idées ainsi que la diffusion de la langue française.",
        en: "The agency for France's cultural action abroad: it supports the circulation of artists, works and ideas and the spread of the French language.",
        ar: "الجهة المنفذة للعمل الثقافي الخارجي لفرنسا: تدعم تنقّل الفنانين والأعمال والأفكار ونشر اللغة الفرنسية.",
      },
      ["en", "ar"],
    ),
  },
  {
    name: "British Council",
    kind: CULTURAL_INSTITUTE,
    country: "GB",
    city: "London",
    website: "https://www.britishcouncil.org",
    workingLanguages: ["en"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [FUNDING, TRAINING, NETWORKING, SHOWCASE],
    network: "culture-agora",
    description: text("en", {
      en: "The United Kingdom's international organisation for cultural relations and educational opportunities, working in the arts, education and English in over 100 countries.",
    }),
  },
  {
    name: "Anna Lindh Foundation",
    kind: INTERNATIONAL_ORGANISATION,
    country: "EG",
    city: "Alexandria",
    website: "https://www.annalindhfoundation.org",
    workingLanguages: ["en", "ar", "fr"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [FUNDING, NETWORKING, RESEARCH],
    network: "culture-agora",
    description: text(
      "en",
      {
        en: "Intergovernmental foundation for dialogue between cultures in the Euro-Mediterranean region, working through national networks of civil society organisations in over 40 countries.",
        ar: "مؤسسة حكومية دولية للحوار بين الثقافات في المنطقة الأورومتوسطية، تعمل من خلال شبكات وطنية لمنظمات المجتمع المدني في أكثر من أربعين بلداً.",
        fr: "Fondation intergouvernementale pour le dialogue entre les cultures dans la région euro-méditerranéenne, qui agit à travers des réseaux nationaux d'organisations de la société civile dans plus de 40 pays.",
      },
      ["fr"],
    ),
  },
  {
    name: "Al Mawred Al Thaqafy (Culture Resource)",
    slug: "al-mawred-al-thaqafy",
    kind: NGO,
    country: "LB",
    city: "Beirut",
    website: "https://mawred.org",
    workingLanguages: ["ar", "en"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [FUNDING, TRAINING, RESEARCH, ADVOCACY],
    network: "culture-agora",
    description: text(
      "ar",
      {
        ar: "مؤسسة ثقافية إقليمية غير ربحية تدعم الإبداع الفني في المنطقة العربية وتشجّع التبادل الثقافي بين بلدانها ومع العالم.",
        en: "Regional non-profit cultural organisation that supports artistic creativity in the Arab region and encourages cultural exchange within it and with the world.",
      },
      ["en"],
    ),
  },
  {
    name: "Arab Fund for Arts and Culture (AFAC)",
    slug: "arab-fund-for-arts-and-culture",
    kind: FUNDER,
    country: "LB",
    city: "Beirut",
    website: "https://www.arabculturefund.org",
    workingLanguages: ["ar", "en"],
    disciplines: ["CROSS_DISCIPLINARY", "FILM", "LITERATURE", "MUSIC"],
    services: [FUNDING, TRAINING],
    network: "culture-agora",
    description: text("en", {
      en: "Independent fund supporting individual artists, writers, researchers and cultural organisations from the Arab region through open calls and grants.",
      ar: "صندوق مستقل يدعم الفنانين والكتّاب والباحثين والمؤسسات الثقافية من المنطقة العربية عبر دعوات مفتوحة ومنح.",
    }),
  },
  {
    name: "Ashkal Alwan",
    kind: NGO,
    country: "LB",
    city: "Beirut",
    website: "https://ashkalalwan.org",
    workingLanguages: ["ar", "en"],
    disciplines: ["VISUAL_ARTS_AND_CRAFTS", "FINE_ARTS", "CURATING"],
    services: [TRAINING, SHOWCASE, WORKSPACE],
    network: "digital-arts-collective",
    description: text(
      "en",
      {
        en: "The Lebanese Association for Plastic Arts, a non-profit supporting contemporary art practice in Beirut through its Home Workspace Program, commissions and public programmes.",
        ar: "الجمعية اللبنانية للفنون التشكيلية، جمعية غير ربحية تدعم الممارسات الفنية المعاصرة في بيروت من خلال برنامج البيت للعمل الفني والتكليفات والبرامج العامة.",
      },
      ["ar"],
    ),
  },
  {
    name: "L'Boulvart",
    kind: NGO,
    country: "MA",
    city: "Casablanca",
    website: "https://www.boulevard.ma",
    workingLanguages: ["ar", "fr"],
    disciplines: ["MUSIC", "FESTIVALS", "FINE_ARTS"],
    services: [SHOWCASE, INCUBATION, TRAINING, WORKSPACE],
    network: "creative-tracks",
    description: text(
      "fr",
      {
        fr: "Association d'éducation artistique et culturelle qui organise depuis 1999 le festival L'Boulevard et anime le Boultek, premier centre de musiques actuelles du Maroc.",
        ar: "جمعية للتربية الفنية والثقافية تنظّم منذ 1999 مهرجان البولفار وتدير البولتيك، أول مركز للموسيقى الحالية في المغرب.",
        en: "Arts and cultural education association that has run the L'Boulevard festival since 1999 and the Boultek, Morocco's first centre for contemporary popular music.",
      },
      ["ar", "en"],
    ),
  },
  {
    name: "Dar Al-Ma'mûn",
    kind: NGO,
    country: "MA",
    city: "Marrakesh",
    website: "https://www.dar-al-mamun.org",
    workingLanguages: ["fr", "ar", "en"],
    disciplines: ["VISUAL_ARTS_AND_CRAFTS", "LITERARY_TRANSLATION", "LIBRARIES"],
    services: [RESIDENCY_HOSTING, TRAINING],
    network: "creative-tracks",
    description: text(
      "fr",
      {
        fr: "Centre international de résidences artistiques près de Marrakech, doté d'un pôle de recherche en traduction littéraire (arabe, français, anglais) et d'une bibliothèque ouverte à tous.",
        en: "International artist residency centre near Marrakesh, with a literary translation research unit (Arabic, French, English) and a library open to all.",
      },
      ["en"],
    ),
  },
  {
    name: "Darat al Funun – The Khalid Shoman Foundation",
    slug: "darat-al-funun",
    kind: NGO,
    country: "JO",
    city: "Amman",
    website: "https://daratalfunun.org",
    workingLanguages: ["ar", "en"],
    disciplines: ["VISUAL_ARTS_AND_CRAFTS", "FINE_ARTS"],
    services: [SHOWCASE, RESIDENCY_HOSTING, TRAINING],
    network: "digital-arts-collective",
    description: text("en", {
      en: "A home in Amman for the arts and artists of the Arab world, with exhibitions, residencies, a library and an archive of modern and contemporary Arab art.",
      ar: "بيت في عمّان للفنون والفنانين من العالم العربي، يضم معارض وإقامات فنية ومكتبة وأرشيفاً للفن العربي الحديث والمعاصر.",
    }),
  },
  {
    name: "L'Art Rue",
    kind: NGO,
    country: "TN",
    city: "Tunis",
    website: "https://www.lartrue.com",
    workingLanguages: ["ar", "fr"],
    disciplines: ["PERFORMANCE_AND_CELEBRATION", "FESTIVALS", "DANCE", "CIRCUS_AND_STREET_ARTS"],
    services: [SHOWCASE, RESIDENCY_HOSTING, TRAINING],
    network: "creative-tracks",
    description: text(
      "fr",
      {
        fr: "Association tunisienne qui crée des projets artistiques en espace public, dont la biennale Dream City dans la médina de Tunis, et accueille des artistes en résidence à Dar Bach Hamba.",
        ar: "جمعية تونسية تنجز مشاريع فنية في الفضاء العام، منها بينالي «دريم سيتي» في مدينة تونس العتيقة، وتستقبل فنانين في إقامات بدار باش حانبة.",
        en: "Tunisian association creating art projects in public space, including the Dream City biennial in the medina of Tunis, and hosting artists in residence at Dar Bach Hamba.",
      },
      ["ar", "en"],
    ),
  },
  {
    name: "A. M. Qattan Foundation",
    slug: "qattan-foundation",
    kind: NGO,
    country: "PS",
    city: "Ramallah",
    website: "https://www.qattanfoundation.org",
    workingLanguages: ["ar", "en"],
    disciplines: ["CROSS_DISCIPLINARY", "LIBRARIES"],
    services: [FUNDING, TRAINING, SHOWCASE, RESEARCH],
    network: "culture-agora",
    description: text(
      "ar",
      {
        ar: "مؤسسة تنموية مستقلة غير ربحية تعمل في مجالي الثقافة والتعليم، مع تركيز خاص على الأطفال والمعلمين والفنانين الشباب.",
        en: "Independent non-profit development organisation working in culture and education, with a particular focus on children, teachers and young artists.",
      },
      ["en"],
    ),
  },
  {
    name: "Matadero Madrid",
    kind: PUBLIC_BODY,
    country: "ES",
    city: "Madrid",
    website: "https://www.mataderomadrid.org",
    workingLanguages: ["es", "en"],
    disciplines: ["CROSS_DISCIPLINARY", "THEATRE", "DESIGN_AND_CREATIVE_SERVICES"],
    services: [RESIDENCY_HOSTING, SHOWCASE, WORKSPACE],
    network: "creative-tracks",
    description: text(
      "es",
      {
        es: "Centro de creación contemporánea del Ayuntamiento de Madrid en el antiguo matadero municipal, con residencias artísticas, artes escénicas, diseño y cine.",
        en: "Madrid City Council's centre for contemporary creation in the former municipal slaughterhouse, with artist residencies, performing arts, design and film.",
      },
      ["en"],
    ),
  },
  {
    name: "Hangar",
    slug: "hangar-barcelona",
    kind: CREATIVE_HUB,
    country: "ES",
    city: "Barcelona",
    website: "https://hangar.org",
    workingLanguages: ["ca", "es", "en"],
    disciplines: ["VISUAL_ARTS_AND_CRAFTS", "DIGITAL_ART"],
    services: [WORKSPACE, RESIDENCY_HOSTING, RESEARCH],
    network: "digital-arts-collective",
    description: text(
      "ca",
      {
        ca: "Centre de producció i recerca d'arts visuals al Poblenou de Barcelona, que ofereix tallers, residències i suport tècnic als artistes.",
        es: "Centro de producción e investigación de artes visuales en el Poblenou de Barcelona, que ofrece talleres, residencias y apoyo técnico a los artistas.",
        en: "Centre for visual arts production and research in Barcelona's Poblenou, offering studios, residencies and technical support to artists.",
      },
      ["es", "en"],
    ),
  },
  {
    name: "Fondazione Pistoletto – Cittadellarte",
    slug: "cittadellarte",
    kind: NGO,
    country: "IT",
    city: "Biella",
    website: "https://www.cittadellarte.it",
    workingLanguages: ["it", "en"],
    disciplines: ["VISUAL_ARTS_AND_CRAFTS", "FASHION_DESIGN", "CROSS_DISCIPLINARY"],
    services: [RESIDENCY_HOSTING, TRAINING, RESEARCH],
    network: "creative-tracks",
    description: text(
      "it",
      {
        it: "Fondata da Michelangelo Pistoletto a Biella, mette l'arte in relazione con i diversi ambiti della società per promuovere una trasformazione sociale responsabile.",
        en: "Founded by Michelangelo Pistoletto in Biella, it brings art into contact with every area of society to foster responsible social change.",
      },
      ["en"],
    ),
  },
  {
    name: "Fondazione Cariplo",
    kind: FUNDER,
    country: "IT",
    city: "Milan",
    website: "https://www.fondazionecariplo.it",
    workingLanguages: ["it"],
    disciplines: ["CROSS_DISCIPLINARY", "HERITAGE"],
    services: [FUNDING],
    network: "culture-agora",
    description: text(
      "it",
      {
        it: "Fondazione filantropica che sostiene con bandi e contributi progetti di arte e cultura, ambiente, ricerca scientifica e servizi alla persona, soprattutto in Lombardia.",
        en: "Philanthropic foundation funding arts and culture, environment, scientific research and social services projects through calls and grants, mainly in Lombardy.",
      },
      ["en"],
    ),
  },
  {
    name: "Ars Electronica",
    kind: PUBLIC_BODY,
    country: "AT",
    city: "Linz",
    website: "https://ars.electronica.art",
    workingLanguages: ["de", "en"],
    disciplines: ["DIGITAL_ART", "XR", "AUDIOVISUAL_AND_INTERACTIVE_MEDIA"],
    services: [SHOWCASE, RESEARCH, TRAINING],
    network: "digital-arts-collective",
    description: text("de", {
      de: "Seit 1979 in Linz eine Plattform für Kunst, Technologie und Gesellschaft mit Festival, Prix, Center und Futurelab.",
      en: "Since 1979 a platform in Linz for art, technology and society, with its festival, prize, centre and Futurelab.",
    }),
  },
  {
    name: "Onassis Stegi",
    kind: NGO,
    country: "GR",
    city: "Athens",
    website: "https://www.onassis.org",
    workingLanguages: ["el", "en"],
    disciplines: ["PERFORMANCE_AND_CELEBRATION", "CROSS_DISCIPLINARY", "DIGITAL_ART"],
    services: [SHOWCASE, FUNDING, RESIDENCY_HOSTING],
    network: "creative-tracks",
    description: text(
      "el",
      {
        el: "Το πολιτιστικό κέντρο του Ιδρύματος Ωνάση στην Αθήνα, με θέατρο, χορό, μουσική, εικαστικά και διάλογο για τον σύγχρονο πολιτισμό.",
        en: "The Onassis Foundation's cultural centre in Athens, presenting theatre, dance, music, visual arts and debate on contemporary culture.",
      },
      ["en"],
    ),
  },
  {
    name: "İKSV – Istanbul Foundation for Culture and Arts",
    slug: "iksv",
    kind: NGO,
    country: "TR",
    city: "Istanbul",
    website: "https://www.iksv.org",
    workingLanguages: ["tr", "en"],
    disciplines: ["FESTIVALS", "FILM", "MUSIC", "THEATRE", "FINE_ARTS"],
    services: [SHOWCASE, ADVOCACY, RESEARCH],
    network: "creative-tracks",
    description: text(
      "tr",
      {
        tr: "1973'ten beri İstanbul'da film, müzik, caz ve tiyatro festivalleri ile İstanbul Bienali'ni düzenleyen kâr amacı gütmeyen kültür kurumu.",
        en: "Non-profit cultural organisation that has run Istanbul's film, music, jazz and theatre festivals and the Istanbul Biennial since 1973.",
      },
      ["en"],
    ),
  },
  {
    name: "Arts Council Malta",
    kind: PUBLIC_BODY,
    country: "MT",
    city: "Valletta",
    website: "https://artscouncilmalta.gov.mt",
    workingLanguages: ["mt", "en"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [FUNDING, ADVICE, TRAINING, MOBILITY_SUPPORT],
    network: "culture-agora",
    description: text(
      "en",
      {
        en: "Malta's national agency for the cultural and creative sectors, running funding programmes, internationalisation and capacity building.",
        mt: "L-aġenzija nazzjonali ta' Malta għas-setturi kulturali u kreattivi, li tmexxi programmi ta' fondi, internazzjonalizzazzjoni u bini tal-kapaċitajiet.",
      },
      ["mt"],
    ),
  },
  {
    name: "Calouste Gulbenkian Foundation",
    kind: FUNDER,
    country: "PT",
    city: "Lisbon",
    website: "https://gulbenkian.pt",
    workingLanguages: ["pt", "en"],
    disciplines: ["CROSS_DISCIPLINARY", "MUSEUMS", "MUSIC"],
    services: [FUNDING, SHOWCASE, RESEARCH],
    network: "culture-agora",
    description: text(
      "pt",
      {
        pt: "Fundação portuguesa criada em 1956 que atua nas artes, na ciência, na educação e na coesão social, com museu, orquestra, coro e programas de apoio.",
        en: "Portuguese foundation created in 1956 working in the arts, science, education and social cohesion, with a museum, an orchestra, a choir and support programmes.",
      },
      ["en"],
    ),
  },
  {
    name: "Pro Helvetia",
    kind: PUBLIC_BODY,
    country: "CH",
    city: "Zurich",
    website: "https://prohelvetia.ch",
    workingLanguages: ["de", "fr", "it", "en"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [FUNDING, MOBILITY_SUPPORT, RESIDENCY_HOSTING, NETWORKING],
    network: "culture-agora",
    description: text(
      "de",
      {
        de: "Die Schweizer Kulturstiftung fördert das künstlerische Schaffen in der Schweiz und den kulturellen Austausch im Inland und mit dem Ausland.",
        fr: "La Fondation suisse pour la culture encourage la création artistique en Suisse et les échanges culturels dans le pays et avec l'étranger.",
        it: "La Fondazione svizzera per la cultura promuove la creazione artistica in Svizzera e gli scambi culturali all'interno del Paese e con l'estero.",
        en: "The Swiss Arts Council supports artistic creation in Switzerland and cultural exchange within the country and abroad.",
      },
      ["it", "en"],
    ),
  },
  {
    name: "Adam Mickiewicz Institute",
    kind: CULTURAL_INSTITUTE,
    country: "PL",
    city: "Warsaw",
    website: "https://iam.pl",
    workingLanguages: ["pl", "en"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [FUNDING, SHOWCASE, MOBILITY_SUPPORT],
    network: "culture-agora",
    description: text(
      "pl",
      {
        pl: "Państwowa instytucja kultury, która promuje polską kulturę za granicą i rozwija międzynarodową współpracę kulturalną.",
        en: "State cultural institution promoting Polish culture abroad and developing international cultural cooperation.",
      },
      ["en"],
    ),
  },
  {
    name: "Design Terminal",
    kind: CREATIVE_HUB,
    country: "HU",
    city: "Budapest",
    website: "https://designterminal.org",
    workingLanguages: ["hu", "en"],
    disciplines: ["DESIGN_AND_CREATIVE_SERVICES", "PRODUCT_DESIGN"],
    services: [INCUBATION, TRAINING, NETWORKING, ADVICE],
    network: "design-hubs",
    description: text(
      "en",
      {
        en: "Hungary's centre for creative industries and innovation, running incubation and acceleration programmes for design-led start-ups.",
        hu: "Magyarország kreatívipari és innovációs központja, amely inkubációs és gyorsító programokat működtet dizájnalapú startupok számára.",
      },
      ["hu"],
    ),
  },
  {
    name: "Museum of Architecture and Design",
    slug: "mao-ljubljana",
    kind: PUBLIC_BODY,
    country: "SI",
    city: "Ljubljana",
    website: "https://mao.si",
    workingLanguages: ["sl", "en"],
    disciplines: ["ARCHITECTURE", "PRODUCT_DESIGN", "MUSEUMS"],
    services: [SHOWCASE, RESEARCH],
    network: "design-hubs",
    description: text(
      "sl",
      {
        sl: "Muzej za arhitekturo in oblikovanje v Ljubljani zbira, raziskuje in predstavlja slovensko arhitekturo, oblikovanje in fotografijo ter prireja bienale oblikovanja BIO.",
        en: "The museum in Ljubljana collects, researches and presents Slovenian architecture, design and photography, and organises the BIO design biennial.",
      },
      ["en"],
    ),
  },
  {
    name: "Cable Factory",
    slug: "kaapelitehdas",
    kind: CREATIVE_HUB,
    country: "FI",
    city: "Helsinki",
    website: "https://www.kaapelitehdas.fi",
    workingLanguages: ["fi", "sv", "en"],
    disciplines: ["CROSS_DISCIPLINARY", "DANCE", "MUSEUMS"],
    services: [WORKSPACE, SHOWCASE],
    network: "creative-tracks",
    description: text(
      "fi",
      {
        fi: "Helsingin Ruoholahdessa sijaitseva entinen kaapelitehdas on Suomen suurin kulttuurikeskus, jossa toimii museoita, gallerioita, tanssiteattereita ja satoja taiteilijoiden työhuoneita.",
        en: "A former cable factory in Helsinki's Ruoholahti, now Finland's largest cultural centre, housing museums, galleries, dance theatres and hundreds of artists' studios.",
      },
      ["en"],
    ),
  },
  {
    name: "Culture Ireland",
    kind: PUBLIC_BODY,
    country: "IE",
    city: "Dublin",
    website: "https://www.cultureireland.ie",
    workingLanguages: ["en", "ga"],
    disciplines: ["CROSS_DISCIPLINARY"],
    services: [FUNDING, MOBILITY_SUPPORT, SHOWCASE],
    network: "culture-agora",
    description: text(
      "en",
      {
        en: "Ireland's agency for promoting Irish arts worldwide, funding artists and organisations to present their work at international venues and festivals.",
        ga: "Gníomhaireacht na hÉireann chun ealaíona na hÉireann a chur chun cinn ar fud an domhain, a thugann maoiniú d'ealaíontóirí agus d'eagraíochtaí.",
      },
      ["ga"],
    ),
  },
];

/** An organisation of the catalogue belonging to another (both by catalogue index); illustrative, not a register. */
export interface CatalogueOrganisationMembership {
  member: number;
  organisation: number;
  role: MembershipRole;
  since: string;
  until?: string;
}

const ON_THE_MOVE = 1;
const CULTURE_ACTION_EUROPE = 3;
const IETM = 4;
const TRANS_EUROPE_HALLES = 5;
const RES_ARTIS = 6;
const ANNA_LINDH_FOUNDATION = 12;

/** Organisations of the catalogue that belong to its networks. */
export const CATALOGUE_MEMBERSHIPS: CatalogueOrganisationMembership[] = [
  { member: ON_THE_MOVE, organisation: CULTURE_ACTION_EUROPE, role: MembershipRole.MEMBER, since: "2012-01-01" },
  { member: IETM, organisation: CULTURE_ACTION_EUROPE, role: MembershipRole.MEMBER, since: "2005-01-01" },
  { member: TRANS_EUROPE_HALLES, organisation: CULTURE_ACTION_EUROPE, role: MembershipRole.MEMBER, since: "2008-01-01" },
  { member: 0, organisation: CULTURE_ACTION_EUROPE, role: MembershipRole.PARTNER, since: "2014-06-01" },
  { member: 2, organisation: CULTURE_ACTION_EUROPE, role: MembershipRole.MEMBER, since: "2017-01-01" },
  { member: 2, organisation: ON_THE_MOVE, role: MembershipRole.MEMBER, since: "2013-01-01" },
  { member: 13, organisation: ON_THE_MOVE, role: MembershipRole.MEMBER, since: "2015-01-01" },
  { member: 28, organisation: ON_THE_MOVE, role: MembershipRole.MEMBER, since: "2019-01-01" },
  { member: 35, organisation: ON_THE_MOVE, role: MembershipRole.PARTNER, since: "2016-01-01", until: "2021-12-31" },
  { member: 19, organisation: IETM, role: MembershipRole.MEMBER, since: "2014-01-01" },
  { member: 26, organisation: IETM, role: MembershipRole.MEMBER, since: "2011-01-01" },
  { member: 27, organisation: IETM, role: MembershipRole.MEMBER, since: "2010-01-01" },
  { member: 21, organisation: IETM, role: MembershipRole.MEMBER, since: "2012-01-01" },
  { member: 34, organisation: TRANS_EUROPE_HALLES, role: MembershipRole.MEMBER, since: "1995-01-01" },
  { member: 22, organisation: TRANS_EUROPE_HALLES, role: MembershipRole.MEMBER, since: "2010-01-01" },
  { member: 16, organisation: TRANS_EUROPE_HALLES, role: MembershipRole.MEMBER, since: "2013-01-01" },
  { member: 7, organisation: TRANS_EUROPE_HALLES, role: MembershipRole.ASSOCIATE, since: "2016-01-01", until: "2022-12-31" },
  { member: 23, organisation: RES_ARTIS, role: MembershipRole.MEMBER, since: "2009-01-01" },
  { member: 17, organisation: RES_ARTIS, role: MembershipRole.MEMBER, since: "2012-01-01" },
  { member: 18, organisation: RES_ARTIS, role: MembershipRole.MEMBER, since: "2011-01-01" },
  { member: 22, organisation: RES_ARTIS, role: MembershipRole.MEMBER, since: "2008-01-01" },
  { member: 15, organisation: RES_ARTIS, role: MembershipRole.ASSOCIATE, since: "2018-01-01" },
  { member: 20, organisation: ANNA_LINDH_FOUNDATION, role: MembershipRole.MEMBER, since: "2010-01-01" },
  { member: 19, organisation: ANNA_LINDH_FOUNDATION, role: MembershipRole.MEMBER, since: "2015-01-01" },
];
