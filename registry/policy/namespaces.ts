const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A network's namespace: `CreativeTracks…` types and `creativeTracks…` fields. */
export interface NetworkPrefixes {
  typePrefix: string;
  fieldPrefix: string;
}

/** The namespace a network's partner subgraphs must use: `creative-tracks` → `CreativeTracks…` types and `creativeTracks…` fields. */
export function networkPrefixes(slug: string): NetworkPrefixes {
  if (!SLUG.test(slug)) {
    throw new Error(
      `network slug ${JSON.stringify(slug)} cannot name a GraphQL namespace: it must start with a letter and hold only lower-case letters, digits and single hyphens`,
    );
  }
  const typePrefix = slug
    .split("-")
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");
  return { typePrefix, fieldPrefix: typePrefix[0].toLowerCase() + typePrefix.slice(1) };
}

/** True for the prefix itself or the prefix followed by an upper-case letter or digit (`creativeTracksX`, not `creativeTracksx`). */
export function hasPrefix(name: string, prefix: string): boolean {
  if (name === prefix) return true;
  if (!name.startsWith(prefix)) return false;
  const next = name.charAt(prefix.length);
  return (next >= "A" && next <= "Z") || (next >= "0" && next <= "9");
}

/**
 * Of `slugs`, the network whose namespace holds `name` more specifically than a prefix `ownLength`
 * long: one whose prefix also starts `name` and is longer. Namespaces nest (`Culture` ⊃ `CultureAgora`),
 * and a name belongs to the most specific registered one.
 */
export function longerNamespaceOwner(name: string, kind: "type" | "field", ownLength: number, slugs: readonly string[]): string | null {
  let owner: { slug: string; length: number } | null = null;
  for (const slug of slugs) {
    // A slug that cannot name a namespace cannot publish, so it owns no names.
    if (!SLUG.test(slug)) continue;
    const prefixes = networkPrefixes(slug);
    const prefix = kind === "type" ? prefixes.typePrefix : prefixes.fieldPrefix;
    if (prefix.length > ownLength && hasPrefix(name, prefix) && (!owner || prefix.length > owner.length)) owner = { slug, length: prefix.length };
  }
  return owner?.slug ?? null;
}

/** `name` moved under `prefix`, for messages: `score` → `creativeTracksScore`. */
export function suggestion(name: string, prefix: string): string {
  return `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
