import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Simulator } from '../simulator/index.js';
import { setUp } from './helpers/setup.js';
import { call, tag } from './helpers/sim-client.js';

const setup = setUp();
let sim: Simulator;
test.before(async () => {
  sim = await setup.simulator({ rateLimit: false });
});
test.before.each(() => sim.reset());

/** Resolves to the error when the call fails at the connection level. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: Error) => error,
  );

test('http500 / http401 / http422 on call N answer with the status (and an <Error> text but for 401)', async () => {
  sim.injectFault({ call: 2, kind: 'http500', message: 'boom' });
  sim.injectFault({ call: 3, kind: 'http401' });
  sim.injectFault({ call: 4, kind: 'http422' });
  assert.is((await call(sim, 'listvs')).status, 200);
  const e500 = await call(sim, 'listvs');
  assert.is(e500.status, 500);
  assert.match(e500.body, /<Response stat="500" code="fail">\n<Error>boom<\/Error>\n<\/Response>/);
  const e401 = await call(sim, 'listvs');
  assert.is(e401.status, 401);
  assert.match(e401.body, /401 Unauthorized/, 'a page, as a real wrong password gets');
  assert.is((await call(sim, 'addvs', { vs: '10.0.0.1', port: '80', prot: 'tcp' })).status, 422);
  assert.equal(sim.state().vss, []); // the faulted call did nothing
  assert.is((await call(sim, 'listvs')).status, 200);
});

test('a fault on a command name hits the next call of that command only', async () => {
  sim.injectFault({ call: 'addrs', kind: 'http422', message: 'no' });
  assert.is((await call(sim, 'listvs')).status, 200);
  assert.is((await call(sim, 'addrs', { vs: '1', rs: '10.0.0.2' })).status, 422);
  assert.is(tag((await call(sim, 'addrs', { vs: '1', rs: '10.0.0.2' })).body, 'Error'), 'Unknown VS');
});

test('a fault on a write number hits the Nth call that changes the appliance, reads not counted', async () => {
  sim.injectFault({ write: 2, kind: 'http500' });
  assert.is((await call(sim, 'addrule', { name: 'A', pattern: '/a/' })).status, 200);
  assert.is((await call(sim, 'listvs')).status, 200);
  assert.is((await call(sim, 'showrule', { name: 'A' })).status, 200);
  assert.is((await call(sim, 'addrule', { name: 'B', pattern: '/b/' })).status, 500);
  assert.equal(
    sim.state().rules.map((r) => r.name),
    ['A'],
  );
  assert.is((await call(sim, 'addrule', { name: 'B', pattern: '/b/' })).status, 200);
  assert.throws(() => sim.injectFault({ kind: 'http500' }), /either a call or a write/);
  assert.throws(() => sim.injectFault({ call: 1, write: 1, kind: 'http500' }), /either a call or a write/);
  assert.throws(() => sim.injectFault({ write: 0, kind: 'http500' }), /positive integer/);
});

test('failNext and clearFaults', async () => {
  sim.failNext('http500');
  assert.is((await call(sim, 'listvs')).status, 500);
  sim.failNext('http500');
  sim.clearFaults();
  assert.is((await call(sim, 'listvs')).status, 200);
});

test('drop destroys the connection', async () => {
  sim.failNext('drop');
  const error = await failure(call(sim, 'listvs'));
  assert.ok(error, 'expected a connection error');
  assert.is(sim.calls()[0]?.outcome, 'dropped');
  assert.is((await call(sim, 'listvs')).status, 200);
});

test('hang never answers; stop() releases it', async () => {
  const own = await setup.simulator({ rateLimit: false });
  own.injectFault({ call: 'showvs', kind: 'hang' });
  let settled = false;
  const pending = failure(call(own, 'showvs', { vs: '1' })).finally(() => {
    settled = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.not.ok(settled, 'hung call answered');
  assert.is((await call(own, 'listvs')).status, 200); // other calls still served
  await own.stop();
  assert.ok(await pending, 'hung call should fail once the simulator stops');
  assert.is(own.calls()[0]?.outcome, 'hung');
});

test('rate limit: call 31 within 3 seconds drops the connection', async () => {
  const limited = await setup.simulator({ https: false });
  for (let i = 0; i < 30; i++) assert.is((await call(limited, 'listvs')).status, 200);
  assert.ok(await failure(call(limited, 'listvs')), 'call 31 should be dropped');
  assert.is(limited.calls()[30]?.outcome, 'rate-limited');
});

test('rate limit is configurable', async () => {
  const limited = await setup.simulator({ https: false, rateLimit: { calls: 2, windowMs: 200 } });
  assert.is((await call(limited, 'listvs')).status, 200);
  assert.is((await call(limited, 'listvs')).status, 200);
  assert.ok(await failure(call(limited, 'listvs')));
  await new Promise((resolve) => setTimeout(resolve, 250));
  assert.is((await call(limited, 'listvs')).status, 200);
});

test.run();
