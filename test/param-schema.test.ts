import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { renderParams } from '../src/cli/params.js';
import { MADE_UP_CATALOG } from './helpers/made-up-catalog.js';

const schema = JSON.parse(
  readFileSync(new URL('../schemas/param-rows.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

test('params --json, corrected and as documented, matches its published schema (a template beyond the guide too)', () => {
  for (const catalog of [EXCHANGE_2016, MADE_UP_CATALOG])
    for (const asDocumented of [false, true]) {
      const rows = JSON.parse(renderParams(catalog, { asDocumented, json: true }));
      assert.ok(validate(rows), JSON.stringify(validate.errors?.slice(0, 3)));
    }
});

test('the schema rejects what a consumer must not receive', () => {
  const row = { section: '5.3', group: 'POPS', item: null, parameter: 'CheckPort', value: '995', use: '' };
  assert.ok(validate([row]));
  assert.not.ok(validate([{ ...row, section: '6.1' }]));
  assert.not.ok(validate([{ ...row, extra: 1 }]));
  assert.not.ok(validate([{ ...row, erratum: 'E-X' }]), 'an erratum without the documented cells');
  assert.not.ok(validate([{ ...row, documented: null }]), 'no row of the guide, and no reason');
  assert.ok(validate([{ ...row, documented: null, beyondGuide: 'a source' }]));
  assert.not.ok(validate([{ ...row, documented: null, beyondGuide: 'a source', erratum: 'E-X' }]));
  assert.not.ok(
    validate([{ ...row, documented: { parameter: 'CheckPort', value: '993' }, beyondGuide: 'a source' }]),
  );
});

test.run();
