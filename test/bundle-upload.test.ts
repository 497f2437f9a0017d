import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundleToSimTemplates } from '../simulator/bundle-templates.js';
import type { Simulator } from '../simulator/index.js';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { resolveTemplates } from '../src/compile/templates.js';
import { ROOT } from './helpers/guide.js';
import { setUp } from './helpers/setup.js';
import { call, tags } from './helpers/sim-client.js';

const setup = setUp();
let sim: Simulator;
test.before(async () => {
  sim = await setup.simulator({ parseTemplates: bundleToSimTemplates, rateLimit: false });
});

const BUNDLES = ['Exchange2016Core', 'Exchange2016ESP', 'Exchange2016Additional'];
const lower = (r: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));

test('the three committed bundles upload, and list every template of the catalogue', async () => {
  for (const b of BUNDLES) {
    const body = readFileSync(join(ROOT, 'dist-templates', `${b}.tmpl`), 'utf8');
    const r = await call(sim, 'uploadtemplate', {}, { body });
    assert.is(r.status, 200, r.body);
  }
  const list = await call(sim, 'listtemplates');
  assert.equal(tags(list.body, 'name').sort(), EXCHANGE_2016.templates.map((t) => t.name).sort());
});

test('addvs template= creates every VS, SubVS and rule of each template as the model says', async () => {
  const templates = resolveTemplates(EXCHANGE_2016);
  for (const [i, t] of templates.entries()) {
    const address = `10.9.0.${i + 1}`;
    const r = await call(sim, 'addvs', { vs: address, template: t.name });
    assert.is(r.status, 200, `${t.name}: ${r.body}`);
    const state = sim.state();
    for (const vs of t.services) {
      const made = state.vss.find((v) => v.address === address && v.port === vs.port && v.parent === 0);
      assert.ok(made, `${t.name} ${vs.port}`);
      const params = lower(made?.params ?? {});
      for (const p of vs.params)
        assert.is(params[p.name.toLowerCase()], p.value, `${t.name} ${vs.port} ${p.name}`);
      const subs = state.vss.filter((v) => v.parent === made?.index);
      assert.is(subs.length, vs.subvs.length, `${t.name}: SubVS count`);
      vs.subvs.forEach((s, j) => {
        const sub = lower(subs[j]?.params ?? {});
        for (const p of s.params)
          assert.is(sub[p.name.toLowerCase()], p.value, `${t.name}/${s.id} ${p.name}`);
        const slot = made?.members.find((m) => m.subVsIndex === subs[j]?.index);
        assert.equal(slot?.rules, [s.rule], `${t.name}/${s.id} rule`);
      });
    }
  }
  const rules = sim.state().rules;
  for (const r of templates.flatMap((t) => t.rules)) {
    const made = rules.find((x) => x.name === r.name);
    for (const p of r.params)
      assert.is(lower(made?.params ?? {})[p.name.toLowerCase()], p.value, `${r.name} ${p.name}`);
  }
});

test('no parameter of any bundle is one the appliance would ignore', () => {
  assert.equal(sim.ignored(), []);
});

test.run();
