import { checkSubgraphUrl, type ResolveHost } from "../src/outbound/subgraph-url";

const PUBLIC = { allowPrivate: false };
const DEVELOPMENT = { allowPrivate: true };

/** A resolver with fixed answers, standing in for DNS so that these tests never leave the machine. */
function fixedDns(answers: Record<string, string[]>): ResolveHost {
  return async (hostname) => {
    const addresses = answers[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

const dns = fixedDns({
  "makers.example.org": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
  "rebind.example.org": ["93.184.215.14", "10.0.0.5"],
  "metadata.example.org": ["169.254.169.254"],
  "v6-loopback.example.org": ["::1"],
});

describe("checkSubgraphUrl", () => {
  it("accepts an https URL whose host resolves only to public addresses", async () => {
    expect(await checkSubgraphUrl("https://makers.example.org/graphql", { ...PUBLIC, resolve: dns })).toBeNull();
  });

  it("accepts a public IP literal", async () => {
    expect(await checkSubgraphUrl("http://93.184.215.14:8080/graphql", PUBLIC)).toBeNull();
  });

  it.each([
    ["ftp://makers.example.org/graphql", "routing URL must use http or https, not ftp"],
    ["file:///etc/passwd", "routing URL must use http or https, not file"],
    ["gopher://makers.example.org:70/_", "routing URL must use http or https, not gopher"],
    ["javascript:alert(1)", "routing URL must use http or https, not javascript"],
    ["makers.example.org/graphql", "routing URL is not a valid absolute URL"],
    ["http://", "routing URL is not a valid absolute URL"],
  ])("refuses %s", async (url, message) => {
    expect(await checkSubgraphUrl(url, { ...PUBLIC, resolve: dns })).toBe(message);
  });

  it("refuses http when https is required", async () => {
    expect(await checkSubgraphUrl("http://makers.example.org/graphql", { ...PUBLIC, requireHttps: true, resolve: dns })).toBe(
      "routing URL must use https, not http",
    );
  });

  it.each([
    "https://user:secret@makers.example.org/graphql",
    "https://user@makers.example.org/",
    "https://@makers.example.org/",
    "https://:pw@makers.example.org/",
  ])("refuses user info in %s", async (url) => {
    expect(await checkSubgraphUrl(url, { ...PUBLIC, resolve: dns })).toBe("routing URL must not contain a user name or password");
  });

  it("accepts an @ in the path", async () => {
    expect(await checkSubgraphUrl("https://makers.example.org/@team/graphql", { ...PUBLIC, resolve: dns })).toBeNull();
  });

  it.each(["https://makers.example.org/graphql#x", "https://makers.example.org/graphql#"])("refuses the fragment in %s", async (url) => {
    expect(await checkSubgraphUrl(url, { ...PUBLIC, resolve: dns })).toBe("routing URL must not contain a fragment (#…)");
  });

  it("refuses a URL longer than 2048 characters", async () => {
    const url = `https://makers.example.org/${"a".repeat(2048)}`;
    expect(await checkSubgraphUrl(url, { ...PUBLIC, resolve: dns })).toBe("routing URL is longer than 2048 characters");
  });

  it.each([
    ["http://10.0.0.5/graphql", "routing URL host 10.0.0.5 is a private address; partner subgraphs must be reachable on the public internet"],
    ["http://127.0.0.1:4001/", "routing URL host 127.0.0.1 is a loopback address; partner subgraphs must be reachable on the public internet"],
    ["http://127.1/", "routing URL host 127.0.0.1 is a loopback address; partner subgraphs must be reachable on the public internet"],
    ["http://0x7f000001/", "routing URL host 127.0.0.1 is a loopback address; partner subgraphs must be reachable on the public internet"],
    ["http://2130706433/", "routing URL host 127.0.0.1 is a loopback address; partner subgraphs must be reachable on the public internet"],
    ["http://017700000001/", "routing URL host 127.0.0.1 is a loopback address; partner subgraphs must be reachable on the public internet"],
    ["http://[::1]/", "routing URL host ::1 is a loopback address; partner subgraphs must be reachable on the public internet"],
    ["http://[::ffff:127.0.0.1]/", "routing URL host ::ffff:7f00:1 is a loopback address; partner subgraphs must be reachable on the public internet"],
    ["http://0.0.0.0:4001/", "routing URL host 0.0.0.0 is an unspecified address; partner subgraphs must be reachable on the public internet"],
    ["http://100.64.1.1/", "routing URL host 100.64.1.1 is a carrier-grade NAT address; partner subgraphs must be reachable on the public internet"],
    ["http://[fe80::1]/", "routing URL host fe80::1 is a link-local address; partner subgraphs must be reachable on the public internet"],
    ["http://224.0.0.1/", "routing URL host 224.0.0.1 is a multicast address; partner subgraphs must be reachable on the public internet"],
  ])("refuses the IP literal in %s", async (url, message) => {
    expect(await checkSubgraphUrl(url, PUBLIC)).toBe(message);
  });

  it.each(["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://100.100.100.200/", "http://[::ffff:a9fe:a9fe]/"])(
    "refuses the cloud metadata address in %s even when private addresses are allowed",
    async (url) => {
      expect(await checkSubgraphUrl(url, DEVELOPMENT)).toMatch(
        /^routing URL host \S+ is a cloud metadata address; partner subgraphs must be reachable on the public internet$/,
      );
    },
  );

  it("refuses localhost, resolved by this machine", async () => {
    expect(await checkSubgraphUrl("http://localhost:4001/graphql", PUBLIC)).toBe(
      "routing URL host localhost is not a public domain name; partner subgraphs must be reachable on the public internet",
    );
  });

  it("accepts localhost and loopback literals when private addresses are allowed", async () => {
    expect(await checkSubgraphUrl("http://localhost:4001/graphql", DEVELOPMENT)).toBeNull();
    expect(await checkSubgraphUrl("http://127.1:4001/graphql", DEVELOPMENT)).toBeNull();
    expect(await checkSubgraphUrl("http://[::1]:4001/graphql", DEVELOPMENT)).toBeNull();
    expect(await checkSubgraphUrl("http://10.0.0.5/graphql", DEVELOPMENT)).toBeNull();
  });

  it.each(["http://people/graphql", "http://people.svc/", "https://printer.local/", "https://metadata.google.internal/", "http://app.localhost/"])(
    "refuses the internal host name in %s",
    async (url) => {
      expect(await checkSubgraphUrl(url, { ...PUBLIC, resolve: dns })).toMatch(
        /is not a public domain name; partner subgraphs must be reachable on the public internet$/,
      );
    },
  );

  it("refuses a host name when any of its addresses is private", async () => {
    expect(await checkSubgraphUrl("https://rebind.example.org/graphql", { ...PUBLIC, resolve: dns })).toBe(
      "routing URL host rebind.example.org resolves to 10.0.0.5, a private address; partner subgraphs must be reachable on the public internet",
    );
  });

  it("refuses a host name that resolves to a metadata address, even when private addresses are allowed", async () => {
    expect(await checkSubgraphUrl("https://metadata.example.org/", { ...DEVELOPMENT, resolve: dns })).toBe(
      "routing URL host metadata.example.org resolves to 169.254.169.254, a cloud metadata address; partner subgraphs must be reachable on the public internet",
    );
  });

  it("refuses a host name that resolves to the IPv6 loopback", async () => {
    expect(await checkSubgraphUrl("https://v6-loopback.example.org/", { ...PUBLIC, resolve: dns })).toBe(
      "routing URL host v6-loopback.example.org resolves to ::1, a loopback address; partner subgraphs must be reachable on the public internet",
    );
  });

  it("refuses a host name that does not resolve", async () => {
    expect(await checkSubgraphUrl("https://nowhere.example.org/graphql", { ...PUBLIC, resolve: dns })).toBe(
      "routing URL host nowhere.example.org does not resolve (ENOTFOUND)",
    );
  });
});
