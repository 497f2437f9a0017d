#!/usr/bin/env node
import type { SimCommand } from './cli.js';
import { loadBundledCli } from './load-bundle.js';

/**
 * The command (package.json's bin). Built, it runs the bundled CLI (load-bundle.ts); from source
 * (tsx src/cli/main.ts, as the tests run it) the modules themselves. `--version` alone is answered
 * here, before either is loaded; the simulator is a program of its own, loaded by path only for
 * `sim` (sim.ts), and never bundled with the compiler.
 */
const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  const { packageVersion } = await import('../version.js');
  const { exitOnStdoutError, print } = await import('./terminal.js');
  exitOnStdoutError();
  await print(`${packageVersion()}\n`);
} else {
  const sim: SimCommand = async (args) => (await import('./sim.js')).simCommand(args);
  const cli = import.meta.url.endsWith('.ts') ? await import('./cli.js') : loadBundledCli();
  await cli.runCli(argv, sim);
}
