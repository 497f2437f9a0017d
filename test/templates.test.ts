import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { resolveTemplates } from '../src/compile/templates.js';

const all = resolveTemplates(EXCHANGE_2016);
const byId = (id: string) => {
  const t = all.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};
const param = (params: readonly { name: string; value: string }[], name: string) =>
  params.find((p) => p.name === name)?.value;

test('the four HTTPS variants differ exactly where the guide says', () => {
  for (const [id, reencrypt, esp] of [
    ['https-offloaded', '0', false],
    ['https-reencrypted', '1', false],
    ['https-offloaded-esp', '0', true],
    ['https-reencrypted-esp', '1', true],
  ] as const) {
    const t = byId(id);
    const [redirect, main] = t.services;
    assert.is(redirect?.port, 80);
    assert.is(main?.port, 443);
    assert.is(param(main?.params ?? [], 'SSLReencrypt'), reencrypt, id);
    assert.is(main?.subvs.length, esp ? 10 : 9, id);
    assert.is(t.rules.length, esp ? 10 : 9, id);
    const owa = main?.subvs.find((s) => s.id === 'owa');
    assert.is(param(owa?.params ?? [], 'EspEnabled'), esp ? '1' : undefined, id);
    assert.is(t.realServerPort, reencrypt === '1' ? 443 : 80);
  }
});

test('each HTTPS template names its main VS uniquely ("Create Unique Name")', () => {
  const names = ['https-offloaded', 'https-reencrypted', 'https-offloaded-esp', 'https-reencrypted-esp'].map(
    (id) => param(byId(id).services[1]?.params ?? [], 'nickname'),
  );
  assert.equal(names, [
    'Exchange HTTPS Offloaded',
    'Exchange HTTPS Reencrypted',
    'Exchange HTTPS Offloaded with ESP',
    'Exchange HTTPS Reencrypted with ESP',
  ]);
});

test('a SubVS sends no address of its own, and every SubVS is steered by a rule of its template', () => {
  for (const t of all) {
    for (const vs of t.services) {
      for (const s of vs.subvs) {
        assert.not.ok(
          s.params.some((p) => p.name === 'port' || p.name === 'prot'),
          `${t.id}/${s.id}`,
        );
        assert.ok(
          t.rules.some((r) => r.name === s.rule),
          `${t.id}/${s.id} -> ${s.rule}`,
        );
      }
    }
  }
});

test('STARTTLS services set VStype tls before StartTLSMode, with the API integers', () => {
  for (const [id, mode] of [
    ['imap-starttls', '4'],
    ['pop-starttls', '6'],
    ['smtp-starttls', '1'],
  ] as const) {
    const names = byId(id).services[0]?.params.map((p) => p.name) ?? [];
    assert.ok(names.indexOf('VStype') < names.indexOf('StartTLSMode'), id);
    assert.is(param(byId(id).services[0]?.params ?? [], 'StartTLSMode'), mode);
    assert.is(param(byId(id).services[0]?.params ?? [], 'VStype'), 'tls');
  }
});

test("certificates are marked as the site's, only on SSL accelerated services", () => {
  for (const t of all) {
    const certs = t.services.flatMap((vs) => vs.params.filter((p) => p.name === 'CertFile'));
    assert.is(certs.length, t.certificate ? 1 : 0, t.id);
    for (const c of certs) assert.is(c.site, 'certificate');
  }
});

test.run();
