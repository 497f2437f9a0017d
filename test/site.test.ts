import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import { loadDeployment } from '../src/deployment/load.js';
import type { OutputFile } from '../src/emit/output.js';
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

test("bash and PowerShell carry the plan's operations, in the plan's order, with its values", async () => {
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
