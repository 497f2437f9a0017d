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

/** `file:line:col /json/pointer: message`, as the CLI prints each problem. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.pointer || '/'}: ${d.message}`;
}

/** A deployment file with problems: every one of them, found before anything is written. */
export class DeploymentError extends UserError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }

  /** One line per problem, each `file:line:col /pointer: message`. */
  override report(): string {
    return this.message;
  }
}
