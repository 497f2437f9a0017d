import { excerpt } from '../input/text.js';

/**
 * Why a `.json` deployment file is not JSON, and where (an offset), or null when it is. A JSON file is
 * held to JSON's grammar, not YAML's (which is looser), and its errors are worded as JSON errors. The
 * engine's message quotes the file on some errors (`Unexpected token '}', "{..." is not valid JSON`):
 * that quote is dropped, so no content is echoed.
 */
export function jsonSyntaxProblem(text: string): { offset: number | null; message: string } | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    const raw = (err as Error).message.replace(/, ".*" is not valid JSON$/s, '');
    const at = / in JSON at position (\d+)/.exec(raw);
    const reason = raw.replace(/ in JSON at position \d+.*$/s, '');
    const offset = at ? Number(at[1]) : /end of JSON input/.test(raw) ? text.length : null;
    return { offset, message: `not valid JSON: ${excerpt(reason, 100)}` };
  }
}
