import { OutputError } from '../output-error.js';

/**
 * What every command shares with the command line: exit codes (0 ok, 1 invalid input or
 * stale output, 2 usage or internal error), usage mistakes, and printing that fails cleanly.
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in the command line: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {}

/** Standard output that fails (a closed pipe, a full disk) ends the run with one line, exit 2. */
export function exitOnStdoutError(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    process.stderr.write(`build-templates: cannot write to standard output (${err.code ?? err.message})\n`);
    process.exit(EXIT.usage);
  });
}

/** Text to standard output; a failure (a closed pipe, a full disk) is an OutputError, never a stack. */
export function print(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) =>
      err
        ? reject(
            new OutputError(
              `cannot write to standard output (${(err as NodeJS.ErrnoException).code ?? err.message})`,
            ),
          )
        : resolve(),
    );
  });
}
