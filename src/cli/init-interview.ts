import { isIP } from 'node:net';
import { createInterface, type Interface } from 'node:readline/promises';
import { stringify } from 'yaml';
import { EXCHANGE_2016 } from '../catalog/exchange2016/index.js';
import { unusableAddress } from '../input/address.js';
import { forTerminal, quote } from '../input/text.js';
import { UserError } from '../user-error.js';

/**
 * `init` at a terminal: asks for what a site needs, the guide's values offered as defaults, and
 * checks every answer as it is given; the answers become the deployment file's text. Without a
 * terminal (or with --yes) init writes the commented example instead (example.ts).
 */

/** An answer's problem in words, or null when it is good. */
type Check = (answer: string) => string | null;

const address: Check = (a) =>
  isIP(a) === 0
    ? `${quote(a)} is not an IPv4 or IPv6 address`
    : unusableAddress(a) && `${quote(a)} is ${unusableAddress(a)}`;
const addresses: Check = (a) =>
  a === '' ? 'give at least one address' : (words(a).map(address).find(Boolean) ?? null);
const HOST =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const hosts: Check = (a) =>
  a === ''
    ? 'give at least one name'
    : (words(a)
        .map((h) => (HOST.test(h) ? null : `${quote(h)} is not a host name`))
        .find(Boolean) ?? null);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const words = (a: string): string[] => a.split(/[\s,]+/).filter((w) => w !== '');

/** Asks until the answer passes its check; the default (shown in brackets) stands for an empty one. */
async function ask(rl: Interface, question: string, check: Check, fallback = ''): Promise<string> {
  for (;;) {
    let raw: string;
    try {
      raw = await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `);
    } catch {
      // The input ended (Ctrl-D) before the site was complete.
      throw new UserError('init stopped before the site was complete; nothing was written');
    }
    const answer = raw.trim() === '' ? fallback : raw.trim();
    const problem = check(answer);
    if (problem === null) return answer;
    process.stdout.write(forTerminal(`  ${problem}\n`, true));
  }
}

/** The deployment file a site's answers make, as commented YAML. */
export async function interview(schema: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Ctrl-C at a prompt ends init at once, writing nothing (readline would only pause).
  rl.on('SIGINT', () => {
    process.stderr.write('\nbuild-templates: init stopped; nothing was written\n');
    process.exit(2);
  });
  try {
    const templates = EXCHANGE_2016.templates;
    const ids = templates.map((t) => t.id);
    process.stdout.write(
      `A site's deployment file, answered here (empty: the value in brackets). The templates:\n  ${ids.join(', ')}\n`,
    );
    const services: Record<string, string>[] = [];
    for (;;) {
      const first = services.length === 0;
      const id = await ask(
        rl,
        first
          ? 'Template of the first Virtual Service'
          : 'Template of another Virtual Service (empty: no more)',
        (a) =>
          (a === '' && !first) || ids.includes(a)
            ? null
            : `${a || 'nothing'} is not one of the templates above`,
        first ? 'https-offloaded' : '',
      );
      if (id === '') break;
      const template = templates.find((t) => t.id === id);
      const service: Record<string, string> = {
        template: id,
        address: await ask(rl, `  Its address (${id})`, address),
      };
      if (template?.certificate)
        service.certificate = await ask(
          rl,
          '  The certificate installed on the LoadMaster it uses',
          (a) => (a ? null : 'give its name'),
          EXCHANGE_2016.example.certificate,
        );
      services.push(service);
    }
    const exchangeServers = words(
      await ask(rl, "The Exchange servers' addresses (space or comma between)", addresses),
    ).map((a) => ({ address: a }));
    const site: Record<string, unknown> = {
      $schema: schema,
      globals:
        (await ask(
          rl,
          "Apply the guide's global settings (section 2) to the LoadMaster, yes or no",
          (a) => (/^(yes|no)$/.test(a) ? null : 'answer yes or no'),
          'yes',
        )) === 'yes',
      services,
      exchangeServers,
    };
    if (services.some((s) => s.template === 'office-online'))
      site.officeOnlineServers = words(await ask(rl, "The Office Online Servers' addresses", addresses)).map(
        (a) => ({ address: a }),
      );
    const esp = templates.filter((t) => services.some((s) => s.template === t.id));
    const httpsEsp = esp.some((t) => t.source.kind === 'https' && t.source.esp);
    const smtpEsp = services.some((s) => s.template === 'smtp-esp');
    if (httpsEsp || smtpEsp) {
      const e: Record<string, unknown> = {
        ssoDomain: await ask(rl, 'The SSO domain set up on the LoadMaster (guide 4.2.2)', (a) =>
          /^\S+$/.test(a) ? null : 'one name, no spaces',
        ),
        allowedHosts: words(await ask(rl, 'The host names users reach (ESP allowed hosts)', hosts)),
      };
      if (httpsEsp) {
        e.owaGuid = await ask(rl, "The OWA arbitration mailbox's exchangeGUID (see the runbook)", (a) =>
          GUID.test(a) ? null : `${a} is not a GUID`,
        );
        e.smtpDomain = await ask(rl, 'Its SMTP domain', hosts);
        e.exchangeUrl = await ask(
          rl,
          'The Exchange URL users reach',
          (a) => (/^https:\/\/[^/\s@]+\/?$/.test(a) ? null : 'an https:// URL with a host name only'),
          `https://${(e.allowedHosts as string[])[0]}`,
        );
      }
      if (smtpEsp)
        e.smtpPermittedDomains = words(
          await ask(
            rl,
            'The mail domains SMTP with ESP accepts',
            hosts,
            typeof e.smtpDomain === 'string' ? e.smtpDomain : '',
          ),
        );
      site.esp = e;
    }
    return `# A LoadMaster deployment for Exchange 2016, answered at build-templates init.\n# build-templates --deployment THIS_FILE --out DIR writes DIR/deploy.sh, DIR/deploy.ps1 and DIR/runbook.md.\n${stringify(site)}`;
  } finally {
    rl.close();
  }
}
