import { forTerminal } from '../input/text.js';
import type { Args, CommandName } from './definition.js';
import { EXIT, print, UsageError } from './terminal.js';

// One handler per command, whichever parser read the command line (parse.ts or yargs-cli.ts).
// Stages are imported on the path that needs them: start-up is most of a short run's cost.

/** A command that prints writes no file: --out and --check would be silently ignored, so they are refused. */
function notForPrinting(command: string, a: Args): void {
  if (a.check) throw new UsageError(`${command} prints; --check does not apply to it`);
  if (a.out !== '.') throw new UsageError(`${command} prints; --out does not apply to it`);
  if (a.followSymlinks) throw new UsageError(`${command} prints; --follow-symlinks does not apply to it`);
}

/** Runs a command; its exit code. */
export async function runCommand(run: CommandName, a: Args): Promise<number> {
  switch (run) {
    case 'compile': {
      const { compileCommand } = await import('./compile.js');
      return compileCommand(a);
    }
    case 'init': {
      if (a.check) throw new UsageError('init writes a file; --check does not apply to it');
      if (a.out !== '.')
        throw new UsageError(
          'init writes the file it is given; --out does not apply to it (build-templates init DIR/deployment.yaml)',
        );
      const file = a.file ?? 'deployment.yaml';
      const { initDeployment } = await import('./init.js');
      await initDeployment(file, a.force === true, a.followSymlinks === true);
      await print(
        forTerminal(`wrote ${file}: edit it, then run build-templates --deployment ${file}\n`, true),
      );
      return EXIT.ok;
    }
    case 'docs': {
      const { docsCommand } = await import('./compile.js');
      return docsCommand(a);
    }
    case 'params': {
      notForPrinting('params', a);
      const { renderParams } = await import('./params.js');
      const { EXCHANGE_2016 } = await import('../catalog/exchange2016/index.js');
      await print(
        renderParams(EXCHANGE_2016, { asDocumented: a.asDocumented === true, json: a.json === true }),
      );
      return EXIT.ok;
    }
    case 'inspect': {
      notForPrinting('inspect', a);
      const { inspectFile } = await import('./inspect.js');
      await print(await inspectFile(a.file ?? '', { json: a.json === true }));
      return EXIT.ok;
    }
    case 'validate': {
      notForPrinting('validate', a);
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
