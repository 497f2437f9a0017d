#!/usr/bin/env node
import type { SimCommand } from './cli.js';
import { codeCacheFor, loadCommand } from './load-command.cjs';

/**
 * The command (package.json's bin). Built, it runs the single-file command (load-command.cts); from source
 * (tsx src/cli/main.cts, as the tests run it) the modules themselves. `--version` alone is answered
 * here, before either is loaded; the simulator is a program of its own, loaded by path only for
 * `sim` (sim.ts), and never part of the single-file command. CommonJS: Node then starts the program
 * without setting up its ES module loader (the modules it loads dynamically are ES modules).
 */
async function main(argv: string[]): Promise<void> {
  if (argv.length === 1 && argv[0] === '--version') {
    // CommonJS modules, required: importing an ES module would set up Node's ES module loader,
    // which costs more than the rest of this answer.
    const { packageVersion } = require('../version.cjs') as typeof import('../version.cjs');
    const { exitOnStdoutError, print } = require('./terminal.cjs') as typeof import('./terminal.cjs');
    exitOnStdoutError();
    await print(`${packageVersion()}\n`);
    return;
  }
  const sim: SimCommand = async (args) => (await import('./sim.js')).simCommand(args);
  const cli = __filename.endsWith('.cts') ? await import('./cli.js') : loadCommand(codeCacheFor(argv));
  await cli.runCli(argv, sim);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  // Every command's own errors are reported by runCli; this is what is left (a file of the package
  // missing, say): one line, exit 2, as for any internal error.
  process.stderr.write(
    `build-templates: internal error: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exitCode = 2;
});
