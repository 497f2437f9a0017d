import {
  type Args,
  CLI,
  type CommandName,
  type CommandSpec,
  commandWord,
  type OptionSpec,
} from './definition.js';

/**
 * The ordinary command lines, read without yargs (loading it is most of a short run's cost). This
 * parser reads the definition (definition.ts) and accepts only what it fully understands, each
 * option once with a plain value; anything else (help, completion, a mistake, `--no-check`,
 * `--check=true`, a value yargs would read as a number) returns null, and yargs, built from the same
 * definition, reads the command line as it always has (yargs-cli.ts).
 */

/** Every option by name, with its type: one name has one type in every command. */
const OPTIONS: ReadonlyMap<string, OptionSpec> = new Map(
  CLI.commands.flatMap((c) => c.options).map((o) => [o.name, o]),
);

/** The words that name a command (yargs' `help` too): the first word after the options names one. */
const COMMAND_WORDS: ReadonlySet<string> = new Set([
  ...CLI.commands.map(commandWord).filter((w) => w !== ''),
  CLI.completion.name,
  'help',
]);

/** A word yargs would read as a number (yargs-parser's rule, or wider): left to yargs. */
const numeric = (w: string): boolean =>
  /^0x[0-9a-f]+$/i.test(w) || /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(w);

/** Whether a word is an option's value: it follows a string option given without `=`. */
function isValue(argv: readonly string[], i: number): boolean {
  const before = argv[i - 1];
  if (before === undefined || !before.startsWith('--') || before.includes('=')) return false;
  const spec = OPTIONS.get(before.slice(2));
  if (spec?.type === 'string') return true;
  // yargs reads `--check true` as the boolean's value.
  return spec?.type === 'boolean' && (argv[i] === 'true' || argv[i] === 'false');
}

/**
 * Several deployment files after one `--deployment` (a batch): `--deployment a.yaml b.yaml --out o`.
 * The words after `--deployment FILE` up to the next option are more files, when `--deployment` is
 * given once, with a space, before any command word, and the first of them does not name a command
 * (`--deployment site.yaml docs` is still the docs command, refused as before). Both parsers read
 * the command line without them: `--deployment` itself takes one value.
 */
export function moreDeployments(argv: readonly string[]): { argv: string[]; more: string[] } {
  const at = argv.indexOf('--deployment');
  const given = argv.filter((w) => w === '--deployment' || w.startsWith('--deployment=')).length;
  const first = argv[at + 1];
  const plain = (w: string | undefined): w is string => w !== undefined && w !== '' && !w.startsWith('-');
  if (at < 0 || given !== 1 || !plain(first)) return { argv: [...argv], more: [] };
  for (let i = 0; i < at; i++) {
    if (argv[i] === '--') return { argv: [...argv], more: [] };
    if (plain(argv[i]) && !isValue(argv, i)) return { argv: [...argv], more: [] };
  }
  let end = at + 2;
  while (plain(argv[end])) end++;
  if (end === at + 2 || COMMAND_WORDS.has(argv[at + 2] ?? '')) return { argv: [...argv], more: [] };
  return { argv: [...argv.slice(0, at + 2), ...argv.slice(end)], more: argv.slice(at + 2, end) };
}

/** A command line read: the command to run and its arguments. */
export interface Parsed {
  readonly run: CommandName;
  readonly args: Args;
}

/** Reads an ordinary command line (see above); null for anything yargs must read. */
export function parseFast(argv: readonly string[], more: readonly string[]): Parsed | null {
  const given = new Map<string, string | boolean>();
  const words: string[] = [];
  /** Options given before the first word: yargs takes a command's own options only after it. */
  const early = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] ?? '';
    if (w === '' || numeric(w)) return null;
    if (!w.startsWith('-')) {
      words.push(w);
      continue;
    }
    if (!w.startsWith('--')) return null;
    const eq = w.indexOf('=');
    const name = w.slice(2, eq < 0 ? undefined : eq);
    const spec = OPTIONS.get(name);
    if (!spec || given.has(name)) return null;
    if (words.length === 0) early.add(name);
    if (spec.type === 'boolean') {
      if (eq >= 0 || argv[i + 1] === 'true' || argv[i + 1] === 'false') return null;
      given.set(name, true);
      continue;
    }
    const value = eq >= 0 ? w.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('-') || numeric(value)) return null;
    given.set(name, value);
  }
  const named = CLI.commands.find((c) => c.run !== null && commandWord(c) === words[0]);
  if (!named && COMMAND_WORDS.has(words[0] ?? '')) return null;
  const command: CommandSpec = named ?? CLI.commands[0];
  if (command.run === null) return null;
  const positionals = named ? words.slice(1) : words;
  const takes = new Set(command.options.map((o) => o.name));
  for (const name of given.keys()) if (!takes.has(name)) return null;
  // A named command's options come after its word (as yargs reads them); before it, yargs decides.
  if (named && early.size > 0) return null;
  const values: Record<string, unknown> = {};
  for (const o of command.options) values[camel(o.name)] = given.get(o.name) ?? o.default;
  const [p] = command.positionals;
  if (p === undefined) {
    if (positionals.length > 0) return null;
  } else if (p.array) {
    if (positionals.length === 0) return null;
    values[p.name] = positionals;
  } else {
    if (positionals.length > 1 || (p.demandOption && positionals.length === 0)) return null;
    values[p.name] = positionals[0] ?? p.default;
  }
  if (typeof values.deployment === 'string') values.deployment = [values.deployment, ...more];
  return { run: command.run, args: values as unknown as Args };
}

/** yargs' camelCase name of an option (`as-documented` is `asDocumented`). */
const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
