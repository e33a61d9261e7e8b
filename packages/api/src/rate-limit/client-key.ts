import { isIPv4, isIPv6 } from 'node:net';

// A client owning an IPv6 network usually holds a whole /64 and can rotate addresses inside it
// for free, so per-address limits count IPv6 clients by their /64; IPv4 by the full address.

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

function ipv4AsHextets(address: string): string[] {
  const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

function ipv6Groups(address: string): string[] {
  const groupsOf = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => (group.includes('.') ? ipv4AsHextets(group) : [group]));
  const [head = '', tail] = address.split('::');
  const leading = groupsOf(head);
  const trailing = tail === undefined ? [] : groupsOf(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - leading.length - trailing.length).fill('0');
  return [...leading, ...zeros, ...trailing].map((group) => parseInt(group, 16).toString(16));
}

/** What a per-client limit counts by; requests without an address share one key. */
export function clientAddressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.split('%')[0] ?? ip; // without an IPv6 zone id
  const mapped = IPV4_MAPPED.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}
