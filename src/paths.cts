import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Files of this package the command reads at run time, from the package's own folder: src/ and dist/
 * are both one level below it, and so is the single-file command (dist/build-templates.cjs, whose
 * `__dirname` is dist/: src/cli/load-command.cts). Every such path is made here, so the three agree.
 * CommonJS, so that `--version` reads package.json without Node's ES module loader (src/cli/main.cts).
 */
const PACKAGE_ROOT = pathToFileURL(`${join(__dirname, '..')}${sep}`);

/** A file of the package, by its path from the package's folder (e.g. `examples/deployment.yaml`). */
export function packageFile(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}
