import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GuideRow } from '../../src/model/row.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** The repository root. */
export const ROOT = here('../../');

/** The variable that names the guide's text for the checks that re-read it (npm run check:guide). */
export const GUIDE_ENV = 'BUILD_TEMPLATES_GUIDE';

/**
 * The guide's text, from the file named by BUILD_TEMPLATES_GUIDE. A clone has no guide beside it, so
 * the checks that need one run only through `npm run check:guide -- PATH` (which sets the variable).
 */
export function guideText(): string {
  const path = process.env[GUIDE_ENV];
  if (!path) {
    throw new Error(
      `${GUIDE_ENV} is not set: these checks re-read Kemp's guide, which a clone does not hold; run npm run check:guide -- PATH/TO/exchange-2016-deployment-guide.txt`,
    );
  }
  if (!existsSync(path)) throw new Error(`${path}: no such file (${GUIDE_ENV} names the guide's text)`);
  return readFileSync(path, 'utf8');
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

/** One of the guide's templates (fixtures/guide/templates.json). */
export interface GuideTemplate {
  readonly section: string;
  readonly name: string;
  readonly bundle: string;
}

/** The guide's templates in its order: what the catalogue must hold, whatever it adds. */
export function guideTemplates(): GuideTemplate[] {
  const file = JSON.parse(readFileSync(here('../../fixtures/guide/templates.json'), 'utf8')) as {
    templates: GuideTemplate[];
  };
  return file.templates;
}
