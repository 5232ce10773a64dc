/** Network slugs: lower-case letters, digits and hyphens, as in `creative-tracks`. */
export const NETWORK_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Slugs that can name a GraphQL namespace: a letter first, then lower-case letters, digits and single hyphens. */
export const NAMESPACE_SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A network's namespace: `CreativeTracks…` types and `creativeTracks…` fields. */
export interface NetworkPrefixes {
  typePrefix: string;
  fieldPrefix: string;
}

/** The namespace a network's partner subgraphs must use: `creative-tracks` → `CreativeTracks…` types and `creativeTracks…` fields. */
export function networkPrefixes(slug: string): NetworkPrefixes {
  if (!NAMESPACE_SLUG.test(slug)) {
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
