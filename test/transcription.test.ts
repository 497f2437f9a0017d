import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { transcribeSection5 } from '../scripts/transcribe-section5.js';
import { guideText, transcription } from './helpers/guide.js';

test('the transcription holds every row of section 5: 458', () => {
  assert.is(transcription().length, 458);
});

test('the committed transcription still equals the guide text it was made from', () => {
  const text = guideText();
  if (text === null) {
    // CI lays shared/ beside the clone; without it this test cannot check anything.
    throw new Error('../shared/guide/exchange-2016-deployment-guide.txt is missing');
  }
  assert.equal(transcribeSection5(text), transcription());
});

test('rows quoted from the guide are transcribed as printed, line for line', () => {
  const text = guideText() ?? '';
  const lines = text.split('\n');
  for (const row of transcription()) {
    const printed = [row.parameter, row.value, ...(row.use ? [row.use] : [])].join('\t');
    assert.ok(lines[row.line - 1]?.startsWith(printed), `line ${row.line}: ${printed}`);
  }
});

test('known rows: the POPS health check port the guide prints as 993, and the STMP nickname', () => {
  const rows = transcription();
  const pops = rows.find((r) => r.section === '5.3' && r.group === 'POPS' && r.parameter === 'CheckPort');
  assert.is(pops?.value, '993');
  const smtp = rows.find((r) => r.section === '5.4' && r.group === 'SMTP' && r.parameter === 'nickname');
  assert.is(smtp?.value, 'Exchange%20STMP');
  const owa = rows.filter((r) => r.group === 'Sub Virtual Service' && r.item === 'OWA');
  assert.is(owa.length, 21);
});

test.run();
