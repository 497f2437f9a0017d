import yargs, { type Argv } from 'yargs';
import { closest } from '../deployment/closest.js';
import { quote } from '../input/text.js';
import { packageVersion } from '../version.cjs';
import { type Args, CLI, commandWord, type OptionSpec, SINGLE } from './definition.js';
import { runCommand } from './run.js';
import { EXIT, UsageError } from './terminal.cjs';

/**
 * The command line read by yargs, built from the definition (definition.ts): loaded only for help,
 * completion, and a command line parse.ts does not fully understand (a mistake, above all), so that
 * every message is yargs' as it always was, with "did you mean".
 */

/** Every option the command line knows, for "did you mean" (yargs' own spellings). */
const OPTIONS = CLI.commands
  .flatMap((c) => c.options)
  .map((o) => o.name)
  .filter((n, i, all) => all.indexOf(n) === i)
  .concat('help', 'version');
const COMMANDS = [
  ...CLI.commands.map(commandWord).filter((w) => w !== '' && w !== 'sim'),
  CLI.completion.name,
  'sim',
];

/**
 * Refuses what the grammar has no place for: words after `--` (no command takes operands there, so
 * none is dropped unseen), a single-value option given twice or given no value (yargs would take an
 * array or '').
 */
function singleValues(a: Record<string, unknown>): void {
  const after = a['--'];
  if (Array.isArray(after) && after.length > 0)
    throw new UsageError(`${quote(String(after[0]))} after -- is not taken: no command reads words after --`);
  for (const name of SINGLE) {
    const v = a[name];
    if (Array.isArray(v)) throw new UsageError(`--${name} is given ${v.length} times; give it once`);
    if (v === '')
      throw new UsageError(name === 'file' ? 'the file name is empty' : `--${name} needs a value`);
  }
}

const option = (o: OptionSpec) => ({
  type: o.type,
  ...(o.default === undefined ? {} : { default: o.default }),
  ...(o.requiresArg ? { requiresArg: true } : {}),
  describe: o.describe,
});

/** The handlers' arguments from yargs': `--deployment`'s value with the batch's other files. */
function args(a: Record<string, unknown>, more: readonly string[]): Args {
  const d = a.deployment;
  return { ...(a as unknown as Args), deployment: typeof d === 'string' ? [d, ...more] : undefined };
}

/**
 * Reads the command line with yargs and runs its command; the exit code. `argv` is the command line
 * without a batch's extra deployment files, `more` (parse.ts).
 */
export async function runWithYargs(argv: readonly string[], more: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  // Every option is given once: yargs would make a repeated switch one `true`, and a value an array.
  const end = argv.indexOf('--');
  const times = new Map<string, number>();
  for (const w of end < 0 ? argv : argv.slice(0, end)) {
    const name = /^--([^=]+)/.exec(w)?.[1];
    if (name !== undefined && OPTIONS.includes(name)) times.set(name, (times.get(name) ?? 0) + 1);
  }
  for (const [name, n] of times)
    if (n > 1) throw new UsageError(`--${name} is given ${n} times; give it once`);
  let y: Argv = yargs([...argv])
    // One grammar with parse.ts: no dotted options (--out.x), no negated ones (--no-check), and the
    // words after -- kept, to be refused, not dropped.
    .parserConfiguration({ 'dot-notation': false, 'boolean-negation': false, 'populate--': true })
    .scriptName(CLI.scriptName)
    .usage(CLI.usage)
    .alias('h', 'help');
  for (const c of CLI.commands) {
    const run = c.run;
    if (run === null) {
      y = y.command(c.usage, c.describe);
      continue;
    }
    y = y.command(
      c.usage,
      c.describe,
      (b) => {
        for (const p of c.positionals)
          b.positional(p.name, {
            type: 'string',
            ...(p.default === undefined ? {} : { default: p.default }),
            ...(p.array ? { array: true } : {}),
            ...(p.demandOption ? { demandOption: true } : {}),
            describe: p.describe,
          });
        for (const o of c.options) b.option(o.name, option(o));
        // The default command's help is the whole command line's, with every example.
        if (commandWord(c) !== '') b.example(c.example[0], c.example[1]);
        return b;
      },
      async (a) => {
        singleValues(a);
        code = await runCommand(run, args(a, more));
      },
    );
  }
  // Its script is printed before yargs is loaded (cli.ts); here it is named in the help.
  y = y.command(`${CLI.completion.name} [shell]`, CLI.completion.describe, (b) =>
    b.example(CLI.completion.example[0], CLI.completion.example[1]),
  );
  for (const [command, description] of CLI.examples) y = y.example(command, description);
  await y
    .strict()
    .help()
    .version(packageVersion())
    .fail((msg, err) => {
      // yargs reports a command-line mistake as a message, or as a YError; anything else is ours.
      if (err && err.name !== 'YError') throw err;
      throw new UsageError(usage(msg ?? err?.message ?? '', argv));
    })
    .parseAsync();
  return code;
}

/** yargs' complaint in one line, with "did you mean" for a mistyped option or command. */
function usage(msg: string, argv: readonly string[]): string {
  const missing = /^Not enough arguments following: (.*)$/.exec(msg);
  if (missing) return `--${missing[1]} needs a value`;
  if (/^Not enough non-option arguments/.test(msg)) {
    const word = argv.find((w) => !w.startsWith('-'));
    // An option the command does not take swallowed the word after it (`validate --force site.yaml`):
    // that option is the mistake.
    const takes = CLI.commands.find((c) => commandWord(c) === word)?.options.map((o) => o.name) ?? [];
    const stray = argv.find((w) => /^--[^-]/.test(w) && !takes.includes(w.slice(2).split('=')[0] ?? ''));
    const name = stray?.slice(2).split('=')[0] ?? '';
    if (stray && OPTIONS.includes(name)) return `${quote(`--${name}`)} does not apply to this command`;
    if (stray) return `unknown option ${quote(`--${name}`)}`;
    return word === 'validate'
      ? 'validate needs at least one deployment file'
      : 'inspect needs the bundle file to read';
  }
  const unknown = /^Unknown arguments?: (.*)$/.exec(msg);
  if (!unknown) return msg.replace(/\s+/g, ' ');
  const name = (unknown[1] ?? '').split(', ')[0] ?? '';
  // yargs names an unknown option without its dashes: the command line says which it was.
  const given = argv.find((w) => w.replace(/^-+/, '').split('=')[0] === name && w.startsWith('-'));
  if (given && OPTIONS.includes(name)) return `${quote(`--${name}`)} does not apply to this command`;
  const hint = closest(name, given ? OPTIONS : COMMANDS);
  const what = given
    ? `unknown option ${quote(given.split('=')[0] ?? given)}`
    : `unknown command or argument ${quote(name)}`;
  return `${what}${hint ? `; did you mean ${given ? '--' : ''}${hint}?` : ''}`;
}
