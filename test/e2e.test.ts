import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Simulator } from '../simulator/index.js';
import type { Deployment } from '../src/model/deployment.js';
import { runBash } from './helpers/bash-run.js';
import { planOf, scriptOf } from './helpers/bash-script.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { setUp, simEnv } from './helpers/setup.js';
import { loadSite } from './helpers/sites.js';

const setup = setUp('bt-e2e-');
const sim = (d: Deployment, rateLimit = false): Promise<Simulator> => setup.siteSimulator(d, { rateLimit });
const script = (d: Deployment): string => setup.script(scriptOf(d)).path;

test('with the appliance rate limit on and the default delay, no call is refused', async () => {
  const https = await loadSite('https-offloaded');
  const s = await sim(https, true);
  const first = await runBash(script(https), [], simEnv(s));
  assert.is(first.code, 0, first.stderr);
  const calls = s.calls();
  assert.ok(calls.length > 30, `only ${calls.length} calls: too few to meet the limit`);
  assert.equal(
    calls.filter((c) => c.outcome !== 'answered'),
    [],
  );
  assertStateMatchesPlan(s.state(), planOf(https));
});

test('an interrupted SubVS (created, not yet named) is taken over by the next run, not duplicated', async () => {
  const https = await loadSite('https-offloaded');
  const s = await sim(https);
  const path = script(https);
  const env = simEnv(s, { LM_DELAY: '0' });
  const clean = await runBash(path, [], env);
  assert.is(clean.code, 0, clean.stderr);
  // The second SubVS's createsubvs=; the call after it is the modvs that would name it.
  const creates = s.calls().filter((c) => c.command === 'modvs' && 'createsubvs' in c.params);
  const n = creates[1]?.n as number;
  s.reset();
  s.injectFault({ call: n + 1, kind: 'drop' });
  const broken = await runBash(path, [], env);
  assert.is(broken.code, 1);
  assert.ok(
    s.state().vss.some((v) => v.parent !== 0 && v.params.Nickname === undefined),
    'a nameless SubVS is left',
  );
  const rerun = await runBash(path, [], env);
  assert.is(rerun.code, 0, rerun.stderr);
  assertStateMatchesPlan(s.state(), planOf(https));
});

test('credentials with quotes, backslashes and spaces reach the appliance intact; TLS is verified', async () => {
  const password = 'p"a\\ss $w\'ord\\';
  const small = await loadSite('small');
  const s = await setup.siteSimulator(small, { password, apikey: 'key"\\ with space' });
  const path = script(small);
  const basic = await runBash(path, [], simEnv(s, { LM_DELAY: '0' }));
  assert.is(basic.code, 0, basic.stderr);
  assertStateMatchesPlan(s.state(), planOf(small));
  const { LM_USER: _u, LM_PASSWORD: _p, ...rest } = simEnv(s, { LM_DELAY: '0' });
  const keyed = await runBash(path, [], { ...rest, LM_APIKEY: s.apikey });
  assert.is(keyed.code, 0, keyed.stderr);
  const wrong = await runBash(path, [], { ...rest, LM_APIKEY: 'nope' });
  assert.is(wrong.code, 1);
  assert.match(wrong.stderr, /HTTP 401/);
  // The simulator's certificate is self-signed: without LM_CACERT curl must refuse it.
  const { LM_CACERT: _c, ...untrusted } = simEnv(s, { LM_DELAY: '0' });
  const refused = await runBash(path, [], untrusted);
  assert.is(refused.code, 1);
  assert.match(refused.stderr, /failed at step: .*\n.*no answer \(curl exit 60\)/);
});

test.run();
