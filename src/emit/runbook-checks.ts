import { P } from '../loadmaster/parameters.js';
import type { Catalog } from '../model/catalog.js';
import type { ResolvedTemplate, ResolvedVs } from '../model/resolved.js';
import { bashQuote, psQuote } from './escape.js';
import { mdCode } from './markdown.js';
import { citations } from './runbook-exchange.js';
import { type Block, commandsAt, para, type RunbookValues } from './runbook-parts.js';

/** One check a person runs from a client: the command, and what it prints when the service works. */
export interface ClientCheck {
  readonly command: string;
  readonly expected: string;
}

/** The ports on which a client speaks TLS from the first byte; on the others it asks with STARTTLS. */
const IMPLICIT_TLS = [993, 995, 465];

const param = (vs: { params: ResolvedVs['params'] }, name: string): string | undefined =>
  vs.params.find((p) => p.name === name)?.value;

/** The host name the checks use: the first one ESP lets through, else one the person fills in. */
function hostOf(v: RunbookValues, office: boolean): string {
  if (office) return '<the Office Online Server host name>';
  return v.esp.hosts[0] ?? '<a host name clients use>';
}

/** The HTTPS checks: the redirect keeps the host name and path; the certificate; each SubVS's health page, or ESP's form. */
function httpsChecks(t: ResolvedTemplate, v: RunbookValues, esp: boolean): ClientCheck[] {
  const out: ClientCheck[] = [];
  const host = hostOf(v, false);
  const redirect = t.services.find((s) => s.role === 'redirect');
  const main = t.services.find((s) => s.role === 'service');
  const url = redirect ? param(redirect, P.ErrorUrl) : undefined;
  if (redirect && url) {
    const code = param(redirect, P.ErrorCode) ?? '';
    const target = url.replace(/%h/g, host).replace(/%s/g, '/owa/');
    out.push({
      command: `curl -sS -o /dev/null -w '%{http_code} %{redirect_url}\\n' --resolve "$HOST:${redirect.port}:$VIP" "http://$HOST/owa/"`,
      expected: `${code} ${target}`,
    });
  }
  if (!main) return out;
  out.push({
    command: `openssl s_client -connect "$VIP:${main.port}" -servername "$HOST" -verify_hostname "$HOST" -brief </dev/null`,
    expected:
      'CONNECTION ESTABLISHED, then Verification: OK (the certificate is trusted and carries the host name)',
  });
  if (esp) {
    const owa = main.subvs.find((s) => param(s, P.SingleSignOnMessage) !== undefined);
    const greeting = owa ? param(owa, P.SingleSignOnMessage) : undefined;
    if (greeting)
      out.push({
        command: `curl -sS -L --resolve "$HOST:${main.port}:$VIP" "https://$HOST/owa/" | grep -c -F ${bashQuote(greeting)}`,
        expected:
          "1 or more: the page is the LoadMaster's sign-in form, with this SubVS's greeting, not Outlook on the web's own",
      });
    return out;
  }
  const first = v.servers[0]?.address ?? '<server>';
  for (const s of main.subvs) {
    const path = param(s, P.CheckUrl);
    if (!path) continue;
    out.push({
      command: `curl -sS -o /dev/null -w '%{http_code}\\n' --resolve "$HOST:${main.port}:$VIP" "https://$HOST${path}"`,
      expected: `the same status as the server gives directly: \`curl -sS -k -o /dev/null -w '%{http_code}\\n' ${bashQuote(`https://${first}${path}`)}\``,
    });
  }
  return out;
}

/** A mail service's TLS, as a client meets it: from the first byte, or after STARTTLS. */
function mailChecks(t: ResolvedTemplate): ClientCheck[] {
  // ESP reads an SMTP dialogue to check the permitted domains; no document says whether STARTTLS passes it.
  const esp = t.services.some((vs) => param(vs, P.EspEnabled) === '1');
  const protocol = t.id.startsWith('imap') ? 'imap' : t.id.startsWith('pop') ? 'pop3' : 'smtp';
  return t.services.map((vs) => {
    const starttls = IMPLICIT_TLS.includes(vs.port) ? '' : ` -starttls ${protocol}`;
    return {
      command: `openssl s_client -connect "$VIP:${vs.port}"${starttls} -servername "$HOST" -verify_hostname "$HOST" -brief </dev/null`,
      expected: `CONNECTION ESTABLISHED, then Verification: OK${starttls ? ' (TLS begun with STARTTLS)' : ''} (the certificate is trusted and carries the host name)${esp ? '; whether STARTTLS passes through ESP is not documented: if it fails here, ask Kemp before changing Exchange' : ''}`,
    };
  });
}

/** Office Online Server's discovery document through the Virtual Service. */
function officeChecks(t: ResolvedTemplate, v: RunbookValues): ClientCheck[] {
  const vs = t.services[0];
  const path = vs ? param(vs, P.CheckUrl) : undefined;
  if (!vs || !path) return [];
  const first = v.servers[0]?.address ?? '<server>';
  return [
    {
      command: `curl -sS -o /dev/null -w '%{http_code}\\n' --resolve "$HOST:${vs.port}:$VIP" "https://$HOST${path}"`,
      expected: `the same status as the server gives directly: \`curl -sS -k -o /dev/null -w '%{http_code}\\n' ${bashQuote(`https://${first}${path}`)}\``,
    },
  ];
}

/** Every client check of a service, in the order to run them. */
export function clientChecks(catalog: Catalog, v: RunbookValues): ClientCheck[] {
  const all = v.templates.flatMap((t) => {
    const source = catalog.templates.find((x) => x.id === t.id)?.source;
    if (source?.kind === 'https') return httpsChecks(t, v, source.esp);
    if (t.id === 'office-online') return officeChecks(t, v);
    return mailChecks(t);
  });
  // The guide's own runbook shows a section's templates together: a check they share is shown once.
  return all.filter((c, i) => all.findIndex((x) => x.command === c.command) === i);
}

/**
 * The part of "Verify" a person runs from a client: the checks with what each prints, the sign-in
 * for ESP, and a failover with one real server disabled on the LoadMaster.
 */
export function clientBlocks(catalog: Catalog, v: RunbookValues): Block[] {
  const checks = clientChecks(catalog, v);
  const office = v.templates.some((t) => t.id === 'office-online');
  const esp = v.templates.some(
    (t) => catalog.templates.find((x) => x.id === t.id)?.source.kind === 'https' && /ESP/.test(t.name),
  );
  const header = [
    // An IPv6 address goes in brackets, as openssl's -connect and curl's --resolve take it.
    `VIP=${bashQuote(v.generic ? '<address>' : v.address.includes(':') ? `[${v.address}]` : v.address)}`,
    `HOST=${bashQuote(hostOf(v, office))}`,
  ];
  const blocks: Block[] = [
    para(
      `From a computer that reaches the Virtual Service (bash with curl and openssl), before the DNS names point at it: each line, and what it prints when the service works. ${citations(
        catalog,
        [
          { source: 'curl', section: '--resolve, -w' },
          { source: 'openssl-s-client', section: '-connect, -servername, -starttls, -brief' },
        ],
      )}`,
    ),
    commandsAt(
      'client',
      'bash',
      [...header, ...checks.flatMap((c) => [c.command, `# expected: ${c.expected}`])].join('\n'),
    ),
  ];
  if (esp)
    blocks.push(
      para(
        `Then, in a browser, sign in at ${mdCode(`https://${hostOf(v, false)}/owa/`)} with a mailbox's user name and password: the LoadMaster's form, then the mailbox without a second sign-in. If the form comes back, or a page says "Endpoint not available" (the Authentication Proxy SubVS's error message), the Authentication Proxy rule does not match the address ESP's form posts to: its pattern (erratum E-5.1-AUTHPROXY-PATTERN) is inferred, not confirmed on an appliance; compare it with the form's \`action\` in the page's source. The Authentication Proxy SubVS has no health check, so its **Up** says nothing about this. ${citations(catalog, [{ source: 'kemp-form-based', section: 'Configure Form-based to Form-based Authentication' }])}`,
      ),
    );
  const server = v.servers[0]?.address ?? '<server>';
  blocks.push(
    para(
      `Failover, in a maintenance window: disable one real server on the LoadMaster, run the checks again (the same results, served by the other servers), then enable it again. In PowerShell with Kemp's module; it disables that server in every Virtual Service that uses it, this site's others and any other service's included: ${citations(catalog, [{ source: 'kemp-module', section: 'Disable-AdcRealServer, Enable-AdcRealServer, Initialize-LmConnectionParameters' }])}`,
    ),
    commandsAt(
      'kempModule',
      'powershell',
      [
        "Initialize-LmConnectionParameters -Address '<LoadMaster>' -LBPort 443 -Credential (Get-Credential)",
        `Disable-AdcRealServer -RSIpAddress ${psQuote(server)}`,
        `Enable-AdcRealServer -RSIpAddress ${psQuote(server)}`,
      ].join('\n'),
    ),
  );
  return blocks;
}
