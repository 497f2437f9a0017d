import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Simulator } from '../../simulator/index.js';

// Each simulator's own owned list (LM_OWNED), so that runs of one script against several simulators
// at once, or against a later simulator on a port an earlier one had, share nothing. A test of the
// default place (deploy.owned.tsv beside the script) passes LM_OWNED as ''.

let folder: string | undefined;
const lists = new WeakMap<Simulator, string>();

/** The owned list the scripts keep for this simulator. */
export function ownedListOf(sim: Simulator): string {
  let path = lists.get(sim);
  if (path) return path;
  if (!folder) {
    const made = mkdtempSync(join(tmpdir(), 'bt-owned-'));
    folder = made;
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  path = join(folder, `owned-${new URL(sim.url).port}-${Math.random().toString(36).slice(2, 8)}.tsv`);
  lists.set(sim, path);
  return path;
}
