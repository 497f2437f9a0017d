import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { setUp } from './helpers/setup.js';
import { call, tag, texts } from './helpers/sim-client.js';

const setup = setUp();
const start = setup.simulator;
const VS = { vs: '10.0.0.10', port: '443', prot: 'tcp' };

test('listvs: one <VS> per service; a SubVS is a VS of its own with port 0, no address and its parent in MasterVSID', async () => {
  const sim = await start({ https: false, rateLimit: false });
  await call(sim, 'addvs', { ...VS, nickname: 'Parent', ForceL7: '1' });
  await call(sim, 'modvs', { ...VS, createsubvs: '' });
  await call(sim, 'addrs', { vs: '2', rs: '10.0.1.1', rsport: '80' });
  const list = await call(sim, 'listvs');
  assert.equal(texts(list, 'Data/VS/Index'), ['1', '2']);
  assert.equal(texts(list, 'Data/VS/VSAddress'), ['10.0.0.10'], 'only the parent has an address');
  assert.equal(texts(list, 'Data/VS/VSPort'), ['443', '0']);
  assert.equal(texts(list, 'Data/VS/MasterVSID'), ['0', '1']);
  assert.equal(texts(list, 'Data/VS/MasterVS'), ['1', '0'], "a parent's MasterVS counts its SubVSs");
  assert.equal(texts(list, 'Data/VS/ForceL7'), ['Y', 'Y'], 'switches read Y/N');
  assert.equal(texts(list, 'Data/VS/SubVS/Name'), ['-'], 'an unnamed SubVS is "-" in its slot');
  assert.equal(texts(list, 'Data/VS/Rs/Addr'), ['10.0.1.1'], 'real servers nest in their VS');
  assert.equal(texts(list, 'Data/VS/NickName'), ['Parent'], 'no NickName while unset');
});

test('showdomain lists each SSO domain in capitals; listcert each certificate name', async () => {
  const sim = await start({
    https: false,
    rateLimit: false,
    ssoDomains: ['example.com'],
    certificates: ['Cert'],
  });
  const domains = await call(sim, 'showdomain');
  assert.equal(texts(domains, 'Data/Domain/Name'), ['EXAMPLE.COM']);
  assert.equal(texts(await call(sim, 'listcert'), 'Data/cert/name'), ['Cert']);
  assert.equal(
    texts(await call(await start({ https: false, rateLimit: false }), 'showdomain'), 'Data/Domain/Name'),
    [],
  );
});

test('every reply declares ISO-8859-1; non-ASCII text comes as Latin-1 bytes, references or UTF-8 bytes, as chosen', async () => {
  const name = 'Süd €';
  const forms = {
    latin1: Buffer.concat([Buffer.from('S\xfcd ', 'latin1'), Buffer.from('&#8364;')]),
    references: Buffer.from('S&#252;d &#8364;'),
    utf8: Buffer.from(name, 'utf8'),
  };
  for (const [form, bytes] of Object.entries(forms)) {
    const sim = await start({ https: false, rateLimit: false, nonAscii: form as keyof typeof forms });
    const reply = await call(sim, 'addvs', { ...VS, nickname: name });
    assert.ok(reply.bytes.subarray(0, 45).toString('latin1').includes('encoding="ISO-8859-1"'), form);
    assert.ok(reply.bytes.includes(Buffer.concat([Buffer.from('<NickName>'), bytes])), form);
  }
});

test('a lost reply: the call is carried out, the connection closes without an answer', async () => {
  const sim = await start({ https: false, rateLimit: false });
  sim.failNext('lost');
  const failed = await call(sim, 'addvs', VS).then(
    () => false,
    () => true,
  );
  assert.ok(failed, 'no answer');
  assert.is(sim.calls()[0]?.outcome, 'lost');
  assert.is(sim.state().vss.length, 1, 'yet the Virtual Service exists');
});

test('tamper: a dropped parameter keeps its old value, a rewritten one another; reset ends it', async () => {
  const sim = await start({ https: false, rateLimit: false });
  await call(sim, 'addvs', { ...VS, Idletime: '100' });
  sim.tamper({ param: 'idletime', mode: 'drop' });
  await call(sim, 'modvs', { vs: '1', Idletime: '200', Schedule: 'lc' });
  assert.is(tag((await call(sim, 'showvs', { vs: '1' })).body, 'Idletime'), '100');
  assert.is(
    tag((await call(sim, 'showvs', { vs: '1' })).body, 'Schedule'),
    'lc',
    'other parameters are kept',
  );
  sim.tamper({ param: 'Schedule', mode: 'rewrite', value: 'rr' });
  await call(sim, 'modvs', { vs: '1', Schedule: 'wlc' });
  assert.is(tag((await call(sim, 'showvs', { vs: '1' })).body, 'Schedule'), 'rr');
  sim.reset();
  await call(sim, 'addvs', { ...VS, Schedule: 'wlc' });
  assert.is(tag((await call(sim, 'showvs', { vs: '1' })).body, 'Schedule'), 'wlc');
});

test('an ampersand and text that looks like a reference come back exactly as stored', async () => {
  const sim = await start({ https: false, rateLimit: false });
  await call(sim, 'addvs', { ...VS, nickname: 'A & B &amp; &#38; <x>' });
  assert.equal(texts(await call(sim, 'showvs', { vs: '1' }), 'Data/NickName'), ['A & B &amp; &#38; <x>']);
});

test.run();
