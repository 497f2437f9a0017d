import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Simulator } from '../simulator/index.js';
import { setUp } from './helpers/setup.js';
import { call, tag, tags, texts } from './helpers/sim-client.js';

let sim: Simulator;
const VS = { vs: '10.0.0.10', port: '443', prot: 'tcp' };

const setup = setUp();
test.before(async () => {
  sim = await setup.simulator({ https: false, rateLimit: false });
});
test.before.each(() => sim.reset());

test('addvs answers the new VS with its Index; showvs and listvs find it', async () => {
  const added = await call(sim, 'addvs', { ...VS, Nickname: 'OWA' });
  assert.is(added.status, 200);
  const index = tag(added.body, 'Index');
  assert.is(index, '1');
  // Captured replies name it NickName and leave it out while unset.
  assert.is(tag((await call(sim, 'showvs', VS)).body, 'NickName'), 'OWA');
  assert.is(tag((await call(sim, 'showvs', { vs: '1' })).body, 'VSAddress'), '10.0.0.10');
  await call(sim, 'addvs', { vs: '10.0.0.10', port: '25', prot: 'tcp' });
  const list = await call(sim, 'listvs');
  assert.equal(texts(list, 'Data/VS/Index'), ['1', '2']);
  assert.equal(texts(list, 'Data/VS/NickName'), ['OWA']);
});

test('duplicate address/port/prot, unknown VS and bad values answer 422', async () => {
  await call(sim, 'addvs', VS);
  const dup = await call(sim, 'addvs', VS);
  assert.is(dup.status, 422);
  assert.match(dup.body, /<Response stat="422" code="fail">\n<Error>/);
  assert.is((await call(sim, 'addvs', { ...VS, prot: 'udp' })).status, 200);
  const unknown = await call(sim, 'showvs', { vs: '99' });
  assert.is(unknown.status, 422);
  assert.is(tag(unknown.body, 'Error'), 'Unknown VS');
  assert.is((await call(sim, 'addvs', { ...VS, port: '70000' })).status, 422);
  assert.is((await call(sim, 'addvs', { ...VS, prot: 'TCP' })).status, 422);
});

test('createsubvs= answers the parent with the SubVS own VSIndex and slot RsIndex', async () => {
  await call(sim, 'addvs', VS);
  const first = await call(sim, 'modvs', { ...VS, createsubvs: '' });
  assert.is(first.status, 200);
  assert.is(tag(first.body, 'Index'), '1');
  assert.equal(texts(first, 'Data/SubVS/VSIndex'), ['2']);
  assert.equal(texts(first, 'Data/SubVS/RsIndex'), ['1']);
  const second = await call(sim, 'modvs', { vs: '1', createsubvs: '' });
  assert.equal(texts(second, 'Data/SubVS/VSIndex'), ['2', '3'], 'the new SubVS comes last');
  assert.equal(texts(second, 'Data/SubVS/RsIndex'), ['1', '2']);
  // A SubVS is addressed by its own index only and names its parent.
  const sub = await call(sim, 'modvs', { vs: '3', Nickname: 'ECP', CertFile: 'Wildcard' });
  assert.is(tag(sub.body, 'MasterVSID'), '1');
  assert.is(tag(sub.body, 'CertFile'), 'Wildcard');
  assert.is((await call(sim, 'modvs', { vs: '3', createsubvs: '' })).status, 422);
  // A parent's MasterVS counts its SubVSs (captured listvs); a SubVS has port 0 and no address.
  assert.is(tag((await call(sim, 'showvs', VS)).body, 'MasterVS'), '2');
  const subShown = await call(sim, 'showvs', { vs: '3' });
  assert.equal(texts(subShown, 'Data/VSPort'), ['0']);
  assert.equal(texts(subShown, 'Data/VSAddress'), []);
});

test('CertFile must name an installed certificate', async () => {
  await call(sim, 'addvs', VS);
  const bad = await call(sim, 'modvs', { ...VS, CertFile: 'Missing' });
  assert.is(bad.status, 422);
  assert.is(tag(bad.body, 'Error'), 'Unknown certificate: Missing');
  assert.is((await call(sim, 'modvs', { ...VS, CertFile: 'ExchangeCert' })).status, 200);
});

test('addrs with AddToAllSubvs=1 adds the real server to every SubVS', async () => {
  await call(sim, 'addvs', VS);
  await call(sim, 'modvs', { ...VS, createsubvs: '' });
  await call(sim, 'modvs', { ...VS, createsubvs: '' });
  const refused = await call(sim, 'addrs', { ...VS, rs: '10.0.1.1', rsport: '443' });
  assert.is(refused.status, 422);
  const added = await call(sim, 'addrs', { ...VS, rs: '10.0.1.1', rsport: '443', AddToAllSubvs: '1' });
  assert.is(added.status, 200);
  assert.equal(tags(added.body, 'VSIndex'), ['2', '3']);
  for (const sub of ['2', '3']) {
    const shown = await call(sim, 'showrs', { vs: sub, rs: '10.0.1.1', rsport: '443' });
    assert.is(tag(shown.body, 'Addr'), '10.0.1.1');
  }
  const state = sim.state();
  assert.is(state.vss.find((v) => v.index === 2)?.members.length, 1);
  assert.is(state.vss.find((v) => v.index === 1)?.members.length, 2); // the two SubVS slots only
});

test('addrs/modrs/delrs on a SubVS; rsport defaults to the VS port; duplicates refused', async () => {
  await call(sim, 'addvs', VS);
  await call(sim, 'modvs', { ...VS, createsubvs: '' });
  const added = await call(sim, 'addrs', { vs: '2', rs: '10.0.1.2', weight: '500' });
  assert.is(tag(added.body, 'Port'), '443');
  assert.is(tag(added.body, 'Weight'), '500');
  const rsIndex = tag(added.body, 'RsIndex') ?? '';
  assert.is((await call(sim, 'addrs', { vs: '2', rs: '10.0.1.2', rsport: '443' })).status, 422);
  assert.is((await call(sim, 'modrs', { vs: '2', rs: `!${rsIndex}`, enable: 'N' })).status, 200);
  assert.is(tag((await call(sim, 'showrs', { vs: '2', rs: `!${rsIndex}` })).body, 'Enable'), 'N');
  assert.is((await call(sim, 'delrs', { vs: '2', rs: '10.0.1.2', rsport: '443' })).status, 200);
  assert.is((await call(sim, 'showrs', { vs: '2', rs: `!${rsIndex}` })).status, 422);
});

test('parameter names match case-insensitively and are stored under the canonical name', async () => {
  await call(sim, 'ADDVS', {
    VS: '10.0.0.10',
    PORT: '443',
    Prot: 'tcp',
    nickname: 'lower',
    'checkuse1.1': '1',
  });
  await call(sim, 'modvs', { vs: '1', VSTYPE: 'http', sslacceleration: 'Y' });
  const params = sim.state().vss[0]?.params;
  assert.equal(params, { Nickname: 'lower', 'CheckUse1.1': '1', VStype: 'http', SSLAcceleration: 'Y' });
  assert.equal(sim.ignored(), []);
});

test('unknown parameters succeed but are recorded as ignored', async () => {
  const reply = await call(sim, 'addvs', { ...VS, Checkversion: '1.1', SingleSignInMessage: 'hi' });
  assert.is(reply.status, 200);
  await call(sim, 'set', { param: 'expect100', value: '2', extra: 'x' });
  assert.equal(
    sim.ignored().map(({ call: n, command, name, value }) => ({ n, command, name, value })),
    [
      { n: 1, command: 'addvs', name: 'Checkversion', value: '1.1' },
      { n: 1, command: 'addvs', name: 'SingleSignInMessage', value: 'hi' },
      { n: 2, command: 'set', name: 'extra', value: 'x' },
    ],
  );
});

test('delvs of a parent removes its SubVSs; of a SubVS removes its slot', async () => {
  await call(sim, 'addvs', VS);
  await call(sim, 'modvs', { ...VS, createsubvs: '' });
  await call(sim, 'modvs', { ...VS, createsubvs: '' });
  assert.is((await call(sim, 'delvs', { vs: '2' })).status, 200);
  assert.equal(tags((await call(sim, 'showvs', VS)).body, 'VSIndex'), ['3']);
  assert.is((await call(sim, 'delvs', VS)).status, 200);
  assert.equal(sim.state().vss, []);
});

test('state() is a JSON-able deep copy; calls() logs every request; reset() starts over', async () => {
  await call(sim, 'addvs', { ...VS, Nickname: 'A' });
  const state = sim.state();
  assert.equal(JSON.parse(JSON.stringify(state)), state);
  state.vss.length = 0;
  assert.is(sim.state().vss.length, 1);
  assert.equal(sim.state().certificates, ['Wildcard', 'ExchangeCert']);
  assert.equal(sim.calls(), [
    {
      n: 1,
      method: 'GET',
      command: 'addvs',
      params: { ...VS, Nickname: 'A' },
      status: 200,
      outcome: 'answered',
    },
  ]);
  sim.reset();
  assert.equal(sim.calls(), []);
  assert.equal(sim.state().vss, []);
  assert.is(tag((await call(sim, 'addvs', VS)).body, 'Index'), '1');
});

test.run();
