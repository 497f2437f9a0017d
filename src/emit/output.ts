/** A file the compiler makes: a path relative to the output folder and its whole text. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
  /** File mode, for a script to run as it is (default 0o644). */
  readonly mode?: number;
}
