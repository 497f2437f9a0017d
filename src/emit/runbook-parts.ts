import { BUNDLE_DIR } from '../bundle-format/format.js';
import { CALL_ARG, P, type ParamName } from '../loadmaster/parameters.js';
import type { Catalog } from '../model/catalog.js';
import type { ResolvedVs } from '../model/resolved.js';
import type { EspValues, SiteCompilation, SiteService } from '../model/site.js';
import { urlEncode } from './escape.js';
import { mdCell, mdCode, mdProse } from './markdown.js';
import type { Block, PartView, SectionView } from './pages/runbook-page.js';

export type { Block, Departure, PartView, SectionView } from './pages/runbook-page.js';

/** The values a runbook section fills in: the site's, or the guide's examples for the generic runbook. */
export type RunbookValues = SiteService & { readonly generic: boolean; readonly esp: EspValues };
/** A service and the number of its section in the runbook. */
export interface NumberedService {
  readonly v: RunbookValues;
  readonly no: number;
}

export const para = (p: string): Block => ({ p, table: null, code: null });
/** An address and port as clients and the LoadMaster's lists write them: an IPv6 address in brackets. */
export const hostPort = (address: string, port: number | string): string =>
  address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
export const table = (head: string[], rows: string[][]): Block => ({
  p: null,
  table: { head, rows },
  code: null,
});
export const code = (lang: string, text: string): Block => ({ p: null, table: null, code: { lang, text } });
/** Where a runbook's command runs: each place a reader goes to, named on the block's first line. */
export const PLACE = {
  exchange: 'an Exchange server, in the Exchange Management Shell',
  kempModule: "Windows PowerShell 5.1 with Kemp's LoadMaster module",
  api: "a host that reaches the LoadMaster's API",
  client: 'a computer that reaches the Virtual Service',
} as const;
/** A block of commands that runs at one place: its first line says where. */
export const commandsAt = (place: keyof typeof PLACE, lang: string, text: string): Block =>
  code(lang, `# Run on: ${PLACE[place]}\n${text}`);
export const part = (heading: string | null, blocks: Block[], steps: string[] = []): PartView => ({
  heading,
  steps: steps.map((text, i) => ({ n: i + 1, text })),
  blocks,
  departures: [],
});

/** Guide 1.3's prerequisites, and what the later steps assume is already on the LoadMaster. */
export function prerequisites(site: SiteCompilation): SectionView {
  const { certificates: certs, example: generic, ssoDomain } = site;
  const steps = [
    'Installed the Microsoft Servers, Active Directories, and followed other Microsoft requirements.',
    'Installed the LoadMaster on the same network as the servers.',
    'Established access to the LoadMaster Web User Interface (WUI).',
    generic
      ? 'Imported the SSL/TLS certificate of each SSL accelerated service into the LoadMaster (guide 4.1.1).'
      : `Imported the SSL/TLS certificates into the LoadMaster (guide 4.1.1)${certs.length ? `: ${certs.map(mdCode).join(', ')}` : ''}.`,
  ];
  if (generic || ssoDomain !== null)
    steps.push(
      `Configured the SSO domain for ESP on the LoadMaster (guide 4.2.2)${ssoDomain !== null ? `: ${mdCode(ssoDomain)}` : ''}.`,
    );
  steps.push(`The template bundles of this project, under \`${BUNDLE_DIR}/\`.`);
  steps.push("A backup of the LoadMaster's configuration, taken before the first change (below).");
  const intro = [
    `The guide (1.3) assumes the reader is a network administrator, that the Exchange 2016 environment is set up and that the LoadMaster is installed. At a minimum you should have:`,
  ];
  // A checklist, not a procedure: rendered as the ordered list all parts share.
  return { heading: '1. Prerequisites (guide 1.3)', intro, parts: [part(null, [], steps)] };
}

/** Section 3: import the bundles that hold the chosen templates. */
export function bundleSection(site: SiteCompilation, no: number): SectionView {
  const { catalog } = site;
  const listsValues = !site.example;
  const bundles = catalog.bundles.filter((b) => site.bundles.includes(b.name));
  const parts = bundles.map((b, i) => {
    const names = b.templates
      .map((id) => catalog.templates.find((t) => t.id === id)?.name ?? id)
      .map(mdCode)
      .join(', ');
    return part(
      `${no}.${i + 1} ${b.name}`,
      [
        para(`It holds: ${names}.`),
        para(
          `API equivalent: POST the file as the body of ${mdCode('uploadtemplate')} (PowerShell: ${mdCode(`Install-Template -Path ${BUNDLE_DIR}/${b.name}.tmpl`)}).`,
        ),
      ],
      [
        'In the main menu of the LoadMaster WUI, go to **Virtual Services > Manage Templates**.',
        `Choose the file ${mdCode(`${BUNDLE_DIR}/${b.name}.tmpl`)} and import it.`,
      ],
    );
  });
  return {
    heading: `${no}. Import the template bundles (guide section 3)`,
    intro: [
      'Import each bundle that holds a template used below; its templates then appear in the **Use Template** drop-down list.',
      ...(site.renamedRules.length > 0
        ? [
            `This site gives content rules names of its own (${mdCode('contentRules')} in the site file): ${site.renamedRules.map((r) => `${mdCode(r.guide)} is ${mdCode(r.site)}`).join(', ')}. The bundles carry the guide's names, so importing them makes rules of the guide's names, which may be another site's. Make the services with ${mdCode('deploy.sh')} or ${mdCode('deploy.ps1')}, which use this site's names; or, after the import, create the rules under this site's names (the content rule values below) and select them on the SubVSs in place of the guide's.`,
          ]
        : []),
      `If the LoadMaster refuses a file, or lists no template after the import: the bundles are this project's own form (${mdCode('docs/template-format.md')}), not yet verified on an appliance. Any one of these replaces the import, service by service: (1) run ${mdCode('deploy.sh')} or ${mdCode('deploy.ps1')}, which create every Virtual Service through the API without templates; (2) import Kemp's own published Exchange 2016 templates, from Kemp's support site, and pick the template of the same name: they make the names the guide's screenshots show, and carry the guide's section 5 values, so check after the import the values each service's "What the steps build" lists for Kemp's templates, each with its erratum; (3) add the Virtual Service without a template and set each value by hand ${listsValues ? 'as the section "Every value the scripts set" says: its first part has the steps for content rules, SubVSs and rule attachments, and its tables give each value with its WUI section and field' : `from the section 5 tables (${mdCode('build-templates docs')} writes them under ${mdCode('docs/parameters/')})`}.`,
    ],
    parts,
  };
}

/** 4.2.2's table filled in, the SSO domain, and the command that finds the OWA GUID. */
export function espBlocks(catalog: Catalog, v: RunbookValues, esp: EspValues): Block[] {
  const fillCell = (cell: string, value: string): string => (cell === 'n/a' ? 'n/a' : mdCode(value));
  const rows = catalog.esp.table.map((r) => [
    mdCell(r.name),
    fillCell(r.excludedDirectories, esp.excluded),
    fillCell(r.allowedVirtualHosts, esp.hosts.join(' ')),
    fillCell(r.logoffString, esp.logoff),
    fillCell(r.userPasswordForm, esp.passwordForm),
  ]);
  const ex = v.generic ? " (the guide's example values; `<guid>` and `<smtpdomain>` are placeholders)" : '';
  return [
    table(
      [
        'SubVS Name',
        'Pre-Authorization Excluded Directories',
        'Allowed Virtual Hosts',
        'Logoff String',
        'User Password Form',
      ],
      rows,
    ),
    para(`The table above holds this ${v.generic ? 'guide' : 'site'}'s values${ex}.`),
    para(
      `On each SubVS whose ESP authenticates users, select the SSO domain ${mdCode(esp.ssoDomain)} (erratum E-5.1-SSO-DOMAIN: the guide assumes an SSO domain but no row names it).`,
    ),
    para(
      `To find the GUID of the OWA excluded directory, run this in the Exchange Management Shell; ${mdCode('<guid>')} is its exchangeGUID and ${mdCode('<smtpdomain>')} the domain of its primarysmtpaddress (erratum E-4.2.2-GUID-COMMAND: the guide prints ${mdCode('\\$_')}):`,
    ),
    commandsAt('exchange', 'powershell', catalog.esp.owaGuidCommand),
    para(
      `The **Logoff String** must be ${mdCode(catalog.esp.defaultLogoff)} unless the site changed the OWA logoff string. The SSO Greeting Message accepts HTML; the grave accent is dropped.`,
    ),
  ];
}

function checkOf(vs: { params: ResolvedVs['params'] }): { type: string; port: string; url: string } {
  const get = (n: ParamName): string => vs.params.find((p) => p.name === n)?.value ?? '';
  return { type: get(P.CheckType) || 'none', port: get(P.CheckPort), url: get(P.CheckUrl) };
}

/** How to see that a service is up: each health check, and what View/Modify Services shows. */
export function verifyBlocks(catalog: Catalog, v: RunbookValues): Block[] {
  const subName = (id: string): string => catalog.esp.table.find((r) => r.subvs === id)?.name ?? id;
  const rows: string[][] = [];
  for (const t of v.templates)
    for (const vs of t.services) {
      const checks = vs.subvs.length
        ? vs.subvs.map((s) => ({ name: `${vs.id} / ${subName(s.id)}`, c: checkOf(s) }))
        : [{ name: vs.id, c: checkOf(vs) }];
      for (const { name, c } of checks) {
        const url =
          c.type === 'https' || c.type === 'http'
            ? mdCode(
                `${c.type}://<server>${c.port && c.port !== (c.type === 'https' ? '443' : '80') ? `:${c.port}` : ''}${c.url}`,
              )
            : 'n/a';
        rows.push([
          mdCell(t.name),
          mdCell(`${name} (${vs.port}/${vs.prot})`),
          mdCode(c.type),
          c.port ? mdCode(c.port) : 'n/a',
          url,
        ]);
      }
    }
  const servers = v.servers.map((s) => mdCode(s.address)).join(', ');
  const https = v.templates.some((t) => t.services.some((s) => s.subvs.length > 0));
  const where = v.generic
    ? `${mdCode('<server>')} is each real server (the guide's example: ${servers})`
    : `${mdCode('<server>')} is each of ${servers}`;
  return [
    table(['Template', 'Virtual Service', 'Health check', 'Check port', 'Check URL'], rows),
    para(`Where ${where}.`),
    para(
      `Up looks like this: in **View/Modify Services**, the Virtual Service ${v.generic ? '' : `${mdCode(v.nickname)} `}on ${mdCode(v.address)} shows **Up** in the Status column, and each real server under it${https ? ' (under each SubVS)' : ''} shows **Up**.${https ? ` The HTTP redirect service on port 80 shows **Redirect**; a SubVS whose check is ${mdCode('none')} is not probed, so its **Up** proves nothing.` : ''}`,
    ),
  ];
}

/** Undo the runbook: delete the services it created, the content rules, the templates, the globals. */
export function rollbackSection(
  catalog: Catalog,
  sections: readonly RunbookValues[],
  globals: boolean,
  no: number,
): SectionView {
  const esp = sections.some((v) =>
    v.templates.some((t) =>
      t.services.some(
        (vs) =>
          vs.subvs.some((x) => x.params.some((p) => p.name === P.EspEnabled)) ||
          vs.params.some((p) => p.name === P.EspEnabled),
      ),
    ),
  );
  const steps: string[] = [];
  for (const v of [...sections].reverse())
    for (const t of [...v.templates].reverse())
      for (const vs of [...t.services].reverse()) {
        const addr = v.generic ? '<address>' : v.address;
        const api = `delvs?${CALL_ARG.vs}=${urlEncode(addr)}&${P.port}=${vs.port}&${P.prot}=${vs.prot}`;
        steps.push(
          `In **View/Modify Services**, click **Delete** for ${mdCode(hostPort(addr, vs.port))} (${mdProse(t.name)}, ${mdProse(vs.id)}). API: ${mdCode(api)}.`,
        );
      }
  const rules = [
    ...new Set(sections.flatMap((v) => v.templates.flatMap((t) => t.rules.map((r) => r.name)))),
  ].sort();
  if (rules.length)
    steps.push(
      `Delete the content rules the HTTPS templates created, if no other service uses them: ${rules.map(mdCode).join(', ')}. API: ${mdCode(`delrule?${P.name}=<rule>`)}.`,
    );
  const used = new Set(sections.flatMap((v) => v.templates.map((t) => t.bundle)));
  const names = catalog.bundles
    .filter((b) => used.has(b.name))
    .flatMap((b) => b.templates.map((id) => catalog.templates.find((t) => t.id === id)?.name ?? id));
  steps.push(
    `In **Virtual Services > Manage Templates**, delete the imported templates: ${names.map(mdCode).join(', ')}. API: ${mdCode('deltemplate?name=<template>')}.`,
  );
  if (globals)
    steps.push(
      `Set each global setting back to the value you noted in section 2 (the script prints them before its first change): ${catalog.globals.map((g) => `**${g.label}** (${mdCode(`set?${CALL_ARG.param}=${g.param}&${CALL_ARG.value}=<noted value>`)})`).join(', ')}.`,
    );
  return {
    heading: `${no}. Roll back`,
    intro: [
      `First point the DNS names back (Cut-over). Each service's own roll-back, above, also undoes what its Exchange side changed. With the scripts, ${mdCode('./deploy.sh remove')} (or ${mdCode('deploy.ps1 -Remove')}) deletes the Virtual Services and content rules below, only those the site owns (made by the scripts, or taken over with ${mdCode('--adopt')}); ${mdCode('./deploy.sh plan --remove')} shows first what it would delete and keep. The templates and the global settings are left to you. By hand, in this order (${esp ? 'certificates and the SSO domain were' : 'certificates were'} there before and stay); restoring the backup taken before the first change is the last resort, as it also undoes what was changed since:`,
    ],
    parts: [part(null, [], steps)],
  };
}
