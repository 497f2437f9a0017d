/**
 * Which source files make each deployment script, in the order the script holds them. The sources
 * are real bash and PowerShell files under `emit/bash/` and `emit/powershell/`; `npm run precompile`
 * (scripts/precompile-scripts.ts) reads them and writes `emit/compiled/scripts.ts`, which
 * `emit/render.ts` loads.
 *
 * - `source`: a `.sh` or `.ps1` file, taken as it is.
 * - `catalogue`: an `.hbs` file whose placeholders are the parameter catalogue's names and facts,
 *   filled at build time (an unknown name fails the build: `emit/script-catalogue.ts`).
 * - `site`: an `.hbs` file whose placeholders are the site's values, each through its language's
 *   escaper, filled when a site is compiled.
 *
 * Each file ends with a line break, and a blank line separates it from the next, except after a
 * part marked `continues` (deploy.sh's banner, whose comment the usage text goes on with).
 */
export type ScriptPart =
  | { readonly source: string }
  | { readonly catalogue: string }
  | { readonly site: string; readonly continues?: true };

export type ScriptLanguage = 'bash' | 'powershell';

/** deploy.sh: banner and usage, the command line, the reply reader, the library, the plan's steps. */
export const BASH_PARTS: readonly ScriptPart[] = [
  { site: 'header.sh.hbs', continues: true },
  { source: 'usage.sh' },
  { site: 'summary.sh.hbs' },
  { source: 'command-line.sh' },
  { source: 'reply-reader.sh' },
  { catalogue: 'reply-fields.sh.hbs' },
  { source: 'environment.sh' },
  { source: 'transport.sh' },
  { source: 'owned.sh' },
  { catalogue: 'api.sh.hbs' },
  { source: 'records.sh' },
  { source: 'compare.sh' },
  { source: 'report.sh' },
  { source: 'json.sh' },
  { source: 'find.sh' },
  { source: 'service-settings.sh' },
  { catalogue: 'service-hold.sh.hbs' },
  { source: 'step-checks.sh' },
  { source: 'step-global.sh' },
  { source: 'step-rule.sh' },
  { source: 'step-vs.sh' },
  { source: 'step-members.sh' },
  { source: 'remove.sh' },
  { source: 'main.sh' },
  { site: 'steps.sh.hbs' },
];

/** deploy.ps1: banner and parameters, credential and connection, the library, the plan's steps, main. */
export const PS_PARTS: readonly ScriptPart[] = [
  // A blank line after the banner: PowerShell takes the next comment block as the script's help.
  { site: 'header.ps1.hbs' },
  { source: 'parameters.ps1' },
  { site: 'summary.ps1.hbs' },
  { source: 'credentials.ps1' },
  { catalogue: 'reply-fields.ps1.hbs' },
  { source: 'tls.ps1' },
  { source: 'transport.ps1' },
  { source: 'owned.ps1' },
  { source: 'records.ps1' },
  { source: 'compare.ps1' },
  { source: 'report.ps1' },
  { source: 'write.ps1' },
  { catalogue: 'api.ps1.hbs' },
  { source: 'find.ps1' },
  { source: 'service-settings.ps1' },
  { catalogue: 'service-hold.ps1.hbs' },
  { source: 'step-checks.ps1' },
  { source: 'step-global.ps1' },
  { source: 'step-rule.ps1' },
  { source: 'step-vs.ps1' },
  { source: 'step-members.ps1' },
  { source: 'remove.ps1' },
  { site: 'steps.ps1.hbs' },
  { source: 'main.ps1' },
];

/** Each script's parts and the folder under `src/emit/` that holds them. */
export const SCRIPTS = {
  bashScript: { folder: 'bash', parts: BASH_PARTS },
  psScript: { folder: 'powershell', parts: PS_PARTS },
} as const;

/** A part's file name. */
export function partFile(part: ScriptPart): string {
  return 'source' in part ? part.source : 'catalogue' in part ? part.catalogue : part.site;
}
