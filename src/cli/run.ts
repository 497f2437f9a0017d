import { basename } from 'node:path';
import { forTerminal } from '../input/text.js';
import type { Args, CommandName } from './definition.js';
import { EXIT, print, UsageError } from './terminal.cjs';

// One handler per command, whichever parser read the command line (parse.ts or yargs-cli.ts).
// Stages are imported on the path that needs them: start-up is most of a short run's cost.

/** The options of the commands that write (compile, docs), their defaults filled in. */
const writing = (a: Args) => ({ ...a, out: a.out ?? '.', check: a.check === true });

/**
 * What to run after init, as the user runs the command (`npx build-templates` when npx started it):
 * check the file, then build the site into a folder of its own, named as a batch would name it.
 */
export function nextSteps(file: string): string {
  const command = process.env.npm_command === 'exec' ? 'npx build-templates' : 'build-templates';
  const word = (w: string) => (/^[\w./+-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`);
  const folder = basename(file).replace(/\.[^.]*$/, '') || 'site';
  return (
    `wrote ${file}: edit it, then\n` +
    `  ${command} validate ${word(file)}\n` +
    `  ${command} --deployment ${word(file)} --out ${word(folder)}\n`
  );
}

/** Runs a command; its exit code. */
export async function runCommand(run: CommandName, a: Args): Promise<number> {
  switch (run) {
    case 'compile': {
      const { compileCommand } = await import('./compile.js');
      return compileCommand(writing(a));
    }
    case 'init': {
      const file = a.file ?? 'deployment.yaml';
      const { initDeployment } = await import('./init.js');
      const asking = a.yes !== true && process.stdin.isTTY === true && process.stdout.isTTY === true;
      await initDeployment(file, a.force === true, a.followSymlinks === true, asking);
      await print(forTerminal(nextSteps(file), true));
      return EXIT.ok;
    }
    case 'docs': {
      const { docsCommand } = await import('./compile.js');
      return docsCommand(writing(a));
    }
    case 'params': {
      const { renderParams } = await import('./params.js');
      const { EXCHANGE_2016 } = await import('../catalog/exchange2016/index.js');
      await print(
        renderParams(EXCHANGE_2016, { asDocumented: a.asDocumented === true, json: a.json === true }),
      );
      return EXIT.ok;
    }
    case 'inspect': {
      const { inspectFile } = await import('./inspect.js');
      await print(await inspectFile(a.file ?? '', { json: a.json === true }));
      return EXIT.ok;
    }
    case 'validate': {
      const files = a.files ?? [];
      if (files.some((f) => f === '')) throw new UsageError('the file name is empty');
      const { validateFiles, renderValidation } = await import('./validate.js');
      const results = await validateFiles(files, a.strict === true);
      const report = renderValidation(results, a.json === true);
      if (report.stderr) process.stderr.write(forTerminal(report.stderr, true));
      await print(forTerminal(report.stdout, true));
      return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalid;
    }
  }
}
