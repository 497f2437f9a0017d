import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { beyondGuideOf } from '../src/compile/rows.js';
import { findParam, valueProblem } from '../src/loadmaster/catalogue.js';
import { guideTemplates } from './helpers/guide.js';

const { https, templates, bundles, services } = EXCHANGE_2016;

test('the HTTPS service has the nine SubVSs of the guide plus the ESP Authentication Proxy', () => {
  const names = https.subServices.map((s) => s.place.item);
  assert.equal(names, [
    'Authentication Proxy',
    'ActiveSync',
    'Autodiscover',
    'ECP',
    'EWS',
    'MAPI',
    'OAB',
    'OWA',
    'PowerShell',
    'RPC',
  ]);
  assert.equal(
    https.subServices.filter((s) => s.espOnly).map((s) => s.id),
    ['authentication-proxy'],
  );
});

test('every SubVS has its own content rule, and every rule steers exactly one SubVS', () => {
  const ruleIds = https.rules.map((r) => r.id);
  assert.is(ruleIds.length, 10);
  for (const s of https.subServices) assert.ok(ruleIds.includes(s.rule), `${s.id} has no rule`);
  const used = https.subServices.map((s) => s.rule).sort();
  assert.equal(used, [...ruleIds].sort());
  for (const s of https.subServices) {
    const rule = https.rules.find((r) => r.id === s.rule);
    assert.is(rule?.espOnly, s.espOnly, `${s.id}: rule and SubVS exist in different variants`);
  }
});

test("the 5.2-5.5 services are the guide's, in its order, and any other is a template's beyond it", () => {
  assert.equal(
    services.filter((s) => !beyondGuideOf(EXCHANGE_2016, s.id)).map((s) => s.place.group),
    [
      'IMAP',
      'IMAPS',
      'IMAPS Offloaded',
      'IMAP with STARTTLS',
      'POP',
      'POPS',
      'POPS Offloaded',
      'POP with STARTTLS',
      'SMTP',
      'SMTPS',
      'SMTPS Offloaded',
      'SMTP with STARTTLS',
      'SMTP with ESP',
      'Office Online Server',
    ],
  );
});

test("the guide's templates, in its order and its sections; any other says where it comes from", () => {
  const guide = guideTemplates();
  const ours = templates.filter((t) => !t.beyondGuide);
  assert.equal(
    ours.map((t) => [t.section, t.name]),
    guide.map((t) => [t.section, t.name]),
  );
  for (const t of templates.filter((x) => x.beyondGuide)) {
    assert.ok((t.beyondGuide ?? '').length > 20, `${t.id}: where it comes from`);
    assert.not.ok(
      guide.some((g) => g.section === t.section),
      `${t.id}: section ${t.section} is the guide's, so its steps would be taken for the guide's`,
    );
  }
});

test('each template in exactly one bundle, each bundle naming only catalogued templates', () => {
  for (const t of templates) {
    const holders = bundles.filter((b) => b.templates.includes(t.id));
    assert.is(holders.length, 1, `${t.name} is in ${holders.length} bundles`);
  }
  const listed = bundles.flatMap((b) => b.templates);
  assert.is(listed.length, templates.length);
  for (const id of listed)
    assert.ok(
      templates.some((t) => t.id === id),
      `bundle lists unknown ${id}`,
    );
});

test('each section of steps once, and every template with the steps of its section', () => {
  const { steps } = EXCHANGE_2016;
  assert.is(new Set(steps.map((x) => x.section)).size, steps.length);
  for (const t of templates)
    assert.ok(
      steps.some((x) => x.section === t.section),
      `${t.id}: steps of ${t.section}`,
    );
});

test('each template named once, each id once', () => {
  assert.is(new Set(templates.map((t) => t.name)).size, templates.length);
  assert.is(new Set(templates.map((t) => t.id)).size, templates.length);
});

test("section 3 membership: each of the guide's templates is in the file section 3 gives it", () => {
  for (const g of guideTemplates()) {
    const id = templates.find((t) => t.name === g.name)?.id ?? '';
    assert.is(bundles.find((b) => b.templates.includes(id))?.name, g.bundle, g.name);
  }
  // Where section 3 is silent the decision is written down.
  assert.ok(
    bundles.find((b) => b.name === 'Exchange2016Core')?.decisions.some((d) => d.includes('Office Online')),
  );
});

test('every setting is a catalogued API parameter with an allowed value', () => {
  const blocks = [
    { settings: https.redirect.settings, scope: 'vs' as const },
    { settings: https.main.settings, scope: 'vs' as const },
    ...https.subServices.map((s) => ({ settings: s.settings, scope: 'vs' as const })),
    ...https.rules.map((r) => ({ settings: r.settings, scope: 'rule' as const })),
    ...services.map((s) => ({ settings: s.settings, scope: 'vs' as const })),
  ];
  for (const b of blocks) {
    for (const s of b.settings) {
      const spec = findParam(s.param, b.scope);
      assert.ok(spec, `${s.param} is not catalogued`);
      if (spec) assert.is(valueProblem(spec, s.value), null);
    }
  }
  for (const g of EXCHANGE_2016.globals) {
    const spec = findParam(g.param, 'global');
    assert.ok(spec && valueProblem(spec, g.value) === null, g.param);
  }
});

test('section 2: the three global settings, each with its web UI path and API form', () => {
  assert.equal(
    EXCHANGE_2016.globals.map((g) => [g.section, g.label, g.param, g.value]),
    [
      ['2.2', 'Subnet Originating Requests', 'subnetorigin', true],
      ['2.3', '100-Continue Handling', 'expect100', 2],
      ['2.4', 'Additional L7 Header', 'addforwardheader', 2],
    ],
  );
  for (const g of EXCHANGE_2016.globals)
    assert.match(g.uiPath, /^System Configuration > Miscellaneous Options > /);
});

test("site-specific values are marked, with the guide's examples as defaults", () => {
  const owa = https.subServices.find((s) => s.id === 'owa');
  const site = Object.fromEntries(owa?.settings.filter((s) => s.site).map((s) => [s.param, s.value]) ?? []);
  assert.equal(Object.keys(site).sort(), [
    'AllowedHosts',
    'Domain',
    'ExcludedDirectories',
    'Logoff',
    'UserPwdChangeURL',
  ]);
  assert.is(site.AllowedHosts, 'Mail.example.com autodiscover.example.com');
  assert.is(site.Logoff, EXCHANGE_2016.esp.defaultLogoff);
  const smtpEsp = services.find((s) => s.id === 'smtp-esp');
  assert.ok(smtpEsp?.settings.some((s) => s.param === 'SMTPAllowedDomains' && s.site === 'smtpDomains'));
});

test('ESP table of 4.2.2: ten SubVSs, allowed hosts required on each, OWA with its own settings', () => {
  const { table, owaGuidCommand } = EXCHANGE_2016.esp;
  assert.is(table.length, 10);
  assert.ok(table.every((r) => r.allowedVirtualHosts === 'Required'));
  assert.equal(
    table.filter((r) => r.logoffString !== 'n/a').map((r) => r.subvs),
    ['owa'],
  );
  assert.ok(owaGuidCommand.includes('{$_.PersistedCapabilities'));
  assert.ok(!owaGuidCommand.includes('\\$'));
});

test('every added row names an omission erratum', () => {
  const all = [https.main, https.redirect, ...https.subServices, ...services].flatMap((b) => b.settings);
  for (const s of all.filter((x) => x.addedBy)) {
    const e = EXCHANGE_2016.rowErrata.find((x) => x.id === s.addedBy);
    assert.is(e?.kind, 'omission', `${s.param}: ${s.addedBy}`);
    assert.is(e?.documented, null);
  }
});

test('the catalogue data is immutable in use: compiling twice gives equal rows', async () => {
  const { compileRows } = await import('../src/compile/rows.js');
  const before = JSON.stringify(EXCHANGE_2016);
  assert.equal(compileRows(EXCHANGE_2016), compileRows(EXCHANGE_2016));
  assert.is(JSON.stringify(EXCHANGE_2016), before);
});

test.run();
