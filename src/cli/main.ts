#!/usr/bin/env node
import { forTerminal } from '../input/text.js';
import { OutputError } from '../output-error.js';
import { UserError } from '../user-error.js';
import { moreDeployments, parseFast } from './parse.js';
import { runCommand } from './run.js';
import { EXIT, print, UsageError } from './terminal.js';

/**
 * The command line (definition.ts): an ordinary one is read by parse.ts, without yargs; help,
 * completion and every mistake by yargs (yargs-cli.ts), loaded only then, which prints what it
 * always printed.
 */
async function main(argv: string[]): Promise<number> {
  // The simulator has options of its own (sim --help); its arguments are not the compiler's.
  if (argv[0] === 'sim') {
    const { simCommand } = await import('./sim.js');
    return simCommand(argv.slice(1));
  }
  if (argv.length === 1 && argv[0] === '--version') {
    const { packageVersion } = await import('../version.js');
    await print(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const { argv: rest, more } = moreDeployments(argv);
  const parsed = parseFast(rest, more);
  if (parsed) return runCommand(parsed.run, parsed.args);
  const { runWithYargs } = await import('./yargs-cli.js');
  return runWithYargs(rest, more);
}

// Standard output that fails (a closed pipe, a full disk) ends the run with one line, exit 2.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  process.stderr.write(`build-templates: cannot write to standard output (${err.code ?? err.message})\n`);
  process.exit(EXIT.usage);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UserError) {
      process.stderr.write(`${forTerminal(err.report(), true)}\n`);
      process.exitCode = EXIT.invalid;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`build-templates: ${forTerminal(err.message)} (see build-templates --help)\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    if (err instanceof OutputError) {
      process.stderr.write(`build-templates: ${forTerminal(err.message)}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`build-templates: internal error: ${forTerminal(message)}\n`);
    if (process.env.BUILD_TEMPLATES_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = EXIT.usage;
  },
);
