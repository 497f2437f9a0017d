import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  type NonAsciiForm,
  type Simulator,
  type SimulatorOptions,
  type Tamper,
  WRITE_COMMANDS,
} from '../simulator/index.js';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import type { Deployment } from '../src/model/deployment.js';
import type { ScriptRun } from './helpers/bash-run.js';
import { planScript } from './helpers/bash-script.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { ROOT } from './helpers/guide.js';
import { findPwsh, psArgs, runPwsh, skipNotice, writeDeployPs } from './helpers/pwsh-run.js';
import { lastLine, writesAfter } from './helpers/run-output.js';
import { anyEnv, deploy, eachAtOnce, type FixtureSite, setUp } from './helpers/setup.js';
import { call } from './helpers/sim-client.js';
import { loadSite } from './helpers/sites.js';

const setup = setUp('bt-checks-');
const pwsh = findPwsh();
if (!pwsh)
  skipNotice('deploy.ps1 in the read-back of a value rewritten after the write (test/e2e-checks.test.ts)');
let sites: FixtureSite[] = [];
test.before(async () => {
  sites = await setup.fixtureSites();
});

const fixture = (name: string): FixtureSite => {
  const site = sites.find((s) => s.name === name);
  if (!site) throw new Error(`fixture ${name} is missing`);
  return site;
};
const simFor = (site: FixtureSite, opts: SimulatorOptions = {}): Promise<Simulator> =>
  setup.siteSimulator(site.deployment, opts);
/** A site compiled here, not one of fixtures/deployments. */
function siteOf(name: string, deployment: Deployment): FixtureSite {
  const plan = compilePlan(EXCHANGE_2016, deployment);
  return { name, deployment, plan, script: setup.script(planScript(plan)) };
}

test('every check runs before the first write: a missing certificate or SSO domain, or a foreign Virtual Service on an address, stops apply with nothing changed', async () => {
  const example = fixture('example');
  const esp = fixture('esp');
  const cases: {
    site: FixtureSite;
    opts: SimulatorOptions;
    before?: [string, Record<string, string>];
    says: string;
  }[] = [
    {
      site: example,
      opts: { certificates: [] },
      says: "certificate 'Wildcard' is not installed on the LoadMaster",
    },
    {
      site: esp,
      opts: { ssoDomains: ['OTHER.EXAMPLE'] },
      says: "SSO domain 'EXAMPLE.COM' does not exist on the LoadMaster",
    },
    {
      site: example,
      opts: {},
      before: ['addvs', { vs: '192.168.10.47', port: '25', prot: 'tcp', nickname: 'Somebody else' }],
      says: "192.168.10.47:25 (tcp) holds a Virtual Service named 'Somebody else', not 'Exchange SMTP'",
    },
  ];
  // Each case on its own simulator, two at a time.
  await eachAtOnce(cases, 2, async (c) => {
    const sim = await simFor(c.site, c.opts);
    if (c.before) assert.is((await call(sim, c.before[0], c.before[1])).status, 200);
    const mark = sim.calls().length;
    const globals = sim.state().globals;
    const apply = await deploy(c.site, sim);
    assert.is(apply.code, 1, apply.stdout);
    assert.ok(apply.stderr.includes(c.says), apply.stderr);
    assert.match(apply.stderr, /failed at step: the checks before any change\n {2}nothing was changed:/);
    assert.equal(writesAfter(sim, mark), [], `${c.says}: nothing written`);
    assert.equal(sim.state().globals, globals, 'not even a global setting');
    const plan = await deploy(c.site, sim, ['plan']);
    assert.is(plan.code, 1, 'plan exits 1: apply would stop');
    assert.ok(plan.stdout.includes(`x problem    ${c.says}`), plan.stdout);
    assert.match(lastLine(plan.stdout), /^plan: \d+ to create, \d+ to change, \d+ unchanged, \d+ foreign$/);
  });
});

test('a value the appliance drops or rewrites stops apply, naming the object, the parameter, what was sent and what was found', async () => {
  const example = fixture('example');
  const esp = fixture('esp');
  const cases: { site: FixtureSite; tamper: Tamper; says: string }[] = [
    {
      site: example,
      tamper: { param: 'Idletime', mode: 'drop' },
      says: "Virtual Service Exchange 2016 HTTPS Offloaded 192.168.10.47:443:\n  Idletime: sent '1800', found '660'",
    },
    {
      site: example,
      tamper: { param: 'CheckUrl', mode: 'rewrite', value: '/elsewhere' },
      says: "SubVS ActiveSync of Exchange 2016 HTTPS Offloaded 192.168.10.47:443:\n  CheckUrl: sent '/microsoft-server-activesync/healthcheck.htm', found '/elsewhere'",
    },
    {
      site: example,
      tamper: { param: 'pattern', mode: 'rewrite', value: '/x/' },
      says: "content rule ActiveSync:\n  pattern: sent '/^\\/microsoft-server-activesync.*/', found '/x/'",
    },
    {
      site: example,
      tamper: { param: 'expect100', mode: 'drop' },
      says: "did not keep expect100:\n  expect100: sent '2', found '0'",
    },
    {
      site: esp,
      tamper: { param: 'weight', mode: 'drop' },
      says: "weight: sent '2000', found '1000'",
    },
    // A field no evidence shows, shown with another value: the run stops (not shown at all, it would
    // be reported as not verifiable: e2e-variants).
    {
      site: esp,
      tamper: { param: 'Domain', mode: 'rewrite', value: 'ELSEWHERE.EXAMPLE' },
      says: "Domain: sent 'EXAMPLE.COM', found 'ELSEWHERE.EXAMPLE'",
    },
  ];
  await eachAtOnce(cases, 2, async (c) => {
    const sim = await simFor(c.site);
    sim.tamper(c.tamper);
    const apply = await deploy(c.site, sim);
    assert.is(apply.code, 1, `${c.tamper.param}: ${apply.stdout}`);
    assert.ok(apply.stderr.includes(c.says), `${c.tamper.param}:\n${apply.stderr}`);
    assert.match(apply.stderr, /did not keep/);
    // Once the appliance keeps values again, a rerun converges.
    sim.tamper(undefined);
    const rerun = await deploy(c.site, sim);
    assert.is(rerun.code, 0, rerun.stderr);
    assertStateMatchesPlan(sim.state(), c.site.plan);
  });
});

test('every fixture, both scripts: a value the appliance rewrites after it answered the write is caught by a fresh read-back', async () => {
  await eachAtOnce(sites, 2, async (site) => {
    const vs = site.plan.steps.find(
      (s) => s.kind === 'vs' && s.stages.flat().some((p) => p.name === 'Idletime'),
    );
    if (vs?.kind !== 'vs') throw new Error(`${site.name}: no idle time to send`);
    const idle = vs.stages.flat().find((p) => p.name === 'Idletime')?.value ?? '';
    const later: Tamper = { param: 'Idletime', mode: 'later', value: String(Number(idle) + 7) };
    const says = `Idletime: sent '${idle}', found '${later.value}'`;
    const sim = await simFor(site);
    sim.tamper(later);
    const bash = await deploy(site, sim);
    assert.is(bash.code, 1, `${site.name}: ${bash.stdout}`);
    assert.ok(bash.stderr.includes(says), `${site.name}:\n${bash.stderr}`);
    if (!pwsh) return;
    const other = await simFor(site);
    other.tamper(later);
    const { args, env } = psArgs(other);
    const ps = await runPwsh(pwsh, writeDeployPs(setup.dir(), site.plan), args, env);
    assert.is(ps.code, 1, `${site.name}: ${ps.stdout}`);
    assert.ok(ps.stderr.includes(says), `${site.name}:\n${ps.stderr}`);
  });
});

test('hostile names served by the appliance (nicknames, SubVS, rule and certificate names) run nothing, under the expansion rules of bash 4.4 and 5.1 and this bash', async () => {
  const site = fixture('example');
  const dir = setup.dir();
  const mark = (n: number) => `$(touch ${dir}/ran${n})\`touch ${dir}/tick${n}\`a[$(touch ${dir}/key${n})]`;
  for (const compat of ['44', '51', '']) {
    const sim = await simFor(site, { certificates: ['Wildcard', mark(1)] });
    const env: Record<string, string> = compat ? { BASH_COMPAT: compat } : {};
    assert.is((await deploy(site, sim, [], env)).code, 0, `BASH_COMPAT=${compat}`);
    // A service of its own with hostile names, using a hostile rule and one of the site's.
    await call(sim, 'addvs', { vs: '10.9.9.9', port: '443', prot: 'tcp', NickName: mark(2) });
    const other = String(sim.state().vss.find((v) => v.address === '10.9.9.9')?.index);
    await call(sim, 'addrs', { vs: other, rs: '10.9.9.10', rsport: '443' });
    const rs = sim.state().vss.find((v) => v.address === '10.9.9.9')?.members[0]?.rsIndex;
    await call(sim, 'addrule', { name: mark(3), pattern: '/x/' });
    await call(sim, 'addrsrule', { vs: other, rs: `!${rs}`, rule: mark(3) });
    // A SubVS of a hostile name made by hand inside the site's own service.
    const parent = String(
      sim.state().vss.find((v) => v.address === '192.168.10.47' && v.port === 443)?.index,
    );
    const before = new Set(sim.state().vss.map((v) => v.index));
    await call(sim, 'modvs', { vs: parent, createsubvs: '' });
    const made = sim.state().vss.find((v) => !before.has(v.index));
    await call(sim, 'modvs', { vs: String(made?.index), NickName: mark(4) });
    const plan = await deploy(site, sim, ['plan'], env);
    assert.is(plan.code, 0, `BASH_COMPAT=${compat}: ${plan.stdout}${plan.stderr}`);
    assert.ok(plan.stdout.includes('! foreign    SubVS '), plan.stdout);
    assert.is((await deploy(site, sim, [], env)).code, 0, `BASH_COMPAT=${compat}: apply`);
    assert.is((await deploy(site, sim, ['plan', '--remove'], env)).code, 2);
    const remove = await deploy(site, sim, ['remove', '--yes'], env);
    assert.is(remove.code, 3, `BASH_COMPAT=${compat}: ${remove.stdout}${remove.stderr}`);
    assert.equal(readdirSync(dir), [], `BASH_COMPAT=${compat}: a name from the appliance ran as a command`);
  }
});

test('ESP is enabled in steps: basic settings, then ESP on with its modes, hosts and directories, then the SSO domain and logoff', async () => {
  const site = fixture('esp');
  const sim = await simFor(site);
  assert.is((await deploy(site, sim)).code, 0);
  const owa = sim.state().vss.find((v) => v.parent !== 0 && v.params.Nickname === 'OWA');
  const calls = sim.calls().filter((c) => c.command === 'modvs' && c.params.vs === String(owa?.index));
  const all = calls.map((c) => Object.keys(c.params));
  // The hold: disabled (and nothing else) before ESP is switched on.
  assert.equal(all[1], ['vs', 'Enable'], 'disabled before ESP is on');
  assert.is(calls[1]?.params.Enable, '0');
  const names = [all[0], ...all.slice(2)];
  assert.is(names.length, 3, 'three calls besides the hold');
  const esp = ['EspEnabled', 'InputAuthMode', 'OutputAuthMode', 'AllowedHosts', 'AllowedDirectories'];
  assert.ok(names[0]?.includes('nickname'), 'the basic settings first');
  assert.equal(
    names[0]?.filter((n) => [...esp, 'Domain', 'Logoff'].includes(n)),
    [],
    'no ESP setting before ESP is on',
  );
  assert.equal(
    esp.filter((n) => !names[1]?.includes(n)),
    [],
    'then ESP on, with its modes, hosts and directories',
  );
  assert.equal(
    names[1]?.filter((n) => ['Domain', 'Logoff'].includes(n)),
    [],
  );
  assert.equal(
    ['Domain', 'Logoff', 'Enable'].filter((n) => !names[2]?.includes(n)),
    [],
    'then the SSO domain and logoff, enabled again',
  );
});

test('a run stopped at any call that sets up a new ESP SubVS leaves it taking no connections until ESP is whole, and the rerun finishes it, the fields no reply shows included (both scripts)', async () => {
  const site = fixture('esp');
  const ps = pwsh ? writeDeployPs(setup.dir(), site.plan) : '';
  const runs: [string, (sim: Simulator) => Promise<ScriptRun>][] = [
    ['deploy.sh', (sim) => deploy(site, sim)],
  ];
  if (pwsh) runs.push(['deploy.ps1', (sim) => runPwsh(pwsh, ps, psArgs(sim).args, psArgs(sim).env)]);
  const owa = (sim: Simulator) => sim.state().vss.find((v) => v.parent !== 0 && v.params.Nickname === 'OWA');
  // The simulator leaves out a text field never set, as the appliance is taken to: after a stop,
  // only the call that sets them can tell that they are missing.
  await eachAtOnce(runs, 2, async ([name, run]) => {
    const clean = await simFor(site);
    assert.is((await run(clean)).code, 0, name);
    const index = String(owa(clean)?.index);
    const writes = clean.calls().filter((c) => WRITE_COMMANDS.has(c.command.toLowerCase()));
    const stops = writes.flatMap((c, i) => (c.command === 'modvs' && c.params.vs === index ? [i + 1] : []));
    assert.is(stops.length, 4, `${name}: the basic settings, the hold, ESP on, the SSO domain`);
    for (const write of stops) {
      const sim = await simFor(site);
      sim.injectFault({ write, kind: 'http500' });
      const stopped = await run(sim);
      assert.is(stopped.code, 1, `${name}, write ${write}: ${stopped.stdout}`);
      const p = owa(sim)?.params ?? {};
      assert.ok(
        p.EspEnabled !== '1' || p.Enable === '0',
        `${name}, write ${write}: ESP half set and enabled`,
      );
      const rerun = await run(sim);
      assert.is(rerun.code, 0, `${name}, write ${write}: ${rerun.stderr}`);
      assertStateMatchesPlan(sim.state(), site.plan);
    }
  });
});

test('non-ASCII text reads alike whichever form the reply takes: Latin-1 bytes, references, UTF-8 bytes', async () => {
  const base = fixture('example').deployment;
  const site = siteOf('unicode', {
    ...base,
    services: base.services.map((s, i) => (i === 0 ? { ...s, nickname: 'Süd-Exchange 日本 ★' } : s)),
  });
  await eachAtOnce(['latin1', 'references', 'utf8'] as NonAsciiForm[], 2, async (form) => {
    const sim = await simFor(site, { nonAscii: form });
    const apply = await deploy(site, sim);
    assert.is(apply.code, 0, `${form}: ${apply.stderr}`);
    const mark = sim.calls().length;
    const plan = await deploy(site, sim, ['plan']);
    assert.is(plan.code, 0, `${form}: ${plan.stdout}`);
    assert.equal(writesAfter(sim, mark), []);
    assertStateMatchesPlan(sim.state(), site.plan);
  });
});

test('an IPv6 address written another way is the same address: the Virtual Service is found, not made twice', async () => {
  // Made by hand, so taken over with --adopt: the site's address finds it however it is written.
  const site = siteOf('ipv6', await loadSite('ipv6-smtp'));
  const sim = await simFor(site);
  await call(sim, 'addvs', {
    vs: '2001:DB8:0:0:0:0:0:47',
    port: '25',
    prot: 'tcp',
    nickname: 'Exchange SMTP',
  });
  const index = String(sim.state().vss[0]?.index);
  await call(sim, 'addrs', { vs: index, rs: '2001:0db8:0000::0108', rsport: '25' });
  const plan = await deploy(site, sim, ['plan', '--adopt']);
  assert.is(plan.code, 2, plan.stdout);
  assert.match(plan.stdout, /\+ adopt {6}Virtual Service Exchange 2016 SMTP 2001:db8::47:25 /);
  assert.match(plan.stdout, /~ change {5}Virtual Service Exchange 2016 SMTP 2001:db8::47:25\n/);
  assert.match(plan.stdout, /= unchanged {2}real server 2001:db8::108:25 in /);
  const apply = await deploy(site, sim, ['apply', '--adopt']);
  assert.is(apply.code, 0, apply.stderr);
  assert.is(sim.state().vss.length, 1);
  assert.is(sim.state().vss[0]?.members.length, 1);
});

test('ESP switched on in a service that already serves is held disabled until its SSO domain is set: a run stopped in between leaves it taking no connections, and the next run enables it (both scripts)', async () => {
  const site = fixture('esp');
  const ps = pwsh ? writeDeployPs(setup.dir(), site.plan) : '';
  const runs: [string, (sim: Simulator) => Promise<ScriptRun>][] = [
    ['deploy.sh', (sim) => deploy(site, sim)],
  ];
  if (pwsh) runs.push(['deploy.ps1', (sim) => runPwsh(pwsh, ps, psArgs(sim).args, psArgs(sim).env)]);
  const owa = (sim: Simulator) => sim.state().vss.find((v) => v.parent !== 0 && v.params.Nickname === 'OWA');
  for (const [name, run] of runs) {
    const sim = await simFor(site);
    const first = await run(sim);
    assert.is(first.code, 0, `${name}: ${first.stderr}`);
    await call(sim, 'modvs', { vs: String(owa(sim)?.index), EspEnabled: '0' });
    // The hold, ESP on, then the call with the SSO domain fails.
    sim.injectFault({ write: 3, kind: 'http500' });
    const stopped = await run(sim);
    assert.is(stopped.code, 1, `${name}: ${stopped.stdout}`);
    assert.ok(stopped.stdout.includes('disabled until its SSO domain is set'), `${name}: ${stopped.stdout}`);
    assert.is(owa(sim)?.params.EspEnabled, '1', `${name}: ESP is on`);
    assert.is(owa(sim)?.params.Enable, '0', `${name}: and the SubVS takes no connections`);
    const rerun = await run(sim);
    assert.is(rerun.code, 0, `${name}: ${rerun.stderr}`);
    assert.is(owa(sim)?.params.Enable, '1', `${name}: enabled again with its SSO domain`);
    assertStateMatchesPlan(sim.state(), site.plan);
  }
});

test("at a terminal, apply says which of the plan's steps it is on; in a log, the step alone (both scripts)", async () => {
  const site = fixture('example');
  const total = site.plan.steps.length;
  const driver = join(ROOT, 'test/helpers/pty-answer.py');
  const runs: [string, (sim: Simulator) => [string[], Record<string, string>]][] = [
    ['deploy.sh', (sim) => [['bash', site.script.path], anyEnv(sim, { LM_DELAY: '0' })]],
  ];
  if (pwsh) {
    const ps = writeDeployPs(setup.dir(), site.plan);
    runs.push([
      'deploy.ps1',
      (sim) => [[pwsh, '-NoProfile', '-File', ps, ...psArgs(sim).args], psArgs(sim).env],
    ]);
  }
  for (const [name, command] of runs) {
    const sim = await simFor(site);
    const [argv, env] = command(sim);
    // Asynchronously: the simulator answers from this process.
    const r = await new Promise<{ status: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn('python3', [driver, ...argv], { env: { ...process.env, ...env } });
      let stdout = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout }));
      child.stdin.end('');
    });
    assert.is(r.status, 0, `${name}: ${r.stdout}`);
    assert.match(r.stdout, new RegExp(`==> \\[1/${total}\\] `), `${name}: ${r.stdout.slice(0, 400)}`);
    assert.match(r.stdout, new RegExp(`==> \\[${total}/${total}\\] `), name);
  }
  const logged = await deploy(site, await simFor(site));
  assert.match(logged.stdout, /^==> [^[]/m, 'no counter in a log');
});

test.run();
