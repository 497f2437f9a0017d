import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import { loadDeployment } from '../src/deployment/load.js';
import { planScript } from './helpers/bash-script.js';
import { cli, TSX } from './helpers/cli.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { ROOT } from './helpers/guide.js';
import { findPwsh, psArgs, runPwsh, skipNotice, writeDeployPs } from './helpers/pwsh-run.js';
import { deploy, setUp } from './helpers/setup.js';

// `init` at a terminal asks for the site (driven here through a pseudo-terminal: python3's pty, as
// Node has none), checks each answer as it is given, and writes a file that validates, builds and
// deploys to the simulator with both scripts.

const setup = setUp('bt-init-');
const pwsh = findPwsh();
if (!pwsh) skipNotice('deploy.ps1 of a site answered at init (test/init-interview.test.ts)');
const BUILT = join(ROOT, 'dist/cli/main.cjs');
const COMMAND = existsSync(BUILT)
  ? [process.execPath, BUILT]
  : [process.execPath, '--import', TSX, join(ROOT, 'src/cli/main.cts')];

/** Runs init at a pseudo-terminal, answering each prompt with the next line. */
function answered(dir: string, file: string, answers: readonly string[]) {
  return spawnSync('python3', [join(ROOT, 'test/helpers/pty-answer.py'), ...COMMAND, 'init', file], {
    cwd: dir,
    input: answers.join('\n'),
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const ANSWERS = [
  'https-offloaded-esp',
  '10.20.0.300', // not an address: asked again
  '10.20.0.10',
  'ExchangeCert',
  'smtp-esp',
  '10.20.0.11',
  '', // no more services
  '10.20.0.21, 10.20.0.22',
  '', // globals: yes
  'CONTOSO.LOCAL',
  'mail.contoso.net autodiscover.contoso.net',
  '6f6a1c7d-1d2e-4e8f-9a0b-1c2d3e4f5a6b',
  'contoso.net',
  '', // the Exchange URL offered
  '', // the permitted domains offered
];

test('init at a terminal: asks, re-asks a bad answer, and writes a site that validates, builds and deploys with both scripts', async () => {
  const dir = setup.dir();
  const r = answered(dir, 'site.yaml', ANSWERS);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    /Its address \(https-offloaded-esp\): 10\.20\.0\.300\r*\n {2}"10\.20\.0\.300" is not an IPv4 or IPv6 address/,
  );
  assert.match(r.stdout, /The Exchange URL users reach \[https:\/\/mail\.contoso\.net\]: /);
  const file = join(dir, 'site.yaml');
  const v = cli(['validate', 'site.yaml'], dir);
  assert.is(v.code, 0, v.stderr);
  assert.is(v.stderr, '', 'no example value left in');
  const text = readFileSync(file, 'utf8');
  assert.match(text, /^\$schema: .*schemas\/deployment\.schema\.json$/m);
  const d = await loadDeployment(file, EXCHANGE_2016);
  assert.equal(
    d.services.map((s) => [s.template, s.address]),
    [
      ['https-offloaded-esp', '10.20.0.10'],
      ['smtp-esp', '10.20.0.11'],
    ],
  );
  assert.equal(d.esp?.smtpPermittedDomains, ['contoso.net']);
  const built = cli(['--deployment', 'site.yaml', '--out', 'site'], dir);
  assert.is(built.code, 0, built.stderr);
  const plan = compilePlan(EXCHANGE_2016, d);
  const site = { name: 'answered', deployment: d, plan, script: setup.script(planScript(plan)) };
  const sim = await setup.siteSimulator(d);
  const apply = await deploy(site, sim);
  assert.is(apply.code, 0, apply.stderr);
  assertStateMatchesPlan(sim.state(), plan);
  if (pwsh) {
    const ps = await setup.siteSimulator(d);
    const run = await runPwsh(pwsh, writeDeployPs(setup.dir(), plan), psArgs(ps).args, psArgs(ps).env);
    assert.is(run.code, 0, run.stderr);
    assertStateMatchesPlan(ps.state(), plan);
  }
});

test('init without a terminal, or with --yes, writes the commented example without asking', () => {
  const dir = setup.dir();
  const piped = cli(['init', 'a.yaml'], dir);
  assert.is(piped.code, 0, piped.stderr);
  assert.match(readFileSync(join(dir, 'a.yaml'), 'utf8'), /^# yaml-language-server: /);
  const asked = answered(dir, 'b.yaml', ['smtp', '10.20.0.5', '', '10.20.0.6', '']);
  assert.is(asked.status, 0, asked.stdout);
  assert.match(asked.stdout, /Template of the first Virtual Service/, 'at a terminal it asks');
  const told = spawnSync(
    'python3',
    [join(ROOT, 'test/helpers/pty-answer.py'), ...COMMAND, 'init', 'c.yaml', '--yes'],
    {
      cwd: dir,
      input: '',
      encoding: 'utf8',
    },
  );
  assert.is(told.status, 0, told.stdout);
  assert.not.match(told.stdout, /Template of/);
  assert.match(readFileSync(join(dir, 'c.yaml'), 'utf8'), /^# yaml-language-server: /);
});

test.run();
