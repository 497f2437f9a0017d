import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { located, matchErratum } from '../src/compile/errata-match.js';
import { asDocumented, changedRows, compileRows } from '../src/compile/rows.js';
import { applyErrata } from './helpers/errata-apply.js';
import { transcribedRows } from './helpers/guide.js';

const rows = compileRows(EXCHANGE_2016);
const guide = transcribedRows();
// The rows of templates beyond the guide are the catalogue's own: no erratum gives them.
const strip = rows.filter((r) => !r.beyondGuide).map(({ documented: _d, erratum: _e, ...r }) => r);

test('as documented, the compiled rows equal the transcription of the guide, row for row', () => {
  const doc = asDocumented(rows);
  assert.is(doc.length, guide.length);
  doc.forEach((row, i) => {
    assert.equal(row, guide[i], `row ${i + 1}`);
  });
});

test('applying the errata to the transcription gives the compiled rows', () => {
  assert.equal(applyErrata(guide, EXCHANGE_2016.rowErrata), strip);
});

test('the rows an erratum changed are those of the whole table that name one, compiled alone or not', () => {
  const named = rows.filter((r) => r.erratum !== undefined);
  assert.ok(named.length > 0 && named.length < rows.length / 2, `${named.length} of ${rows.length}`);
  // A copy of the catalogue has no table made yet: its changed rows are compiled alone.
  assert.equal(changedRows({ ...EXCHANGE_2016 }), named);
  assert.equal(changedRows(EXCHANGE_2016), named);
});

test('every row erratum is used, at every place it names', () => {
  for (const e of EXCHANGE_2016.rowErrata) {
    for (const where of e.where) {
      const used = rows.some((r) => r.erratum === e.id && located(r, [where]));
      assert.ok(used, `${e.id} is not used at ${JSON.stringify(where)}`);
    }
  }
});

test('no guide row is claimed by two equally specific errata', () => {
  for (const row of guide) matchErratum(row, EXCHANGE_2016.rowErrata, 'documented');
});

test('erratum ids are unique and every changed row names one that exists', () => {
  const ids = [...EXCHANGE_2016.rowErrata, ...EXCHANGE_2016.stepErrata].map((e) => e.id);
  assert.is(new Set(ids).size, ids.length);
  for (const r of rows) if (r.erratum) assert.ok(ids.includes(r.erratum), r.erratum);
});

test('the two examples of the issue: POPS checks 995, not 993; the SMTP nickname is spelt SMTP', () => {
  const pops = rows.find((r) => r.group === 'POPS' && r.parameter === 'CheckPort');
  assert.equal(pops?.documented, { parameter: 'CheckPort', value: '993', use: '' });
  assert.is(pops?.value, '995');
  const smtp = rows.find((r) => r.group === 'SMTP' && r.parameter === 'nickname');
  assert.is(smtp?.value, 'Exchange%20SMTP');
  assert.is(smtp?.documented?.value, 'Exchange%20STMP');
});

test('the names the appliance would ignore are all corrected', () => {
  const ignored = [
    'Patterns',
    'Allowed Directories',
    'SingleSignInMessage',
    'Checkversion',
    'CheckVersion',
    'EnableESP',
    'ESPLog',
    'Smtppallow',
  ];
  for (const name of ignored) {
    assert.ok(!rows.some((r) => r.parameter === name), `${name} is still emitted`);
    assert.ok(
      rows.some((r) => r.documented?.parameter === name),
      `${name} has no erratum`,
    );
  }
});

test('every erratum gives a reason and a confidence from the agreed scale', () => {
  for (const e of [...EXCHANGE_2016.rowErrata, ...EXCHANGE_2016.stepErrata]) {
    assert.ok(e.reason.length > 20, e.id);
    assert.ok(['official', 'code', 'inferred', 'unknown'].includes(e.confidence), e.id);
  }
});

test.run();
