/**
 * Files of this package the command reads at run time, from the package's own folder: src/ and dist/
 * are both one level below it, and so is the single-file command (dist/build-templates.cjs, scripts/single-file.ts),
 * whose one `import.meta.url` is its own file's. Every such path is made here, so the three agree.
 */
const PACKAGE_ROOT = new URL('../', import.meta.url);

/** A file of the package, by its path from the package's folder (e.g. `examples/deployment.yaml`). */
export function packageFile(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}
