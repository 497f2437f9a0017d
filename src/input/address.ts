/**
 * An address as one key, however it is written: IPv6 as its eight groups in full, lower case
 * (`2001:db8::10` and `2001:DB8:0:0:0:0:0:10` are one address; an embedded IPv4 becomes two groups);
 * IPv4 as it is. Anything else comes back unchanged.
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
  return groups.map((g) => g.padStart(4, '0')).join(':');
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
