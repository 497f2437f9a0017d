import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSimulator } from '../simulator/index.js';
import { setUp } from './helpers/setup.js';
import { call, tag } from './helpers/sim-client.js';

const run = promisify(execFile);
const setup = setUp();
const start = setup.simulator;

test('HTTPS on 127.0.0.1 with a CA file; default user bal and a random password', async () => {
  const sim = await start();
  assert.match(sim.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  assert.is(sim.user, 'bal');
  assert.ok(sim.password.length >= 12);
  assert.ok(sim.caCertPath && existsSync(sim.caCertPath));
  assert.match(sim.caCertPem ?? '', /BEGIN CERTIFICATE/);
  const reply = await call(sim, 'listvs');
  assert.is(reply.status, 200);
  // As captured replies: ISO-8859-1 declared, a line break after it and after <Response>.
  assert.match(
    reply.body,
    /^<\?xml version="1.0" encoding="ISO-8859-1"\?>\n<Response stat="200" code="ok">\n<Success>/,
  );
});

test('bad or missing credentials answer 401 with a page, not XML, as SDKs meet it', async () => {
  const sim = await start({ password: 'secret', rateLimit: false });
  const wrong = await call(sim, 'listvs', {}, { auth: { user: 'bal', password: 'nope' } });
  assert.is(wrong.status, 401);
  assert.match(wrong.body, /401 Unauthorized/);
  assert.not.match(wrong.body, /<Response/);
  assert.is((await call(sim, 'listvs', {}, { auth: 'none' })).status, 401);
  assert.is((await call(sim, 'listvs', {}, { auth: { user: 'admin', password: 'secret' } })).status, 401);
  assert.is((await call(sim, 'listvs', {}, { auth: { user: 'bal', password: 'secret' } })).status, 200);
});

test('apikey= query authenticates and is not logged as a parameter', async () => {
  const sim = await start({ apikey: 'k3y', rateLimit: false });
  const ok = await call(sim, 'listvs', { apikey: 'k3y' }, { auth: 'none' });
  assert.is(ok.status, 200);
  const bad = await call(sim, 'listvs', { apikey: 'other' }, { auth: 'none' });
  assert.is(bad.status, 401);
  assert.equal(sim.calls()[0]?.params, {});
  assert.equal(sim.ignored(), []);
});

test('unknown command answers 405, missing parameter 400', async () => {
  const sim = await start({ rateLimit: false });
  const unknown = await call(sim, 'frobvs');
  assert.is(unknown.status, 405);
  assert.match(unknown.body, /stat="405" code="fail"/);
  const missing = await call(sim, 'addvs', { vs: '10.0.0.1', prot: 'tcp' });
  assert.is(missing.status, 400);
  assert.is(tag(missing.body, 'Error'), 'Missing parameter: port');
});

test('real curl --cacert over HTTPS verifies the certificate', async () => {
  const sim = await start({ rateLimit: false });
  const { stdout } = await run('curl', [
    '-sS',
    '--cacert',
    sim.caCertPath ?? '',
    '-u',
    `${sim.user}:${sim.password}`,
    '-w',
    '\n%{http_code}',
    `${sim.url}/access/addvs?vs=10.1.1.1&port=443&prot=tcp&Nickname=curl`,
  ]);
  const cut = stdout.lastIndexOf('\n');
  assert.is(stdout.slice(cut + 1), '200');
  assert.is(tag(stdout.slice(0, cut), 'NickName'), 'curl');
  // Without the CA file curl must refuse the self-signed certificate.
  const refused = await run('curl', ['-sS', `${sim.url}/access/listvs`]).then(
    () => false,
    () => true,
  );
  assert.ok(refused);
});

test('plain HTTP option serves without a certificate', async () => {
  const sim = await start({ https: false, rateLimit: false });
  assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.is(sim.caCertPath, undefined);
  assert.is((await call(sim, 'listvs')).status, 200);
});

test('stop closes the port and removes the certificate temp dir', async () => {
  const sim = await startSimulator({ rateLimit: false });
  const dir = dirname(sim.caCertPath ?? '');
  assert.ok(existsSync(dir));
  await sim.stop();
  assert.not.ok(existsSync(dir));
  const failed = await call(sim, 'listvs').then(
    () => false,
    () => true,
  );
  assert.ok(failed);
  await sim.stop(); // idempotent
});

test.run();
