import { hasPrefix, NAMESPACE_SLUG, networkPrefixes } from "@agora-hub/runtime";

export { hasPrefix, networkPrefixes, type NetworkPrefixes } from "@agora-hub/runtime";

/**
 * Of `slugs`, the network whose namespace holds `name` more specifically than a prefix `ownLength`
 * long: one whose prefix also starts `name` and is longer. Namespaces nest (`Culture` ⊃ `CultureAgora`),
 * and a name belongs to the most specific registered one.
 */
export function longerNamespaceOwner(name: string, kind: "type" | "field", ownLength: number, slugs: readonly string[]): string | null {
  let owner: { slug: string; length: number } | null = null;
  for (const slug of slugs) {
    // A slug that cannot name a namespace cannot publish, so it owns no names.
    if (!NAMESPACE_SLUG.test(slug)) continue;
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
