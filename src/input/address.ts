/**
 * An address as one key, however it is written: IPv6 as its eight groups in full, lower case
 * (`2001:db8::10` and `2001:DB8:0:0:0:0:0:10` are one address; an embedded IPv4 becomes two groups),
 * except an IPv4-mapped one, which is its IPv4 address; IPv4 as it is. Anything else comes back unchanged.
 *
 * IPv6 is read by the URL parser (WHATWG URL's IPv6 parser, built into Node and already loaded),
 * which writes it back compressed and in lower case; node:net would cost a run more to load than
 * the whole check.
 */
export function addressKey(address: string): string {
  const compressed = ipv6(address);
  if (compressed === null) return address;
  const [head = '', tail] = compressed.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  const full = groups.map((g) => g.padStart(4, '0'));
  // An IPv4-mapped address (::ffff:10.0.0.1) is the IPv4 address it maps (RFC 4291 §2.5.5.2).
  if (full.slice(0, 6).join(':') === '0000:0000:0000:0000:0000:ffff') {
    const [hi = 0, lo = 0] = full.slice(6).map((g) => Number.parseInt(g, 16));
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return full.join(':');
}

/**
 * Why no Virtual Service or real server can have this address, or null: the unspecified address
 * (0.0.0.0, ::), a multicast address (224.0.0.0/4, ff00::/8) or the broadcast address
 * 255.255.255.255 (RFC 1122 §3.2.1.3, RFC 4291 §2.5.2 and §2.7), however it is written.
 */
export function unusableAddress(address: string): string | null {
  const key = addressKey(address);
  if (key === '0.0.0.0' || /^(0000:){7}0000$/.test(key))
    return 'the unspecified address, which names no host';
  if (key === '255.255.255.255') return 'the broadcast address';
  const first = Number(key.split('.')[0]);
  if ((/^\d+\.\d+\.\d+\.\d+$/.test(key) && first >= 224 && first <= 239) || key.startsWith('ff'))
    return 'a multicast address';
  return null;
}

/** An IPv6 address as the URL parser writes it (compressed, lower case, no IPv4 part), or null. */
function ipv6(address: string): string | null {
  // Only the characters of an IPv6 address, so nothing else of a URL can be read into it.
  if (!/^[0-9A-Fa-f:.]+$/.test(address) || !address.includes(':')) return null;
  let host: string;
  try {
    host = new URL(`http://[${address}]/`).hostname;
  } catch {
    return null;
  }
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : null;
}
