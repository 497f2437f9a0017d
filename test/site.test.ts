import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import { loadDeployment } from '../src/deployment/load.js';
import { bashQuote, psQuote } from '../src/emit/escape.js';
import { mdCell, mdCode } from '../src/emit/markdown.js';
import type { OutputFile } from '../src/emit/output.js';
import { P } from '../src/loadmaster/parameters.js';
import type { PlanStep, RemovalStep } from '../src/model/plan.js';
import { siteOutputs } from '../src/outputs/site.js';
import { bashParser, bashSyntaxProblems } from './helpers/bash-parse.js';
import { validCases } from './helpers/fixtures.js';
import { ROOT } from './helpers/guide.js';
import { powershellOperations } from './helpers/powershell-ops.js';
import { powershellParser, syntaxProblems } from './helpers/powershell-parse.js';
import { markdownlintEach } from './helpers/runbook-lint.js';
import { setUp } from './helpers/setup.js';

const tmp = setUp('bt-site-').dir();

type Built = { files: OutputFile[]; steps: string[] };
const built = new Map<string, Promise<Built>>();
/** A fixture's site as the compiler builds it; built once, each test reads the same files. */
function site(file: string): Promise<Built> {
  let b = built.get(file);
  if (!b) {
    b = (async () => {
      const d = await loadDeployment(file, EXCHANGE_2016);
      const files = siteOutputs(EXCHANGE_2016, d, relative(ROOT, file));
      return { files, steps: compilePlan(EXCHANGE_2016, d).steps.map((s) => s.title) };
    })();
    built.set(file, b);
  }
  return b;
}
const text = (files: OutputFile[], path: string): string =>
  files.find((f) => f.path === path)?.contents ?? '';

test("every fixture's deploy.sh, deploy.ps1 and runbook.md equal their reviewed goldens, and its bundles the build's", async () => {
  for (const c of validCases()) {
    const { files } = await site(c.file);
    for (const f of files) {
      if (f.path.startsWith('dist-templates/')) {
        // The site's bundles are the build's own, byte for byte; its SHA256SUMS lists those it holds.
        const built = readFileSync(join(ROOT, f.path), 'utf8');
        if (f.path.endsWith('SHA256SUMS')) {
          for (const line of f.contents.split('\n').filter(Boolean)) assert.ok(built.includes(line), line);
        } else assert.ok(f.contents === built, `${c.name}: ${f.path} differs from the committed bundle`);
        continue;
      }
      const golden = join(c.dir, 'expected', f.path);
      if (process.env.UPDATE === '1') {
        mkdirSync(join(c.dir, 'expected'), { recursive: true });
        writeFileSync(golden, f.contents);
      }
      assert.ok(existsSync(golden), `missing golden ${relative(ROOT, golden)} (UPDATE=1 writes it)`);
      assert.fixture(f.contents, readFileSync(golden, 'utf8'), relative(ROOT, golden));
    }
  }
});

/** The calls in one of deploy.sh's two step functions (lm_steps or lm_removal), each with its lines. */
function bashCalls(script: string, fn: 'lm_steps' | 'lm_removal'): string[] {
  const body = script.split(`\n${fn}() {\n`)[1]?.split('\n}\n')[0] ?? '';
  return body.split(/^(?= {2}lm_[a-z_]+ ')/m).filter((b) => b.startsWith('  lm_'));
}
/** The title of a bash call: its first argument. */
const bashTitle = (call: string): string =>
  (/^ {2}lm_[a-z_]+ '((?:[^']|'\\'')*)'/.exec(call)?.[1] ?? '').replace(/'\\''/g, "'");
/** The calls of deploy.ps1's $Steps or $Removal block, split at their marker comments. */
const psCalls = (script: string, marker: 'step' | 'removal'): string[] =>
  script.split(new RegExp(`^ {2}# ${marker} \\d+: `, 'm')).slice(1);

test("bash and PowerShell carry the plan's steps and its removal, in order", async () => {
  for (const c of validCases()) {
    const d = await loadDeployment(c.file, EXCHANGE_2016);
    const plan = compilePlan(EXCHANGE_2016, d);
    const { files } = await site(c.file);
    const bash = text(files, 'deploy.sh');
    const ps = text(files, 'deploy.ps1');
    const steps = plan.steps.map((s) => s.title);
    const removal = plan.removal.map((s) => s.title);
    assert.equal(bashCalls(bash, 'lm_steps').map(bashTitle), steps, `${c.name}: bash`);
    assert.equal(powershellOperations(ps), steps, `${c.name}: PowerShell`);
    assert.equal(bashCalls(bash, 'lm_removal').map(bashTitle), removal, `${c.name}: bash removal`);
    assert.equal(
      psCalls(ps, 'removal').map((b) => b.split('\n')[0]),
      removal,
      `${c.name}: PowerShell removal`,
    );
  }
});

/** A value a step sends: text, or a number (PowerShell writes numbers bare). */
/** A value, or a parameter of the call (bash `'name=value'`, PowerShell `'name' = 'value'`). */
type Sent = string | number | { readonly param: string; readonly value: string };

/** The values a step sends, whatever the script: parameters, addresses, ports, names. */
function stepValues(step: PlanStep): Sent[] {
  switch (step.kind) {
    case 'check-certificates':
    case 'check-sso-domains':
      return [...step.names];
    case 'check-addresses':
      return step.services.flatMap((s) => [s.address, s.port, s.prot, s.nickname, ...s.subvs]);
    case 'global':
      return [step.param, step.value];
    case 'rule':
      return [step.name, ...step.params.map((p) => p.value)];
    case 'vs':
      return [step.address, step.port, step.prot, step.nickname, ...step.stages.flat().map((p) => p.value)];
    case 'subvs':
      return [step.nickname, ...step.stages.flat().map((p) => p.value)];
    case 'realserver':
      // The weight is a parameter of the call, as the other steps' parameters are.
      return [
        step.address,
        step.port,
        ...(step.weight === undefined ? [] : [{ param: P.weight, value: String(step.weight) }]),
      ];
    case 'attach-rule':
      return [step.rule];
    case 'foreign':
      return [
        step.within,
        ...step.slots.flatMap((s) => [s.nickname, s.rule]),
        ...step.servers.flatMap((s) => [s.address, s.port]),
      ];
  }
}

/** The values a removal step names. */
function removalValues(step: RemovalStep): Sent[] {
  switch (step.kind) {
    case 'remove-vs':
      return [
        step.address,
        step.port,
        step.prot,
        step.nickname,
        ...step.slots.flatMap((s) => [s.nickname, s.rule]),
      ];
    case 'remove-rule':
      return [step.name];
    case 'keep-globals':
      return [...step.params];
  }
}

/** Whether a script's call carries the value: quoted text, or a number as a word of its own. */
function carries(call: string, v: Sent, quote: (s: string) => string): boolean {
  if (typeof v === 'number') return new RegExp(`[\\s'(]${v}[\\s')};]`).test(call);
  if (typeof v === 'object')
    return (
      call.includes(quote(`${v.param}=${v.value}`)) || call.includes(`${quote(v.param)} = ${quote(v.value)}`)
    );
  return call.includes(quote(v));
}

/** A service's parameters by call: bash separates calls with '--', PowerShell has one table each. */
const bashStages = (call: string): string[][] =>
  call
    .split("\\\n    '--'")
    .map((part) =>
      [...part.matchAll(/^ {4}(?:'((?:[^']|'\\'')*)'|\$'([^']*)')/gm)].map((m) =>
        m[2] === undefined
          ? (m[1] ?? '').replace(/'\\''/g, "'")
          : m[2].replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8))),
      ),
    );

test("each step and removal of both scripts sends the plan's values, ESP in the same calls", async () => {
  for (const c of validCases()) {
    const d = await loadDeployment(c.file, EXCHANGE_2016);
    const plan = compilePlan(EXCHANGE_2016, d);
    const files = siteOutputs(EXCHANGE_2016, d, relative(ROOT, c.file));
    const bash = text(files, 'deploy.sh');
    const ps = text(files, 'deploy.ps1');
    // The quoted text without its quotes: '...' or ANSI-C $'...'.
    const bashQ = (v: string) => bashQuote(v).replace(/^\$?'|'$/g, '');
    for (const [calls, psBlocks, values] of [
      [bashCalls(bash, 'lm_steps'), psCalls(ps, 'step'), plan.steps.map(stepValues)],
      [bashCalls(bash, 'lm_removal'), psCalls(ps, 'removal'), plan.removal.map(removalValues)],
    ] as const) {
      assert.is(calls.length, values.length, c.name);
      assert.is(psBlocks.length, values.length, c.name);
      values.forEach((vs, i) => {
        for (const v of vs) {
          assert.ok(carries(calls[i] ?? '', v, bashQ), `${c.name} bash call ${i + 1}: ${v}`);
          assert.ok(carries(psBlocks[i] ?? '', v, psQuote), `${c.name} PowerShell call ${i + 1}: ${v}`);
        }
      });
    }
    plan.steps.forEach((step, i) => {
      if (step.kind !== 'vs' && step.kind !== 'subvs') return;
      const want = step.stages.map((s) => s.map((p) => `${p.name}=${p.value}`));
      assert.equal(
        bashStages(bashCalls(bash, 'lm_steps')[i] ?? ''),
        want,
        `${c.name} bash stages: ${step.title}`,
      );
      const tables = (psCalls(ps, 'step')[i] ?? '').split('([ordered]@{').slice(1);
      assert.is(tables.length, want.length, `${c.name} PowerShell stages: ${step.title}`);
      want.forEach((stage, k) => {
        for (const pair of stage) {
          const [name, ...rest] = pair.split('=');
          assert.ok(
            tables[k]?.includes(`${psQuote(name ?? '')} = ${psQuote(rest.join('='))}`),
            `${step.title}: ${pair}`,
          );
        }
      });
    });
  }
});

// shellcheck reads every fixture's generated deploy.sh in `npm run check:scripts` (scripts/check-sources.sh,
// run by CI): the goldens it reads are the generated scripts (above), and a script takes shellcheck about
// 1.5 s, most of the quick suite's budget for six of them.
test("every fixture's bash script parses; its PowerShell parses", async () => {
  const bashTs = await bashParser();
  const psTs = await powershellParser();
  for (const c of validCases()) {
    const { files } = await site(c.file);
    const bashTree = bashTs.parse(text(files, 'deploy.sh'));
    assert.equal(bashTree ? bashSyntaxProblems(bashTree) : ['no tree'], [], `${c.name}: tree-sitter-bash`);
    const psTree = psTs.parse(text(files, 'deploy.ps1'));
    assert.equal(psTree ? syntaxProblems(psTree) : ['no tree'], [], `${c.name}: tree-sitter-powershell`);
  }
});

test("every fixture's runbook is markdownlint-clean", async () => {
  const runbooks: Record<string, string> = {};
  for (const c of validCases()) runbooks[c.name] = text((await site(c.file)).files, 'runbook.md');
  for (const [name, found] of Object.entries(markdownlintEach(runbooks))) assert.equal(found, [], name);
});

test('a site gets the bundles its runbook imports, and only those, with checksums sha256sum accepts', async () => {
  for (const c of validCases()) {
    const d = await loadDeployment(c.file, EXCHANGE_2016);
    const { files } = await site(c.file);
    const runbook = text(files, 'runbook.md');
    const shipped = files.filter((f) => f.path.endsWith('.tmpl')).map((f) => f.path);
    const named = [...new Set(runbook.match(/dist-templates\/Exchange2016\w+\.tmpl/g) ?? [])];
    assert.equal(shipped.sort(), named.sort(), c.name);
    const templates = new Set(d.services.map((s) => s.template));
    for (const b of EXCHANGE_2016.bundles) {
      const needed = b.templates.some((t) => templates.has(t));
      assert.is(shipped.includes(`dist-templates/${b.name}.tmpl`), needed, `${c.name}: ${b.name}`);
    }
    const dir = mkdtempSync(join(tmp, 'sums-'));
    for (const f of files.filter((x) => x.path.startsWith('dist-templates/'))) {
      mkdirSync(join(dir, 'dist-templates'), { recursive: true });
      writeFileSync(join(dir, f.path), f.contents);
    }
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], {
      cwd: join(dir, 'dist-templates'),
      encoding: 'utf8',
    });
    assert.is(check.status, 0, check.stdout + check.stderr);
  }
});

test("every value the scripts set is in the site's runbook: each parameter, real server, weight and rule", async () => {
  for (const c of validCases()) {
    const d = await loadDeployment(c.file, EXCHANGE_2016);
    const plan = compilePlan(EXCHANGE_2016, d);
    const runbook = text((await site(c.file)).files, 'runbook.md');
    const has = (cells: string[], what: string) =>
      assert.ok(runbook.includes(`| ${cells.join(' | ')} |`), `${c.name}: ${what}: | ${cells.join(' | ')} |`);
    for (const s of plan.steps) {
      if (s.kind === 'global') has([mdCode(s.param), mdCode(s.value)], s.title);
      if (s.kind === 'rule')
        for (const p of s.params) has([mdCell(s.name), mdCode(p.name), mdCode(p.value)], s.title);
      if (s.kind === 'vs' || s.kind === 'subvs')
        for (const p of s.stages.flat()) has([mdCell(s.title), mdCode(p.name), mdCode(p.value)], s.title);
      if (s.kind === 'realserver') {
        assert.ok(
          runbook.includes(`| ${mdCell(s.title)} | ${mdCode(s.address)} | ${mdCode(String(s.port))} |`),
          s.title,
        );
        if (s.weight !== undefined)
          assert.ok(
            runbook.includes(`**Weight** ${mdCode(String(s.weight))}`),
            `${c.name}: weight in the steps`,
          );
      }
      if (s.kind === 'attach-rule') has([mdCell(s.title), mdCode(s.rule)], s.title);
    }
  }
});

test.run();
