import { excerpt, forTerminal } from '../input/text.js';
import { UserError } from '../user-error.js';

/** One problem in a deployment file, where it is and what is wrong, in plain words. */
export interface Diagnostic {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly col: number;
  /** JSON pointer into the document ("" is the whole document). */
  readonly pointer: string;
  readonly message: string;
}

/** The longest pointer shown whole; line and column locate the rest (a key may be 1,000 characters). */
const POINTER_LIMIT = 120;

/** `file:line:col /json/pointer: message`, as the CLI prints each problem; safe for a terminal. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${forTerminal(`${d.file}:${d.line}:${d.col}`)} ${excerpt(d.pointer || '/', POINTER_LIMIT)}: ${forTerminal(d.message)}`;
}

/** At most this many problems are listed; the rest are counted ("and 7 more problems"). */
export const MAX_PROBLEMS = 20;

/** A deployment file with problems: every one of them, found before anything is written. */
export class DeploymentError extends UserError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const shown = diagnostics.slice(0, MAX_PROBLEMS).map(formatDiagnostic);
    const more = diagnostics.length - shown.length;
    if (more > 0) shown.push(`... and ${more} more ${more === 1 ? 'problem' : 'problems'}`);
    super(shown.join('\n'));
  }

  /** One line per problem, each `file:line:col /pointer: message`. */
  override report(): string {
    return this.message;
  }
}
