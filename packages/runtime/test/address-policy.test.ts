import { classifyAddress, isAddressAllowed, type AddressCategory } from "../src/outbound/address-policy";

const TABLE: Array<[address: string, category: AddressCategory]> = [
  // IPv4
  ["93.184.215.14", "public"],
  ["8.8.8.8", "public"],
  ["127.0.0.1", "loopback"],
  ["127.255.0.9", "loopback"],
  ["10.0.0.5", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["172.32.0.1", "public"],
  ["192.168.1.1", "private"],
  ["169.254.169.254", "cloud-metadata"],
  ["100.100.100.200", "cloud-metadata"],
  ["169.254.0.1", "link-local"],
  ["100.64.0.1", "carrier-grade-nat"],
  ["100.127.255.254", "carrier-grade-nat"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["255.255.255.255", "broadcast"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["192.0.2.1", "reserved"],
  ["198.18.0.1", "reserved"],
  ["240.0.0.1", "reserved"],
  // IPv6
  ["2606:4700:4700::1111", "public"],
  ["::1", "loopback"],
  ["[::1]", "loopback"],
  ["::", "unspecified"],
  ["fc00::1", "private"],
  ["fd12:3456::1", "private"],
  ["fd00:ec2::254", "cloud-metadata"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["ff02::1", "multicast"],
  ["2001:db8::1", "reserved"],
  ["64:ff9b::a00:5", "reserved"],
  ["2002:a00:5::1", "reserved"],
  ["::7f00:1", "reserved"],
  // IPv4-mapped IPv6 counts as the IPv4 address it carries
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::ffff:10.0.0.5", "private"],
  ["::ffff:169.254.169.254", "cloud-metadata"],
  ["::ffff:8.8.8.8", "public"],
  // Not canonical literals
  ["127.1", "invalid"],
  ["0x7f000001", "invalid"],
  ["localhost", "invalid"],
  ["", "invalid"],
];

describe("address policy", () => {
  it.each(TABLE)("classifies %s as %s", (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it.each(TABLE)("without allowPrivate, allows %s (%s) only when it is public", (address, category) => {
    expect(isAddressAllowed(address, { allowPrivate: false })).toBe(category === "public");
  });

  it.each(TABLE)("with allowPrivate, allows %s (%s) only when it is public, loopback or private", (address, category) => {
    expect(isAddressAllowed(address, { allowPrivate: true })).toBe(["public", "loopback", "private"].includes(category));
  });

  it("refuses cloud metadata addresses even when private addresses are allowed", () => {
    for (const address of ["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "::ffff:169.254.169.254"]) {
      expect(isAddressAllowed(address, { allowPrivate: true })).toBe(false);
    }
  });
});
