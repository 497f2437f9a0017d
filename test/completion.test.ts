import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { completionScript, completions } from '../src/cli/complete.js';
import { TSX } from './helpers/cli.js';
import { ROOT } from './helpers/guide.js';
import { setUp } from './helpers/setup.js';

// Each shell's completion script, loaded by the shell itself (bash, zsh and fish; .ci/run installs
// them), with the command on PATH and through npx: commands, options and site files.

const setup = setUp('bt-completion-');
const BUILT = join(ROOT, 'dist/cli/main.cjs');
const COMMAND = existsSync(BUILT)
  ? `"${process.execPath}" "${BUILT}"`
  : `"${process.execPath}" --import "${TSX}" "${join(ROOT, 'src/cli/main.cts')}"`;

/** A project with site files, the command in its node_modules/.bin (for npx), and a bin folder for PATH. */
function project(): { dir: string; bin: string } {
  const root = setup.dir();
  const bin = join(root, 'bin');
  const dir = join(root, 'proj');
  mkdirSync(bin);
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  mkdirSync(join(dir, 'sub'));
  const shim = join(bin, 'build-templates');
  writeFileSync(shim, `#!/bin/sh\nexec ${COMMAND} "$@"\n`);
  chmodSync(shim, 0o755);
  symlinkSync(shim, join(dir, 'node_modules/.bin/build-templates'));
  writeFileSync(join(dir, 'package.json'), '{"name":"site-project","version":"1.0.0","private":true}\n');
  for (const f of ['site.yaml', 'sites.yml', 'notes.txt']) writeFileSync(join(dir, f), '');
  return { dir, bin };
}

/** The command's script for a shell, as a user installs it. */
function script(dir: string, bin: string, shell: string): string {
  const path = join(dir, `..`, `completion.${shell}`);
  const r = spawnSync(join(bin, 'build-templates'), ['completion', shell], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  writeFileSync(path, r.stdout);
  return path;
}

/** PATH with the command on it, or without (then only npx finds it, in the project's node_modules). */
const pathWith = (bin: string, on: boolean) => (on ? `${bin}:${process.env.PATH}` : (process.env.PATH ?? ''));

/** The candidates a shell offers for a command line whose last word is being typed. */
function candidates(shell: string, file: string, dir: string, path: string, line: string[]): string[] {
  const words = line.map((w) => `'${w}'`).join(' ');
  const programs: Record<string, [string, string[]]> = {
    bash: [
      'bash',
      [
        '-c',
        `source '${file}'; COMP_WORDS=(${words}); COMP_CWORD=${line.length - 1}; ` +
          `if [[ $COMP_WORDS == npx ]]; then _build_templates_npx; else _build_templates; fi; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
    ],
    // zsh's completion system runs only at a terminal: its two builtins are stood in for, printing
    // what they are given (compadd) or the files they would offer (_files).
    zsh: [
      'zsh',
      [
        '-f',
        '-c',
        `compdef() { :; }; compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -l -- "$@"; }; ` +
          `_files() { local g='*'; [[ $1 == -g ]] && g=$2; [[ $1 == -/ ]] && { print -l -- *(/N); return; }; print -l -- \${~g}(N) *(/N); }; ` +
          `source '${file}'; words=(${words}); CURRENT=${line.length}; ` +
          `if [[ $words[1] == npx ]]; then _build_templates_npx; else _build_templates; fi`,
      ],
    ],
    fish: ['fish', ['-c', `source '${file}'; complete -C "${line.join(' ')}"`]],
  };
  const [program, args] = programs[shell] ?? ['false', []];
  const r = spawnSync(program, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: path } });
  assert.is(r.status, 0, `${shell}: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .map((l) => l.split('\t')[0] ?? '')
    .filter((l) => l !== '');
}

test('candidates come from the definition: commands, the options of the command typed, paths where a file goes', () => {
  assert.equal(completions(['va']), ['validate']);
  assert.equal(completions(['--dep']), ['--deployment']);
  assert.equal(completions(['--deployment', 's']), ['@files yaml yml json']);
  assert.equal(completions(['--out', '']), ['@dirs']);
  assert.equal(completions(['params', '--']), ['--as-documented', '--json', '--help']);
  assert.not.ok(completions(['init', '--']).includes('--out'), 'init takes no --out');
  assert.equal(completions(['inspect', '']), ['@files tmpl']);
  assert.equal(completions(['completion', '']), ['bash', 'zsh', 'fish']);
  // The simulator's own options, and their values: a file where one goes, nothing to guess elsewhere.
  assert.equal(completions(['sim', '--p']), ['--port', '--password']);
  assert.not.ok(completions(['sim', '--']).includes('--out'), 'sim takes no --out');
  assert.equal(completions(['sim', '--state', '']), ['@files']);
  assert.equal(completions(['sim', '--cert', '']), []);
  assert.equal(completions(['sim', '']), []);
});

test("each script's first lines say how to install it so that npx build-templates completes too", () => {
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const head = completionScript(shell).split('\n').slice(0, 3).join('\n');
    assert.match(head, `npx build-templates completion ${shell} >`);
    assert.not.match(head, /fpath|completions\//, 'a place the shell reads only for a command of that name');
  }
});

for (const shell of ['bash', 'zsh', 'fish']) {
  test(`${shell}: the script completes va, --dep and a site file, with the command on PATH and through npx`, () => {
    const which = spawnSync('sh', ['-c', `command -v ${shell}`]);
    assert.is(which.status, 0, `${shell} is not installed (.ci/run installs it)`);
    const { dir, bin } = project();
    const file = script(dir, bin, shell);
    for (const onPath of [true, false]) {
      const path = pathWith(bin, onPath);
      const lead = onPath ? ['build-templates'] : ['npx', 'build-templates'];
      const how = onPath ? 'on PATH' : 'through npx';
      assert.ok(candidates(shell, file, dir, path, [...lead, 'va']).includes('validate'), `${how}: va`);
      assert.ok(
        candidates(shell, file, dir, path, [...lead, '--dep']).includes('--deployment'),
        `${how}: --dep`,
      );
      const sites = candidates(shell, file, dir, path, [...lead, '--deployment', 'si']);
      assert.ok(sites.includes('site.yaml') && sites.includes('sites.yml'), `${how}: ${sites.join(' ')}`);
      assert.not.ok(sites.includes('notes.txt'), `${how}: only site files`);
    }
  });
}

test.run();
