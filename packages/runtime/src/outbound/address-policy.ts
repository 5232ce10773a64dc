import ipaddr from "ipaddr.js";
import { isIP } from "node:net";

/** What kind of network an IP address belongs to, as far as partner traffic is concerned. */
export type AddressCategory =
  | "public"
  | "loopback"
  | "private"
  | "cloud-metadata"
  | "link-local"
  | "carrier-grade-nat"
  | "unspecified"
  | "broadcast"
  | "multicast"
  | "reserved"
  | "invalid";

/** Whether partner traffic may reach loopback and private networks (AGORA_ALLOW_PRIVATE_SUBGRAPHS=1, development and tests only). */
export interface AddressPolicyOptions {
  allowPrivate: boolean;
}

// Instance metadata services hand out cloud credentials; they are refused even when private addresses are allowed.
// 169.254.169.254 (AWS, GCP, Azure, OCI…) is link-local anyway and 100.100.100.200 (Alibaba) is in 100.64/10,
// but fd00:ec2::/32 (AWS IPv6 metadata, DNS and time) sits inside the private fc00::/7.
const CLOUD_METADATA: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [
  ipaddr.parseCIDR("169.254.169.254/32"),
  ipaddr.parseCIDR("100.100.100.200/32"),
  ipaddr.parseCIDR("fd00:ec2::/32"),
];

// Every public IPv6 unicast address today is in 2000::/3; anything outside it that ipaddr.js still calls unicast
// (e.g. the deprecated IPv4-compatible ::a.b.c.d) has no business being a partner's address.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

const DESCRIPTIONS: Record<AddressCategory, string> = {
  public: "a public address",
  loopback: "a loopback address",
  private: "a private address",
  "cloud-metadata": "a cloud metadata address",
  "link-local": "a link-local address",
  "carrier-grade-nat": "a carrier-grade NAT address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  reserved: "a reserved address",
  invalid: "not a valid IP address",
};

/** Classifies an IP address; IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) count as the IPv4 address they carry. */
export function classifyAddress(address: string): AddressCategory {
  const text = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  // Only canonical literals (what DNS and the WHATWG URL parser produce); ipaddr.js would also take "127.1" or "0x7f000001".
  if (isIP(text) === 0) return "invalid";
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(text);
  } catch {
    return "invalid";
  }
  if (CLOUD_METADATA.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return "cloud-metadata";
  if (parsed.kind() === "ipv4") {
    switch ((parsed as ipaddr.IPv4).range()) {
      case "unicast":
        return "public";
      case "loopback":
        return "loopback";
      case "private":
        return "private";
      case "linkLocal":
        return "link-local";
      case "carrierGradeNat":
        return "carrier-grade-nat";
      case "unspecified":
        return "unspecified";
      case "broadcast":
        return "broadcast";
      case "multicast":
        return "multicast";
      default:
        return "reserved";
    }
  }
  const v6 = parsed as ipaddr.IPv6;
  switch (v6.range()) {
    case "unicast":
      return v6.match(GLOBAL_UNICAST_V6) ? "public" : "reserved";
    case "loopback":
      return "loopback";
    case "uniqueLocal":
      return "private";
    case "linkLocal":
      return "link-local";
    case "unspecified":
      return "unspecified";
    case "multicast":
      return "multicast";
    // Site-local, NAT64 (64:ff9b::/96), 6to4, Teredo, documentation, discard…: they embed or reach other networks.
    default:
      return "reserved";
  }
}

/** A phrase for a category, for error messages: "a private address". */
export function describeAddressCategory(category: AddressCategory): string {
  return DESCRIPTIONS[category];
}

/** Whether partner traffic may go to this address: public unicast always, loopback and private only with `allowPrivate`. */
export function isAddressAllowed(address: string, { allowPrivate }: AddressPolicyOptions): boolean {
  const category = classifyAddress(address);
  return category === "public" || (allowPrivate && (category === "loopback" || category === "private"));
}
