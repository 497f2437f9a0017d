import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBash } from './helpers/bash-run.js';
import { scriptOf } from './helpers/bash-script.js';
import { lastLine, writesAfter } from './helpers/run-output.js';
import { setUp, simEnv } from './helpers/setup.js';
import { loadSite, loadSiteEsp, oddSite } from './helpers/sites.js';

// deploy.sh against the simulator with a test site's values and with arbitrary ones: what it reads and
// prints, and what arrives.

const setup = setUp('bt-values-');
const onDisk = (text: string) => setup.script(text).path;

test('plan only reads, whatever it finds, and never prints the password or API key', async () => {
  const full = await loadSite('full-shared-address');
  const sim = await setup.siteSimulator(full);
  const path = onDisk(scriptOf(full));
  const secret = sim.password;
  for (const args of [['plan'], ['--dry-run']]) {
    const run = await runBash(path, args, simEnv(sim, { LM_DELAY: '0' }));
    assert.is(run.code, 2, run.stderr);
    assert.not.ok(`${run.stdout}${run.stderr}`.includes(secret));
    assert.equal(writesAfter(sim), [], 'plan writes nothing');
    assert.match(lastLine(run.stdout), /^plan: \d+ to create, \d+ to change, 0 unchanged, 0 foreign$/);
  }
  const keyed = await runBash(path, ['plan'], { ...simEnv(sim, { LM_DELAY: '0' }), LM_APIKEY: sim.apikey });
  assert.is(keyed.code, 2, keyed.stderr);
  assert.not.ok(`${keyed.stdout}${keyed.stderr}`.includes(sim.apikey));
});

// Text a LoadMaster field can hold: quotes, $, backticks, ;, &, backslashes, spaces, Latin-1 and beyond.
const fieldText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(
        "'",
        '"',
        '$',
        '`',
        ';',
        '&',
        '\\',
        '|',
        '!',
        '*',
        '=',
        '%',
        '$(',
        '${',
        'é',
        'ü',
        '日本',
        '😀',
        '<',
        '&amp;',
      ),
      fc.string({ unit: 'grapheme-ascii', maxLength: 3 }),
    ),
    minLength: 1,
    maxLength: 10,
  })
  .filter((t) => t.trim() !== '');

test('arbitrary site values arrive byte for byte, read back equal, and a second plan finds nothing to do', async () => {
  const sim = await setup.siteSimulator(await loadSite('small'));
  const esp = await loadSiteEsp('small');
  await fc.assert(
    fc.asyncProperty(fieldText, fieldText, fieldText, async (nick, host, logoff) => {
      // Spaces and commas separate list items, so one host is one word here.
      const hosts = [host.replace(/[\s,]/g, '_'), 'mail.example.com'];
      const d = oddSite(esp, nick, 'example.com', hosts, logoff);
      sim.reset();
      const path = onDisk(scriptOf(d));
      const env = simEnv(sim, { LM_DELAY: '0' });
      const apply = await runBash(path, [], env);
      assert.is(apply.code, 0, apply.stderr);
      const nicknames = sim.state().vss.map((v) => v.params.Nickname);
      assert.ok(nicknames.includes(nick), 'the nickname, byte for byte');
      const logoffs = sim
        .state()
        .vss.flatMap((v) => (v.params.Logoff === undefined ? [] : [v.params.Logoff]));
      assert.ok(logoffs.length > 0 && logoffs.every((l) => l === logoff), 'the logoff string, byte for byte');
      const plan = await runBash(path, ['plan'], env);
      assert.is(plan.code, 0, plan.stdout);
    }),
    { numRuns: 6 },
  );
});

test.run();
