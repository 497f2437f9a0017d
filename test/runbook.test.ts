import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { GUIDE_STEPS } from '../src/catalog/exchange2016/steps.js';
import { compileRows } from '../src/compile/rows.js';
import { compileExampleSite, compileSite } from '../src/compile/site.js';
import { loadDeployment } from '../src/deployment/load.js';
import { mdProse } from '../src/emit/markdown.js';
import { emitRunbook } from '../src/emit/runbook.js';
import { mermaidLabel, serviceDiagram } from '../src/emit/runbook-diagram.js';
import { hostPort } from '../src/emit/runbook-parts.js';
import type { Deployment } from '../src/model/deployment.js';
import { validCases } from './helpers/fixtures.js';

const fixturePath = (name: string): string => {
  const c = validCases().find((x) => x.name === name);
  if (!c) throw new Error(`no fixture ${name}`);
  return c.file;
};

import { ROOT } from './helpers/guide.js';
import { powershellErrors } from './helpers/pwsh-run.js';
import { markdownlintEach } from './helpers/runbook-lint.js';
import { loadSite } from './helpers/sites.js';

interface FixtureSection {
  section: string;
  title: string;
  steps: { label: string; text: string }[];
}
const fixture = JSON.parse(
  readFileSync(`${ROOT}fixtures/guide/section4-steps.json`, 'utf8'),
) as FixtureSection[];
const generic = emitRunbook(compileExampleSite(EXCHANGE_2016)).contents;
const site = (d: Deployment): string => emitRunbook(compileSite(EXCHANGE_2016, d, 'site.yaml')).contents;
const norm = (s: string): string => s.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

/** The steps of a runbook section whose heading names a guide section, e.g. "(guide 4.4)". */
function stepsUnder(md: string, guideSection: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of md.split('\n')) {
    if (line.startsWith('### ')) inside = line.endsWith(`(guide ${guideSection})`);
    else if (line.startsWith('## ')) inside = false;
    else if (inside && /^\d+\. /.test(line)) out.push(norm(line.replace(/^\d+\. /, '')));
  }
  return out;
}

test('the generic runbook and the runbooks of three sites are markdownlint-clean', async () => {
  const texts: Record<string, string> = { generic };
  for (const name of ['full-contoso', 'smtp-own-port', 'reencrypted-no-globals'] as const)
    texts[name] = site(await loadSite(name));
  for (const [name, found] of Object.entries(markdownlintEach(texts))) assert.equal(found, [], name);
});

test('every step of sections 2 and 4 is in the generic runbook, in order, corrected only where an erratum says', () => {
  const errata = new Map(EXCHANGE_2016.stepErrata.map((e) => [e.id, e]));
  for (const s of fixture) {
    const model = GUIDE_STEPS.flatMap((g) => g.parts)
      .filter((p) => p.section === s.section)
      .flatMap((p) => p.steps);
    assert.is(model.length, s.steps.length, `${s.section}: number of steps`);
    const runbook = stepsUnder(generic, s.section);
    let from = 0;
    s.steps.forEach((st, i) => {
      let want = st.text;
      for (const id of model[i]?.errata ?? []) {
        const e = errata.get(id);
        assert.ok(e, `${id} is an erratum`);
        if (e && want.includes(e.documented)) want = want.split(e.documented).join(e.corrected);
        else if (e) want = e.corrected; // the erratum rewrites the whole step (E-4.8-FIRST-STEP)
      }
      const at = runbook.findIndex((line, j) => j >= from && line.startsWith(norm(want)));
      assert.ok(at >= 0, `${s.section} step ${st.label}: "${want}" not found in order`);
      if ((model[i]?.errata ?? []).length)
        assert.ok(runbook[at]?.includes(`erratum ${model[i]?.errata?.[0]}`));
      from = at + 1;
    });
  }
});

test("4.4's template step names IMAPS Offloaded and IMAP with STARTTLS, never IMAP or IMAPS", () => {
  const step = stepsUnder(generic, '4.4').find((l) => l.startsWith('Select the'));
  assert.ok(step?.includes('Exchange 2016 IMAPS Offloaded or the Exchange 2016 IMAP with STARTTLS'));
  assert.not.ok(step?.includes('Exchange 2016 IMAP or the Exchange 2016 IMAPS'));
  assert.ok(generic.includes('- **E-4.4-TEMPLATES** (guide 4.4 step 4)'));
  const sms = stepsUnder(generic, '4.9').find((l) => l.startsWith('For the Real Server Address'));
  assert.ok(sms?.includes('one of the Exchange Servers'), '4.9 adds Exchange servers');
});

test('a site runbook fills in addresses, certificates, servers, ports, ESP values and the GUID', async () => {
  const md = site(await loadSite('full-contoso'));
  for (const want of [
    '## 4. Exchange 2016 HTTPS Offloaded with ESP at 10.1.0.10 (guide 4.2)',
    'Enter a **Virtual Address**. Use `10.1.0.10`.',
    'Select the **Exchange 2016 IMAPS Offloaded** template from the **Use Template** drop-down list.',
    'Select the **Exchange 2016 POP with STARTTLS** template',
    'Use `mail-contoso-2025`.',
    'one of the Exchange Servers. Use `10.2.0.21`, port `80`.',
    'Here: `10.2.0.22` (port `80`, **Weight** `2000`).',
    'Use `10.2.0.21`, port `143`.',
    'one of the Office Online Servers. Use `10.3.0.31`, port `443`.',
    '`/owa/8f3c2a1e-1111-4a2b-9c3d-0123456789ab@contoso.com*`',
    '`mail.contoso.com autodiscover.contoso.com`',
    '`https://mail.contoso.com/owa/auth/expiredpassword.aspx?url=/owa/auth.owa`',
    'select the SSO domain `CONTOSO.LOCAL`',
    'Enter `contoso.com fabrikam.com`.',
    EXCHANGE_2016.esp.owaGuidCommand,
    '`https://<server>/owa/healthcheck.htm`',
    '`delvs?vs=10.1.0.10&port=443&prot=tcp`',
    '`set?param=subnetorigin&value=1`',
  ])
    assert.ok(md.includes(want), want);
  // SMTP with ESP adds Exchange servers (E-4.9-SERVERS), not the Office Online Server.
  const smtpEsp = md.slice(md.indexOf('SMTP with ESP at 10.1.0.13'), md.indexOf('Office Online Server at'));
  assert.ok(smtpEsp.includes('Use `10.2.0.21`, port `25`.'));
  assert.not.ok(smtpEsp.includes('10.3.0.31'));
  assert.not.ok(md.includes('192.168.10.'), 'no guide example address leaks into a site runbook');
});

test('a site runbook imports only the bundles it uses; without globals it has no section 2', async () => {
  const plain = site(await loadSite('smtp-own-port'));
  assert.ok(plain.includes('dist-templates/Exchange2016Core.tmpl'));
  assert.ok(plain.includes('dist-templates/Exchange2016Additional.tmpl'));
  assert.not.ok(plain.includes('dist-templates/Exchange2016ESP.tmpl'));
  assert.ok(plain.includes('Use `192.0.2.101`, port `2525`.'), "the service's own port wins");
  assert.ok(plain.includes('Use `192.0.2.101`, port `143`.'), 'and only for that service');
  const none = site(await loadSite('reencrypted-no-globals'));
  assert.not.ok(none.includes('Global settings'));
  assert.not.ok(none.includes('set?param='));
  assert.ok(none.includes('Select the **Exchange 2016 HTTPS Reencrypted** template'));
  assert.ok(none.includes('Use `198.51.100.21`, port `443`.'));
});

test("a site that names its content rules its own way: the runbook uses those names, and its import step says the bundles carry the guide's", async () => {
  const d = await loadSite('https-offloaded');
  const guideNames = site(d);
  assert.not.match(guideNames, /names of its own/);
  const own = site({ ...d, contentRules: { prefix: 'site1', names: { OWA: 'WebMail' } } });
  assert.ok(
    own.includes(
      'This site gives content rules names of its own (`contentRules` in the site file): `ActiveSync` is `site1ActiveSync`,',
    ),
    own,
  );
  assert.ok(own.includes('`OWA` is `WebMail`'));
  assert.ok(own.includes("The bundles carry the guide's names"));
  assert.match(own, /\| site1ActiveSync \| `pattern` \|/, 'the values of each rule, under its name');
  assert.not.match(own, /\| ActiveSync \| `pattern` \|/);
});

test('the generic runbook covers every template and explains its placeholders', () => {
  for (const t of EXCHANGE_2016.templates) assert.ok(generic.includes(`Template \`${t.name}\``), t.name);
  assert.ok(generic.includes("(the guide's example: `192.168.10.47`)"));
  assert.ok(generic.includes('`<guid>` is its exchangeGUID'));
});

test('runbooks are deterministic and the generic one goes to docs/runbook.md', async () => {
  const full = await loadSite('full-contoso');
  assert.is(emitRunbook(compileExampleSite(EXCHANGE_2016)).contents, generic);
  assert.is(site(full), site(full));
  assert.is(emitRunbook(compileExampleSite(EXCHANGE_2016)).path, 'docs/runbook.md');
  assert.is(emitRunbook(compileSite(EXCHANGE_2016, full, 'x')).path, 'runbook.md');
  assert.ok(generic.startsWith('<!-- generated by build-templates; do not edit -->\n'));
});

/**
 * What each template's service must hold on the Exchange side, by item id: listed here from the
 * templates' kinds (TLS offloaded or passed through, ESP or not, which protocol), not from the code.
 */
const EXCHANGE_BY_TEMPLATE: Record<string, string[]> = {
  'https-offloaded': [
    'certificate-same',
    'certificate-names',
    'https-ssl-offloading',
    'extended-protection-offloading',
  ],
  'https-reencrypted': ['certificate-same', 'certificate-names', 'extended-protection-bridging'],
  'https-offloaded-esp': [
    'certificate-same',
    'certificate-names',
    'https-ssl-offloading',
    'extended-protection-offloading',
    'esp-authentication',
  ],
  'https-reencrypted-esp': [
    'certificate-same',
    'certificate-names',
    'extended-protection-bridging',
    'esp-authentication',
  ],
  imap: ['imap4-services', 'imap4-certificate'],
  imaps: ['imap4-services', 'imap4-certificate'],
  'imaps-offloaded': ['imap4-services', 'imap-plain-text-login'],
  'imap-starttls': ['imap4-services', 'imap-plain-text-login'],
  pop: ['pop3-services', 'pop3-certificate'],
  pops: ['pop3-services', 'pop3-certificate'],
  'pops-offloaded': ['pop3-services', 'pop-plain-text-login'],
  'pop-starttls': ['pop3-services', 'pop-plain-text-login'],
  smtp: ['smtp-source-address', 'smtp-certificate-25'],
  smtps: ['smtp-source-address', 'smtp-certificate'],
  'smtps-offloaded': ['smtp-source-address', 'smtp-offloaded-submission'],
  'smtp-starttls': ['smtp-source-address', 'smtp-offloaded-submission'],
  'smtp-esp': ['smtp-source-address', 'smtp-certificate-25'],
  'office-online': ['oos-discovery'],
};

test("each service's Exchange side holds the items its kind needs and no other, each citing a listed source, each command valid PowerShell", async () => {
  // The guide's templates are listed above; one beyond the guide is held to its sources only.
  assert.equal(
    Object.keys(EXCHANGE_BY_TEMPLATE).sort(),
    EXCHANGE_2016.templates
      .filter((t) => !t.beyondGuide)
      .map((t) => t.id)
      .sort(),
  );
  const all = await loadDeployment(fixturePath('all-templates'), EXCHANGE_2016);
  const md = emitRunbook(compileSite(EXCHANGE_2016, all, 'site.yaml')).contents;
  const sections = sectionsOf(md);
  for (const t of EXCHANGE_2016.templates) {
    const { id } = t;
    const items = EXCHANGE_BY_TEMPLATE[id];
    const sec = sections.find((s) =>
      s.subs.some((x) => x.text.includes(`Template \`${t.name}\` from bundle`)),
    );
    const side = sec?.subs.find((x) => x.heading.endsWith('On the Exchange servers (not in the guide)'));
    if (!items && !side) continue;
    assert.ok(side, `${id}: an Exchange side`);
    const titles = EXCHANGE_2016.exchangeSide
      .filter((x) => side?.text.includes(`**${x.title}.**`))
      .map((x) => x.id);
    if (items) assert.equal(titles.sort(), [...items].sort(), id);
    // Every statement names its sources, each one of the listed sources.
    for (const line of (side?.text ?? '').split('\n').filter((l) => l.startsWith('**'))) {
      const cited = /\(Sources: (.*)\.\)$/.exec(line)?.[1] ?? '';
      assert.ok(cited, `${id}: ${line}`);
      for (const c of cited.split('; '))
        assert.ok(
          EXCHANGE_2016.sources.some((s) => c.startsWith(`${s.publisher}, *${mdProse(s.title)}*, "`)),
          `${id}: ${c}`,
        );
    }
  }
  for (const x of EXCHANGE_2016.exchangeSide) assert.ok(x.cite.length > 0, x.id);
  assert.equal(
    powershellErrors(EXCHANGE_2016.exchangeSide.flatMap((x) => [x.record ?? '', x.commands ?? ''])),
    [],
  );
  for (const s of EXCHANGE_2016.sources) assert.match(s.url, /^https:\/\/[a-z0-9.-]+\//, s.id);
});

/** What each template's verification runs, listed from the template's kind: its ports, TLS from the first byte or STARTTLS, ESP. */
const HTTPS_PLAIN = [
  'http://\\$HOST/owa/',
  'openssl s_client -connect "\\$VIP:443"',
  '/owa/healthcheck\\.htm',
  'Disable-AdcRealServer',
];
const HTTPS_ESP = [
  'http://\\$HOST/owa/',
  'openssl s_client -connect "\\$VIP:443"',
  'grep -c -F',
  'sign in at',
  'Disable-AdcRealServer',
];
const tls = (port: number, starttls?: string) => [
  `openssl s_client -connect "\\$VIP:${port}"${starttls ? ` -starttls ${starttls}` : ' -servername'}`,
  'Disable-AdcRealServer',
];
const VERIFY_BY_TEMPLATE: Record<string, string[]> = {
  'https-offloaded': HTTPS_PLAIN,
  'https-reencrypted': HTTPS_PLAIN,
  'https-offloaded-esp': HTTPS_ESP,
  'https-reencrypted-esp': HTTPS_ESP,
  imap: tls(143, 'imap'),
  imaps: tls(993),
  'imaps-offloaded': tls(993),
  'imap-starttls': tls(143, 'imap'),
  pop: tls(110, 'pop3'),
  pops: tls(995),
  'pops-offloaded': tls(995),
  'pop-starttls': tls(110, 'pop3'),
  smtp: tls(25, 'smtp'),
  smtps: tls(587, 'smtp'),
  'smtps-offloaded': tls(465),
  'smtp-starttls': tls(25, 'smtp'),
  'smtp-esp': tls(25, 'smtp'),
  'office-online': ['/hosting/discovery', 'Disable-AdcRealServer'],
};

test("each service's verification runs the client checks of its kind, and its roll-back deletes its services, keeps what another uses and undoes its Exchange side", async () => {
  const all = await loadDeployment(fixturePath('all-templates'), EXCHANGE_2016);
  const compiled = compileSite(EXCHANGE_2016, all, 'site.yaml');
  const sections = sectionsOf(emitRunbook(compiled).contents);
  for (const [id, checks] of Object.entries(VERIFY_BY_TEMPLATE)) {
    const t = EXCHANGE_2016.templates.find((x) => x.id === id);
    const sec = sections.find((s) =>
      s.subs.some((x) => x.text.includes(`Template \`${t?.name}\` from bundle`)),
    );
    const verify = sec?.subs.find((x) => x.heading.endsWith(' Verify'))?.text ?? '';
    for (const c of checks) assert.match(verify, new RegExp(c), `${id}: ${c}`);
    const rollback = sec?.subs.find((x) => x.heading.endsWith(' Roll back'))?.text ?? '';
    assert.match(rollback, /plan --remove/, `${id}: what a removal keeps`);
    const address = /at (\S+) \(guide/.exec(sec?.heading ?? '')?.[1];
    for (const step of compiled.plan.steps)
      if (step.kind === 'vs' && step.address === address)
        assert.ok(
          rollback.includes(`Delete** for \`${hostPort(address ?? '', step.port)}\``),
          `${id}: ${step.port}`,
        );
    for (const x of EXCHANGE_2016.exchangeSide)
      if (x.undo && EXCHANGE_BY_TEMPLATE[id]?.includes(x.id))
        assert.ok(rollback.includes(`**${x.title}**`), `${id}: undoes ${x.id}`);
  }
});

test("a site runbook can be followed by hand: every value beside its WUI section and field (or says none was found), the steps for rules, SubVSs and attachments, and what to check after importing Kemp's templates", async () => {
  const compiled = compileSite(
    EXCHANGE_2016,
    await loadDeployment(fixturePath('all-templates'), EXCHANGE_2016),
    'site.yaml',
  );
  const md = emitRunbook(compiled).contents;
  const names = new Set(
    compiled.plan.steps.flatMap((s) =>
      s.kind === 'vs' || s.kind === 'subvs'
        ? s.stages.flat().map((p) => p.name)
        : s.kind === 'rule'
          ? s.params.map((p) => p.name)
          : s.kind === 'global'
            ? [s.param]
            : [],
    ),
  );
  for (const name of names) {
    const w = EXCHANGE_2016.wui[name as keyof typeof EXCHANGE_2016.wui];
    assert.ok(w, `${name} has a WUI entry`);
    assert.ok(
      EXCHANGE_2016.sources.some((s) => s.id === w?.cite.source),
      `${name}: its source is listed`,
    );
    const rows = md.split('\n').filter((l) => l.includes(`| \`${name}\` |`) && l.startsWith('| '));
    assert.ok(rows.length > 0, name);
    for (const r of rows)
      assert.ok(
        w?.field ? r.includes(`**${mdProse(w.field)}**`) : r.includes('no WUI field found'),
        `${name}: ${r}`,
      );
  }
  for (const step of ['**Create New**', '**Add SubVS**', '**Content Switching**'])
    assert.ok(md.includes(step), step);
  // The guide's values an erratum corrects are listed for the services made from Kemp's templates.
  const smtps = sectionsOf(md).find(
    (s) =>
      s.heading.startsWith('') &&
      s.subs.some((x) => x.text.includes('Template `Exchange 2016 SMTPS Offloaded`')),
  );
  assert.match(
    smtps?.subs[1]?.text ?? '',
    /Made from Kemp's own template, check these values once it is imported \(.*\): .*`port=465` \(E-5\.4-SMTPS-OFFLOADED-PORT\)/,
  );
});

type Rendered = { error: string } | { labels: string[] };

/** Each diagram rendered to SVG by Mermaid itself (in a process of its own): its error, or the text of its node labels. */
function renderMermaid(diagrams: readonly string[]): Rendered[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'test/helpers/mermaid-check.mjs')], {
    input: JSON.stringify(diagrams),
    encoding: 'utf8',
  });
  assert.is(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Rendered[];
}

test("each site service's diagram renders as Mermaid and shows its VSs, SubVSs, rules and servers", async () => {
  const diagrams: string[] = [];
  for (const c of validCases()) {
    const d = await loadDeployment(c.file, EXCHANGE_2016);
    const runbook = emitRunbook(compileSite(EXCHANGE_2016, d, 'd.yaml')).contents;
    const found = [...runbook.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
    assert.is(found.length, d.services.length, `${c.name}: one diagram per service`);
    const servers = [...d.exchangeServers, ...(d.officeOnlineServers ?? [])].map((s) => s.address);
    assert.ok(
      servers.some((a) => found.some((f) => f.includes(a))),
      `${c.name}: servers drawn`,
    );
    for (const [i, s] of d.services.entries())
      assert.ok(found[i]?.includes(s.address), `${c.name}: ${s.address}`);
    diagrams.push(...found);
  }
  const https = diagrams.find((x) => x.includes('SubVS OWA'));
  assert.ok(https?.includes('rule OWA'), 'a SubVS is drawn with its rule');
  const rendered = renderMermaid(diagrams);
  assert.equal(
    rendered.flatMap((r, i) => ('error' in r ? [`${r.error}\n${diagrams[i]}`] : [])),
    [],
  );
  // Every address drawn is shown in a rendered label, as the site wrote it.
  for (const [i, r] of rendered.entries()) {
    const shown = 'labels' in r ? r.labels.join('\n') : '';
    for (const a of diagrams[i]?.match(/\d+\.\d+\.\d+\.\d+/g) ?? [])
      assert.ok(shown.includes(a), `${a} shown`);
  }
});

test('site values with Mermaid and HTML syntax stay inside their labels', () => {
  const nasty = ['a"]; b["x', 'x --> y', '<script>', '#quot;', '`md`', 'a|b', '[x]', '{y}', 'AT&T', 'é€😀'];
  const diagrams = nasty.map((n) =>
    serviceDiagram({
      generic: false,
      title: '',
      section: '',
      address: n,
      certificate: '',
      servers: [{ address: n }],
      templates: [],
      nickname: n,
      smtpDomains: [],
      errata: [],
      esp: { hosts: [], excluded: '', logoff: '', passwordForm: '', ssoDomain: '' },
    }).concat(`\n  extra["${mermaidLabel(n)}"]`),
  );
  // Each value renders as itself, inside its own label, and makes no node of its own.
  const rendered = renderMermaid(diagrams);
  for (const [i, n] of nasty.entries()) {
    const r = rendered[i];
    assert.ok(r && 'labels' in r, `${n}: ${r && 'error' in r ? r.error : ''}`);
    if (r && 'labels' in r) {
      assert.ok(r.labels.includes(n), `${n} rendered as itself: ${JSON.stringify(r.labels)}`);
      assert.is(r.labels.length, rendered[0] && 'labels' in rendered[0] ? rendered[0].labels.length : -1, n);
    }
  }
  for (const n of nasty) assert.not.match(mermaidLabel(n), /["#<>&`](?![0-9]+;)/);
});

test("a site's runbook can be followed to the end: old values noted first, its own template only, a fallback for each import", async () => {
  for (const c of validCases()) {
    const d = await loadDeployment(c.file, EXCHANGE_2016);
    const md = emitRunbook(compileSite(EXCHANGE_2016, d, 'd.yaml')).contents;
    assert.not.match(
      md,
      /if that was selected during the creation/,
      `${c.name}: the other template is offered`,
    );
    assert.match(
      md,
      /If the LoadMaster refuses a file[^\n]*`deploy\.sh`[^\n]*Kemp's own published Exchange 2016 templates/,
    );
    for (const g of d.globals ? EXCHANGE_2016.globals : []) {
      const section = md.split(`(guide ${g.section})`)[1] ?? '';
      assert.match(
        section,
        new RegExp(`^\\n\\n1\\. Note the current value of \\*\\*${g.label}\\*\\*`),
        `${c.name}: ${g.label}`,
      );
    }
  }
  const re = validCases().find((x) => x.name === 'reencrypted');
  assert.ok(re);
  const md = emitRunbook(
    compileSite(EXCHANGE_2016, await loadDeployment(re.file, EXCHANGE_2016), 'd.yaml'),
  ).contents;
  assert.match(
    md,
    /Click \*\*Modify\*\* for the \*\*Exchange 2016 HTTPS Reencrypted with ESP\*\* Virtual Service/,
  );
  assert.not.match(md, /Click \*\*Modify\*\* for the \*\*Exchange 2016 HTTPS Offloaded/);
});

/** A runbook's `##` sections, each split into its `###` subsections (the text before the first one under ''). */
function sectionsOf(md: string): { heading: string; subs: { heading: string; text: string }[] }[] {
  const out: { heading: string; subs: { heading: string; text: string }[] }[] = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('## ')) out.push({ heading: line.slice(3), subs: [{ heading: '', text: '' }] });
    else if (line.startsWith('### ')) out.at(-1)?.subs.push({ heading: line.slice(4), text: '' });
    else {
      const sub = out.at(-1)?.subs.at(-1);
      if (sub) sub.text += `${line}\n`;
    }
  }
  return out;
}

const CHECKS = ['CheckType', 'CheckPort', 'CheckUrl', 'CheckUse1.1', 'CheckUseGet'];

test("every section 5 erratum that changes a service's values is named in that service's section, in the subsection that shows the value (a health check's also where it is verified)", async () => {
  const rows = compileRows(EXCHANGE_2016).filter((r) => r.erratum !== undefined);
  const runbooks: Record<string, string> = { generic };
  for (const name of ['all-templates', 'esp', 'example'])
    runbooks[name] = site(await loadDeployment(fixturePath(name), EXCHANGE_2016));
  for (const [name, md] of Object.entries(runbooks)) {
    let services = 0;
    for (const sec of sectionsOf(md)) {
      const names = [
        ...sec.subs
          .map((s) => s.text)
          .join('')
          .matchAll(/^Template `([^`]+)` from bundle/gm),
      ].map((m) => m[1]);
      if (names.length === 0) continue;
      services++;
      const templates = EXCHANGE_2016.templates.filter((t) => names.includes(t.name));
      const expected = new Map<string, string>();
      for (const t of templates) {
        const esp = t.source.kind === 'https' && t.source.esp;
        const places =
          t.source.kind === 'https'
            ? rows.filter((r) => r.section === '5.1' && (esp || r.use !== 'ESP Enabled'))
            : rows.filter((r) => {
                const vs =
                  t.source.kind === 'vs'
                    ? EXCHANGE_2016.services.find((s) => s.id === (t.source as { vs: string }).vs)
                    : undefined;
                return r.section === vs?.place.section && r.group === vs.place.group;
              });
        for (const r of places) expected.set(r.erratum ?? '', r.parameter);
      }
      // Every service of the guide has some; a template beyond the guide departs from nothing.
      assert.ok(
        expected.size > 0 || templates.every((t) => t.beyondGuide),
        `${name}: ${sec.heading} has errata`,
      );
      const built = sec.subs.find((s) => / What the steps build$/.test(s.heading));
      const verify = sec.subs.find((s) => / Verify$/.test(s.heading));
      if (name !== 'generic')
        assert.ok(
          built?.text.includes('```mermaid'),
          `${name}: ${sec.heading}: the diagram is in the subsection`,
        );
      for (const [id, parameter] of expected) {
        // The erratum, with the parameter it changes and the value sent, beside the diagram.
        const cited = built?.text.split('\n').find((l) => l.startsWith(`- **${id}**`)) ?? '';
        assert.ok(
          cited.includes(`\`${parameter}=`),
          `${name}: ${sec.heading}: ${id} shows ${parameter}:\n${cited}`,
        );
        if (CHECKS.includes(parameter))
          assert.ok(
            verify?.text.includes(`**${id}**`),
            `${name}: ${sec.heading}: ${id} where the check is verified`,
          );
      }
    }
    assert.ok(services >= 2, `${name}: ${services} service sections`);
  }
});

test("a site runbook's names and values are the plan's: each Virtual Service and SubVS as the scripts name it, Kemp's own names beside them, the redirect keeping the client's host name", async () => {
  for (const name of ['all-templates', 'esp', 'example']) {
    const compiled = compileSite(
      EXCHANGE_2016,
      await loadDeployment(fixturePath(name), EXCHANGE_2016),
      'site.yaml',
    );
    const md = emitRunbook(compiled).contents;
    for (const step of compiled.plan.steps) {
      if (step.kind === 'vs') {
        const row = `| \`${hostPort(step.address, step.port)}\` | Virtual Service | \`${step.nickname}\` |`;
        assert.ok(md.includes(row), `${name}: ${row}`);
        assert.ok(
          md.includes(
            `${mermaidLabel(step.nickname)}<br>${mermaidLabel(`${hostPort(step.address, step.port)}/${step.prot}`)}`,
          ),
          `${name}: drawn`,
        );
        const url = step.stages.flat().find((p) => p.name === 'ErrorUrl' && p.value.includes('%h'));
        if (url)
          assert.ok(
            md.includes(
              mermaidLabel(
                url.value.replace('%h', '<the host name the client used>').replace('%s', '<its path>'),
              ),
            ),
            `${name}: the redirect`,
          );
      }
      if (step.kind === 'subvs')
        assert.ok(
          md.includes(`| SubVS | \`${step.nickname}\` | \`${step.nickname}\` | \`Exchange 2016 HTTPS `),
          `${name}: ${step.nickname}`,
        );
    }
    assert.not.match(md, /redirects"\| \S+\["https:\/\/\d/, `${name}: no redirect drawn to the address`);
    // The step that opens a SubVS names the plan's SubVS, and Kemp's name for it.
    const first = compiled.plan.steps.find((s) => s.kind === 'subvs');
    if (first?.kind === 'subvs')
      assert.match(
        md,
        new RegExp(
          `Click \\*\\*Modify\\*\\* for the SubVS \\*\\*${first.nickname}\\*\\* \\(made from this project's bundles or by its scripts; made from Kemp's own templates, it is \\*\\*Exchange 2016 HTTPS [^*]+ - ${first.nickname}\\*\\*\\)`,
        ),
      );
  }
});

test.run();
