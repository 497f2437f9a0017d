import { forbiddenIn, quote } from '../input/text.js';
import type { Diagnostic } from './diagnostic.js';
import { pointerToken } from './pointer.js';
import type { Source } from './source.js';

/**
 * Every key and text value of a parsed file that holds a character no value may hold (a control
 * character, a line separator, a bidirectional control: see isForbidden), located. They are refused
 * before anything else reads the values, so no message, script or page ever carries one.
 */
export function checkCharacters(source: Source): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (pointer: string, key: boolean, what: string, text: string) => {
    const bad = forbiddenIn(text);
    if (!bad) return;
    out.push({
      file: source.file,
      ...source.locate(pointer, key),
      pointer,
      message: `${what} holds ${bad.name} at character ${bad.at}, which no ${key ? 'key' : 'value'} may hold`,
    });
  };
  const walk = (value: unknown, pointer: string) => {
    if (typeof value === 'string') report(pointer, false, 'the value', value);
    else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${pointer}/${i}`);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const at = `${pointer}/${pointerToken(k)}`;
        report(at, true, `the key ${quote(k)}`, k);
        walk(v, at);
      }
    }
  };
  walk(source.data, '');
  return out;
}
