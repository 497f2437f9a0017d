import { CALL_ARG, P } from '../loadmaster/parameters.js';
import type { Catalog } from '../model/catalog.js';
import { urlEncode } from './escape.js';
import { mdCell, mdCode, mdProse } from './markdown.js';
import { citations, exchangeItems } from './runbook-exchange.js';
import {
  type Block,
  commandsAt,
  hostPort,
  type NumberedService,
  type PartView,
  para,
  part,
  type RunbookValues,
  type SectionView,
  table,
} from './runbook-parts.js';

/** The backup to take before the first change, with Kemp's module or the API; restoring it is the last resort. */
export function backupBlocks(catalog: Catalog): Block[] {
  return [
    para(
      `Back up the LoadMaster's configuration before the first change, and keep the file: with Kemp's PowerShell module, or with the API call the module makes (it asks for the password). Restoring it is the last resort of a roll-back: it puts back everything as it was then, changes made since to other services included. ${citations(catalog, [{ source: 'kemp-module', section: 'Backup-LmConfiguration, Restore-LmConfiguration' }])}`,
    ),
    commandsAt(
      'kempModule',
      'powershell',
      [
        "Initialize-LmConnectionParameters -Address '<LoadMaster>' -LBPort 443 -Credential (Get-Credential)",
        "Backup-LmConfiguration -Path 'loadmaster-before-exchange.backup'",
      ].join('\n'),
    ),
    commandsAt(
      'api',
      'bash',
      "curl --fail --user bal --cacert loadmaster.pem --output loadmaster-before-exchange.backup 'https://<LoadMaster>/access/backup'",
    ),
    para(
      `Both need the LoadMaster's API enabled, as the scripts and every "API equivalent" below do; curl trusts the LoadMaster's own certificate through ${mdCode('--cacert')} (${mdCode('loadmaster.pem')} here: a new appliance signs its own), as the scripts do through ${mdCode('LM_CACERT')} (${mdCode('-CaCertificate')}).`,
    ),
  ];
}

/**
 * One service's roll-back: what a removal would keep (the scripts' removal plan), its Virtual
 * Services deleted by hand, its content rules unless another service uses them, and each change
 * its Exchange side made, put back from what was noted.
 */
export function serviceRollback(
  catalog: Catalog,
  v: RunbookValues,
  heading: string,
  others: readonly NumberedService[],
): PartView {
  const addr = v.generic ? '<address>' : v.address;
  const steps = [
    `Point the DNS names back first (see Cut-over), so that no client is sent to a service being taken away.`,
    `See what a removal would delete and keep: ${mdCode('./deploy.sh plan --remove')} (${mdCode('deploy.ps1 -Plan -Remove')}) reads only; it lists each content rule another Virtual Service still uses as kept.`,
  ];
  for (const t of [...v.templates].reverse())
    for (const vs of [...t.services].reverse())
      steps.push(
        `In **View/Modify Services**, click **Delete** for ${mdCode(hostPort(addr, vs.port))} (${mdProse(vs.nickname)}). API: ${mdCode(`delvs?${CALL_ARG.vs}=${urlEncode(addr)}&${P.port}=${vs.port}&${P.prot}=${vs.prot}`)}.`,
      );
  const rules = [...new Set(v.templates.flatMap((t) => t.rules.map((r) => r.name)))];
  if (rules.length)
    steps.push(
      `Delete its content rules that the removal plan does not keep: ${rules.map(mdCode).join(', ')}. API: ${mdCode(`delrule?${P.name}=<rule>`)}.`,
    );
  for (const x of exchangeItems(catalog, v)) {
    if (!x.undo) continue;
    // A change other services need too is undone only with the last of them.
    const sharing = others
      .filter((o) => exchangeItems(catalog, o.v).some((y) => y.id === x.id))
      .map((o) => `section ${o.no}`);
    const when = sharing.length
      ? `only once no other service needs it (${sharing.join(', ')} does too): `
      : '';
    steps.push(`**${x.title}**: ${when}${x.undo}`);
  }
  return part(heading, [], steps);
}

/** The DNS and firewall cut-over of every service, and its revert. */
export function cutoverSection(
  catalog: Catalog,
  services: readonly RunbookValues[],
  no: number,
): SectionView {
  const rows = services.flatMap((v) =>
    v.templates.flatMap((t) =>
      t.services.map((vs) => [
        mdCode(v.generic ? '<address>' : v.address),
        mdCode(`${vs.port}/${vs.prot}`),
        mdCell(t.name),
        mdCell(vs.nickname),
      ]),
    ),
  );
  return {
    heading: `${no}. Cut-over`,
    intro: [
      `Once every service passes its checks, send the clients to the Virtual Services. Resolvers keep a DNS record for its time to live, so lower the TTL of the records that will change at least one old TTL ahead, and the change and its revert both take effect within the new TTL. ${citations(catalog, [{ source: 'rfc1035', section: '3.2.1 Format (TTL)' }])}`,
    ],
    parts: [
      part(
        null,
        [table(['Virtual Service address', 'Port', 'Template', 'Name on the LoadMaster'], rows)],
        [
          'Note the current DNS records of every name clients use (the A records, or AAAA for an IPv6 address, of the HTTPS and mail names, the MX, Autodiscover): the revert puts them back. A name moved to an IPv6 address only is out of reach of clients that have IPv4 alone.',
          'Lower their TTL, and wait for the old TTL to pass.',
          "Open the firewall from the clients to the addresses and ports in the table, and from the LoadMaster to the Exchange servers on the real servers' ports and the health checks' ports (each service's Verify table).",
          'Point the names at the Virtual Service addresses.',
          "Run each service's checks again with the real names, and sign in as a user would.",
          'Revert, if needed: point the names back at the records noted, then follow the roll-back.',
        ],
      ),
    ],
  };
}

/** The documents the runbook's statements cite, with their addresses. */
export function sourcesSection(catalog: Catalog, no: number): SectionView {
  return {
    heading: `${no}. Sources`,
    intro: [
      'The public documents the statements beyond the guide rest on; each statement names the section that says it.',
    ],
    parts: [
      part(null, [
        table(
          ['Publisher', 'Document', 'Address'],
          catalog.sources.map((s) => [mdCell(s.publisher), mdCell(s.title), `<${s.url}>`]),
        ),
      ]),
    ],
  };
}
