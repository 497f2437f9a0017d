import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCommand } from './helpers/bash-run.js';
import { ROOT } from './helpers/guide.js';
import { findPwsh, pwshEnv, skipNotice } from './helpers/pwsh-run.js';
import { BUILT_CLI, buildDist, setUp } from './helpers/setup.js';

// The README's PowerShell blocks, run as written under pwsh, one line after another in one session,
// in a folder where the quick start's command ran, against the simulator started with the command
// the README gives: each line that says `# exit N` must end with exit code N.

const setup = setUp('bt-readme-');
const pwsh = findPwsh();
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README's fenced blocks of one language, in order. */
const blocks = (lang: string): string[] =>
  [...README.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1] ?? '');

/** The simulator command the README gives for the rehearsal, as its arguments after `sim`. */
function simArguments(): string[] {
  const m = /`npx build-templates sim ([^`]+)`/.exec(README.slice(README.indexOf('**PowerShell**')));
  if (!m?.[1]) throw new Error('the README gives no simulator command for the PowerShell rehearsal');
  return m[1].split(/\s+/);
}

/** Starts the built command's simulator in `cwd`; resolves once it listens. */
function startSim(cwd: string, args: readonly string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BUILT_CLI, 'sim', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d;
      if (out.includes('Ctrl-C stops it.')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`sim exited ${code}: ${err}`)));
  });
}

/**
 * The block as one script: after each line that says `# exit N`, a marker line with the line's
 * number and the exit code it ended with.
 */
function instrumented(block: string): { script: string; expected: Map<number, number> } {
  const expected = new Map<number, number>();
  const lines = block.trimEnd().split('\n');
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    out.push(line);
    const m = /#\s*exit (\d+)\b/.exec(line);
    if (m?.[1]) {
      expected.set(i + 1, Number(m[1]));
      out.push(`[Console]::Out.WriteLine('@@ line ${i + 1} exit ' + $LASTEXITCODE)`);
    }
  }
  return { script: `${out.join('\n')}\n`, expected };
}

if (!pwsh) {
  skipNotice("the README's PowerShell blocks (test/e2e-readme.test.ts)");
} else {
  test('each PowerShell block of the README runs as written against the simulator, every line with the exit code it states', async () => {
    const ps = blocks('powershell');
    assert.ok(ps.length > 0, 'the README has PowerShell blocks');
    buildDist();
    for (const [b, block] of ps.entries()) {
      const dir = setup.dir();
      const built = await runCommand(
        process.execPath,
        [BUILT_CLI],
        { PATH: process.env.PATH ?? '' },
        { cwd: dir },
      );
      assert.is(built.code, 0, built.stderr);
      const sim = await startSim(dir, simArguments());
      try {
        const { script, expected } = instrumented(block);
        assert.ok(expected.size > 0, `block ${b + 1} states the exit code of its commands`);
        const file = join(dir, 'block.ps1');
        writeFileSync(file, script);
        const run = await runCommand(pwsh, ['-NoProfile', '-NonInteractive', '-File', file], pwshEnv(), {
          cwd: dir,
        });
        const got = new Map(
          [...run.stdout.matchAll(/^@@ line (\d+) exit (\d+)$/gm)].map((m) => [Number(m[1]), Number(m[2])]),
        );
        for (const [line, code] of expected)
          assert.is(got.get(line), code, `block ${b + 1}, line ${line}:\n${run.stdout}${run.stderr}`);
        assert.is(run.code, 0, run.stderr);
      } finally {
        sim.kill('SIGINT');
      }
    }
  });
}

test.run();
