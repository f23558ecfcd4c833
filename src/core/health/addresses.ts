/**
 * Where an IP address points: the public internet, this machine, the local link or a private network.
 * Ranges from the IANA special-purpose registries (RFC 6890):
 * https://www.iana.org/assignments/iana-ipv4-special-registry/ and
 * https://www.iana.org/assignments/iana-ipv6-special-registry/
 */
export type AddressScope = 'public' | 'loopback' | 'linkLocal' | 'private' | 'reserved';

export const SCOPE_LABELS: Record<Exclude<AddressScope, 'public'>, string> = {
  loopback: 'this machine (loopback)',
  linkLocal: 'a link-local address',
  private: 'a private network',
  reserved: 'a reserved or multicast address',
};

function ipv4Octets(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function ipv4Scope([a, b]: number[]): AddressScope {
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'linkLocal';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  // 0/8 "this network", 192.0.0/24 protocol assignments, 198.18/15 benchmarking, 224/4 multicast, 240/4 reserved.
  if (a === 0 || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 224) return 'reserved';
  return 'public';
}

/** The eight 16-bit words of an IPv6 address (a trailing dotted quad allowed), or undefined. */
function ipv6Words(text: string): number[] | undefined {
  let hex = text;
  const dotted = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted) {
    const o = ipv4Octets(dotted[1]);
    if (!o) return undefined;
    hex = `${text.slice(0, dotted.index + 1)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const halves = hex.split('::');
  if (halves.length > 2) return undefined;
  const words = (half: string) => (half === '' ? [] : half.split(':'));
  const head = words(halves[0]);
  const back = halves.length === 2 ? words(halves[1]) : [];
  if (![...head, ...back].every((w) => /^[0-9a-f]{1,4}$/i.test(w))) return undefined;
  const known = head.length + back.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return undefined;
  return [...head, ...new Array<string>(8 - known).fill('0'), ...back].map((w) => parseInt(w, 16));
}

function ipv6Scope(w: number[]): AddressScope {
  const embeddedV4 = [w[6] >> 8, w[6] & 0xff, w[7] >> 8, w[7] & 0xff];
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return ipv4Scope(embeddedV4);
  // 64:ff9b::/96 reaches IPv4 addresses through NAT64.
  if (w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0)) return ipv4Scope(embeddedV4);
  // ::1 is loopback; the rest of ::/96 is unspecified or the deprecated IPv4-compatible form.
  if (w.slice(0, 6).every((x) => x === 0)) return w[6] === 0 && w[7] === 1 ? 'loopback' : 'reserved';
  if ((w[0] & 0xffc0) === 0xfe80) return 'linkLocal';
  if ((w[0] & 0xfe00) === 0xfc00 || (w[0] & 0xffc0) === 0xfec0) return 'private';
  if ((w[0] & 0xff00) === 0xff00) return 'reserved';
  return 'public';
}

/**
 * The scope of an IP address as a socket or DNS reports it (`10.0.0.1`, `::ffff:10.0.0.1`, `fe80::1%eth0`)
 * or as a URL's hostname writes it (`[::1]`); undefined when the text is not an IP address (a name).
 */
export function addressScope(address: string): AddressScope | undefined {
  const text = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const v4 = ipv4Octets(text);
  if (v4) return ipv4Scope(v4);
  if (!text.includes(':')) return undefined;
  const v6 = ipv6Words(text);
  return v6 ? ipv6Scope(v6) : undefined;
}
