import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { newAjv } from '../scripts/compile-schema.js';
import { handChanges } from './helpers/hand-changes.js';
import { type PsSite, withDeployPs } from './helpers/ps-sites.js';
import { findPwsh, PwshSession, psArgs, skipNotice } from './helpers/pwsh-run.js';
import { lastLine } from './helpers/run-output.js';
import { deploy, eachAtOnce, setUp } from './helpers/setup.js';
import { call } from './helpers/sim-client.js';

// plan --json (deploy.ps1 -Plan -Json), for every fixture on an empty, a converged and a drifted
// appliance, and the removal's plan: each document valid against schemas/plan.schema.json, the
// same from both scripts, with the text plan's counts and the hand changes' values.

const setup = setUp('bt-plan-json-');
const pwsh = findPwsh();
if (!pwsh) skipNotice('deploy.ps1 -Plan -Json (test/e2e-plan-json.test.ts)');
const schema = JSON.parse(readFileSync(new URL('../schemas/plan.schema.json', import.meta.url), 'utf8'));
const validate = newAjv().compile(schema);

let sites: PsSite[] = [];
test.before(async () => {
  sites = withDeployPs(await setup.fixtureSites(), () => setup.dir());
});

interface PlanDocument {
  readonly plan: string;
  readonly objects: {
    action: string;
    object: string;
    changes?: { parameter: string; appliance: string | null; site: string }[];
  }[];
  readonly problems: string[];
  readonly counts: Record<string, number>;
}

test("every fixture, both scripts: plan --json on an empty, a converged and a drifted appliance, and the removal's plan, valid against the schema and alike", async () => {
  await eachAtOnce(sites, 2, async (site) => {
    const sim = await setup.siteSimulator(site.deployment);
    const other = pwsh ? await setup.siteSimulator(site.deployment) : undefined;
    const session = pwsh && other ? new PwshSession(pwsh, psArgs(other).env) : undefined;
    try {
      /** The document of plan --json (with `removal`, plan --remove --json) from both scripts. */
      const documents = async (stage: string, code: number, removal = false): Promise<PlanDocument> => {
        const run = await deploy(site, sim, ['plan', ...(removal ? ['--remove'] : []), '--json']);
        const label = `${site.name}: ${stage}`;
        assert.is(run.code, code, `${label}: ${run.stdout}${run.stderr}`);
        const doc = JSON.parse(run.stdout) as PlanDocument;
        assert.ok(validate(doc), `${label}: ${JSON.stringify(validate.errors)}`);
        if (session && other) {
          // As a monitor keeps it: the document redirected into a file (`> plan.json`).
          const file = join(setup.dir(), 'plan.json');
          const ps = await session.run(
            site.ps,
            psArgs(other, ['-Plan', '-Json', ...(removal ? ['-Remove'] : [])]).args,
            file,
          );
          assert.is(ps.code, code, `${label}, deploy.ps1: ${ps.stdout}${ps.stderr}`);
          const psDoc = JSON.parse(readFileSync(file, 'utf8')) as PlanDocument;
          assert.ok(validate(psDoc), `${label}, deploy.ps1: ${JSON.stringify(validate.errors)}`);
          assert.equal(
            { ...psDoc, appliance: '' },
            { ...doc, appliance: '' },
            `${label}: both scripts alike`,
          );
        }
        return doc;
      };
      const sims = other ? [sim, other] : [sim];

      const empty = await documents('on an empty appliance', 2);
      const text = await deploy(site, sim, ['plan']);
      const [, create, change, same, foreign] =
        /^plan: (\d+) to create, (\d+) to change, (\d+) unchanged, (\d+) foreign$/.exec(
          lastLine(text.stdout),
        ) ?? [];
      assert.equal(
        empty.counts,
        {
          create: Number(create),
          change: Number(change),
          unchanged: Number(same),
          foreign: Number(foreign),
          adopt: 0,
        },
        `${site.name}: the text plan's counts`,
      );
      assert.is(empty.objects.filter((o) => o.action === 'create').length, Number(create));

      for (const s of sims) assert.is((await deploy(site, s)).code, 0);
      const converged = await documents('converged', 0);
      assert.ok(
        converged.objects.every((o) => o.action === 'unchanged'),
        `${site.name}: ${JSON.stringify(converged.objects.filter((o) => o.action !== 'unchanged'))}`,
      );

      for (const s of sims) for (const c of handChanges(site, s)) await call(s, c.command, c.params);
      const drifted = await documents('drifted by hand', 2);
      const changes = drifted.objects.flatMap((o) => o.changes ?? []);
      for (const c of handChanges(site, sim)) {
        const [, name, found, wanted] = /^(\w+): '(.*)' -> '(.*)'$/.exec(c.shown) ?? [];
        assert.ok(
          changes.some((x) => x.parameter === name && x.appliance === found && x.site === wanted),
          `${site.name}: ${c.shown} in ${JSON.stringify(changes)}`,
        );
      }

      const removal = await documents('the removal planned', 2, true);
      assert.is(removal.plan, 'remove');
      assert.is(removal.counts.delete, removal.objects.filter((o) => o.action === 'delete').length);
      assert.is(removal.counts.keep, 0);
    } finally {
      await session?.close();
    }
  });
});

test.run();
