import { addressKey } from '../input/address.js';
import type { Diagnostic } from './diagnostic.js';
import type { DeploymentFile } from './file.js';
import { pointerToken } from './pointer.js';
import type { Source } from './source.js';

/**
 * The addresses `build-templates init` writes: the guide's example site (4.1.1's screenshots), which
 * no real site keeps.
 */
const INIT_ADDRESSES = new Set(['192.168.10.47', '192.168.10.48', '192.168.10.108', '192.168.10.109']);

/** Why an address is an example, or null: init's, or a documentation range (RFC 5737, RFC 3849). */
function exampleAddress(address: string): string | null {
  const key = addressKey(address);
  if (INIT_ADDRESSES.has(key)) return "the example address build-templates init writes (the guide's)";
  if (/^(192\.0\.2|198\.51\.100|203\.0\.113)\./.test(key))
    return 'in a range kept for documentation (RFC 5737)';
  if (key.startsWith('2001:0db8:')) return 'in the range kept for documentation (RFC 3849)';
  return null;
}

/** Whether a DNS name is one of the names kept for examples, or under one (RFC 2606). */
const exampleName = (name: string): boolean =>
  /(^|\.)example\.(com|org|net)\.?$/i.test(name) || /^example\.?$/i.test(name);

/**
 * Example values left in a site's file: addresses `init` writes or from the documentation ranges,
 * `example.com`-style names (and the SSO domain `EXAMPLE.COM`), the all-zero OWA GUID. Each located,
 * for a warning (or, with --strict, an error): a site deployed with them would not work.
 */
export function placeholders(data: DeploymentFile, source: Source): Diagnostic[] {
  const found: { pointer: string; message: string }[] = [];
  const address = (value: string, pointer: string) => {
    const why = exampleAddress(value);
    if (why) found.push({ pointer, message: `${value} is ${why}: give the site's own address` });
  };
  data.services.forEach((s, i) => {
    address(s.address, `/services/${i}/address`);
  });
  for (const list of ['exchangeServers', 'officeOnlineServers'] as const)
    (data[list] ?? []).forEach((rs, i) => {
      address(rs.address, `/${list}/${i}/address`);
    });
  const esp = data.esp;
  if (esp) {
    const name = (value: string | undefined, pointer: string) => {
      if (value !== undefined && exampleName(value))
        found.push({ pointer, message: `${value} is an example name (RFC 2606): give the site's own` });
    };
    name(esp.ssoDomain, '/esp/ssoDomain');
    name(esp.smtpDomain, '/esp/smtpDomain');
    name(esp.exchangeUrl?.replace(/^https:\/\//, '').replace(/\/$/, ''), '/esp/exchangeUrl');
    for (const list of ['allowedHosts', 'smtpPermittedDomains'] as const)
      (esp[list] ?? []).forEach((host, i) => {
        name(host, `/esp/${list}/${pointerToken(i)}`);
      });
    if (esp.owaGuid !== undefined && /^[0-]+$/.test(esp.owaGuid))
      found.push({
        pointer: '/esp/owaGuid',
        message: "the all-zero GUID is init's placeholder: give the OWA arbitration mailbox's exchangeGUID",
      });
  }
  return found
    .map((f) => ({ file: source.file, ...source.locate(f.pointer), ...f }))
    .sort((a, b) => a.line - b.line || a.col - b.col);
}
