// The licences of the packages that scripts/single-file.ts builds into the command and the simulator:
// the package ships their code inside its own files and installs none of them, so it carries their
// notices itself (dist/third-party-licences.txt).
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/**
 * The folder of the package a bundled input comes from (its last node_modules/ part), or null. An
 * input of a plugin's namespace (`name:/absolute/path`) is the file it stands for.
 */
function packageFolder(input: string): string | null {
  const parts = input.replace(/^[a-z-]+:/, '').split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return null;
  const width = parts[at + 1]?.startsWith('@') ? 3 : 2;
  return parts.slice(0, at + width).join('/');
}

/**
 * Each package's name, version, licence and licence text, from the inputs of esbuild's builds (paths
 * relative to `root`), sorted by name. A package without a licence file is named with its licence.
 */
export function licenceNotices(root: string, inputs: readonly string[]): string {
  const folders = [
    ...new Set(
      inputs
        .map(packageFolder)
        .filter((f): f is string => f !== null)
        .map((f) => (isAbsolute(f) ? relative(root, f) : f)),
    ),
  ];
  const notices = folders.map((folder) => {
    const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
    };
    const file = readdirSync(join(root, folder)).find((f) => /^licen[cs]e([-.][\w.-]*)?$/i.test(f));
    const text =
      file === undefined
        ? `(no licence file in the package; its package.json says: ${manifest.license ?? 'nothing'})`
        : readFileSync(join(root, folder, file), 'utf8').trim();
    return { head: `${manifest.name} ${manifest.version} (${manifest.license ?? 'no licence named'})`, text };
  });
  const unique = [...new Map(notices.map((n) => [n.head, n])).values()].sort((a, b) =>
    a.head < b.head ? -1 : a.head > b.head ? 1 : 0,
  );
  return `${[
    'The command (dist/build-templates.cjs) and the simulator (dist/simulator.mjs) hold code of these',
    'packages, each under its own licence, given here in full.',
    ...unique.map((n) => `\n${'='.repeat(72)}\n${n.head}\n${'='.repeat(72)}\n\n${n.text}`),
  ].join('\n')}\n`;
}
