import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './guide.js';

/**
 * The corpus of bad inputs (issue 10): deployment files, bundles, command lines and output folders
 * the tool must refuse, each with the exit code and the message a user should see. Every message
 * is matched against the first line of stderr; file problems are located (`file:line:col /pointer`
 * for a deployment file, `line L, column C` or the element for a bundle).
 */
export interface BadCase {
  readonly name: string;
  readonly kind: 'deployment' | 'file' | 'flags' | 'output' | 'bundle';
  /** Makes the case's files in its own folder (the working folder of the run); returns the arguments. */
  readonly setup: (dir: string) => Promise<readonly string[]>;
  readonly code: 1 | 2;
  readonly message: RegExp;
  /** Where standard output goes: a closed pipe or a full disk. */
  readonly stdout?: 'closed' | 'full';
  /** Text of the input that must never appear in a message (a secret). */
  readonly secret?: string;
}

/** A small valid site: line 4 col 18 is the certificate's value, line 8 col 14 the first server's. */
export const SITE = `services:
  - template: https-offloaded
    address: 192.168.10.47
    certificate: Wildcard
  - template: smtp
    address: 192.168.10.47
exchangeServers:
  - address: 192.168.10.108
  - address: 192.168.10.109
`;

const OUT = ['--out', 'out'];

/** A deployment file with this content (text or bytes), compiled into out/. */
function site(
  name: string,
  content: string | Buffer,
  message: RegExp,
  extra: Partial<BadCase> = {},
): BadCase {
  return {
    name,
    kind: 'deployment',
    code: 1,
    message,
    async setup(dir) {
      await writeFile(join(dir, 'site.yaml'), content);
      return ['--deployment', 'site.yaml', ...OUT];
    },
    ...extra,
  };
}

/** SITE with the certificate's value (line 4, column 18) replaced by raw YAML text. */
const certificate = (yaml: string): string => SITE.replace('Wildcard', yaml);

/** The message for a forbidden character in a value at line 4, column 18. */
const heldAt = (pointer: string, name: string, at: number): RegExp =>
  new RegExp(
    `^site\\.yaml:4:18 ${pointer.replace(/\//g, '\\/')}: the value holds ${name.replace(/[()+]/g, '\\$&')} at character ${at}, which no value may hold$`,
  );

const CERT = '/services/0/certificate';

const deploymentCases: BadCase[] = [
  site(
    'an .env file full of secrets',
    'DB_PASSWORD=hunter2-very-secret\nAPI_TOKEN=abc123\n',
    /^site\.yaml:1:1 \/: the file must be a mapping of keys and values \(YAML or JSON\), not a single value$/,
    { secret: 'hunter2' },
  ),
  site(
    'a private key',
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
    /^site\.yaml:1:1 \/: the file must be a mapping of keys and values \(YAML or JSON\), not a single value$/,
    { secret: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC' },
  ),
  site(
    'a shell script',
    '#!/bin/sh\nrm -rf / --no-preserve-root\n',
    /^site\.yaml:\d+:\d+ \/: the file must be a mapping/,
    { secret: 'no-preserve-root' },
  ),
  site('an empty file', '', /^site\.yaml:1:1 \/: the file is empty \(or holds only comments\)/),
  site('only comments', '# nothing here\n# at all\n', /^site\.yaml:1:1 \/: the file is empty/),
  site(
    'a list at the top',
    '- 1\n- 2\n',
    /^site\.yaml:1:1 \/: the file must be a mapping of keys and values/,
  ),
  site('JSON with a trailing comma', '{"services": [],}', /^site\.yaml:1:\d+ \/: /),
  site('a tab indent', 'services:\n\t- template: smtp\n', /^site\.yaml:2:1 \/services: /),
  site('an unclosed quote', 'services: "abc\n', /^site\.yaml:2:1 \/: Missing closing "quote$/),
  site(
    'a key given twice',
    `${SITE}services: []\n`,
    /^site\.yaml:10:1 \/services: the key "services" is given twice \(first at line 1\)$/,
  ),
  site('two documents', `${SITE}---\n${SITE}`, /^site\.yaml:10:1 \/: /),
  site(
    'a misspelt key',
    SITE.replace('exchangeServers', 'exchangeServer'),
    /^site\.yaml:7:1 \/exchangeServer: unknown key "exchangeServer"; did you mean "exchangeServers"\?$/,
  ),
  site(
    'a key holding / and ~',
    `"a/b~c": 1\n${SITE}`,
    /^site\.yaml:1:1 \/a~1b~0c: unknown key "a\/b~c"; expected one of /,
  ),
  site(
    'a !!js/function tag',
    certificate('!!js/function "x"'),
    /^site\.yaml:4:18 \/services\/0\/certificate: Unresolved tag: /,
  ),
  site(
    'an !include tag',
    certificate('!include secrets.yaml'),
    /^site\.yaml:4:18 \/services\/0\/certificate: Unresolved tag: !include$/,
  ),
  site(
    'an undefined alias',
    certificate('*nowhere'),
    /^site\.yaml:4:18 \/services\/0\/certificate: an alias names no anchor set before it$/,
  ),
  site(
    'an alias bomb',
    `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [${'*a,'.repeat(8)}*a]\nc: &c [${'*b,'.repeat(8)}*b]\nd: &d [${'*c,'.repeat(8)}*c]\n`,
    /^site\.yaml:\d+:\d+ \/\S+: aliases expand too far \(more than 100 times\): refused$/,
  ),
  site(
    '200,000 aliases',
    `a: &a x\nb: [${Array(200_000).fill('*a').join(',')}]\n`,
    /^site\.yaml:2:\d+ \/: the file holds more than 20000 values; no deployment file does: refused$/,
  ),
  site(
    '300,000 numbers in a list',
    `services: [${Array(300_000).fill('1').join(',')}]\n`,
    /^site\.yaml:1:\d+ \/: the file holds more than 20000 values/,
  ),
  site(
    'brackets nested 100,000 deep',
    `services: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    /^site\.yaml:1:43 \/: brackets nest more than 32 deep; no deployment file does: refused$/,
  ),
  site(
    'JSON nested 200,000 deep',
    `{"a": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    /^site\.yaml:1:38 \/: brackets nest more than 32 deep/,
  ),
  site(
    'lists indented 1,000 deep',
    `a:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}- \n`).join('')}`,
    /^site\.yaml:66:1 \/: a line is indented more than 64 columns/,
  ),
  site(
    'compact lists 500 deep on one line',
    `a: ${'- '.repeat(500)}x\n`,
    /^site\.yaml:1:\d+ \/: a line opens more than 8 nested lists or keys/,
  ),
  site('a NUL escape in a value', certificate('"Wild\\0card"'), heldAt(CERT, 'U+0000 (NUL)', 5)),
  site('an ESC colour sequence', certificate('"Wild\\e[31mcard"'), heldAt(CERT, 'U+001B (escape)', 5)),
  site('a bell', certificate('"Wild\\acard"'), heldAt(CERT, 'U+0007 (bell)', 5)),
  site(
    'a bare CR then an HTML comment',
    certificate('"Wild\\r<!--card"'),
    heldAt(CERT, 'U+000D (carriage return)', 5),
  ),
  site('a line feed', certificate('"Wild\\ncard"'), heldAt(CERT, 'U+000A (line feed)', 5)),
  site('a tab', certificate('"Wild\\tcard"'), heldAt(CERT, 'U+0009 (tab)', 5)),
  site('DEL', certificate('"Wild\\x7fcard"'), heldAt(CERT, 'U+007F (delete)', 5)),
  site('a C1 CSI', certificate('"Wild\\x9b31mcard"'), heldAt(CERT, 'U+009B (a control character)', 5)),
  site(
    'a right-to-left override',
    certificate('"Wild\\u202Ecard"'),
    heldAt(CERT, 'U+202E (a bidirectional control)', 5),
  ),
  site(
    'a bidi isolate',
    certificate('"Wild\\u2066card"'),
    heldAt(CERT, 'U+2066 (a bidirectional control)', 5),
  ),
  site('a line separator', certificate('"Wild\\u2028card"'), heldAt(CERT, 'U+2028 (line separator)', 5)),
  site('a BOM inside a value', certificate('"Wild\\uFEFFcard"'), heldAt(CERT, 'U+FEFF (byte order mark)', 5)),
  site('a lone surrogate', certificate('"Wild\\uD800card"'), heldAt(CERT, 'U+D800 (a lone surrogate)', 5)),
  site(
    'an ESC in a nickname',
    SITE.replace(
      '    certificate: Wildcard',
      '    certificate: Wildcard\n    nickname: "Mail\\e]0;owned\\a"',
    ),
    /^site\.yaml:5:15 \/services\/0\/nickname: the value holds U\+001B \(escape\) at character 5/,
  ),
  site(
    'an ESC and a line feed in an unknown key',
    `"k\\e[2J\\nx": 1\n${SITE}`,
    /^site\.yaml:1:1 \/k\\u\{1b\}\[2J\\u\{a\}x: the key "k\\u\{1b\}\[2J\\u\{a\}x" holds U\+001B \(escape\) at character 2/,
  ),
  site(
    'a raw NUL byte',
    Buffer.concat([Buffer.from('services:\n  - template: sm'), Buffer.from([0]), Buffer.from('tp\n')]),
    /^site\.yaml:2:17 \/services\/0\/template: the deployment file holds a NUL byte: it is UTF-16 or not text/,
  ),
  site(
    'UTF-16 little-endian',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SITE, 'utf16le')]),
    /^site\.yaml:1:1 \/: the deployment file is UTF-16 \(little-endian\): save it as UTF-8, e\.g\. iconv -f UTF-16 -t UTF-8/,
  ),
  site(
    'UTF-16 big-endian',
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SITE, 'utf16le').swap16()]),
    /^site\.yaml:1:1 \/: the deployment file is UTF-16 \(big-endian\)/,
  ),
  site(
    'UTF-16 without a BOM',
    Buffer.from(SITE, 'utf16le'),
    /^site\.yaml:1:2 \/: the deployment file holds a NUL byte: it is UTF-16 or not text/,
  ),
  site(
    'Latin-1',
    Buffer.from(SITE.replace('Wildcard', 'Wildcärd'), 'latin1'),
    /^site\.yaml:4:23 \/services\/0\/certificate: the deployment file is not UTF-8 \(byte 0xe4\): if it is Latin-1 \(ISO-8859-1\), save it as UTF-8, e\.g\. iconv -f ISO-8859-1/,
  ),
  site(
    'an overlong UTF-8 slash',
    Buffer.concat([Buffer.from(SITE), Buffer.from([0x23, 0xc0, 0xaf, 0x0a])]),
    /^site\.yaml:10:2 \/: the deployment file is not UTF-8 \(byte 0xc0\)/,
  ),
  site(
    'a UTF-8 encoded surrogate',
    Buffer.concat([Buffer.from(SITE), Buffer.from([0x23, 0xed, 0xa0, 0x80, 0x0a])]),
    /^site\.yaml:10:2 \/: the deployment file is not UTF-8 \(byte 0xed\)/,
  ),
  site(
    'a cut-off UTF-8 character at the end',
    Buffer.concat([Buffer.from(SITE), Buffer.from([0x23, 0xe2, 0x82])]),
    /^site\.yaml:10:2 \/: the deployment file is not UTF-8 \(byte 0xe2\)/,
  ),
  site(
    '2 MB of comments',
    `${SITE}${'# padding padding padding padding padding padding padding\n'.repeat(36_000)}`,
    /^site\.yaml:1:1 \/: the deployment file is larger than 1 MB; no real one is that big$/,
  ),
  site(
    'a 65-character nickname',
    SITE.replace('    certificate: Wildcard', `    certificate: Wildcard\n    nickname: ${'n'.repeat(65)}`),
    /^site\.yaml:5:15 \/services\/0\/nickname: /,
  ),
  site(
    'a 10 MB certificate name is refused by size, a 129-character one by length',
    certificate('c'.repeat(129)),
    /^site\.yaml:4:18 \/services\/0\/certificate: .*128/,
  ),
  site(
    '65 services',
    `services:\n${Array.from({ length: 65 }, (_, i) => `  - {template: smtp, address: 10.0.0.${i + 1}}\n`).join('')}exchangeServers:\n  - address: 10.1.0.1\n`,
    /^site\.yaml:2:3 \/services: services may list at most 64$/,
  ),
  site(
    '257 Exchange servers',
    `services:\n  - {template: smtp, address: 10.0.0.1}\nexchangeServers:\n${Array.from({ length: 257 }, (_, i) => `  - address: 10.1.${i >> 8}.${(i & 255) + 1}\n`).join('')}`,
    /^site\.yaml:4:3 \/exchangeServers: exchangeServers may list at most 256$/,
  ),
  site(
    'one IPv6 server written two ways',
    SITE.replace('192.168.10.108', '2001:db8::10').replace('192.168.10.109', '2001:DB8:0:0:0:0:0:10'),
    /^site\.yaml:9:5 \/exchangeServers\/1: 2001:DB8:0:0:0:0:0:10 is listed twice \(exchangeServers\/0 writes the same address as 2001:db8::10\)$/,
  ),
  site(
    'two services on one IPv6 address written two ways',
    'services:\n  - {template: smtp, address: "2001:db8::47"}\n  - {template: smtp-starttls, address: "2001:DB8:0:0::47", certificate: Wildcard}\nexchangeServers:\n  - address: 10.0.0.1\n',
    /^site\.yaml:3:\d+ \/services\/1\/address: smtp-starttls would listen on 2001:DB8:0:0::47 port 25, which services\/0 \(smtp\) already uses \(written there as 2001:db8::47\)$/,
  ),
  site(
    'one IPv4 server twice',
    SITE.replace('192.168.10.109', '192.168.10.108'),
    /^site\.yaml:9:5 \/exchangeServers\/1: 192\.168\.10\.108 is listed twice$/,
  ),
  site(
    'an address out of range',
    SITE.replace('192.168.10.108', '999.1.1.1'),
    /^site\.yaml:8:14 \/exchangeServers\/0\/address: "999\.1\.1\.1" is not an IPv4 or IPv6 address$/,
  ),
  site(
    'a weight out of range',
    SITE.replace('  - address: 192.168.10.108', '  - address: 192.168.10.108\n    weight: 70000'),
    /^site\.yaml:9:13 \/exchangeServers\/0\/weight: weight 70000 is out of range 1-65530$/,
  ),
  site(
    'an unknown template',
    SITE.replace('template: smtp', 'template: smpt'),
    /^site\.yaml:5:15 \/services\/1\/template: "smpt" is not a known template; did you mean "smtp"\?$/,
  ),
  site(
    'services as a string',
    'services: lots\nexchangeServers: []\n',
    /^site\.yaml:1:11 \/services: services must be a list/,
  ),
  site(
    'an address as a number',
    SITE.replace('address: 192.168.10.108', 'address: 12'),
    /^site\.yaml:8:14 \/exchangeServers\/0\/address: address must be a string, not the number 12$/,
  ),
  site(
    'globals as "yes"',
    `globals: "yes"\n${SITE}`,
    /^site\.yaml:1:10 \/globals: globals must be a boolean, not the string "yes"$/,
  ),
  site(
    '65 allowed hosts',
    `${SITE.replace('https-offloaded', 'https-offloaded-esp')}esp:\n  ssoDomain: EXAMPLE.COM\n  allowedHosts:\n${Array.from({ length: 65 }, (_, i) => `    - h${i}.example.com\n`).join('')}`,
    /^site\.yaml:13:5 \/esp\/allowedHosts: allowedHosts may list at most 64$/,
  ),
  site(
    'a 1,000-character unknown key',
    `${'k'.repeat(1000)}: 1\n${SITE}`,
    /^site\.yaml:1:1 \/k{119}…: unknown key "k{40}…" \(1000 characters\); expected one of /,
  ),
  site(
    'a 100,000-character key',
    `${'k'.repeat(100_000)}: 1\n${SITE}`,
    /^site\.yaml:1:1 \/k{119}…: The : indicator must be at most 1024 chars after the start of an implicit block mapping key$/,
  ),
  site(
    '9,000 unknown keys',
    `${SITE}${Array.from({ length: 9000 }, (_, i) => `unknown${i}: 1\n`).join('')}`,
    /^site\.yaml:10:1 \/unknown0: unknown key "unknown0"/,
  ),
  site(
    'a YAML merge key',
    `<<: {services: []}\n${SITE}`,
    /^site\.yaml:1:1 \/<<: a merge key \(<<\) is YAML 1\.1/,
  ),
  site(
    'an empty services list',
    'services: []\nexchangeServers:\n  - address: 10.0.0.1\n',
    /^site\.yaml:1:11 \/services: /,
  ),
  site('a 2,000-character $schema', `$schema: ${'s'.repeat(2000)}\n${SITE}`, /^site\.yaml:1:10 \/\$schema: /),
  site(
    'a __proto__ key',
    `__proto__: {globals: true}\n${SITE}`,
    /^site\.yaml:1:1 \/__proto__: unknown key "__proto__"; expected one of /,
  ),
  site(
    'JSON with a key twice',
    '{"services": [], "services": []}',
    /^site\.yaml:1:18 \/services: the key "services" is given twice \(first at line 1\)$/,
  ),
  // Values of another type than the schema's, and keys that name an object's own properties.
  site(
    'a mapping with a toString key where a template is wanted',
    SITE.replace('template: https-offloaded', 'template: {toString: 1}'),
    /^site\.yaml:2:15 \/services\/0\/template: a mapping is not a known template; expected one of /,
  ),
  site(
    'constructor and __proto__ keys in a service',
    SITE.replace(
      '    certificate: Wildcard\n',
      '    certificate: Wildcard\n    constructor: 1\n    __proto__: {x: 1}\n',
    ),
    /^site\.yaml:5:5 \/services\/0\/constructor: unknown key "constructor"; expected one of /,
  ),
  site(
    'a 100 KB list where a template is wanted',
    SITE.replace('template: https-offloaded', `template: [${Array(15000).fill('smtpsmtp').join(', ')}]`),
    /^site\.yaml:2:15 \/services\/0\/template: a list is not a known template; expected one of /,
  ),
  site(
    'a 100,000-character certificate name',
    certificate('c'.repeat(100_000)),
    /^site\.yaml:4:18 \/services\/0\/certificate: certificate must be at most \d+ characters$/,
  ),
  // One meaning: YAML 1.2 whatever the file says.
  site(
    'a %YAML 1.1 directive',
    `%YAML 1.1\n---\n${SITE}`,
    /^site\.yaml:1:1 \/: a %YAML directive: deployment files are read as YAML 1\.2 \(core schema\) whatever they say; remove it$/,
  ),
  site(
    'a %TAG directive',
    `%TAG !e! tag:example.com,2000:\n---\n${SITE}`,
    /^site\.yaml:1:1 \/: a %TAG directive: /,
  ),
  site(
    'yes where a switch is wanted',
    `globals: yes\n${SITE}`,
    /^site\.yaml:1:10 \/globals: yes is read as YAML 1\.2, as the text "yes", where YAML 1\.1 reads true: quote it for the text, or write true for the switch$/,
  ),
  site(
    'an octal-looking weight',
    SITE.replace('  - address: 192.168.10.109\n', '  - address: 192.168.10.109\n    weight: 0100\n'),
    /^site\.yaml:10:13 \/exchangeServers\/1\/weight: 0100 is read as YAML 1\.2, as 100, where YAML 1\.1 reads 64: write 64 or 100 without the leading zero$/,
  ),
  site(
    'a sexagesimal-looking weight',
    SITE.replace('  - address: 192.168.10.109\n', '  - address: 192.168.10.109\n    weight: 1:05\n'),
    /^site\.yaml:10:13 \/exchangeServers\/1\/weight: 1:05 is read as YAML 1\.2, as the text "1:05", where YAML 1\.1 reads 65/,
  ),
  site(
    'an alias as a key',
    `a: &k services\n*k : []\n${SITE}`,
    /^site\.yaml:2:1 \/: a key must be plain text, not an alias$/,
  ),
  site(
    'a mapping with a secret as a key (the YAML parser would warn, quoting it)',
    `? {password: hunter2-secret}\n: x\n${SITE}`,
    /^site\.yaml:1:3 \/: a key must be plain text, not a mapping$/,
    { secret: 'hunter2' },
  ),
  site(
    'a list as a key',
    `? [services]\n: []\n${SITE}`,
    /^site\.yaml:1:3 \/: a key must be plain text, not a list$/,
  ),
  // The same thing written two ways is one thing.
  site(
    'an IPv4-mapped IPv6 real server beside its IPv4 address',
    SITE.replace('address: 192.168.10.109', 'address: "::ffff:192.168.10.108"'),
    /^site\.yaml:9:5 \/exchangeServers\/1: ::ffff:192\.168\.10\.108 is listed twice \(exchangeServers\/0 writes the same address as 192\.168\.10\.108\)$/,
  ),
  site(
    'one allowed host twice, in another case and with the root dot',
    `${SITE.replace('template: https-offloaded', 'template: https-offloaded-esp')}esp:\n  ssoDomain: EXAMPLE.COM\n  owaGuid: 00000000-0000-0000-0000-000000000001\n  smtpDomain: example.com\n  exchangeUrl: https://mail.example.com\n  allowedHosts: [mail.example.com, MAIL.Example.com.]\n`,
    /^site\.yaml:15:36 \/esp\/allowedHosts\/1: MAIL\.Example\.com\. is listed twice \(esp\/allowedHosts\/0 is the same name\)$/,
  ),
  site(
    'a password in the Exchange URL',
    `${SITE.replace('template: https-offloaded', 'template: https-offloaded-esp')}esp:\n  ssoDomain: EXAMPLE.COM\n  owaGuid: 00000000-0000-0000-0000-000000000001\n  smtpDomain: example.com\n  exchangeUrl: https://admin:hunter2-secret@mail.example.com\n  allowedHosts: [mail.example.com]\n`,
    /^site\.yaml:14:16 \/esp\/exchangeUrl: exchangeUrl holds a user name or password \(before an @\), which no URL here may hold; it is not shown$/,
    { secret: 'hunter2' },
  ),
  // Addresses no Virtual Service or real server can have.
  site(
    'the unspecified IPv4 address',
    SITE.replace('address: 192.168.10.47\n    certificate', 'address: 0.0.0.0\n    certificate'),
    /^site\.yaml:3:14 \/services\/0\/address: 0\.0\.0\.0 is the unspecified address, which names no host: no Virtual Service or real server can have it$/,
  ),
  site(
    'the unspecified IPv6 address',
    SITE.replace('address: 192.168.10.108', 'address: "::"'),
    /^site\.yaml:8:14 \/exchangeServers\/0\/address: :: is the unspecified address/,
  ),
  site(
    'a multicast address',
    SITE.replace('address: 192.168.10.108', 'address: 239.1.2.3'),
    /^site\.yaml:8:14 \/exchangeServers\/0\/address: 239\.1\.2\.3 is a multicast address/,
  ),
  site(
    'an IPv6 multicast address',
    SITE.replace('address: 192.168.10.108', 'address: "ff02::1"'),
    /^site\.yaml:8:14 \/exchangeServers\/0\/address: ff02::1 is a multicast address/,
  ),
  site(
    'the broadcast address',
    SITE.replace('address: 192.168.10.47\n    certificate', 'address: 255.255.255.255\n    certificate'),
    /^site\.yaml:3:14 \/services\/0\/address: 255\.255\.255\.255 is the broadcast address/,
  ),
];

/** A deployment file that is not a regular file, or not there. */
function notAFile(name: string, make: (dir: string) => Promise<string>, message: RegExp): BadCase {
  return {
    name,
    kind: 'file',
    code: 1,
    message,
    async setup(dir) {
      return ['--deployment', await make(dir), ...OUT];
    },
  };
}

const fileCases: BadCase[] = [
  notAFile(
    'a folder',
    async (dir) => {
      await mkdir(join(dir, 'site.yaml'));
      return 'site.yaml';
    },
    /^site\.yaml:1:1 \/: the deployment file is a folder, not a regular file$/,
  ),
  notAFile(
    'a named pipe nobody writes to',
    async (dir) => {
      execFileSync('mkfifo', [join(dir, 'site.yaml')]);
      return 'site.yaml';
    },
    /^site\.yaml:1:1 \/: the deployment file is a named pipe, not a regular file$/,
  ),
  notAFile(
    '/dev/zero',
    async () => '/dev/zero',
    /^\/dev\/zero:1:1 \/: the deployment file is a device, not a regular file$/,
  ),
  notAFile('/dev/null', async () => '/dev/null', /^\/dev\/null:1:1 \/: the deployment file is a device/),
  notAFile(
    'a link to /dev/zero',
    async (dir) => {
      await symlink('/dev/zero', join(dir, 'site.yaml'));
      return 'site.yaml';
    },
    /^site\.yaml:1:1 \/: the deployment file is a device, not a regular file$/,
  ),
  notAFile('a missing file', async () => 'nowhere.yaml', /^nowhere\.yaml:1:1 \/: no such file$/),
  notAFile(
    "the process's environment (/proc/self/environ: secrets, NUL-separated)",
    async () => '/proc/self/environ',
    /^\/proc\/self\/environ:\d+:\d+ \/\S*: the deployment file holds a NUL byte: it is UTF-16 or not text/,
  ),
  notAFile(
    'a link to itself',
    async (dir) => {
      await symlink('site.yaml', join(dir, 'site.yaml'));
      return 'site.yaml';
    },
    /^site\.yaml:1:1 \/: too many symbolic links$/,
  ),
  notAFile(
    'a missing file whose name holds an ESC',
    async () => 'site\u001b[31m.yaml',
    /^site\\u\{1b\}\[31m\.yaml:1:1 \/: no such file$/,
  ),
  notAFile(
    'a path through a file',
    async (dir) => {
      await writeFile(join(dir, 'plain'), 'x');
      return 'plain/site.yaml';
    },
    /^plain\/site\.yaml:1:1 \/: a part of the path is not a folder$/,
  ),
  notAFile(
    'a 50 MB sparse file',
    async (dir) => {
      await writeFile(join(dir, 'site.yaml'), '');
      await truncate(join(dir, 'site.yaml'), 50 * 1024 * 1024);
      return 'site.yaml';
    },
    /^site\.yaml:1:1 \/: the deployment file is larger than 1 MB/,
  ),
];

/** A command line that is wrong (exit 2), run in an empty folder. */
function flags(args: readonly string[], message: RegExp): BadCase {
  return {
    name: args.join(' ') || '(nothing)',
    kind: 'flags',
    code: 2,
    message,
    async setup(dir) {
      await writeFile(join(dir, 'site.yaml'), SITE);
      return args;
    },
  };
}

const USAGE = (m: string) => new RegExp(`^build-templates: ${m} \\(see build-templates --help\\)$`);

const flagCases: BadCase[] = [
  flags(['--deployment'], USAGE('--deployment needs a value')),
  flags(['--deployment='], USAGE('--deployment needs a value')),
  flags(
    ['--deployment', 'site.yaml', '--deployment', 'site.yaml'],
    USAGE('--deployment is given 2 times; give it once'),
  ),
  flags(['--out'], USAGE('--out needs a value')),
  flags(['--out='], USAGE('--out needs a value')),
  flags(['--deployment', 'site.yaml', '--out'], USAGE('--out needs a value')),
  flags(['--out', 'a', '--out', 'b'], USAGE('--out is given 2 times; give it once')),
  flags(['--out', '--check'], USAGE('--out needs a value')),
  flags(['--deploymnet', 'site.yaml'], USAGE('unknown option "--deploymnet"; did you mean --deployment\\?')),
  flags(['--deploymnet=site.yaml'], USAGE('unknown option "--deploymnet"; did you mean --deployment\\?')),
  flags(['--chek'], USAGE('unknown option "--chek"; did you mean --check\\?')),
  flags(['-z'], USAGE('unknown option "-z"')),
  flags(['biuld'], USAGE('unknown command or argument "biuld"')),
  flags(['inspcet', 'x.tmpl'], USAGE('unknown command or argument "inspcet"; did you mean inspect\\?')),
  flags(['parms'], USAGE('unknown command or argument "parms"; did you mean params\\?')),
  flags(['inspect'], USAGE('inspect needs the bundle file to read')),
  flags(['inspect', 'a.tmpl', 'b.tmpl'], USAGE('unknown command or argument "b\\.tmpl"')),
  flags(['params', '--out', 'x'], USAGE('"--out" does not apply to this command')),
  flags(['params', '--check'], USAGE('"--check" does not apply to this command')),
  flags(['params', '--jsn'], USAGE('unknown option "--jsn"; did you mean --json\\?')),
  flags(['inspect', 'x.tmpl', '--check'], USAGE('"--check" does not apply to this command')),
  flags(['inspect', 'x.tmpl', '--out', 'o'], USAGE('"--out" does not apply to this command')),
  flags(['init', '--check'], USAGE('"--check" does not apply to this command')),
  flags(['init', 'a.yaml', 'b.yaml'], USAGE('unknown command or argument "b\\.yaml"')),
  flags(['init', ''], USAGE('the file name is empty')),
  flags(['inspect', ''], USAGE('the file name is empty')),
  flags(['docs', '--deployment', 'site.yaml'], USAGE('"--deployment" does not apply to this command')),
  flags(['params', '--force'], USAGE('"--force" does not apply to this command')),
  flags(['--deployment', 'site.yaml', '--json'], USAGE('"--json" does not apply to this command')),
  flags(['--\u001b[2Jx'], USAGE('unknown option "--\\\\u\\{1b\\}\\[2Jx"')),
];

/** A run whose output cannot be written as asked (exit 2); the folder must be left as it was. */
function output(
  name: string,
  setup: BadCase['setup'],
  message: RegExp,
  extra: Partial<BadCase> = {},
): BadCase {
  return { name, kind: 'output', code: 2, message, setup, ...extra };
}

/** The site, and an out/ folder holding a previous deploy.sh that must survive. */
async function previous(dir: string): Promise<void> {
  await writeFile(join(dir, 'site.yaml'), SITE);
  await mkdir(join(dir, 'out'));
  await writeFile(
    join(dir, 'out/deploy.sh'),
    '#!/bin/sh\n# generated by build-templates; do not edit\necho previous run\n',
    { mode: 0o755 },
  );
}

const SITE_RUN = ['--deployment', 'site.yaml', ...OUT];

const outputCases: BadCase[] = [
  output(
    "a file of the user's own where an output goes",
    async (dir) => {
      await previous(dir);
      await writeFile(join(dir, 'out/runbook.md'), '# our own notes\n');
      return SITE_RUN;
    },
    /^build-templates: out\/runbook\.md: is there and was not written by build-templates; nothing was written \(give --force to replace it\)$/,
  ),
  output(
    '--out is a symbolic link',
    async (dir) => {
      await writeFile(join(dir, 'site.yaml'), SITE);
      await mkdir(join(dir, 'elsewhere'));
      await symlink('elsewhere', join(dir, 'out'));
      return SITE_RUN;
    },
    /^build-templates: out: the output folder is a symbolic link to "elsewhere"; nothing was written \(give --follow-symlinks to write through it\)$/,
  ),
  output(
    'a folder the run writes in is a symbolic link',
    async (dir) => {
      await previous(dir);
      await mkdir(join(dir, 'elsewhere'));
      await symlink('../elsewhere', join(dir, 'out/dist-templates'));
      return SITE_RUN;
    },
    /^build-templates: out\/dist-templates: a folder the run writes in is a symbolic link to "\.\.\/elsewhere"; nothing was written/,
  ),
  output(
    '--out is a file',
    async (dir) => {
      await writeFile(join(dir, 'site.yaml'), SITE);
      await writeFile(join(dir, 'out'), 'a file');
      return SITE_RUN;
    },
    /^build-templates: out: the output folder is a file, not a folder$/,
  ),
  output(
    'runbook.md is a folder: deploy.sh and deploy.ps1 are not replaced either',
    async (dir) => {
      await previous(dir);
      await mkdir(join(dir, 'out/runbook.md'));
      return SITE_RUN;
    },
    /^build-templates: out\/runbook\.md: is a folder; build-templates writes only regular files$/,
  ),
  output(
    'deploy.ps1 is a link',
    async (dir) => {
      await previous(dir);
      await symlink('/etc/hostname', join(dir, 'out/deploy.ps1'));
      return SITE_RUN;
    },
    /^build-templates: out\/deploy\.ps1: a file the run writes is a symbolic link to "\/etc\/hostname"; nothing was written \(give --follow-symlinks to write through it\)$/,
  ),
  output(
    'deploy.ps1 is a named pipe',
    async (dir) => {
      await previous(dir);
      execFileSync('mkfifo', [join(dir, 'out/deploy.ps1')]);
      return SITE_RUN;
    },
    /^build-templates: out\/deploy\.ps1: is a named pipe; build-templates writes only regular files$/,
  ),
  output(
    '--out /dev/null',
    async (dir) => {
      await writeFile(join(dir, 'site.yaml'), SITE);
      return ['--deployment', 'site.yaml', '--out', '/dev/null'];
    },
    /^build-templates: \/dev\/null: the output folder is a device, not a folder$/,
  ),
  output(
    '--out under a file',
    async (dir) => {
      await writeFile(join(dir, 'site.yaml'), SITE);
      await writeFile(join(dir, 'plain'), 'x');
      return ['--deployment', 'site.yaml', '--out', 'plain/sub'];
    },
    /^build-templates: plain\/sub: a part of the path is not a folder$/,
  ),
  output(
    'the deployment file is where deploy.sh would go',
    async (dir) => {
      await mkdir(join(dir, 'out'));
      await writeFile(join(dir, 'out/deploy.sh'), SITE);
      return ['--deployment', 'out/deploy.sh', ...OUT];
    },
    /^build-templates: out\/deploy\.sh: is an input of this run; choose another --out$/,
  ),
  output(
    'the deployment file is a hard link to runbook.md',
    async (dir) => {
      await previous(dir);
      execFileSync('ln', [join(dir, 'site.yaml'), join(dir, 'out/runbook.md')]);
      return SITE_RUN;
    },
    /^build-templates: out\/runbook\.md: is an input of this run; choose another --out$/,
  ),
  output(
    'the default build where out/example/runbook.md is a folder: no doc or bundle is written',
    async (dir) => {
      await mkdir(join(dir, 'out/example/runbook.md'), { recursive: true });
      return ['--out', '.'];
    },
    /^build-templates: out\/example\/runbook\.md: is a folder; build-templates writes only regular files$/,
  ),
  output(
    'init over /dev/full with --force',
    async () => ['init', '/dev/full', '--force'],
    /^build-templates: \/dev\/full: is a device; build-templates writes only regular files$/,
  ),
  output(
    'init into a folder',
    async (dir) => {
      await mkdir(join(dir, 'deployment.yaml'));
      return ['init', '--force'];
    },
    /^build-templates: deployment\.yaml: is a folder; give the name of the file to write \(e\.g\. deployment\.yaml\/deployment\.yaml\)$/,
  ),
  output(
    'init to a name ending in /',
    async () => ['init', 'new/'],
    /^build-templates: new\/: is a folder; give the name of the file to write \(e\.g\. new\/deployment\.yaml\)$/,
  ),
  output(
    'init under a file',
    async (dir) => {
      await writeFile(join(dir, 'plain'), 'x');
      return ['init', 'plain/deployment.yaml'];
    },
    /^build-templates: plain: the output folder is a file, not a folder$/,
  ),
  output(
    'params to a full disk',
    async () => ['params'],
    /^build-templates: cannot write to standard output \(ENOSPC\)$/,
    {
      stdout: 'full',
    },
  ),
  output(
    'inspect to a full disk',
    async () => ['inspect', join(ROOT, 'dist-templates/Exchange2016Core.tmpl')],
    /^build-templates: cannot write to standard output \(ENOSPC\)$/,
    { stdout: 'full' },
  ),
  {
    name: 'init over an existing file without --force',
    kind: 'output',
    code: 2,
    message: /^build-templates: deployment\.yaml exists; use --force to replace it$/,
    async setup(dir) {
      await writeFile(join(dir, 'deployment.yaml'), 'mine: true\n');
      return ['init'];
    },
  },
];

/** A bundle built from the committed ESP bundle by one edit, given to inspect. */
function bundle(name: string, edit: (xml: string) => string | Buffer, message: RegExp): BadCase {
  return {
    name,
    kind: 'bundle',
    code: 1,
    message,
    async setup(dir) {
      const xml = await readFile(join(ROOT, 'dist-templates/Exchange2016ESP.tmpl'), 'utf8');
      const edited = edit(xml);
      if (edited === xml) throw new Error(`the edit of "${name}" changed nothing`);
      await writeFile(join(dir, 'b.tmpl'), edited);
      return ['inspect', 'b.tmpl'];
    },
  };
}

/** The first CertFile value (line 76 of the ESP bundle), replaced. */
const cert = (value: string) => (xml: string) => xml.replace('>Wildcard<', `>${value}<`);
const B = (m: string) => new RegExp(`^build-templates: b\\.tmpl: ${m}`);
const CERTFILE = 'template "Exchange 2016 HTTPS Offloaded with ESP", VS "https-main", parameter "CertFile"';

const bundleCases: BadCase[] = [
  bundle(
    'an ESC character reference',
    cert('Wild&#x1b;[31mcard'),
    B('line 76, column 53: "&#x1b;" is not a character XML 1\\.0 allows \\(refused\\)$'),
  ),
  bundle(
    'a bell character reference',
    cert('&#7;'),
    B('line 76, column 49: "&#7;" is not a character XML 1\\.0 allows'),
  ),
  bundle(
    'a NUL character reference',
    cert('&#0;'),
    B('line 76, column 49: "&#0;" is not a character XML 1\\.0 allows'),
  ),
  bundle(
    'a raw ESC byte',
    cert('Wild\u001bcard'),
    B('line 76, column 53: U\\+001B \\(escape\\) is not a character XML 1\\.0 allows'),
  ),
  bundle(
    'a CR character reference',
    cert('a&#13;b'),
    B(`${CERTFILE}: holds U\\+000D \\(carriage return\\) at character 2, which no value may hold$`),
  ),
  bundle(
    'a C1 CSI',
    cert('a\u009b2Jb'),
    B(`${CERTFILE}: holds U\\+009B \\(a control character\\) at character 2`),
  ),
  bundle(
    'a right-to-left override',
    cert('a\u202eb'),
    B(`${CERTFILE}: holds U\\+202E \\(a bidirectional control\\) at character 2`),
  ),
  bundle(
    'an undefined entity',
    cert('&foo;'),
    B("line 76, column 49: an entity reference other than XML's five"),
  ),
  bundle(
    'an entity with no semicolon',
    cert('AT&T'),
    B("line 76, column 51: an entity reference other than XML's five"),
  ),
  bundle(
    'a DOCTYPE',
    (x) => x.replace('<bundle', '<!DOCTYPE bundle [<!ENTITY x "y">]>\n<bundle'),
    B('the file holds a DOCTYPE or ENTITY declaration'),
  ),
  bundle(
    'a cut-off file',
    (x) => x.slice(0, 2000),
    B('the file does not end with </bundle>: truncated or not a bundle$'),
  ),
  bundle(
    'a port of 99999',
    (x) => x.replace('port="443"', 'port="99999"'),
    B('template "Exchange 2016 HTTPS Offloaded with ESP": port="99999" is not a port number \\(1-65535\\)$'),
  ),
  bundle(
    'a port of 0',
    (x) => x.replace('port="443"', 'port="0"'),
    B('template ".*": port="0" is not a port number'),
  ),
  bundle(
    'a boolean of 2',
    (x) => x.replace('<param name="nocase">1</param>', '<param name="nocase">2</param>'),
    B('template ".*", rule ".*", parameter "nocase": nocase takes 1 or 0, not "2"$'),
  ),
  bundle(
    'an unknown schedule',
    (x) => x.replace('<param name="Schedule">rr</param>', '<param name="Schedule">roundrobin</param>'),
    B('template ".*", VS ".*", parameter "Schedule": Schedule takes one of rr, .*, not "roundrobin"$'),
  ),
  bundle(
    'a number out of range',
    (x) => x.replace(/<param name="Idletime">\d+<\/param>/, '<param name="Idletime">99999999</param>'),
    B('template ".*", parameter "Idletime": Idletime must lie in'),
  ),
  bundle(
    'an unknown parameter',
    (x) => x.replace('<param name="CertFile"', '<param name="CertFiel"'),
    B(
      'template ".*", VS "https-main", parameter "CertFiel": "CertFiel" is not a vs parameter in the LoadMaster parameter catalogue$',
    ),
  ),
  bundle(
    'an unknown element',
    (x) => x.replace('<comment>', '<script>x</script><comment>'),
    B('template ".*": unknown element <script> in <template>$'),
  ),
  bundle(
    'an unknown attribute',
    (x) => x.replace('<vs id="https-main"', '<vs onload="x" id="https-main"'),
    B('template ".*": unknown attribute "onload" on <vs>$'),
  ),
  bundle(
    'another root',
    (x) => x.replace(/<bundle([^>]*)>/, '<other$1>').replace(/<\/bundle>\s*$/, '</other>\n</bundle>'),
    B(''),
  ),
  bundle(
    'a bundle name with an ESC',
    (x) => x.replace('name="Exchange2016ESP"', 'name="Exchange2016ESP&#x1b;"'),
    B('line \\d+, column \\d+: "&#x1b;" is not a character'),
  ),
  bundle(
    'UTF-16',
    (x) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x, 'utf16le')]),
    B('the bundle is UTF-16 \\(little-endian\\)'),
  ),
  bundle(
    'Latin-1',
    (x) => Buffer.from(x.replace('Wildcard', 'Wildcärd'), 'latin1'),
    B('the bundle is not UTF-8 \\(byte 0xe4 at 76:'),
  ),
  bundle(
    'an unknown format',
    (x) => x.replace('format="build-templates/1"', 'format="build-templates/9"'),
    B('bundle format "build-templates/9" is not build-templates/1$'),
  ),
  {
    name: 'a bundle that is a folder',
    kind: 'bundle',
    code: 1,
    message: /^build-templates: b\.tmpl: the bundle is a folder, not a regular file$/,
    async setup(dir) {
      await mkdir(join(dir, 'b.tmpl'));
      return ['inspect', 'b.tmpl'];
    },
  },
  {
    name: 'a bundle that is a named pipe',
    kind: 'bundle',
    code: 1,
    message: /^build-templates: b\.tmpl: the bundle is a named pipe, not a regular file$/,
    async setup(dir) {
      execFileSync('mkfifo', [join(dir, 'b.tmpl')]);
      return ['inspect', 'b.tmpl'];
    },
  },
  {
    name: 'an empty bundle',
    kind: 'bundle',
    code: 1,
    message: /^build-templates: b\.tmpl: the file does not end with <\/bundle>: truncated or not a bundle$/,
    async setup(dir) {
      await writeFile(join(dir, 'b.tmpl'), '');
      return ['inspect', 'b.tmpl'];
    },
  },
  {
    name: 'inspect /dev/zero',
    kind: 'bundle',
    code: 1,
    message: /^build-templates: \/dev\/zero: the bundle is a device, not a regular file$/,
    async setup() {
      return ['inspect', '/dev/zero'];
    },
  },
  {
    name: 'a 6 MB bundle',
    kind: 'bundle',
    code: 1,
    message: /^build-templates: b\.tmpl: the bundle is larger than 5 MB/,
    async setup(dir) {
      await writeFile(join(dir, 'b.tmpl'), '');
      await truncate(join(dir, 'b.tmpl'), 6 * 1024 * 1024);
      return ['inspect', 'b.tmpl'];
    },
  },
];

/** Every case of the corpus. */
export const BAD_INPUTS: readonly BadCase[] = [
  ...deploymentCases,
  ...fileCases,
  ...flagCases,
  ...outputCases,
  ...bundleCases,
];
