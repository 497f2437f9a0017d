import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import { DeploymentError } from '../src/deployment/diagnostic.js';
import { EXAMPLE_DEPLOYMENT } from '../src/deployment/example.js';
import { loadDeployment, parseDeployment } from '../src/deployment/load.js';
import { invalidCases, read, validCases } from './helpers/fixtures.js';
import { ROOT } from './helpers/guide.js';
import { loadSite, SITE_NAMES } from './helpers/sites.js';

const schema = JSON.parse(
  readFileSync(new URL('../schemas/deployment.schema.json', import.meta.url), 'utf8'),
);

test('every valid fixture loads and compiles to a plan', async () => {
  assert.ok(validCases().length >= 6);
  for (const c of validCases()) {
    const d = await loadDeployment(c.file, EXCHANGE_2016);
    assert.ok(compilePlan(EXCHANGE_2016, d).steps.length > 0, c.name);
  }
});

test('the test sites under fixtures/sites are exactly the named ones, and each loads and compiles', async () => {
  assert.equal(
    readdirSync(join(ROOT, 'fixtures', 'sites')).sort(),
    SITE_NAMES.map((n) => `${n}.yaml`),
  );
  for (const name of SITE_NAMES)
    assert.ok(compilePlan(EXCHANGE_2016, await loadSite(name)).steps.length > 0, name);
});

test('together the fixtures deploy every template of the catalogue', async () => {
  const used = new Set<string>();
  for (const c of validCases())
    for (const s of (await loadDeployment(c.file, EXCHANGE_2016)).services) used.add(s.template);
  assert.equal([...used].sort(), EXCHANGE_2016.templates.map((t) => t.id).sort());
});

test('each invalid fixture reports exactly its expected problems, each as file:line:col /pointer: message', async () => {
  for (const c of invalidCases()) {
    const expected = read(`${c.dir}/expected.txt`).trimEnd();
    const error = await loadDeployment(c.file, EXCHANGE_2016).then(
      () => assert.unreachable(`${c.name} was accepted`),
      (e: unknown) => e,
    );
    assert.instance(error, DeploymentError, c.name);
    assert.fixture((error as Error).message.split(`${c.dir}/`).join(''), expected);
  }
});

test('all problems are reported at once', () => {
  try {
    parseDeployment(
      'd.yaml',
      read(invalidCases().find((c) => c.name === 'bad-values')?.file ?? ''),
      EXCHANGE_2016,
    );
    assert.unreachable();
  } catch (e) {
    assert.is((e as DeploymentError).diagnostics.length, 8);
  }
});

test("the schema names exactly the catalogue's templates", () => {
  const ids = schema.properties.services.items.properties.template.enum;
  assert.equal([...ids].sort(), EXCHANGE_2016.templates.map((t) => t.id).sort());
});

test("the schema's content rule names are the guide's (5.1 Content Rules)", () => {
  const names = schema.properties.contentRules.properties.names.propertyNames.enum;
  // Guide 5.1: one rule per SubVS of the HTTPS templates, and Authentication_Proxy with ESP.
  const guide = [
    'Authentication_Proxy',
    'ActiveSync',
    'Autodiscover',
    'ECP',
    'EWS',
    'MAPI',
    'OAB',
    'OWA',
    'powershell',
    'RPC',
  ];
  assert.equal([...names].sort(), [...guide].sort());
});

test("content rules of the site's own: a prefix, or a name each; each once, never default, letters, digits and _ only", () => {
  const site = (rules: string) =>
    `services: [{template: https-offloaded, address: 10.0.0.1, certificate: c}]\nexchangeServers: [{address: 10.0.0.2}]\ncontentRules: ${rules}\n`;
  const plan = compilePlan(
    EXCHANGE_2016,
    parseDeployment('d.yaml', site('{prefix: b, names: {OWA: WebMail}}'), EXCHANGE_2016),
  );
  const rules = plan.steps.flatMap((s) => (s.kind === 'rule' ? [s.name] : []));
  assert.equal(rules, [
    'bActiveSync',
    'bAutodiscover',
    'bECP',
    'bEWS',
    'bMAPI',
    'bOAB',
    'WebMail',
    'bpowershell',
    'bRPC',
  ]);
  const attached = plan.steps.flatMap((s) => (s.kind === 'attach-rule' ? [s.rule] : []));
  assert.equal([...attached].sort(), [...rules].sort(), 'each SubVS is steered by the renamed rule');
  const problems = (rules: string) => {
    try {
      parseDeployment('d.yaml', site(rules), EXCHANGE_2016);
      return [];
    } catch (e) {
      return (e as DeploymentError).diagnostics.map((d) => `${d.pointer}: ${d.message}`);
    }
  };
  assert.equal(problems('{names: {OWA: ECP}}'), [
    '/contentRules/names/OWA: the rules ECP and OWA would both be named ECP',
  ]);
  assert.equal(problems('{names: {OWA: Default}}'), [
    '/contentRules/names/OWA: a content rule cannot be named default on a LoadMaster',
  ]);
  assert.match(problems('{prefix: site-1}').join('\n'), /^\/contentRules\/prefix: /);
  assert.match(problems('{names: {Owa: x}}').join('\n'), /^\/contentRules\/names/);
});

test("the init example is valid and uses the guide's corrected GUID command", () => {
  const d = parseDeployment('init.yaml', EXAMPLE_DEPLOYMENT, EXCHANGE_2016);
  assert.is(d.esp?.logoff, '/owa/logoff.owa');
  assert.ok(EXAMPLE_DEPLOYMENT.includes(EXCHANGE_2016.esp.owaGuidCommand));
});

test("defaults: globals on, the guide's logoff string, no Office Online Servers", () => {
  const d = parseDeployment(
    'd.yaml',
    'services: [{template: imap, address: 10.0.0.1}]\nexchangeServers: [{address: 10.0.0.2}]\n',
    EXCHANGE_2016,
  );
  assert.is(d.globals, true);
  assert.equal(d.officeOnlineServers, []);
  assert.is(d.esp, undefined);
});

test('JSON files are read too, and duplicate keys are an error', () => {
  const json =
    '{"services":[{"template":"imap","address":"10.0.0.1"}],"exchangeServers":[{"address":"10.0.0.2"}]}';
  assert.is(parseDeployment('d.json', json, EXCHANGE_2016).services.length, 1);
  assert.throws(
    () => parseDeployment('d.yaml', 'globals: true\nglobals: false\n', EXCHANGE_2016),
    /d\.yaml:2:1/,
  );
});

test.run();
