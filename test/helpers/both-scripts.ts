import type { Simulator } from '../../simulator/index.js';
import type { ScriptRun } from './bash-run.js';
import { psArgs, runPwsh, writeDeployPs } from './pwsh-run.js';
import { deploy, type FixtureSite } from './setup.js';

/** What a test asks of a script: apply, plan, plan --remove (`preview`) or remove without asking. */
export type Action = 'apply' | 'plan' | 'preview' | 'remove';

/** One of the scripts of a site, run against a simulator. */
export interface Runner {
  readonly name: string;
  run(sim: Simulator, action: Action): Promise<ScriptRun>;
}

const SH: Readonly<Record<Action, readonly string[]>> = {
  apply: [],
  plan: ['plan'],
  preview: ['plan', '--remove'],
  remove: ['remove', '--yes'],
};
const PS: Readonly<Record<Action, readonly string[]>> = {
  apply: [],
  plan: ['-Plan'],
  preview: ['-Plan', '-Remove'],
  remove: ['-Remove', '-Force'],
};

/**
 * deploy.sh for a site, and deploy.ps1 (written into `dir`, run with `pwsh -File`) when `pwsh` is
 * given: the same actions by each script's own words.
 */
export function bothScripts(site: FixtureSite, dir: string, pwsh: string | undefined): Runner[] {
  const out: Runner[] = [{ name: 'deploy.sh', run: (sim, action) => deploy(site, sim, [...SH[action]]) }];
  if (pwsh) {
    const path = writeDeployPs(dir, site.plan);
    out.push({
      name: 'deploy.ps1',
      run: (sim, action) => runPwsh(pwsh, path, psArgs(sim, PS[action]).args, psArgs(sim).env),
    });
  }
  return out;
}
