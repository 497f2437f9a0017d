#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { OutputFile } from './emit/output.js';
import { UserError } from './user-error.js';

/** Exit codes (DESIGN.md): 0 ok, 1 invalid input or stale output, 2 usage or internal error. */
const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in the command line: exit 2 with the message and a pointer to --help. */
class UsageError extends Error {}

interface Common {
  out: string;
  check: boolean;
}

// Stages are imported on the path that needs them: start-up is most of a run's cost (DESIGN.md).
async function emit(
  common: Common,
  files: readonly OutputFile[],
  ownedDirs: readonly string[],
): Promise<number> {
  const { checkOutputs, writeOutputs } = await import('./write.js');
  if (common.check) {
    const stale = await checkOutputs(common.out, files, ownedDirs);
    if (stale.length === 0) {
      process.stdout.write(`up to date: ${files.length} generated files\n`);
      return EXIT.ok;
    }
    const list = stale.map((s) => `  ${s.path} (${s.why})\n`).join('');
    process.stderr.write(`stale generated files (run build-templates to rewrite them):\n${list}`);
    return EXIT.invalid;
  }
  await writeOutputs(common.out, files);
  process.stdout.write(`wrote ${files.length} files under ${common.out}\n`);
  return EXIT.ok;
}

/** The default job: the committed docs and bundles, and (unless checking) the example site under out/. */
async function buildDefault(a: Common & { deployment?: string | undefined }): Promise<number> {
  if (a.deployment !== undefined) {
    const { siteFiles } = await import('./site-command.js');
    return emit(a, await siteFiles(a.deployment), []);
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
  let code: number = EXIT.ok;
  await yargs(argv)
    .scriptName('build-templates')
    .usage(
      "$0 [command] [options]\n\nCompiles Kemp's MS Exchange 2016 Deployment Guide into LoadMaster template bundles, deployment scripts, parameter tables and runbooks.",
    )
    .option('out', { type: 'string', default: '.', describe: 'folder the generated files are written under' })
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
          describe: "a site's deployment file (YAML or JSON, see build-templates init)",
        }),
      async (a) => {
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
        if (a.check) throw new UsageError('init writes a file; --check does not apply to it');
        const { initDeployment } = await import('./init-command.js');
        await initDeployment(a.file, a.force);
        process.stdout.write(`wrote ${a.file}: edit it, then run build-templates --deployment ${a.file}\n`);
      },
    )
    .command(
      'docs',
      'write the section 5 tables, the errata page and the generic runbook under docs/',
      () => {},
      async (a) => {
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
        const { renderParams } = await import('./params-command.js');
        const { EXCHANGE_2016 } = await import('./catalog/exchange2016/index.js');
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
        const { inspectFile } = await import('./inspect-command.js');
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
    if (err instanceof UserError) {
      process.stderr.write(`${err.report()}\n`);
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
