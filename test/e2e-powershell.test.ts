import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type Simulator, WRITE_COMMANDS } from '../simulator/index.js';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import type { Plan } from '../src/model/plan.js';
import type { ScriptRun } from './helpers/bash-run.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import {
  findPwsh,
  psArgs,
  runPwsh,
  runPwshAnswering,
  runPwshCommand,
  skipNotice,
  writeDeployPs,
} from './helpers/pwsh-run.js';
import { failedStep, lastLine, writesAfter } from './helpers/run-output.js';
import { eachAtOnce, setUp } from './helpers/setup.js';
import { loadSite } from './helpers/sites.js';

// deploy.ps1's own paths under PowerShell 7, on a small site: -WhatIf, an API key, a wrong or a
// missing credential, an error answer and a lost reply, and its help. The lifecycle beside deploy.sh
// is in e2e-lifecycle.test.ts.

const setup = setUp('bt-pwsh-');
const pwsh = findPwsh();

let plan: Plan;
let script = '';
const simFor = () => setup.simulator({ rateLimit: false, certificates: ['Wildcard'] });

/** deploy.ps1 against the simulator, its CA in the trust store; `env` replaces the credential's. */
function ps(sim: Simulator, args: readonly string[] = [], env?: Record<string, string>): Promise<ScriptRun> {
  const base = psArgs(sim, args);
  return runPwsh(pwsh as string, script, base.args, env ?? base.env);
}

/** The run stopped with the script's own message: the step, the reason, no PowerShell error record. */
function assertOwnFailure(run: ScriptRun, code: number, says: RegExp): void {
  assert.is(run.code, code, `${run.stdout}${run.stderr}`);
  assert.match(run.stderr, says);
  assert.not.match(run.stderr, /CategoryInfo|FullyQualifiedErrorId|At line:|\+ ~~~/);
}

if (!pwsh) {
  skipNotice("deploy.ps1's own paths (test/e2e-powershell.test.ts)");
} else {
  test.before(async () => {
    plan = compilePlan(EXCHANGE_2016, await loadSite('small'));
    script = writeDeployPs(setup.dir(), plan);
  });

  test('-WhatIf shows every change of apply and every step of -Remove, and makes none', async () => {
    const sim = await simFor();
    const planned = await ps(sim, ['-Plan']);
    assert.is(planned.code, 2, `-Plan with changes pending: ${planned.stderr}`);
    const whatIf = await ps(sim, ['-WhatIf']);
    assert.is(whatIf.code, 0, whatIf.stderr);
    assert.equal(writesAfter(sim), [], 'apply -WhatIf writes nothing');
    assert.match(whatIf.stdout, /What if: Performing the operation "addvs /);
    // Each change held back is one of the appliance's; nothing else the script does is.
    for (const [line, call] of whatIf.stdout.matchAll(/^What if: Performing the operation "(\S+)/gm))
      assert.ok(WRITE_COMMANDS.has(call ?? ''), line);
    assert.equal(sim.state().vss, []);
    assert.is((await ps(sim)).code, 0);
    const mark = sim.calls().length;
    const remove = await ps(sim, ['-Remove', '-WhatIf']);
    assert.is(remove.code, 0, remove.stderr);
    assert.equal(writesAfter(sim, mark), [], '-Remove -WhatIf writes nothing');
    // Every service, SubVS and content rule is offered for deletion, even after one was held back.
    const held = [...remove.stdout.matchAll(/What if: Performing the operation "delvs /g)].length;
    assert.is(held, sim.state().vss.length, remove.stdout);
    const rules = [...remove.stdout.matchAll(/What if: Performing the operation "delrule /g)].length;
    assert.is(rules, plan.steps.filter((s) => s.kind === 'rule').length, remove.stdout);
    assertStateMatchesPlan(sim.state(), plan);
  });

  test('a change declined at -Confirm is reported as skipped, not counted, and nothing is written', async () => {
    const sim = await simFor();
    const { args, env } = psArgs(sim, ['-Confirm']);
    // "L": No to All, at the first question.
    const run = await runPwshAnswering(pwsh as string, script, args, env, 'L\n');
    assert.is(run.code, 0, `${run.stdout}${run.stderr}`);
    assert.equal(writesAfter(sim), [], 'nothing is written');
    assert.match(run.stdout, /Are you sure you want to perform this action\?/);
    const last = lastLine(run.stdout);
    const skipped = Number(/, (\d+) skipped$/.exec(last)?.[1] ?? 0);
    assert.ok(skipped > 0, last);
    assert.match(last, /^apply: 0 created, 0 changed, \d+ unchanged, \d+ skipped$/);
    assert.is([...run.stdout.matchAll(/^ {4}skipped\b/gm)].length, skipped, run.stdout);
  });

  test("usage mistakes end as deploy.sh's do: one line of the script on stderr, exit 1", async () => {
    const sim = await simFor();
    const { env } = psArgs(sim);
    const lb = ['-LoadBalancer', '127.0.0.1'];
    const port = ['-LBPort', new URL(sim.url).port];
    const cases: [readonly string[], RegExp][] = [
      // Get-Help named at the script's own path, wherever it was run from.
      [
        [...lb, ...port, '-Plann'],
        new RegExp(
          `^deploy\\.ps1: unknown argument '-Plann': Get-Help '${script.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' lists the parameters$`,
          'm',
        ),
      ],
      [[...lb, ...port, '-Plan', 'extra'], /^deploy\.ps1: unknown argument of 5 characters \(not shown/],
      // A secret given where a message would show it: never shown.
      [
        [...lb, ...port, '-Plan', 'hunter2:secret'],
        /^deploy\.ps1: unknown argument of 14 characters \(not shown: it may be a secret\)/,
      ],
      [
        ['-LoadBalancer', 'bal:hunter2@127.0.0.1', ...port, '-Plan'],
        /^deploy\.ps1: -LoadBalancer holds a user name or password \(before an @\): give them with -Credential instead \(the value is not shown here\)$/m,
      ],
      [[...lb, '-LBPort', '0', '-Plan'], /^deploy\.ps1: -LBPort must be a port number/],
      [[...lb, ...port, '-Delay', 'soon', '-Plan'], /^deploy\.ps1: -Delay must be seconds/],
      [[...lb, ...port, '-TimeoutSec', '1.5', '-Plan'], /^deploy\.ps1: -TimeoutSec must be whole seconds/],
      [[...lb, ...port, '-Remove', '-Adopt'], /^deploy\.ps1: -Adopt goes with apply or -Plan, not -Remove/],
      [[...lb, ...port, '-Plan', '-Force'], /^deploy\.ps1: -Force goes with -Remove/],
      [[...lb, ...port, '-Plan', '-Remove', '-Force'], /^deploy\.ps1: -Force goes with -Remove/],
      [[...lb, ...port, '-IncludeForeign'], /^deploy\.ps1: -IncludeForeign goes with -Remove/],
      [[...lb, ...port, '-Json'], /^deploy\.ps1: -Json goes with -Plan/],
      [[...port, '-Plan'], /^deploy\.ps1: give -LoadBalancer/],
    ];
    await eachAtOnce(cases, 2, async ([args, says]) => {
      const run = await runPwsh(pwsh as string, script, args, env);
      assertOwnFailure(run, 1, says);
      assert.is(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    });
    assert.equal(sim.calls(), [], 'a usage mistake stops before any call');
  });

  test('an API key from the environment takes the place of a user and password, and is never shown', async () => {
    const sim = await simFor();
    const { args } = psArgs(sim);
    const run = await runPwsh(pwsh, script, args, {
      LM_APIKEY: sim.apikey,
      SSL_CERT_FILE: sim.caCertPath ?? '',
    });
    assert.is(run.code, 0, run.stderr);
    assertStateMatchesPlan(sim.state(), plan);
    assert.not.ok(`${run.stdout}${run.stderr}`.includes(sim.apikey), 'the key is never printed');
  });

  test('a user and password with non-ASCII letters, quotes, spaces and $ reach the appliance intact, as UTF-8', async () => {
    const sim = await setup.simulator({
      rateLimit: false,
      certificates: ['Wildcard'],
      user: 'bäl',
      password: `pä'ss "wörd" €$x`,
    });
    const run = await ps(sim, ['-Plan']);
    assert.is(run.code, 2, `authenticated, changes pending: ${run.stdout}${run.stderr}`);
    assert.not.ok(`${run.stdout}${run.stderr}`.includes('wörd'), 'the password is never printed');
  });

  test('a wrong password and no credential stop with a message of the script, exit 1', async () => {
    const sim = await simFor();
    const wrong = await ps(sim, ['-Plan'], {
      LM_USER: sim.user,
      LM_PASSWORD: 'wrong',
      SSL_CERT_FILE: sim.caCertPath ?? '',
    });
    assertOwnFailure(
      wrong,
      1,
      /^deploy\.ps1: failed at step: .+\n {2}.*\n {2}LoadMaster error: authentication failed/m,
    );
    assert.not.ok(wrong.stderr.includes('wrong'), 'the password is never printed');
    const none = await ps(sim, ['-Plan'], { SSL_CERT_FILE: sim.caCertPath ?? '' });
    assertOwnFailure(none, 1, /^deploy\.ps1: give -Credential or -ApiKey/m);
  });

  test('an error answer stops the run naming the step; a lost reply says the change may have been made, and a rerun converges', async () => {
    const sim = await simFor();
    sim.injectFault({ call: 'addvs', kind: 'http500', message: 'Disk full (injected)' });
    const failed = await ps(sim);
    assertOwnFailure(failed, 1, /HTTP 500\n {2}LoadMaster error: Disk full \(injected\)/);
    assert.ok(failedStep(failed.stderr), failed.stderr);
    sim.injectFault({ call: 'addrs', kind: 'lost' });
    const lost = await ps(sim);
    assertOwnFailure(lost, 1, /GET addrs: no answer: .*\n {2}the change may or may not have been made/);
    const rerun = await ps(sim);
    assert.is(rerun.code, 0, rerun.stderr);
    assertStateMatchesPlan(sim.state(), plan);
    assert.match(lastLine(rerun.stdout), /^apply: \d+ created, \d+ changed, \d+ unchanged$/);
  });

  test('Get-Help shows the parameters and an example each for plan, apply, the plan of a removal and remove', async () => {
    const run = await runPwshCommand(pwsh, `Get-Help '${script}' -Full | Out-String -Width 200`);
    assert.is(run.code, 0, run.stderr);
    for (const p of [
      '-LoadBalancer',
      '-Credential',
      '-ApiKey',
      '-CaCertificate',
      '-SkipCertificateCheck',
      '-Plan',
      '-Remove',
      '-Adopt',
      '-Force',
      '-IncludeForeign',
      '-OwnedList',
    ])
      assert.ok(run.stdout.includes(p), p);
    assert.is([...run.stdout.matchAll(/-+ EXAMPLE \d+ -+/g)].length, 4, run.stdout);
    for (const e of ['-Plan', '-Credential (Get-Credential bal)', '-Plan -Remove', '-Remove -WhatIf'])
      assert.ok(run.stdout.includes(e), e);
  });
}

test.run();
