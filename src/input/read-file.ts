import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UserError } from '../user-error.js';

/** What a file the tool reads may be: the most bytes it may hold, and what it is, for messages. */
export interface InputKind {
  readonly maxBytes: number;
  /** "deployment file", "bundle": named in messages. */
  readonly what: string;
  /** Whether the reader prefixes messages with the error's place (InputError.at): then the words leave it out. */
  readonly located?: boolean;
}

/** A file the user named that cannot be read as the tool needs it: exit 1, one line naming it. */
export class InputError extends UserError {
  override name = 'InputError';
  /**
   * Where in the file a byte that is not text stands: its line and column, and the file decoded as
   * far as it can be (each bad byte a replacement character) with the bad byte's index in it, so
   * that a reader of the format can name the value that holds it.
   */
  readonly at?: {
    readonly line: number;
    readonly col: number;
    readonly text: string;
    readonly index: number;
  };

  constructor(message: string, at?: InputError['at']) {
    super(message);
    if (at) this.at = at;
  }
}

/** The kind of a file system object, in words, for a file that is not a regular file. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Where a byte offset of a buffer lies: line and column (1-based, the column counted in characters
 * as an editor counts them), the buffer decoded leniently, and the offset's index in that text.
 */
function located(bytes: Uint8Array, offset: number): NonNullable<InputError['at']> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const before = decoder.decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    line: before.split('\n').length,
    col: [...before.slice(lineStart)].length + 1,
    text: decoder.decode(bytes),
    index: before.length,
  };
}

/** The offset of the first byte that is not part of well-formed UTF-8 (Unicode 3.9, table 3-7), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const cont = (b: number | undefined, lo = 0x80, hi = 0xbf) => b !== undefined && b >= lo && b <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let n: number;
    let ok: boolean;
    if (b < 0x80) [n, ok] = [1, true];
    else if (b >= 0xc2 && b <= 0xdf) [n, ok] = [2, cont(bytes[i + 1])];
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      [n, ok] = [3, cont(bytes[i + 1], lo, hi) && cont(bytes[i + 2])];
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      [n, ok] = [4, cont(bytes[i + 1], lo, hi) && cont(bytes[i + 2]) && cont(bytes[i + 3])];
    } else [n, ok] = [1, false];
    if (!ok) return i;
    i += n;
  }
  return -1;
}

/** Why these bytes are not UTF-8 text, and where, or null when they are. */
function notUtf8(
  bytes: Uint8Array,
  what: string,
): { message: string; at?: NonNullable<InputError['at']> } | null {
  const convert = (from: string) =>
    `save it as UTF-8, e.g. iconv -f ${from} -t UTF-8 FILE > FILE.utf8 (or choose UTF-8 in the editor's Save As)`;
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { message: `the ${what} is UTF-16 (little-endian): ${convert('UTF-16')}` };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { message: `the ${what} is UTF-16 (big-endian): ${convert('UTF-16')}` };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      message: `the ${what} holds a NUL byte here: it is UTF-16 or not text; ${convert('UTF-16')}`,
      at: located(bytes, nul),
    };
  }
  // Node's own check first (native code); the offset of the first bad byte only when there is one.
  if (isUtf8(bytes)) return null;
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return null;
  return {
    message: `the ${what} is not UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} here): if it is Latin-1 (ISO-8859-1), ${convert('ISO-8859-1')}`,
    at: located(bytes, bad),
  };
}

/**
 * Reads a file the user named, as the tool's one policy for untrusted input: a regular file only
 * (never a folder, pipe or device, which could hang or never end), at most `kind.maxBytes` bytes
 * (read no further than that, whatever the size says), UTF-8 text (a BOM is dropped; UTF-16 and other
 * encodings are named, with how to convert). No byte of the file is quoted in a message.
 *
 * Synchronous: one small file, read in a few calls. It is opened without blocking (a named pipe with
 * no writer would otherwise wait for ever) and what was opened is what is checked, so a file swapped
 * for a pipe between a look and the read is still refused.
 */
export function readInputFile(path: string, kind: InputKind): string {
  const tooBig = () =>
    new InputError(
      `${path}: the ${kind.what} is larger than ${kind.maxBytes / 1024 / 1024} MB; no real one is that big`,
    );
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new InputError(`${path}: ${describeError(err)}`);
  }
  let buffer = Buffer.alloc(0);
  let length = 0;
  try {
    const info = fstatSync(fd);
    if (!info.isFile())
      throw new InputError(`${path}: the ${kind.what} is ${kindOf(info)}, not a regular file`);
    if (info.size > kind.maxBytes) throw tooBig();
    // Room for the size it says and one byte more, to see it grow; not zero-filled (a batch reads a
    // thousand files): only the bytes read are ever looked at.
    buffer = Buffer.allocUnsafe(info.size + 1);
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(kind.maxBytes + 1);
        buffer.copy(larger);
        buffer = larger;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > kind.maxBytes) throw tooBig();
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: ${describeError(err)}`);
  } finally {
    closeSync(fd);
  }
  let bytes: Uint8Array = buffer.subarray(0, length);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const why = notUtf8(bytes, kind.what);
  if (why) {
    // A message without a place of its own in the file names the place in its words.
    const where = why.at && !kind.located ? ` at ${why.at.line}:${why.at.col}` : '';
    throw new InputError(`${path}: ${why.message.replace(' here', where)}`, why.at);
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A file system error in words, without a stack or the file's content. */
export function describeError(err: unknown, doing: 'read' | 'write' = 'read'): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EROFS':
      return 'a read-only file system';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space left on the disk';
    default:
      return `cannot be ${doing === 'read' ? 'read' : 'written'} (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}
