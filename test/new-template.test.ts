import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { renderParams } from '../src/cli/params.js';
import { asDocumented, compileRows } from '../src/compile/rows.js';
import { compileExampleSite, compileSite } from '../src/compile/site.js';
import { emitBash } from '../src/emit/bash.js';
import { emitParamTables } from '../src/emit/param-tables.js';
import { emitPowerShell } from '../src/emit/powershell.js';
import { emitRunbook } from '../src/emit/runbook.js';
import { emitSiteBundles } from '../src/emit/template-xml.js';
import type { Deployment } from '../src/model/deployment.js';
import { readBundle } from '../src/reader/template-xml.js';
import { LDAP_TEMPLATE, LDAP_VS, MADE_UP_CATALOG } from './helpers/made-up-catalog.js';

// ARCHITECTURE.md's "Add a template", followed for a template the guide does not have. The
// deployment schema lists the real catalogue's template ids (step 5), so this site is bound as the
// loader would return it rather than read from a file.
const SITE: Deployment = {
  globals: false,
  services: [{ template: LDAP_TEMPLATE.id, address: '10.9.0.5' }],
  exchangeServers: [{ address: '10.9.0.11' }, { address: '10.9.0.12', weight: 500 }],
  officeOnlineServers: [],
};
const site = compileSite(MADE_UP_CATALOG, SITE, 'ldap.yaml');

test('the plan creates the new Virtual Service with its rows and its real servers on its port', () => {
  const vs = site.plan.steps.find((s) => s.kind === 'vs');
  assert.ok(vs && vs.kind === 'vs');
  assert.equal([vs.address, vs.port, vs.prot, vs.nickname], ['10.9.0.5', 389, 'tcp', 'Exchange LDAP']);
  assert.equal(
    vs.stages.flat().map((p) => `${p.name}=${p.value}`),
    [
      'VStype=gen',
      'nickname=Exchange LDAP',
      'Schedule=lc',
      'Idletime=900',
      'CheckType=ldap',
      'CheckPort=389',
    ],
  );
  const servers = site.plan.steps.flatMap((s) =>
    s.kind === 'realserver' ? [[s.address, s.port, s.weight]] : [],
  );
  assert.equal(servers, [
    ['10.9.0.11', 389, undefined],
    ['10.9.0.12', 389, 500],
  ]);
});

test('both scripts, the runbook and the bundle carry it', () => {
  assert.match(emitBash(site).contents, /lm_vs 'Virtual Service Exchange 2016 LDAP 10\.9\.0\.5:389'/);
  assert.match(emitPowerShell(site).contents, /'CheckType' = 'ldap'/);
  const runbook = emitRunbook(site).contents;
  assert.match(
    runbook,
    /## \d+\. Exchange 2016 LDAP at 10\.9\.0\.5 \(not in the guide\)\n\nNot in the guide: A made-up LDAP/,
  );
  // Its steps cite no section of the guide and no erratum of the guide's steps.
  const ldap = runbook.slice(runbook.indexOf('Exchange 2016 LDAP at'));
  const section = ldap.slice(0, ldap.search(/\n## \d/));
  assert.not.match(section, /\(guide \d|E-4-ADD-THIS-REAL-SERVER/);
  assert.match(runbook, /Select the \*\*Exchange 2016 LDAP\*\* template from the \*\*Use Template\*\*/);
  assert.match(
    runbook,
    /`10\.9\.0\.12`, port `389`, \*\*Weight\*\* `500`|`10\.9\.0\.12` \(port `389`, \*\*Weight\*\* `500`\)/,
  );
  const bundle = emitSiteBundles(site).find((f) => f.path.endsWith('.tmpl'));
  assert.ok(bundle);
  const read = readBundle(bundle.contents);
  assert.is(read.name, 'Exchange2016Additional');
  assert.ok(read.templates.some((t) => t.id === 'ldap' && t.services[0]?.port === 389));
});

test("the guide's own runbook gains the new section", () => {
  const runbook = emitRunbook(compileExampleSite(MADE_UP_CATALOG)).contents;
  assert.match(runbook, /## \d+\. LDAP \(not in the guide\)\n\nNot in the guide: A made-up/);
});

test("its rows are the tables' and params', marked as not the guide's, and not among the documented ones", () => {
  const rows = compileRows(MADE_UP_CATALOG);
  const ldap = rows.filter((r) => r.group === 'LDAP');
  assert.is(ldap.length, LDAP_VS.settings.length);
  for (const r of ldap) assert.equal([r.documented, r.beyondGuide], [null, LDAP_TEMPLATE.beyondGuide]);
  assert.not.ok(asDocumented(rows).some((r) => r.group === 'LDAP'));
  assert.equal(asDocumented(rows), asDocumented(compileRows(EXCHANGE_2016)));
  const page = emitParamTables(MADE_UP_CATALOG, rows).find((f) => f.path.endsWith('5.4-smtp.md'));
  assert.match(page?.contents ?? '', /## LDAP\n\nNot in the guide: A made-up LDAP service/);
  assert.match(
    renderParams(MADE_UP_CATALOG, { asDocumented: false, json: false }),
    /LDAP +CheckType +ldap +not in the guide/,
  );
});

test.run();
