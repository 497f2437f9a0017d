import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SimTemplate, Simulator } from '../simulator/index.js';
import { setUp } from './helpers/setup.js';
import { call, tag, tags, texts } from './helpers/sim-client.js';

let sim: Simulator;
let plain: Simulator;
const VS = { vs: '10.0.0.20', port: '443', prot: 'tcp' };

// Test-only bundle format: the project's XML reader is plugged in the same way.
const parseJson = (text: string): SimTemplate[] => JSON.parse(text) as SimTemplate[];
const BUNDLE: SimTemplate[] = [
  {
    name: 'Exchange 2016 HTTPS',
    comment: 'Offloaded with SubVSs',
    services: [
      {
        port: 443,
        prot: 'tcp',
        params: { VStype: 'http', sslacceleration: 'Y', Bogus: 'x' },
        rules: [{ name: 'owa', params: { pattern: '^/owa.*', NoCase: 'Y' } }],
        subvs: [{ params: { Nickname: 'OWA' }, rule: 'owa' }, { params: { Nickname: 'Default' } }],
      },
      { port: 80, prot: 'tcp', params: { ErrorCode: '302' }, subvs: [] },
    ],
  },
];

const setup = setUp();
test.before(async () => {
  sim = await setup.simulator({ https: false, rateLimit: false, parseTemplates: parseJson });
  plain = await setup.simulator({ https: false, rateLimit: false, certificates: ['One'] });
});
test.before.each(() => sim.reset());

test('addrule / showrule (reply names) / modrule / delrule', async () => {
  assert.is(
    (await call(sim, 'addrule', { name: 'owa', pattern: '^/owa.*', NoCase: '1', inchost: 'Y' })).status,
    200,
  );
  assert.is((await call(sim, 'addrule', { name: 'owa', pattern: 'x' })).status, 422);
  assert.is((await call(sim, 'addrule', { name: 'bad', matchtype: 'Regex' })).status, 422);
  const shown = await call(sim, 'showrule', { name: 'owa' });
  assert.equal(texts(shown, 'Data/MatchContentRule/Name'), ['owa']);
  // Kemp's examples: switches Y/N, regex written Regex, prefix as it is.
  assert.is(tag(shown.body, 'CaseIndependent'), 'Y');
  assert.is(tag(shown.body, 'AddHost'), 'Y');
  assert.is(tag(shown.body, 'MatchType'), 'Regex');
  // Kemp's API documentation: a content-matching rule's modrule must carry pattern.
  const bare = await call(sim, 'modrule', { name: 'owa', nocase: '0' });
  assert.is(bare.status, 422);
  assert.is(tag(bare.body, 'Error'), 'The pattern parameter must be supplied');
  assert.is(
    tag((await call(sim, 'showrule', { name: 'owa' })).body, 'CaseIndependent'),
    'Y',
    'refused: unchanged',
  );
  await call(sim, 'modrule', { name: 'owa', pattern: '^/owa.*', matchtype: 'prefix', incquery: 'Y' });
  const changed = await call(sim, 'showrule', { name: 'owa' });
  assert.is(tag(changed.body, 'MatchType'), 'prefix');
  assert.is(tag(changed.body, 'IncludeQuery'), 'Y');
  const missing = await call(sim, 'modrule', { name: 'nope' });
  assert.is(missing.status, 422);
  assert.is(tag(missing.body, 'Error'), 'Rule not found');
  assert.is((await call(sim, 'delrule', { name: 'owa' })).status, 200);
  assert.is((await call(sim, 'showrule', { name: 'owa' })).status, 422);
  assert.equal(texts(await call(sim, 'showrule'), 'Data'), [''], 'no rule left: an empty <Data>');
});

test('addrsrule attaches a rule to a SubVS slot by RsIndex; delrsrule detaches', async () => {
  await call(sim, 'addrule', { name: 'ecp', pattern: '^/ecp.*' });
  await call(sim, 'addvs', VS);
  const parent = await call(sim, 'modvs', { ...VS, createsubvs: '' });
  const rsIndex = tag(parent.body, 'RsIndex') ?? '';
  // The slot index differs from the SubVS's VSIndex; addrsrule wants the slot.
  assert.is(rsIndex, '1');
  assert.is(tag(parent.body, 'VSIndex'), '2');
  assert.is((await call(sim, 'addrsrule', { ...VS, rs: `!${rsIndex}`, rule: 'ecp' })).status, 200);
  // The slot lists its rules in <MatchRules>, one <Name> each, beside its own <Name>.
  const shown = await call(sim, 'showvs', VS);
  assert.equal(texts(shown, 'SubVS/MatchRules/Name'), ['ecp']);
  assert.equal(texts(shown, 'SubVS/Name'), ['-'], 'a SubVS is named "-" until it gets a nickname');
  assert.equal(texts(await call(sim, 'showrs', { ...VS, rs: `!${rsIndex}` }), 'Data/SubVS/MatchRules/Name'), [
    'ecp',
  ]);
  assert.is((await call(sim, 'addrsrule', { ...VS, rs: `!${rsIndex}`, rule: 'ecp' })).status, 422);
  const unknownRule = await call(sim, 'addrsrule', { ...VS, rs: `!${rsIndex}`, rule: 'nope' });
  assert.is(unknownRule.status, 422);
  assert.is(tag(unknownRule.body, 'Error'), 'Rule not found');
  assert.is((await call(sim, 'addrsrule', { ...VS, rs: '!999', rule: 'ecp' })).status, 422);
  assert.is((await call(sim, 'delrsrule', { ...VS, rs: `!${rsIndex}`, rule: 'ecp' })).status, 200);
  assert.equal(sim.state().vss[0]?.members[0]?.rules, []);
  // Deleting a rule detaches it from everything (Kemp's CLI documentation): no refusal.
  await call(sim, 'addrsrule', { ...VS, rs: `!${rsIndex}`, rule: 'ecp' });
  assert.is((await call(sim, 'delrule', { name: 'ecp' })).status, 200);
  assert.equal(sim.state().vss[0]?.members[0]?.rules, []);
});

test('get / set globals', async () => {
  for (const name of ['subnetorigin', 'subnetoriginating', 'expect100', 'addforwardheader', 'enableapi']) {
    assert.is((await call(sim, 'get', { param: name })).status, 200, name);
  }
  assert.is((await call(sim, 'set', { param: 'subnetorigin', value: '1' })).status, 200);
  // A switch reads yes/no (a Kemp engineer's script compares it with "yes"), numbers as set.
  assert.is(tag((await call(sim, 'get', { param: 'subnetorigin' })).body, 'subnetorigin'), 'yes');
  await call(sim, 'set', { param: 'expect100', value: '2' });
  assert.is(tag((await call(sim, 'get', { param: 'expect100' })).body, 'expect100'), '2');
  assert.is((await call(sim, 'set', { param: 'nosuch', value: '1' })).status, 422);
  assert.is((await call(sim, 'set', { param: 'expect100' })).status, 400);
  await call(sim, 'set', { param: 'enableapi', value: 'no' });
  assert.is((await call(sim, 'listvs')).status, 404);
});

test('listcert reports the configured certificates', async () => {
  assert.equal(tags((await call(sim, 'listcert')).body, 'name'), ['Wildcard', 'ExchangeCert']);
  assert.equal(tags((await call(plain, 'listcert')).body, 'name'), ['One']);
});

test('the default template parser refuses every file with 422', async () => {
  const reply = await call(plain, 'uploadtemplate', {}, { body: JSON.stringify(BUNDLE) });
  assert.is(reply.status, 422);
  assert.is(tag(reply.body, 'Error'), 'Invalid template file');
});

test('uploadtemplate / listtemplates / addvs template= / deltemplate', async () => {
  const body = JSON.stringify(BUNDLE);
  const up = await call(sim, 'uploadtemplate', {}, { body });
  assert.is(up.status, 200);
  assert.equal(texts(up, 'Response/Success'), ['Installed 1 new templates.']);
  assert.is(sim.state().templates[0]?.raw, body);
  const list = await call(sim, 'listtemplates');
  assert.equal(texts(list, 'template/name'), ['Exchange 2016 HTTPS']);
  assert.equal(texts(list, 'template/comment'), ['Offloaded with SubVSs']);
  assert.equal(texts(list, 'template/certified'), ['no']);
  const added = await call(sim, 'addvs', { vs: '10.0.0.30', template: 'Exchange 2016 HTTPS' });
  assert.is(added.status, 200);
  const state = sim.state();
  const parents = state.vss.filter((v) => v.parent === 0);
  assert.equal(
    parents.map((v) => [v.address, v.port, v.params.Nickname]),
    [
      ['10.0.0.30', 443, 'Exchange 2016 HTTPS'],
      ['10.0.0.30', 80, 'Exchange 2016 HTTPS'],
    ],
  );
  assert.is(parents[0]?.params.SSLAcceleration, 'Y');
  assert.equal(
    state.vss.filter((v) => v.parent !== 0).map((v) => v.params.Nickname),
    ['OWA', 'Default'],
  );
  assert.equal(
    parents[0]?.members.map((m) => m.rules),
    [['owa'], []],
  );
  assert.is(state.rules[0]?.params.nocase, 'Y');
  assert.equal(
    sim.ignored().map((i) => [i.name, i.source]),
    [['Bogus', 'template:Exchange 2016 HTTPS']],
  );
  // Same address again collides on every port: refused, nothing half-made.
  const again = await call(sim, 'addvs', { vs: '10.0.0.30', template: 'Exchange 2016 HTTPS' });
  assert.is(again.status, 422);
  assert.is(sim.state().vss.length, state.vss.length);
  assert.is((await call(sim, 'addvs', { vs: '10.0.0.31', template: 'nope' })).status, 422);
  assert.is((await call(sim, 'deltemplate', { name: 'Exchange 2016 HTTPS' })).status, 200);
  assert.is((await call(sim, 'deltemplate', { name: 'Exchange 2016 HTTPS' })).status, 422);
  assert.equal(tags((await call(sim, 'listtemplates')).body, 'name'), []);
});

test('a template that fails half-way leaves the state unchanged', async () => {
  const broken: SimTemplate[] = [
    {
      name: 'Broken',
      comment: '',
      services: [
        { port: 443, prot: 'tcp', params: {}, subvs: [] },
        { port: 80, prot: 'tcp', params: {}, subvs: [{ params: {}, rule: 'missing' }] },
      ],
    },
  ];
  await call(sim, 'uploadtemplate', {}, { body: JSON.stringify(broken) });
  const reply = await call(sim, 'addvs', { vs: '10.0.0.40', template: 'Broken' });
  assert.is(reply.status, 422);
  assert.equal(sim.state().vss, []);
  assert.is(sim.state().nextVsIndex, 1);
});

test.run();
