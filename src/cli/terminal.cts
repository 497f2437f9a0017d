import { OutputError } from '../output-error.cjs';

/**
 * What every command shares with the command line: exit codes (0 ok, 1 invalid input or
 * stale output, 2 usage or internal error), usage mistakes, and printing that fails cleanly.
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in the command line: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {}

/**
 * Standard output that fails ends the run: a pipe its reader closed (`params | head`) quietly, exit
 * 0, as the reader has what it wanted; anything else (a full disk) with one line, exit 2.
 */
export function exitOnStdoutError(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    process.stderr.write(`build-templates: cannot write to standard output (${err.code ?? err.message})\n`);
    process.exit(EXIT.usage);
  });
}

/**
 * SIGINT (Ctrl-C) and SIGTERM end the run between two steps, never inside one: every write of the
 * outputs is synchronous (src/write.ts), so a signal is handled only once the write in hand is whole
 * or undone, and its staging folder gone. Without a handler, Node.js would die where it stood.
 */
export function stopCleanlyOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      process.stderr.write(
        `build-templates: stopped by ${signal}; every output folder is as it was or complete, none half-written\n`,
      );
      process.exit(EXIT.usage);
    });
}

/**
 * Warnings Node.js itself prints (a library's process.emitWarning) may quote what they were given: a
 * key of the site's file, a value. Node's own printer is replaced by one line that names the
 * warning's kind and code only; a deprecation (of an API a package uses, nothing the user can act
 * on) is not printed.
 */
export function quietNodeWarnings(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w: Error & { code?: string }) => {
    if (w.name === 'DeprecationWarning') return;
    const code = typeof w.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(w.code) ? ` ${w.code}` : '';
    const name = /^[A-Za-z]{1,40}$/.test(w.name) ? w.name : 'Warning';
    process.stderr.write(
      `build-templates: Node.js gave a ${name}${code} (its words are left out: they may quote the input)\n`,
    );
  });
}

/**
 * Text to standard output. A pipe its reader closed ends the run quietly, exit 0; any other failure (a
 * full disk) is an OutputError, never a stack.
 */
export function print(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) =>
      (err as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE'
        ? process.exit(EXIT.ok)
        : err
          ? reject(
              new OutputError(
                `cannot write to standard output (${(err as NodeJS.ErrnoException).code ?? err.message})`,
              ),
            )
          : resolve(),
    );
  });
}
