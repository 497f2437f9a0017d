import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GuideRow } from '../../src/model/row.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** The repository root. */
export const ROOT = here('../../');

/** The guide's text, beside the project as ../shared/guide (as on CI), or null where it is absent. */
export function guideText(): string | null {
  const path = here('../../../shared/guide/exchange-2016-deployment-guide.txt');
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** A row of the committed transcription, with the line of the guide it came from. */
export type TranscribedRow = GuideRow & { readonly line: number };

/** The committed transcription of section 5 (fixtures/guide/section5.json). */
export function transcription(): TranscribedRow[] {
  return JSON.parse(readFileSync(here('../../fixtures/guide/section5.json'), 'utf8')) as TranscribedRow[];
}

/** The transcription without line numbers, as the compiler's rows are shaped. */
export function transcribedRows(): GuideRow[] {
  return transcription().map(({ line: _line, ...row }) => row);
}
