/**
 * The hub's discipline vocabulary: the six UNESCO Framework for Cultural Statistics (2009) domains
 * plus a cross-disciplinary domain at the top, concrete practices below. Each practice records the
 * ESSnet-Culture domain and Creative Europe sector it maps to, so listings can be exported to either.
 */
export interface DisciplineConcept {
  /** Human-readable English label. */
  label: string;
  /** The top-level domain this practice belongs to; absent on the domains themselves. */
  domain?: DisciplineDomain;
  essnet?: string;
  creativeEurope?: string;
}

export const DISCIPLINE_DOMAINS = {
  HERITAGE: { label: "Cultural and natural heritage (UNESCO FCS domain A)" },
  PERFORMANCE_AND_CELEBRATION: { label: "Performance and celebration (UNESCO FCS domain B)" },
  VISUAL_ARTS_AND_CRAFTS: { label: "Visual arts and crafts (UNESCO FCS domain C)" },
  BOOKS_AND_PRESS: { label: "Books and press (UNESCO FCS domain D)" },
  AUDIOVISUAL_AND_INTERACTIVE_MEDIA: { label: "Audio-visual and interactive media (UNESCO FCS domain E)" },
  DESIGN_AND_CREATIVE_SERVICES: { label: "Design and creative services (UNESCO FCS domain F)" },
  CROSS_DISCIPLINARY: { label: "Cross-disciplinary practice spanning several domains" },
} as const;

export type DisciplineDomain = keyof typeof DISCIPLINE_DOMAINS;

const practice = (domain: DisciplineDomain, label: string, essnet?: string, creativeEurope?: string) =>
  ({ domain, label, essnet, creativeEurope }) satisfies DisciplineConcept;

export const DISCIPLINE_PRACTICES = {
  MUSEUMS: practice("HERITAGE", "Museums", "Heritage", "Cultural heritage"),
  ARCHAEOLOGY: practice("HERITAGE", "Archaeology and historical sites", "Heritage", "Cultural heritage"),
  BUILT_HERITAGE: practice("HERITAGE", "Built heritage and cultural landscapes", "Heritage", "Cultural heritage"),
  INTANGIBLE_HERITAGE: practice("HERITAGE", "Intangible cultural heritage", "Heritage", "Cultural heritage"),
  ARCHIVES: practice("HERITAGE", "Archives", "Archives", "Cultural heritage"),
  LIBRARIES: practice("HERITAGE", "Libraries", "Libraries", "Cultural heritage"),
  THEATRE: practice("PERFORMANCE_AND_CELEBRATION", "Theatre", "Performing Arts", "Performing arts"),
  DANCE: practice("PERFORMANCE_AND_CELEBRATION", "Dance", "Performing Arts", "Performing arts"),
  CIRCUS_AND_STREET_ARTS: practice("PERFORMANCE_AND_CELEBRATION", "Circus and street arts", "Performing Arts", "Performing arts"),
  OPERA: practice("PERFORMANCE_AND_CELEBRATION", "Opera and music theatre", "Performing Arts", "Performing arts"),
  MUSIC: practice("PERFORMANCE_AND_CELEBRATION", "Live music", "Performing Arts", "Music"),
  FESTIVALS: practice("PERFORMANCE_AND_CELEBRATION", "Festivals, fairs and feasts", "Performing Arts", "Performing arts"),
  FINE_ARTS: practice("VISUAL_ARTS_AND_CRAFTS", "Fine arts", "Visual Arts", "Visual arts"),
  PHOTOGRAPHY: practice("VISUAL_ARTS_AND_CRAFTS", "Photography", "Visual Arts", "Visual arts"),
  ARTISTIC_CRAFTS: practice("VISUAL_ARTS_AND_CRAFTS", "Artistic crafts", "Art Crafts", "Artistic crafts"),
  CURATING: practice("VISUAL_ARTS_AND_CRAFTS", "Curating", "Visual Arts", "Visual arts"),
  LITERATURE: practice("BOOKS_AND_PRESS", "Literature", "Book & Press", "Literature, books and publishing"),
  PUBLISHING: practice("BOOKS_AND_PRESS", "Publishing", "Book & Press", "Literature, books and publishing"),
  LITERARY_TRANSLATION: practice("BOOKS_AND_PRESS", "Literary translation", "Book & Press", "Literary translation"),
  JOURNALISM: practice("BOOKS_AND_PRESS", "Press and journalism", "Book & Press"),
  COMICS: practice("BOOKS_AND_PRESS", "Comics and graphic novels", "Book & Press", "Literature, books and publishing"),
  FILM: practice("AUDIOVISUAL_AND_INTERACTIVE_MEDIA", "Film and video", "Audiovisual & Multimedia", "MEDIA"),
  TV_AND_RADIO: practice("AUDIOVISUAL_AND_INTERACTIVE_MEDIA", "Television and radio", "Audiovisual & Multimedia", "MEDIA"),
  PODCASTS: practice("AUDIOVISUAL_AND_INTERACTIVE_MEDIA", "Podcasts", "Audiovisual & Multimedia", "MEDIA"),
  VIDEO_GAMES: practice("AUDIOVISUAL_AND_INTERACTIVE_MEDIA", "Video games", "Audiovisual & Multimedia", "MEDIA"),
  DIGITAL_ART: practice("AUDIOVISUAL_AND_INTERACTIVE_MEDIA", "Digital and new-media art", "Audiovisual & Multimedia", "Visual arts"),
  XR: practice("AUDIOVISUAL_AND_INTERACTIVE_MEDIA", "Extended reality (XR)", "Audiovisual & Multimedia", "MEDIA"),
  MUSIC_RECORDING: practice("AUDIOVISUAL_AND_INTERACTIVE_MEDIA", "Recorded music", "Audiovisual & Multimedia", "Music"),
  ARCHITECTURE: practice("DESIGN_AND_CREATIVE_SERVICES", "Architecture", "Architecture", "Architecture"),
  FASHION_DESIGN: practice("DESIGN_AND_CREATIVE_SERVICES", "Fashion design", "Visual Arts", "Design and fashion"),
  GRAPHIC_DESIGN: practice("DESIGN_AND_CREATIVE_SERVICES", "Graphic design", "Visual Arts", "Design and fashion"),
  PRODUCT_DESIGN: practice("DESIGN_AND_CREATIVE_SERVICES", "Product and industrial design", "Visual Arts", "Design and fashion"),
  INTERIOR_DESIGN: practice("DESIGN_AND_CREATIVE_SERVICES", "Interior design", "Visual Arts", "Design and fashion"),
  LANDSCAPE_DESIGN: practice("DESIGN_AND_CREATIVE_SERVICES", "Landscape design", "Architecture", "Architecture"),
  ADVERTISING: practice("DESIGN_AND_CREATIVE_SERVICES", "Advertising", "Advertising"),
} as const;

export type DisciplinePractice = keyof typeof DISCIPLINE_PRACTICES;
export type DisciplineCode = DisciplineDomain | DisciplinePractice;

/** Every discipline code, domains first, with its concept. */
export const DISCIPLINES: Record<DisciplineCode, DisciplineConcept> = {
  ...DISCIPLINE_DOMAINS,
  ...DISCIPLINE_PRACTICES,
};

/**
 * Expands a filter so that a domain also matches its practices: asking for VISUAL_ARTS_AND_CRAFTS
 * finds a photographer tagged PHOTOGRAPHY.
 */
export function expandDisciplines(codes: readonly DisciplineCode[]): DisciplineCode[] {
  const expanded = new Set<DisciplineCode>(codes);
  for (const [code, concept] of Object.entries(DISCIPLINE_PRACTICES)) {
    if (codes.includes(concept.domain)) expanded.add(code as DisciplinePractice);
  }
  return [...expanded];
}
