import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { transcription } from './helpers/guide.js';

test('the transcription holds every row of section 5: 458', () => {
  assert.is(transcription().length, 458);
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
