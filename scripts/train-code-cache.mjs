// Makes one of V8's code caches of the bundled command (scripts/bundle.ts runs it once per cache:
// node scripts/train-code-cache.mjs main|help): loads the bundle as the installed command does
// (dist/cli/load-bundle.cjs), runs the commands the cache is for, then writes the code V8 compiled
// for them. The commands write into a temporary folder, removed after; their output is not kept.
// What a cache holds is compiled code, never an output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { loadBundledCli, CODE_CACHES } = await import(
  new URL('../dist/cli/load-bundle.cjs', import.meta.url).href
);
const which = process.argv[2];
if (!(which in CODE_CACHES)) throw new Error(`which cache? ${Object.keys(CODE_CACHES).join(' or ')}`);
const file = CODE_CACHES[which];
const example = new URL('../examples/deployment.yaml', import.meta.url).pathname;
rmSync(file, { force: true });
const cli = loadBundledCli(null);
const tmp = mkdtempSync(join(tmpdir(), 'build-templates-cache-'));
// The cache is written on the way out (yargs ends the process once it has printed the help), and only
// when every command succeeded.
process.on('exit', (code) => {
  rmSync(tmp, { recursive: true, force: true });
  if (code === 0) writeFileSync(file, cli.script.createCachedData());
});
const noSim = async () => {
  throw new Error('sim is not run here');
};
// The template bundle inspect reads is written afresh by the built command, in a process of its own:
// nothing committed is read, so a clone without dist-templates/ builds.
const bundle = join(tmp, 'dist-templates/Exchange2016ESP.tmpl');
if (which === 'inspect') {
  const main = new URL('../dist/cli/main.cjs', import.meta.url).pathname;
  const made = spawnSync(process.execPath, [main, '--out', tmp], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error(`writing a template bundle to inspect failed (exit ${made.status})`);
}
const commands = {
  main: [
    ['--out', tmp],
    ['--check', '--out', tmp],
    ['--deployment', example, '--out', join(tmp, 'site')],
    ['params', '--json'],
    ['params'],
    ['validate', example],
  ],
  inspect: [
    ['inspect', bundle, '--json'],
    ['inspect', bundle],
  ],
  help: [],
}[which];
for (const argv of commands) {
  await cli.runCli(argv, noSim);
  if (process.exitCode !== 0) throw new Error(`build-templates ${argv.join(' ')} exited ${process.exitCode}`);
}
if (which === 'help') await cli.runCli(['--help'], noSim);
