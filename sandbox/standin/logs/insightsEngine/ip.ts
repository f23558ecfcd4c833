const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(s: string): boolean {
  return IPV4.test(s);
}

export function isIpv6(s: string): boolean {
  return ipv6Words(s) !== undefined;
}

/** The eight 16-bit words of an IPv6 address (`::` and a trailing dotted IPv4 part allowed). */
function ipv6Words(s: string): number[] | undefined {
  if (s.length > 45 || !s.includes(':')) {
    return undefined;
  }
  let text = s;
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    if (!isIpv4(last)) {
      return undefined;
    }
    const b = last.split('.').map(Number);
    const hex = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16);
    text = `${text.slice(0, lastColon + 1)}${hex(b[0] ?? 0, b[1] ?? 0)}:${hex(b[2] ?? 0, b[3] ?? 0)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const words = part.split(':');
    if (words.some((w) => !/^[0-9a-fA-F]{1,4}$/.test(w))) return undefined;
    return words.map((w) => parseInt(w, 16));
  };
  const head = parse(halves[0] ?? '');
  const rest = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!head || !rest) {
    return undefined;
  }
  const given = head.length + rest.length;
  if (halves.length === 1 ? given !== 8 : given > 7) {
    return undefined;
  }
  return [...head, ...Array<number>(8 - given).fill(0), ...rest];
}

function ipv4Bits(s: string): bigint | undefined {
  if (!isIpv4(s)) return undefined;
  return s.split('.').reduce((acc, b) => (acc << 8n) | BigInt(Number(b)), 0n);
}

function ipv6Bits(s: string): bigint | undefined {
  const words = ipv6Words(s);
  return words?.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n);
}

/** Whether an address is in a CIDR subnet; `family` limits both to IPv4 or IPv6. */
export function inSubnet(ip: string, cidr: string, family?: 4 | 6): boolean {
  const slash = cidr.indexOf('/');
  const network = slash < 0 ? cidr : cidr.slice(0, slash);
  const v4 = isIpv4(ip) && isIpv4(network);
  const v6 = !v4 && isIpv6(ip) && isIpv6(network);
  if ((!v4 && !v6) || (family === 4 && !v4) || (family === 6 && !v6)) {
    return false;
  }
  const width = v4 ? 32 : 128;
  const prefix = slash < 0 ? width : Number(cidr.slice(slash + 1));
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) {
    return false;
  }
  const a = v4 ? ipv4Bits(ip) : ipv6Bits(ip);
  const n = v4 ? ipv4Bits(network) : ipv6Bits(network);
  if (a === undefined || n === undefined) {
    return false;
  }
  const shift = BigInt(width - prefix);
  return a >> shift === n >> shift;
}
