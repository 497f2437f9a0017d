import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import { loadDeployment } from '../src/deployment/load.js';
import type { PlanStep } from '../src/model/plan.js';
import { validCases } from './helpers/fixtures.js';

const load = async (name: string) => {
  const c = validCases().find((x) => x.name === name);
  if (!c) throw new Error(name);
  return compilePlan(EXCHANGE_2016, await loadDeployment(c.file, EXCHANGE_2016));
};
const kinds = (steps: readonly PlanStep[]) => steps.map((s) => s.kind);
const param = (s: PlanStep | undefined, name: string) => {
  if (!s) return undefined;
  const params = 'stages' in s ? s.stages.flat() : 'params' in s ? s.params : [];
  return params.find((p) => p.name === name)?.value;
};

test('order: read-only checks, globals, rules, then each VS before its SubVSs', async () => {
  const plan = await load('example');
  const k = kinds(plan.steps);
  // Every check comes before the first change: certificates, then that no other VS holds the addresses.
  assert.equal(k.slice(0, 6), [
    'check-certificates',
    'check-addresses',
    'global',
    'global',
    'global',
    'rule',
  ]);
  const esp = kinds((await load('esp')).steps);
  assert.equal(esp.slice(0, 3), ['check-certificates', 'check-sso-domains', 'check-addresses']);
  assert.ok(k.lastIndexOf('rule') < k.indexOf('vs'));
  for (const [i, s] of plan.steps.entries()) {
    if (s.kind === 'subvs') {
      assert.ok(
        plan.steps.slice(0, i).some((p) => p.kind === 'vs' && p.ref === s.parent),
        s.title,
      );
    }
    if (s.kind === 'attach-rule') {
      assert.ok(
        plan.steps.slice(0, i).some((p) => p.kind === 'rule' && p.name === s.rule),
        s.title,
      );
    }
  }
});

test('section 2 globals with their API values', async () => {
  const plan = await load('example');
  assert.equal(
    plan.steps.filter((s) => s.kind === 'global').map((s) => (s.kind === 'global' ? [s.param, s.value] : [])),
    [
      ['subnetorigin', '1'],
      ['expect100', '2'],
      ['addforwardheader', '2'],
    ],
  );
  assert.not.ok(kinds((await load('no-globals')).steps).includes('global'));
});

test('HTTPS offloaded: every Exchange server in every SubVS on port 80, none on the redirect', async () => {
  const plan = await load('example');
  const rs = plan.steps.filter((s) => s.kind === 'realserver');
  const subvs = plan.steps.filter((s) => s.kind === 'subvs');
  assert.is(subvs.length, 9);
  const https = rs.filter((s) => s.kind === 'realserver' && s.vs.startsWith('subvs_1_'));
  assert.is(https.length, 9 * 2);
  assert.ok(https.every((s) => s.kind === 'realserver' && s.port === 80));
  assert.not.ok(rs.some((s) => s.kind === 'realserver' && s.vs === 'vs_1_80'));
  const smtp = rs.filter((s) => s.kind === 'realserver' && s.vs === 'vs_2_25');
  assert.equal(
    smtp.map((s) => (s.kind === 'realserver' ? `${s.address}:${s.port}` : '')),
    ['192.168.10.108:25', '192.168.10.109:25'],
  );
});

test("ESP: the site values replace the guide's examples", async () => {
  const plan = await load('esp');
  const owa = plan.steps.find((s) => s.kind === 'subvs' && s.nickname === 'OWA');
  assert.is(param(owa, 'AllowedHosts'), 'mail.example.com autodiscover.example.com');
  assert.is(param(owa, 'ExcludedDirectories'), '/owa/6a8c5f2e-1b3d-4e5f-8a9b-0c1d2e3f4a5b@example.com*');
  assert.is(param(owa, 'Domain'), 'EXAMPLE.COM');
  assert.is(
    param(owa, 'UserPwdChangeURL'),
    'https://mail.example.com/owa/auth/expiredpassword.aspx?url=/owa/auth.owa',
  );
  const main = plan.steps.find((s) => s.kind === 'vs' && s.port === 443);
  assert.is(param(main, 'nickname'), 'Exchange OWA and friends');
  assert.is(param(main, 'CertFile'), 'mail-example-com');
  const smtp = plan.steps.find((s) => s.kind === 'vs' && s.port === 25);
  assert.is(param(smtp, 'SMTPAllowedDomains'), 'example.com example.org');
  const weighted = plan.steps.find((s) => s.kind === 'realserver' && s.address === '10.20.20.32');
  assert.is(weighted?.kind === 'realserver' ? weighted.weight : undefined, 2000);
});

test('re-encrypting: servers on 443; Office Online Servers only in Office Online Server', async () => {
  const plan = await load('reencrypted');
  const rs = plan.steps.filter((s) => s.kind === 'realserver');
  for (const s of rs) {
    if (s.kind !== 'realserver') continue;
    if (s.vs.startsWith('vs_2')) assert.ok(s.address.startsWith('198.51.100.4'), s.title);
    else assert.ok(s.address.startsWith('198.51.100.2'), s.title);
    assert.is(s.port, 443, s.title);
  }
  const owa = plan.steps.find((s) => s.kind === 'subvs' && s.nickname === 'OWA');
  assert.is(param(owa, 'Logoff'), '/owa/custom-logoff.owa');
  assert.is(
    param(owa, 'UserPwdChangeURL'),
    'https://mail.example.com/owa/auth/expiredpassword.aspx?url=/owa/auth.owa',
  );
});

test("offloaded mail services send plain protocol to the servers' own ports (guide 4.4, 4.6, 4.8)", async () => {
  const plan = await load('mail');
  const ports = new Map<string, Set<number>>();
  for (const s of plan.steps) {
    if (s.kind === 'realserver') ports.set(s.vs, (ports.get(s.vs) ?? new Set()).add(s.port));
  }
  assert.equal(
    [...ports.values()].map((p) => [...p]),
    [[143], [143], [110], [110], [25], [25]],
  );
});

test('rules shared by two HTTPS services are created once', async () => {
  const plan = await load('all-templates');
  const names = plan.steps.flatMap((s) => (s.kind === 'rule' ? [s.name] : []));
  assert.is(names.length, new Set(names).size);
  assert.is(names.length, 10);
});

test("a service's own real-server port moves only that service, and its health check with it", async () => {
  const plan = await load('no-globals');
  const rs = (vs: string) =>
    plan.steps.flatMap((s) => (s.kind === 'realserver' && s.vs === vs ? [s.port] : []));
  assert.equal(rs('vs_2_143'), [1143]);
  assert.equal(rs('vs_3_110'), [110]);
  assert.equal(rs('subvs_1_owa'), [443]);
  const imap = plan.steps.find((s) => s.kind === 'vs' && s.ref === 'vs_2_143');
  assert.is(param(imap, 'CheckPort'), '1143');
  const pop = plan.steps.find((s) => s.kind === 'vs' && s.ref === 'vs_3_110');
  assert.is(param(pop, 'CheckPort'), '110');
});
test("ESP is set in steps, as Kemp's engineer does it: basic settings, then ESP on, then the SSO domain", async () => {
  const plan = await load('esp');
  const esp = plan.steps.filter(
    (s) => (s.kind === 'vs' || s.kind === 'subvs') && s.stages.flat().some((p) => p.name === 'EspEnabled'),
  );
  assert.ok(esp.length >= 8, 'the ESP SubVSs and the SMTP service');
  for (const s of esp) {
    if (s.kind !== 'vs' && s.kind !== 'subvs') continue;
    const names = s.stages.map((stage) => stage.map((p): string => p.name));
    assert.ok(names[0]?.includes('nickname'), `${s.title}: basic settings first`);
    assert.not.ok(
      names[0]?.some((n) => ['EspEnabled', 'InputAuthMode', 'AllowedHosts', 'Domain', 'Logoff'].includes(n)),
      `${s.title}: no ESP setting before ESP is on`,
    );
    assert.ok(names[1]?.includes('EspEnabled'), `${s.title}: then ESP on`);
    for (const later of ['Domain', 'Logoff']) {
      if (!names.flat().includes(later)) continue;
      assert.ok(names[2]?.includes(later), `${s.title}: ${later} in a call after ESP is on`);
    }
  }
  const owa = esp.find((s) => s.kind === 'subvs' && s.nickname === 'OWA');
  assert.equal(owa && 'stages' in owa ? owa.stages[1]?.map((p) => p.name).sort() : [], [
    'AllowedDirectories',
    'AllowedHosts',
    'ESPLogs',
    'EspEnabled',
    'ExcludedDirectories',
    'InputAuthMode',
    'OutputAuthMode',
  ]);
});

test('remove: the services last to first, then the content rules; global settings stay', async () => {
  const plan = await load('example');
  const vs = plan.steps.flatMap((s) => (s.kind === 'vs' ? [`${s.address}:${s.port}:${s.nickname}`] : []));
  const removed = plan.removal.flatMap((s) =>
    s.kind === 'remove-vs' ? [`${s.address}:${s.port}:${s.nickname}`] : [],
  );
  assert.equal(removed, [...vs].reverse());
  const k = kinds(plan.removal as unknown as PlanStep[]);
  assert.ok(k.lastIndexOf('remove-vs' as never) < k.indexOf('remove-rule' as never));
  assert.equal(
    plan.removal
      .filter((s) => s.kind === 'keep-globals')
      .map((s) => (s.kind === 'keep-globals' ? s.params : [])),
    [['subnetorigin', 'expect100', 'addforwardheader']],
  );
  assert.not.ok((await load('no-globals')).removal.some((s) => s.kind === 'keep-globals'));
});

test('every Virtual Service and SubVS is looked into for what the site does not name', async () => {
  const plan = await load('example');
  const refs = plan.steps.flatMap((s) => (s.kind === 'vs' || s.kind === 'subvs' ? [s.ref] : []));
  const looked = plan.steps.flatMap((s) => (s.kind === 'foreign' ? [s.vs] : []));
  assert.equal([...looked].sort(), [...refs].sort());
  const parent = plan.steps.find((s) => s.kind === 'foreign' && s.vs === 'vs_1_443');
  assert.equal(
    parent?.kind === 'foreign' ? parent.slots.map((x) => `${x.nickname}:${x.rule}`) : [],
    ['ActiveSync', 'Autodiscover', 'ECP', 'EWS', 'MAPI', 'OAB', 'OWA', 'PowerShell:powershell', 'RPC'].map(
      (n) => (n.includes(':') ? n : `${n}:${n}`),
    ),
  );
  const smtp = plan.steps.find((s) => s.kind === 'foreign' && s.vs === 'vs_2_25');
  assert.equal(smtp?.kind === 'foreign' ? smtp.servers.map((x) => `${x.address}:${x.port}`) : [], [
    '192.168.10.108:25',
    '192.168.10.109:25',
  ]);
});

test.run();
