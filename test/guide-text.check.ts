import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { transcribeSection5 } from '../scripts/transcribe-section5.js';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { guideTemplates, guideText, ROOT, transcription } from './helpers/guide.js';

// The checks that re-read Kemp's guide itself: the committed transcriptions against the text they
// were made from. A clone has no guide, so `npm test` does not run these; `npm run check:guide --
// PATH` does, and CI passes the guide it has.
const text = guideText();
// The guide bolds UI labels; transcriptions and errata quote the words without the Markdown.
const plain = text.replace(/\*\*/g, '');

test('the committed transcription of section 5 still equals the guide text it was made from', () => {
  assert.equal(transcribeSection5(text), transcription());
});

test('rows quoted from the guide are transcribed as printed, line for line', () => {
  const lines = text.split('\n');
  for (const row of transcription()) {
    const printed = [row.parameter, row.value, ...(row.use ? [row.use] : [])].join('\t');
    assert.ok(lines[row.line - 1]?.startsWith(printed), `line ${row.line}: ${printed}`);
  }
});

test('the documented text of every step erratum is in the guide', () => {
  for (const e of EXCHANGE_2016.stepErrata) {
    assert.ok(plain.includes(e.documented), `${e.id}: "${e.documented}" not found in the guide`);
    assert.is.not(e.corrected, e.documented, e.id);
  }
});

test("the transcribed templates' names are the guide's Use Template names, or those of a step erratum; the catalogue's others are beyond the guide", () => {
  const corrected = EXCHANGE_2016.stepErrata.map((e) => e.corrected).join('\n');
  const guide = guideTemplates();
  for (const t of guide) {
    const inGuide = plain.includes(`${t.name} template`) || plain.includes(`${t.name} or the`);
    assert.ok(inGuide || corrected.includes(t.name), `${t.name} is neither in the guide nor in an erratum`);
  }
  for (const t of EXCHANGE_2016.templates)
    assert.ok(guide.some((g) => g.name === t.name) || t.beyondGuide, `${t.name}: the guide's, or beyond it`);
});

test('the hand transcription of the steps of sections 2 and 4 matches the guide word for word', () => {
  const steps = JSON.parse(readFileSync(`${ROOT}fixtures/guide/section4-steps.json`, 'utf8')) as {
    section: string;
    steps: { label: string; text: string }[];
  }[];
  for (const s of steps)
    for (const st of s.steps) assert.ok(plain.includes(st.text), `${s.section} ${st.label}`);
});

test.run();
