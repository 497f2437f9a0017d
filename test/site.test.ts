import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import { loadDeployment } from '../src/deployment/load.js';
import { bashQuote, psQuote } from '../src/emit/escape.js';
import type { OutputFile } from '../src/emit/output.js';
import type { PlanStep } from '../src/model/plan.js';
import { buildSite } from '../src/site.js';
import { bashParser, bashSyntaxProblems, shellcheck } from './helpers/bash-parse.js';
import { validCases } from './helpers/fixtures.js';
import { ROOT } from './helpers/guide.js';
import { powershellOperations } from './helpers/powershell-ops.js';
import { powershellParser, syntaxProblems } from './helpers/powershell-parse.js';
import { markdownlint } from './helpers/runbook-lint.js';

const tmp = mkdtempSync(join(tmpdir(), 'bt-site-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

async function site(file: string): Promise<{ files: OutputFile[]; steps: string[] }> {
  const d = await loadDeployment(file, EXCHANGE_2016);
  const files = buildSite(EXCHANGE_2016, d, relative(ROOT, file));
  return { files, steps: compilePlan(EXCHANGE_2016, d).steps.map((s) => s.title) };
}
const text = (files: OutputFile[], path: string): string =>
  files.find((f) => f.path === path)?.contents ?? '';

test("every fixture's deploy.sh, deploy.ps1 and runbook.md equal their reviewed goldens", async () => {
  for (const c of validCases()) {
    const { files } = await site(c.file);
    for (const f of files) {
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

test("bash and PowerShell carry the plan's operations, in the plan's order", async () => {
  for (const c of validCases()) {
    const { files, steps } = await site(c.file);
    const bash = text(files, 'deploy.sh');
    const ps = text(files, 'deploy.ps1');
    const bashSteps = [...bash.matchAll(/^lm_[a-z_]+ '((?:[^']|'\\'')*)'/gm)].map((m) =>
      (m[1] ?? '').replace(/'\\''/g, "'"),
    );
    assert.equal(bashSteps, steps, `${c.name}: bash`);
    assert.equal(powershellOperations(ps), steps, `${c.name}: PowerShell`);
  }
});

/** The values a step sends, whatever the script: parameters, addresses, ports, names. */
function stepValues(step: PlanStep): string[] {
  switch (step.kind) {
    case 'global':
      return [step.param, step.value];
    case 'certificates':
      return [...step.names];
    case 'rule':
      return [step.name, ...step.params.map((p) => p.value)];
    case 'vs':
      return [step.address, String(step.port), step.prot, ...step.params.map((p) => p.value)];
    case 'subvs':
      return [step.nickname, ...step.params.map((p) => p.value)];
    case 'realserver':
      return [step.address, String(step.port), ...(step.weight === undefined ? [] : [String(step.weight)])];
    case 'attach-rule':
      return [step.rule];
  }
}

test("each step of both scripts sends the plan step's values", async () => {
  for (const c of validCases()) {
    const d = await loadDeployment(c.file, EXCHANGE_2016);
    const plan = compilePlan(EXCHANGE_2016, d);
    const files = buildSite(EXCHANGE_2016, d, relative(ROOT, c.file));
    // A bash step is its lm_ call with its continuation lines; a PowerShell step runs to the next marker.
    const bashBlocks = text(files, 'deploy.sh')
      .split(/^(?=lm_[a-z_]+ ')/m)
      .slice(1);
    const psBlocks = text(files, 'deploy.ps1')
      .split(/^# step \d+: /m)
      .slice(1);
    assert.is(bashBlocks.length, plan.steps.length, c.name);
    assert.is(psBlocks.length, plan.steps.length, c.name);
    plan.steps.forEach((step, i) => {
      for (const v of stepValues(step)) {
        assert.ok(bashBlocks[i]?.includes(bashQuote(v).slice(1, -1)), `${c.name} bash step ${i + 1}: ${v}`);
        assert.ok(psBlocks[i]?.includes(psQuote(v)), `${c.name} PowerShell step ${i + 1}: ${v}`);
      }
    });
  }
});

test("every fixture's bash script is shellcheck-clean and parses; its PowerShell parses", async () => {
  const bashTs = await bashParser();
  const psTs = await powershellParser();
  for (const c of validCases()) {
    const { files } = await site(c.file);
    const path = join(tmp, `${c.name}.sh`);
    writeFileSync(path, text(files, 'deploy.sh'));
    assert.is(shellcheck(path), '', `${c.name}: shellcheck`);
    const bashTree = bashTs.parse(text(files, 'deploy.sh'));
    assert.equal(bashTree ? bashSyntaxProblems(bashTree) : ['no tree'], [], `${c.name}: tree-sitter-bash`);
    const psTree = psTs.parse(text(files, 'deploy.ps1'));
    assert.equal(psTree ? syntaxProblems(psTree) : ['no tree'], [], `${c.name}: tree-sitter-powershell`);
  }
});

test("every fixture's runbook is markdownlint-clean", async () => {
  for (const c of validCases()) {
    const { files } = await site(c.file);
    assert.equal(markdownlint(text(files, 'runbook.md')), [], c.name);
  }
});

test.run();
