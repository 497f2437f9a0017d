import { P } from '../loadmaster/parameters.js';
import type { ApiParam, Plan, PlanStep, RemovalStep } from '../model/plan.js';
import type { SiteCompilation } from '../model/site.js';
import type { OutputFile } from './output.js';
import { renderBashScript } from './render.js';
import type { Arg, StepView } from './script-views.js';
import { refVar } from './template-helpers.js';

const text = (t: string | number): Arg => ({ text: String(t) });
const pairs = (params: readonly ApiParam[]) => params.map((p) => `${p.name}=${p.value}`);
/** A service's stages as parameter words, `--` between two calls. */
const staged = (stages: readonly (readonly ApiParam[])[]) =>
  stages.flatMap((stage, i) => (i === 0 ? pairs(stage) : ['--', ...pairs(stage)]));

/** The step function call of one PlanStep (the functions are in emit/bash/step-*.sh). */
function stepView(step: PlanStep): Omit<StepView, 'learn'> {
  switch (step.kind) {
    case 'check-certificates':
      return { fn: 'lm_check_certificates', args: [text(step.title)], params: [...step.names] };
    case 'check-sso-domains':
      return { fn: 'lm_check_sso_domains', args: [text(step.title)], params: [...step.names] };
    case 'check-addresses':
      return {
        fn: 'lm_check_addresses',
        args: [text(step.title)],
        params: step.services.flatMap((s) => [
          s.address,
          String(s.port),
          s.prot,
          s.nickname,
          String(s.subvs.length),
          ...s.subvs,
        ]),
      };
    case 'global':
      return { fn: 'lm_global', args: [text(step.title), text(step.param), text(step.value)], params: [] };
    case 'rule':
      return { fn: 'lm_rule', args: [text(step.title), text(step.name)], params: pairs(step.params) };
    case 'vs':
      return {
        fn: 'lm_vs',
        args: [text(step.title), text(step.address), text(step.port), text(step.prot), text(step.nickname)],
        params: staged(step.stages),
      };
    case 'subvs':
      return {
        fn: 'lm_subvs',
        args: [text(step.title), { ref: step.parent }, text(step.nickname)],
        params: staged(step.stages),
      };
    case 'realserver':
      return {
        fn: 'lm_realserver',
        args: [text(step.title), { ref: step.vs }, text(step.address), text(step.port)],
        params: step.weight === undefined ? [] : [`${P.weight}=${step.weight}`],
      };
    case 'attach-rule':
      return {
        fn: 'lm_attach_rule',
        args: [text(step.title), { ref: step.parent }, { ref: `${step.subvs}_slot` }, text(step.rule)],
        params: [],
      };
    case 'foreign':
      return {
        fn: 'lm_foreign',
        args: [text(step.title), text(step.within), { ref: step.vs }, text(step.slots.length)],
        params: [
          ...step.slots.flatMap((s) => [s.nickname, s.rule]),
          ...step.servers.flatMap((s) => [s.address, String(s.port)]),
        ],
      };
  }
}

/**
 * The views of every step. A step stores an index only if a later step reads it (shellcheck
 * rejects unused variables), and reading one no earlier step learnt is a compiler bug.
 */
function stepViews(plan: Plan): StepView[] {
  const views = plan.steps.map(stepView);
  const used = new Set(views.flatMap((v) => v.args.flatMap((a) => ('ref' in a ? [a.ref] : []))));
  const learnt = new Set<string>();
  return plan.steps.map((step, i) => {
    const view = views[i] as Omit<StepView, 'learn'>;
    for (const a of view.args) {
      if ('ref' in a && !learnt.has(a.ref))
        throw new Error(`step "${step.title}" uses ${a.ref} before it is known`);
    }
    const learn: StepView['learn'][number][] = [];
    if (step.kind === 'vs' || step.kind === 'subvs') {
      learnt.add(step.ref);
      if (used.has(step.ref)) learn.push({ name: refVar(step.ref), from: 'INDEX' });
    }
    if (step.kind === 'subvs') {
      const slot = `${step.ref}_slot`;
      learnt.add(slot);
      if (used.has(slot)) learn.push({ name: refVar(slot), from: 'SLOT' });
    }
    return { ...view, learn };
  });
}

/** The removal function call of one RemovalStep (emit/bash/remove.sh). */
function removalView(step: RemovalStep): { fn: string; args: string[] } {
  switch (step.kind) {
    case 'remove-vs':
      return {
        fn: 'lm_remove_vs',
        args: [
          step.title,
          step.address,
          String(step.port),
          step.prot,
          step.nickname,
          String(step.slots.length),
          ...step.slots.flatMap((s) => [s.nickname, s.rule]),
          String(step.servers.length),
          ...[...step.servers, ...step.subServers].flatMap((s) => [s.address, String(s.port)]),
        ],
      };
    case 'remove-rule':
      return { fn: 'lm_remove_rule', args: [step.title, step.name] };
    case 'keep-globals':
      return { fn: 'lm_keep_globals', args: [step.title, ...step.params] };
  }
}

/**
 * deploy.sh: bash and curl drive the LoadMaster API through the Plan's steps: `plan` reads and
 * reports, `apply` checks everything first and then writes only what differs, reading it back,
 * `remove` deletes what the site owns. `source` names the deployment file in the header (pass
 * it relative, so the output does not depend on where it was built).
 */
export function emitBash(site: Pick<SiteCompilation, 'plan' | 'source'>): OutputFile {
  const { plan, source } = site;
  const contents = renderBashScript({
    source,
    summary: plan.summary,
    steps: stepViews(plan),
    stepCount: plan.steps.length,
    removal: plan.removal.map(removalView),
  });
  return { path: 'deploy.sh', contents, mode: 0o755 };
}
