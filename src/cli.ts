#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { closest } from './deployment/closest.js';
import type { OutputFile } from './emit/output.js';
import { forTerminal, quote } from './input/text.js';
import { OutputError } from './output-error.js';
import { UserError } from './user-error.js';
import { packageVersion } from './version.js';

/** Exit codes (DESIGN.md): 0 ok, 1 invalid input or stale output, 2 usage or internal error. */
const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/**
 * The LoadMaster API simulator's entry point. The compiler never imports the simulator (it is its
 * own program, in simulator/ at the top, built by simulator/tsconfig.json): the `sim` command loads
 * it by path, at run time, only when asked. Built, this file is dist/cli.js and the simulator
 * dist/simulator/; from source (tsx src/cli.ts) they are src/cli.ts and simulator/.
 */
const SIMULATOR_RUN = import.meta.url.endsWith('.ts')
  ? new URL('../simulator/run.ts', import.meta.url)
  : new URL('./simulator/run.js', import.meta.url);

/** What the `sim` command needs of simulator/run.ts: its arguments in, an exit code out. */
interface SimulatorRun {
  runSimulator(args: readonly string[]): Promise<number>;
}

/** A mistake in the command line: exit 2 with the message and a pointer to --help. */
class UsageError extends Error {}

interface Common {
  out: string;
  check: boolean;
}

/** The options that take one value: given twice, or without a value, the command line is wrong. */
const SINGLE = ['out', 'deployment', 'file'] as const;

/** Every option the command line knows, for "did you mean" (yargs' own spellings). */
const OPTIONS = ['out', 'check', 'deployment', 'force', 'as-documented', 'json', 'help', 'version'];
const COMMANDS = ['init', 'docs', 'params', 'inspect', 'validate', 'completion', 'sim'];

/** Refuses a single-value option given twice or given no value (yargs would take an array or ''). */
function singleValues(a: Record<string, unknown>): void {
  for (const name of SINGLE) {
    const v = a[name];
    if (Array.isArray(v)) throw new UsageError(`--${name} is given ${v.length} times; give it once`);
    if (v === '')
      throw new UsageError(name === 'file' ? 'the file name is empty' : `--${name} needs a value`);
  }
}

/** Text to standard output; a failure (a closed pipe, a full disk) is an OutputError, never a stack. */
function print(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) =>
      err
        ? reject(
            new OutputError(
              `cannot write to standard output (${(err as NodeJS.ErrnoException).code ?? err.message})`,
            ),
          )
        : resolve(),
    );
  });
}

// Stages are imported on the path that needs them: start-up is most of a run's cost (DESIGN.md).
async function emit(
  common: Common,
  files: readonly OutputFile[],
  ownedDirs: readonly string[],
  inputs: readonly string[] = [],
): Promise<number> {
  const { checkOutputs, writeOutputs } = await import('./write.js');
  if (common.check) {
    const stale = await checkOutputs(common.out, files, ownedDirs);
    if (stale.length === 0) {
      await print(`up to date: ${files.length} generated files\n`);
      return EXIT.ok;
    }
    const list = stale.map((s) => `  ${s.path} (${s.why})\n`).join('');
    process.stderr.write(
      forTerminal(`stale generated files (run build-templates to rewrite them):\n${list}`, true),
    );
    return EXIT.invalid;
  }
  await writeOutputs(common.out, files, { inputs });
  await print(forTerminal(`wrote ${files.length} files under ${common.out}\n`, true));
  return EXIT.ok;
}

/** The default job: the committed docs and bundles, and (unless checking) the example site under out/. */
async function buildDefault(a: Common & { deployment?: string | undefined }): Promise<number> {
  if (a.deployment !== undefined) {
    const { siteFiles } = await import('./site-command.js');
    return emit(a, await siteFiles(a.deployment), [], [a.deployment]);
  }
  const { buildAll } = await import('./build.js');
  const { EXCHANGE_2016 } = await import('./catalog/exchange2016/index.js');
  const g = buildAll(EXCHANGE_2016);
  if (a.check) return emit(a, g.files, g.ownedDirs);
  const { fileURLToPath } = await import('node:url');
  const { siteFiles, EXAMPLE_DEPLOYMENT_FILE, EXAMPLE_LABEL } = await import('./site-command.js');
  const example = await siteFiles(fileURLToPath(EXAMPLE_DEPLOYMENT_FILE), 'out/example/', EXAMPLE_LABEL);
  return emit(a, [...g.files, ...example], g.ownedDirs);
}

async function main(argv: string[]): Promise<number> {
  // The simulator has options of its own (sim --help); its arguments are not the compiler's.
  if (argv[0] === 'sim') {
    const { runSimulator } = (await import(SIMULATOR_RUN.href)) as SimulatorRun;
    return runSimulator(argv.slice(1));
  }
  let code: number = EXIT.ok;
  await yargs(argv)
    .scriptName('build-templates')
    .usage(
      "$0 [command] [options]\n\nCompiles Kemp's MS Exchange 2016 Deployment Guide into LoadMaster template bundles, deployment scripts, parameter tables and runbooks.",
    )
    .option('out', {
      type: 'string',
      default: '.',
      requiresArg: true,
      describe: 'folder the generated files are written under',
    })
    .alias('h', 'help')
    .option('check', {
      type: 'boolean',
      default: false,
      describe: 'write nothing; exit 1 and list the files that differ from what the compiler makes now',
    })
    .command(
      '$0',
      "write the docs and the template bundles, and the example site under out/example; with --deployment, write that site's deploy.sh, deploy.ps1 and runbook.md",
      (y) =>
        y.option('deployment', {
          type: 'string',
          requiresArg: true,
          describe: "a site's deployment file (YAML or JSON, see build-templates init)",
        }),
      async (a) => {
        singleValues(a);
        code = await buildDefault(a);
      },
    )
    .command(
      'init [file]',
      'write a commented example deployment file',
      (y) =>
        y
          .positional('file', { type: 'string', default: 'deployment.yaml', describe: 'where to write it' })
          .option('force', { type: 'boolean', default: false, describe: 'replace an existing file' }),
      async (a) => {
        singleValues(a);
        if (a.check) throw new UsageError('init writes a file; --check does not apply to it');
        if (a.out !== '.')
          throw new UsageError(
            'init writes the file it is given; --out does not apply to it (build-templates init DIR/deployment.yaml)',
          );
        const { initDeployment } = await import('./init-command.js');
        await initDeployment(a.file, a.force);
        await print(
          forTerminal(`wrote ${a.file}: edit it, then run build-templates --deployment ${a.file}\n`, true),
        );
      },
    )
    .command(
      'docs',
      'write the section 5 tables, the errata page and the generic runbook under docs/',
      () => {},
      async (a) => {
        singleValues(a);
        const { buildDocs, DOCS_OWNED_DIRS } = await import('./build.js');
        const { EXCHANGE_2016 } = await import('./catalog/exchange2016/index.js');
        code = await emit(a, buildDocs(EXCHANGE_2016), DOCS_OWNED_DIRS);
      },
    )
    .command(
      'params',
      "print the compiled rows of the guide's section 5",
      (y) =>
        y
          .option('as-documented', {
            type: 'boolean',
            default: false,
            describe: 'the rows exactly as the guide prints them',
          })
          .option('json', { type: 'boolean', default: false, describe: 'print a JSON array for scripts' }),
      async (a) => {
        notForPrinting('params', a);
        const { renderParams } = await import('./params-command.js');
        const { EXCHANGE_2016 } = await import('./catalog/exchange2016/index.js');
        await print(renderParams(EXCHANGE_2016, { asDocumented: a.asDocumented, json: a.json }));
      },
    )
    .command(
      'inspect <file>',
      'print the templates of a bundle file (.tmpl): VSs, SubVSs, rules and parameters',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'the bundle file to read' })
          .option('json', { type: 'boolean', default: false, describe: 'print the templates as JSON' }),
      async (a) => {
        notForPrinting('inspect', a);
        const { inspectFile } = await import('./inspect-command.js');
        await print(await inspectFile(a.file, { json: a.json }));
      },
    )
    .command(
      'validate <files..>',
      'check deployment files and write nothing: exit 0 when every one is valid, 1 when one is not',
      (y) =>
        y
          .positional('files', {
            type: 'string',
            array: true,
            demandOption: true,
            describe: 'the deployment files',
          })
          .option('json', {
            type: 'boolean',
            default: false,
            describe:
              'print [{ file, valid, problems: [{ file, line, col, pointer, message }] }] for editors and CI',
          }),
      async (a) => {
        notForPrinting('validate', a);
        if (a.files.some((f) => f === '')) throw new UsageError('the file name is empty');
        const { validateFiles, renderValidation } = await import('./validate-command.js');
        const results = await validateFiles(a.files);
        const report = renderValidation(results, a.json);
        if (report.stderr) process.stderr.write(forTerminal(report.stderr, true));
        await print(forTerminal(report.stdout, true));
        code = results.every((r) => r.valid) ? EXIT.ok : EXIT.invalid;
      },
    )
    .command(
      'sim',
      'start a LoadMaster API simulator on 127.0.0.1 to rehearse deploy.sh against (options: build-templates sim --help)',
    )
    .completion('completion', 'print a completion script for bash or zsh (add its output to ~/.bashrc)')
    .example(
      '$0',
      'write the docs, the bundles and the example site (examples/deployment.yaml) under out/example',
    )
    .example('$0 init site.yaml', 'write a commented deployment file to edit')
    .example('$0 validate site.yaml', 'check it, writing nothing')
    .example(
      '$0 --deployment site.yaml --out site',
      'write site/deploy.sh, site/deploy.ps1 and site/runbook.md',
    )
    .example('$0 inspect dist-templates/Exchange2016Core.tmpl', "print a bundle's templates")
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

/** A command that prints writes no file: --out and --check would be silently ignored, so they are refused. */
function notForPrinting(command: string, a: Record<string, unknown>): void {
  singleValues(a);
  if (a.check) throw new UsageError(`${command} prints; --check does not apply to it`);
  if (a.out !== '.') throw new UsageError(`${command} prints; --out does not apply to it`);
}

/** yargs' complaint in one line, with "did you mean" for a mistyped option or command. */
function usage(msg: string, argv: readonly string[]): string {
  const missing = /^Not enough arguments following: (.*)$/.exec(msg);
  if (missing) return `--${missing[1]} needs a value`;
  if (/^Not enough non-option arguments/.test(msg)) {
    return argv.find((w) => !w.startsWith('-')) === 'validate'
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

// Standard output that fails (a closed pipe, a full disk) ends the run with one line, exit 2.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  process.stderr.write(`build-templates: cannot write to standard output (${err.code ?? err.message})\n`);
  process.exit(EXIT.usage);
});

main(hideBin(process.argv)).then(
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
