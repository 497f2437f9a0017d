import { EXCHANGE_2016 } from '../catalog/exchange2016/index.js';
import { DeploymentError, type Diagnostic } from '../deployment/diagnostic.js';
import { loadDeployment } from '../deployment/load.js';
import { jsonForTerminal } from '../input/text.js';
import { warningLines } from './warnings.js';

/** What `validate` found in one deployment file. */
export interface Validation {
  readonly file: string;
  readonly valid: boolean;
  /** Every problem, located as the compiler reports it; empty when the file is valid. */
  readonly problems: readonly Diagnostic[];
  /** Example values left in (placeholders.ts), located; errors instead with --strict. */
  readonly warnings: readonly Diagnostic[];
}

/** Checks each deployment file as `--deployment` would, writing nothing. */
export async function validateFiles(files: readonly string[], strict = false): Promise<Validation[]> {
  const out: Validation[] = [];
  for (const file of files) {
    const warnings: Diagnostic[] = [];
    try {
      await loadDeployment(file, EXCHANGE_2016, { strict, warnings });
      out.push({ file, valid: true, problems: [], warnings });
    } catch (err) {
      if (!(err instanceof DeploymentError)) throw err;
      out.push({ file, valid: false, problems: err.diagnostics, warnings });
    }
  }
  return out;
}

/**
 * The report: for people, `FILE: valid` on stdout and each problem on stderr (at most 20 per file, as
 * the compiler prints them); with `json`, one array on stdout for editors and CI.
 */
export function renderValidation(
  results: readonly Validation[],
  json: boolean,
): { stdout: string; stderr: string } {
  if (json) return { stdout: `${jsonForTerminal(results)}\n`, stderr: '' };
  const stdout = results
    .filter((r) => r.valid)
    .map((r) => `${r.file}: valid\n`)
    .join('');
  const stderr = results
    .map((r) => (r.valid ? warningLines(r.warnings) : `${new DeploymentError(r.problems).report()}\n`))
    .join('');
  return { stdout, stderr };
}
