/** Network slugs: lower-case letters, digits and hyphens, as in `creative-tracks`. */
export const NETWORK_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
