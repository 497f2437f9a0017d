// Renders Mermaid diagrams to SVG with Mermaid itself, in a DOM from jsdom (in a process of its own so
// the DOM globals reach no other test). jsdom lays nothing out, so text is measured at a fixed width per
// character: positions are meaningless, but every parse, layout and render step of Mermaid runs.
// Reads a JSON array of diagram texts on stdin; writes a JSON array of the same length, each
// { error: first line of Mermaid's message } or { labels: the text of each node label as rendered, lines joined by a newline }.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const name of ['window', 'document', 'CSSStyleSheet', 'Element', 'SVGElement', 'DOMParser']) {
  if (!(name in globalThis)) globalThis[name] = name === 'window' ? dom.window : dom.window[name];
}
const measure = function () {
  return { x: 0, y: 0, width: 8 * (this.textContent ?? '').length + 10, height: 20 };
};
dom.window.SVGElement.prototype.getBBox = measure;
dom.window.SVGElement.prototype.getComputedTextLength = function () {
  return 8 * (this.textContent ?? '').length;
};
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const [i, text] of JSON.parse(input).entries()) {
  try {
    const { svg } = await mermaid.render(`diagram${i}`, text);
    // Labels are HTML inside the SVG (with <br>), so the SVG is read as HTML; a <br> reads as a newline.
    const doc = new dom.window.DOMParser().parseFromString(svg, 'text/html');
    for (const br of doc.querySelectorAll('.nodeLabel br')) br.replaceWith('\n');
    const labels = [...doc.querySelectorAll('g.node .nodeLabel')].map((t) => t.textContent);
    results.push({ labels });
  } catch (err) {
    results.push({ error: String(err?.message ?? err).split('\n')[0] });
  }
}
process.stdout.write(JSON.stringify(results));
