import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { findParam, valueProblem } from '../src/loadmaster/catalogue.js';

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

test('the 5.2-5.5 services are the sixteen of the guide', () => {
  assert.equal(
    services.map((s) => s.place.group),
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

test('18 templates, each in exactly one bundle', () => {
  assert.is(templates.length, 18);
  for (const t of templates) {
    const holders = bundles.filter((b) => b.templates.includes(t.id));
    assert.is(holders.length, 1, `${t.name} is in ${holders.length} bundles`);
  }
  const listed = bundles.flatMap((b) => b.templates);
  assert.is(listed.length, 18);
  for (const id of listed)
    assert.ok(
      templates.some((t) => t.id === id),
      `bundle lists unknown ${id}`,
    );
});

test('18 templates, each named once', () => {
  assert.is(new Set(templates.map((t) => t.name)).size, 18);
});

test('section 3 membership: Core holds both HTTPS without ESP and SMTP; ESP holds the ESP services', () => {
  const names = (b: string) =>
    bundles.find((x) => x.name === b)?.templates.map((id) => templates.find((t) => t.id === id)?.name);
  assert.equal(names('Exchange2016Core'), [
    'Exchange 2016 HTTPS Offloaded',
    'Exchange 2016 HTTPS Reencrypted',
    'Exchange 2016 SMTP',
    'Exchange 2016 Office Online Server',
  ]);
  assert.ok(names('Exchange2016ESP')?.every((n) => n?.includes('ESP')));
  assert.ok(
    names('Exchange2016Additional')?.every((n) => /IMAP|POP|SMTP/.test(n ?? '') && !n?.includes('ESP')),
  );
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
