import { forTerminal, quote } from '../input/text.js';
import { OutputError } from '../output-error.cjs';
import { UserError } from '../user-error.js';
import { CLI } from './definition.js';
import { moreDeployments, parseFast } from './parse.js';
import { runCommand } from './run.js';
import {
  EXIT,
  exitOnStdoutError,
  print,
  quietNodeWarnings,
  stopCleanlyOnSignals,
  UsageError,
} from './terminal.cjs';

/** The simulator's command (src/cli/sim.ts), given by the caller: it is loaded by path, never part of the single-file command. */
export type SimCommand = (args: readonly string[]) => Promise<number>;

/**
 * The command line (definition.ts): an ordinary one is read by parse.ts, without yargs; completion
 * by complete.ts; help and every mistake by yargs (yargs-cli.ts), loaded only then.
 */
async function main(argv: string[], sim: SimCommand): Promise<number> {
  // The simulator has options of its own (sim --help); its arguments are not the compiler's.
  if (argv[0] === 'sim') return sim(argv.slice(1));
  // Completion: the shell's script, and the candidates it asks for (complete.ts).
  if (argv[0] === '__complete' && argv[1] === '--') {
    const { completions } = await import('./complete.js');
    await print(
      completions(argv.slice(2))
        .map((c) => `${c}\n`)
        .join(''),
    );
    return EXIT.ok;
  }
  if (argv[0] === CLI.completion.name && argv.length <= 2 && !argv[1]?.startsWith('-')) {
    const shell = argv[1] ?? 'bash';
    if (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish')
      throw new UsageError(`completion is for bash, zsh or fish, not ${quote(shell)}`);
    const { completionScript } = await import('./complete.js');
    await print(completionScript(shell));
    return EXIT.ok;
  }
  stopCleanlyOnSignals();
  const { argv: rest, more } = moreDeployments(argv);
  const parsed = parseFast(rest, more);
  if (parsed) return runCommand(parsed.run, parsed.args);
  const { runWithYargs } = await import('./yargs-cli.js');
  return runWithYargs(rest, more);
}

/**
 * Runs the command line (the arguments after the command's name) and sets the exit code: 0 done,
 * 1 refused input, 2 a usage error or output that cannot be written. Every error ends as
 * one line on stderr; a stack is printed only with BUILD_TEMPLATES_DEBUG set.
 */
export async function runCli(argv: string[], sim: SimCommand): Promise<void> {
  exitOnStdoutError();
  quietNodeWarnings();
  try {
    process.exitCode = await main(argv, sim);
  } catch (err) {
    process.exitCode = await report(err);
  }
}

/** An error as its one line on stderr; its exit code. */
async function report(err: unknown): Promise<number> {
  if (err instanceof UserError) {
    process.stderr.write(`${forTerminal(err.report(), true)}\n`);
    return EXIT.invalid;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`build-templates: ${forTerminal(err.message)} (see build-templates --help)\n`);
    return EXIT.usage;
  }
  if (err instanceof OutputError) {
    process.stderr.write(`build-templates: ${forTerminal(err.message)}\n`);
    return EXIT.usage;
  }
  // Loaded only here: it loads Node's source maps, which no run that goes well needs.
  const { internalError } = await import('./internal-error.js');
  process.stderr.write(`build-templates: ${internalError(err)}\n`);
  if (process.env.BUILD_TEMPLATES_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return EXIT.usage;
}
