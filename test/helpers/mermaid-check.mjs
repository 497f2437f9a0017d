// Parses Mermaid diagrams with Mermaid's own parser (in a DOM from jsdom, in a process of its own so
// the DOM globals reach no other test). Reads a JSON array of diagram texts on stdin; writes a JSON
// array of the same length: null for a diagram that parses, the parser's first line where it does not.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    await mermaid.parse(text);
    results.push(null);
  } catch (err) {
    results.push(String(err?.message ?? err).split('\n')[0]);
  }
}
process.stdout.write(JSON.stringify(results));
