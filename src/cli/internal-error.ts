import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { excerpt } from '../input/text.js';

/**
 * The first place in src/ an error's stack names: from source, as the stack says; in the installed
 * command, the single-file command's line and column looked up in its source map (made beside it by
 * scripts/single-file.ts). Undefined when there is none.
 */
export function sourceLine(err: Error): string | undefined {
  const stack = err.stack ?? '';
  const direct = /[\\/](src[\\/][^:()\s]+\.[cm]?ts):(\d+)/.exec(stack);
  if (direct) return `${direct[1]?.replace(/\\/g, '/')}:${direct[2]}`;
  const here = fileURLToPath(import.meta.url);
  const frame = new RegExp(`${here.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`).exec(stack);
  if (!frame) return undefined;
  try {
    const map = new SourceMap(JSON.parse(readFileSync(`${here}.map`, 'utf8')));
    const entry = map.findEntry(Number(frame[1]) - 1, Number(frame[2]) - 1) as {
      originalSource?: string;
      originalLine?: number;
    };
    if (!entry.originalSource || entry.originalLine === undefined) return undefined;
    return `${entry.originalSource.replace(/^(\.\.\/)+/, '')}:${entry.originalLine + 1}`;
  } catch {
    return undefined;
  }
}

/**
 * An error that is the program's, not the user's, in one line: its message, short and safe for a
 * terminal (it may quote a value), and the src/ line it came from.
 */
export function internalError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = err instanceof Error ? sourceLine(err) : undefined;
  return `internal error: ${excerpt(message, 200)}${at ? ` (at ${at})` : ''}`;
}
