/** A file the compiler makes: a path relative to the output folder and its whole text. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}
