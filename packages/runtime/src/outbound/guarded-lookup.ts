import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isAddressAllowed, type AddressPolicyOptions } from "./address-policy";

/** The `code` of the error a guarded lookup refuses a host with. */
export const ADDRESS_REFUSED = "AGORA_ADDRESS_REFUSED";

/** An error carrying `ADDRESS_REFUSED`, with a short message meant for logs. */
export function addressRefusal(message: string): Error {
  return Object.assign(new Error(message), { code: ADDRESS_REFUSED });
}

/**
 * The shape of `net.LookupFunction`, spelt out so the package's type declarations need no Node types (a partner's
 * project may not install them).
 */
export type GuardedLookupFunction = (
  hostname: string,
  options: { all?: boolean; family?: number | "IPv4" | "IPv6"; hints?: number },
  callback: (error: Error | null, address: string | Array<{ address: string; family: number }>, family?: number) => void,
) => void;

/**
 * A DNS lookup for an HTTP agent's `connect.lookup` that refuses a host when any address it resolves to is not
 * allowed by `policy`, so a name cannot be pointed at the hub's own network after it was checked. Node never
 * calls it for IP-literal hosts: callers check those themselves.
 */
export function guardedLookup(policy: AddressPolicyOptions): GuardedLookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const blocked = addresses.find(({ address }) => !isAddressAllowed(address, policy));
      if (blocked) return callback(addressRefusal(`blocked address ${blocked.address} for ${hostname}`), "", 0);
      if (addresses.length === 0) return callback(addressRefusal(`${hostname} does not resolve`), "", 0);
      // Node 20 connects with autoSelectFamily and asks for all addresses; older call sites want one.
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
