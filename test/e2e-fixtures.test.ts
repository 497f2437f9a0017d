import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundleToSimTemplates } from '../simulator/bundle-templates.js';
import { type SimState, type Simulator, VS_DEFAULTS } from '../simulator/index.js';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import { loadDeployment } from '../src/deployment/load.js';
import type { Deployment } from '../src/model/deployment.js';
import { runBash } from './helpers/bash-run.js';
import { planScript } from './helpers/bash-script.js';
import { validCases } from './helpers/fixtures.js';
import { ROOT } from './helpers/guide.js';
import { setUp, simEnv } from './helpers/setup.js';
import { call } from './helpers/sim-client.js';

const setup = setUp('bt-e2e-fixtures-');
/** A fresh appliance as the guide assumes (4.1.1, 4.2), that takes the project's bundles. */
const sim = (d: Deployment): Promise<Simulator> =>
  setup.siteSimulator(d, { parseTemplates: bundleToSimTemplates });

/** Deploys a fixture with its generated deploy.sh over HTTPS (LM_CACERT, not LM_INSECURE). */
async function deploy(s: Simulator, d: Deployment): Promise<void> {
  const f = setup.script(planScript(compilePlan(EXCHANGE_2016, d)));
  const run = await runBash(f.path, [], simEnv(s, { LM_DELAY: '0' }));
  assert.is(run.code, 0, run.stderr);
}

// Parameters whose value is the site's: the bundles carry the guide's examples there.
const SITE = new Set([
  'certfile',
  'allowedhosts',
  'excludeddirectories',
  'domain',
  'logoff',
  'userpwdchangeurl',
  'smtpalloweddomains',
]);
/** A VS's settings as the appliance holds them (its defaults where nothing was sent), site values aside. */
const settings = (p: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries({ ...VS_DEFAULTS, ...p }).filter(([k]) => !SITE.has(k.toLowerCase())));

/** Each VS by address and port, with its settings, its SubVSs' settings and their rules. */
function shape(state: SimState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const vs of state.vss.filter((v) => v.parent === 0)) {
    const subvs = state.vss
      .filter((v) => v.parent === vs.index)
      .map((sub) => ({
        settings: settings(sub.params),
        rules: vs.members.find((m) => m.subVsIndex === sub.index)?.rules,
      }));
    out[`${vs.address}:${vs.port}`] = { settings: settings(vs.params), subvs };
  }
  return out;
}

test('the bundles, uploaded and applied with addvs template=, configure what the script does (site values aside)', async () => {
  const c = validCases().find((x) => x.name === 'all-templates');
  if (!c) throw new Error('fixture all-templates is missing');
  const d = await loadDeployment(c.file, EXCHANGE_2016);
  const scripted = await sim(d);
  await deploy(scripted, d);
  const templated = await sim(d);
  for (const b of ['Exchange2016Core', 'Exchange2016ESP', 'Exchange2016Additional']) {
    const body = readFileSync(join(ROOT, 'dist-templates', `${b}.tmpl`), 'utf8');
    assert.is((await call(templated, 'uploadtemplate', {}, { body })).status, 200);
  }
  for (const s of d.services) {
    const name = EXCHANGE_2016.templates.find((t) => t.id === s.template)?.name ?? '';
    const r = await call(templated, 'addvs', { vs: s.address, template: name });
    assert.is(r.status, 200, `${name}: ${r.body}`);
  }
  assert.equal(shape(templated.state()), shape(scripted.state()));
  assert.equal(templated.state().rules, scripted.state().rules);
  assert.equal(templated.ignored(), []);
});

test.run();
