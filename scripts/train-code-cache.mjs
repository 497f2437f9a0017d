// Makes V8's code cache of the bundled command (scripts/bundle.ts runs it): loads the bundle as the
// installed command does (dist/cli/load-bundle.cjs), runs the commands people run most, then writes
// the code V8 compiled for them. The commands write into a temporary folder, removed after; their
// output is not kept. What the cache holds is compiled code, never an output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { loadBundledCli, CODE_CACHE_FILE } = await import(
  new URL('../dist/cli/load-bundle.cjs', import.meta.url).href
);
const example = new URL('../examples/deployment.yaml', import.meta.url).pathname;
rmSync(CODE_CACHE_FILE, { force: true });
const cli = loadBundledCli(false);
const tmp = mkdtempSync(join(tmpdir(), 'build-templates-cache-'));
// Help comes last: yargs ends the process once it has printed it, so the cache is written on the way
// out, and only when every command before it succeeded.
process.on('exit', (code) => {
  rmSync(tmp, { recursive: true, force: true });
  if (code === 0) writeFileSync(CODE_CACHE_FILE, cli.script.createCachedData());
});
const noSim = async () => {
  throw new Error('sim is not run here');
};
const commands = [
  ['--out', tmp],
  ['--check', '--out', tmp],
  ['--deployment', example, '--out', join(tmp, 'site')],
  ['params', '--json'],
  ['params'],
  ['inspect', join(tmp, 'dist-templates', 'Exchange2016ESP.tmpl'), '--json'],
  ['validate', example],
];
for (const argv of commands) {
  await cli.runCli(argv, noSim);
  if (process.exitCode !== 0) throw new Error(`build-templates ${argv.join(' ')} exited ${process.exitCode}`);
}
await cli.runCli(['--help'], noSim);
