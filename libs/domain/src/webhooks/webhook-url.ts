import { badInput } from '../errors';

export const MAX_WEBHOOK_URL_LENGTH = 2000;

export interface WebhookUrl {
  /** Normalised by the WHATWG parser (`http://2130706433/` reads `http://127.0.0.1/`). */
  href: string;
  /** The host to resolve: a name, or an address without IPv6 brackets. */
  host: string;
}

/** An http(s) URL without credentials, or BAD_USER_INPUT naming `field`. Where it points is checked apart. */
export function parseWebhookUrl(raw: string, field: string): WebhookUrl {
  const trimmed = raw.trim();
  if (trimmed.length > MAX_WEBHOOK_URL_LENGTH) throw badInput(field, `at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badInput(field, `"${trimmed}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput(field, 'must be an http or https URL');
  // fetch refuses URLs carrying credentials, and they would show wherever the URL is shown.
  if (url.username || url.password) throw badInput(field, 'must not contain a user name or password');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw badInput(field, 'must name a host');
  return { href: url.href, host };
}

type Ipv4 = [number, number, number, number];

function parseIpv4(text: string): Ipv4 | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? (octets as Ipv4) : null;
}

/** Eight 16-bit groups, or null when `text` is no IPv6 address. Accepts `::` and a dotted IPv4 tail. */
function parseIpv6(text: string): number[] | null {
  const address = text.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names an interface, not an address
  let tail: number[] = [];
  let head = address;
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.')) {
    const v4 = parseIpv4(address.slice(lastColon + 1));
    if (!v4) return null;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    // Keep a `::` before the IPv4 part; drop a single `:`.
    head = address.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const group = (part: string) => (part === '' ? [] : part.split(':'));
  const parse = (groups: string[]) => groups.map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : Number.NaN));
  const left = parse(group(halves[0]!));
  const right = halves.length === 2 ? parse(group(halves[1]!)) : [];
  const missing = 8 - tail.length - left.length - right.length;
  if (left.some(Number.isNaN) || right.some(Number.isNaN)) return null;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...left, ...new Array<number>(missing).fill(0), ...right, ...tail];
}

function inV4(ip: Ipv4, base: Ipv4, bits: number): boolean {
  const value = ((ip[0] << 24) | (ip[1] << 16) | (ip[2] << 8) | ip[3]) >>> 0;
  const network = ((base[0] << 24) | (base[1] << 16) | (base[2] << 8) | base[3]) >>> 0;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (value & mask) === (network & mask);
}

// Not the public Internet: "this network", private, CGNAT, loopback, link-local, IETF, benchmarking,
// multicast, reserved and broadcast.
const BLOCKED_V4: Array<[Ipv4, number]> = [
  [[0, 0, 0, 0], 8],
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10],
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16],
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24],
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15],
  [[224, 0, 0, 0], 4],
  [[240, 0, 0, 0], 4],
];

const isBlockedV4 = (ip: Ipv4) => BLOCKED_V4.some(([base, bits]) => inV4(ip, base, bits));

const v4Of = (high: number, low: number): Ipv4 => [high >> 8, high & 0xff, low >> 8, low & 0xff];

function isBlockedV6(g: number[]): boolean {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // ::/96 (unspecified, loopback, IPv4-compatible) and ::ffff:0:0/96 (IPv4-mapped): judged by their IPv4 part.
  if (zeros(0, 5) && (g[5] === 0 || g[5] === 0xffff)) return isBlockedV4(v4Of(g[6]!, g[7]!));
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach an IPv4 address too.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return isBlockedV4(v4Of(g[6]!, g[7]!));
  if (g[0] === 0x2002) return isBlockedV4(v4Of(g[1]!, g[2]!));
  const first = g[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 site-local (deprecated)
    (first & 0xff00) === 0xff00 // ff00::/8 multicast
  );
}

/**
 * Whether a webhook may not be sent to this address (loopback, private, link-local and the like,
 * `WEBHOOK_ALLOW_PRIVATE_NETWORKS` aside). Anything that does not parse as an address is refused too.
 */
export function isPrivateNetworkAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4) return isBlockedV4(v4);
  const v6 = parseIpv6(address);
  return v6 ? isBlockedV6(v6) : true;
}
