import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import { classifyAddress, describeAddressCategory, isAddressAllowed, type AddressPolicyOptions } from "./address-policy";

/** Longest routing URL a partner may register. */
export const MAX_SUBGRAPH_URL_LENGTH = 2048;

/** How long a routing URL's host may take to resolve at registration. */
const LOOKUP_TIMEOUT_MS = 5000;

const PUBLIC_INTERNET = "partner subgraphs must be reachable on the public internet";

// Names that only ever mean something inside a host, a LAN or a cluster. The address check would catch most of
// them once resolved, but refusing by name gives a clearer message and does not depend on this host's resolver.
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|svc|cluster\.local)$/;

const AUTHORITY = /^[a-z][a-z0-9+.-]*:[/\\]*([^/?#\\]*)/i;

/** Resolves a host name to all its IPv4 and IPv6 addresses; dns.promises.lookup unless a test supplies its own. */
export type ResolveHost = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/** Options for {@link checkSubgraphUrl}. */
export interface SubgraphUrlOptions extends AddressPolicyOptions {
  /** Accept https only (production). */
  requireHttps?: boolean;
  resolve?: ResolveHost;
}

const lookupAll: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * Checks a partner's routing URL before it is registered: null when acceptable, otherwise a message the
 * partner can act on. Host names must resolve, and every address they resolve to must be allowed.
 */
export async function checkSubgraphUrl(url: string, options: SubgraphUrlOptions): Promise<string | null> {
  if (url.length > MAX_SUBGRAPH_URL_LENGTH) return `routing URL is longer than ${MAX_SUBGRAPH_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "routing URL is not a valid absolute URL";
  }
  const schemes = options.requireHttps ? ["https:"] : ["http:", "https:"];
  if (!schemes.includes(parsed.protocol)) {
    return `routing URL must use ${options.requireHttps ? "https" : "http or https"}, not ${parsed.protocol.slice(0, -1)}`;
  }
  // "http://@host" has an empty user name, so look at the authority as written too.
  if (parsed.username || parsed.password || AUTHORITY.exec(url)?.[1].includes("@")) {
    return "routing URL must not contain a user name or password";
  }
  // An empty fragment ("…/graphql#") leaves URL.hash empty, so look at the text too.
  if (parsed.hash || url.includes("#")) return "routing URL must not contain a fragment (#…)";

  // The URL parser has already turned 127.1, 0x7f000001 and 017700000001 into 127.0.0.1.
  const host = parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname;
  if (isIP(host)) {
    const category = classifyAddress(host);
    if (isAddressAllowed(host, options)) return null;
    return `routing URL host ${host} is ${describeAddressCategory(category)}; ${PUBLIC_INTERNET}`;
  }

  const name = host.toLowerCase().replace(/\.$/, "");
  if (!options.allowPrivate && (!name.includes(".") || INTERNAL_NAME.test(name))) {
    return `routing URL host ${name} is not a public domain name; ${PUBLIC_INTERNET}`;
  }
  let addresses: Array<{ address: string }>;
  try {
    addresses = await withTimeout((options.resolve ?? lookupAll)(host), LOOKUP_TIMEOUT_MS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "LOOKUP_TIMEOUT") return `routing URL host ${name} did not resolve within ${LOOKUP_TIMEOUT_MS / 1000} s`;
    return `routing URL host ${name} does not resolve${code ? ` (${code})` : ""}`;
  }
  if (addresses.length === 0) return `routing URL host ${name} does not resolve`;
  for (const { address } of addresses) {
    if (!isAddressAllowed(address, options)) {
      return `routing URL host ${name} resolves to ${address}, ${describeAddressCategory(classifyAddress(address))}; ${PUBLIC_INTERNET}`;
    }
  }
  return null;
}

/** Rejects with code LOOKUP_TIMEOUT when `promise` takes longer than `ms`; getaddrinfo itself cannot be cancelled. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("lookup timed out"), { code: "LOOKUP_TIMEOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
