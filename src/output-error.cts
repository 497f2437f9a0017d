/**
 * The tool could not write where it was told to (an output path that is a folder, a device or an
 * input file; a full disk; standard output closed): the CLI prints the one-line message and exits 2.
 * Kept free of imports so the CLI can recognise it without loading the stages.
 */
export class OutputError extends Error {
  override name = 'OutputError';
}
