#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildAll, buildDocs } from './build.js';
import { EXCHANGE_2016 } from './catalog/exchange2016/index.js';
import type { OutputFile } from './emit/output.js';
import { inspectFile } from './inspect-command.js';
import { renderParams } from './params-command.js';
import { BundleError } from './reader/template-xml.js';
import { checkOutputs, writeOutputs } from './write.js';

/** Exit codes (DESIGN.md): 0 ok, 1 invalid input or stale output, 2 usage or internal error. */
const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

interface Common {
  out: string;
  check: boolean;
}

async function emit(
  common: Common,
  files: readonly OutputFile[],
  ownedDirs: readonly string[],
): Promise<number> {
  if (common.check) {
    const stale = await checkOutputs(common.out, files, ownedDirs);
    if (stale.length === 0) {
      process.stdout.write(`up to date: ${files.length} generated files\n`);
      return EXIT.ok;
    }
    process.stderr.write(
      `stale generated files (run build-templates to rewrite them):\n${stale.map((s) => `  ${s.path} (${s.why})\n`).join('')}`,
    );
    return EXIT.invalid;
  }
  await writeOutputs(common.out, files);
  process.stdout.write(`wrote ${files.length} files under ${common.out}\n`);
  return EXIT.ok;
}

async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  await yargs(argv)
    .scriptName('build-templates')
    .usage(
      "$0 [command] [options]\n\nCompiles Kemp's MS Exchange 2016 Deployment Guide into LoadMaster templates, parameter tables and docs.",
    )
    .option('out', { type: 'string', default: '.', describe: 'folder the generated files are written under' })
    .option('check', {
      type: 'boolean',
      default: false,
      describe: 'write nothing; exit 1 and list the files that differ from what the compiler makes now',
    })
    .command(
      '$0',
      'write the generated docs and the template bundles under --out',
      () => {},
      async (a) => {
        const g = buildAll(EXCHANGE_2016);
        code = await emit(a, g.files, g.ownedDirs);
      },
    )
    .command(
      'docs',
      'write the section 5 tables and the errata page under docs/',
      () => {},
      async (a) => {
        code = await emit(a, buildDocs(EXCHANGE_2016), ['docs/parameters']);
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
      (a) => {
        process.stdout.write(renderParams(EXCHANGE_2016, { asDocumented: a.asDocumented, json: a.json }));
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
        process.stdout.write(await inspectFile(a.file, { json: a.json }));
      },
    )
    .strict()
    .help()
    .version()
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .parseAsync();
  return code;
}

/** A mistake in the command line: exit 2 with the message and a pointer to --help. */
class UsageError extends Error {}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT.ok);
  throw err;
});

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bad input file is the user's to fix: one line, exit 1.
    if (err instanceof BundleError) {
      process.stderr.write(`build-templates: ${err.message.replace(/\s+/g, ' ')}\n`);
      process.exitCode = EXIT.invalid;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`build-templates: ${err.message}\nRun build-templates --help for usage.\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`build-templates: internal error: ${message}\n`);
    if (process.env.BUILD_TEMPLATES_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = EXIT.usage;
  },
);
