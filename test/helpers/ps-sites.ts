import { writeDeployPs } from './pwsh-run.js';
import type { FixtureSite } from './setup.js';

/** A fixture with its deploy.ps1 on disk too. */
export interface PsSite extends FixtureSite {
  /** deploy.ps1's path. */
  readonly ps: string;
}

/** Each fixture with its deploy.ps1 written into the folder `folderOf` gives it. */
export function withDeployPs(
  sites: readonly FixtureSite[],
  folderOf: (site: FixtureSite) => string,
): PsSite[] {
  return sites.map((site) => ({ ...site, ps: writeDeployPs(folderOf(site), site.plan) }));
}
