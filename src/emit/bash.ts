import Handlebars from 'handlebars';
import type { Plan, PlanStep } from '../model/plan.js';
import { bashQuote, lineComment } from './escape.js';
import type { OutputFile } from './output.js';
import { BASH_CORE } from './templates/bash-core.js';
import { BASH_SCRIPT } from './templates/bash-script.js';
import { BASH_STEPS } from './templates/bash-steps.js';

/** One argument of a step function: a Plan value (quoted) or an index learnt by an earlier step. */
type Arg = { readonly text: string } | { readonly ref: string };

/** One line of deploy.sh's body: a call of a step function, then the indexes it learns. */
interface StepView {
  readonly fn: string;
  readonly args: readonly Arg[];
  /** `name=value` words, one per line. */
  readonly params: readonly string[];
  readonly learn: readonly { readonly name: string; readonly from: 'INDEX' | 'SLOT' }[];
}

interface ScriptView {
  /** The deployment file, named in the header. */
  readonly source: string;
  readonly summary: readonly string[];
  readonly lib: string;
  readonly steps: readonly StepView[];
}

/** A shell variable holding a ref's index; refs are checked, so the name needs no quoting. */
function refVar(ref: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(ref)) throw new Error(`plan ref is not a plain identifier: ${ref}`);
  return `R_${ref}`;
}

const text = (t: string | number): Arg => ({ text: String(t) });
const pairs = (params: readonly { name: string; value: string }[]) =>
  params.map((p) => `${p.name}=${p.value}`);

/** The step function call of one PlanStep (the functions are in templates/bash-steps.ts). */
function stepView(step: PlanStep): Omit<StepView, 'learn'> {
  switch (step.kind) {
    case 'global':
      return { fn: 'lm_global', args: [text(step.title), text(step.param), text(step.value)], params: [] };
    case 'certificates':
      return { fn: 'lm_certificates', args: [text(step.title)], params: [...step.names] };
    case 'rule':
      return { fn: 'lm_rule', args: [text(step.title), text(step.name)], params: pairs(step.params) };
    case 'vs':
      return {
        fn: 'lm_vs',
        args: [text(step.title), text(step.ref), text(step.address), text(step.port), text(step.prot)],
        params: pairs(step.params),
      };
    case 'subvs':
      return {
        fn: 'lm_subvs',
        args: [text(step.title), text(step.ref), { ref: step.parent }, text(step.nickname)],
        params: pairs(step.params),
      };
    case 'realserver':
      return {
        fn: 'lm_realserver',
        args: [
          text(step.title),
          { ref: step.vs },
          text(step.address),
          text(step.port),
          ...(step.weight === undefined ? [] : [text(step.weight)]),
        ],
        params: [],
      };
    case 'attach-rule':
      return {
        fn: 'lm_attach_rule',
        args: [text(step.title), { ref: step.parent }, { ref: `${step.subvs}_slot` }, text(step.rule)],
        params: [],
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

/**
 * deploy.sh: bash and curl drive the LoadMaster API through the Plan's steps, each converging
 * (find, then change or create), so it can run again. `ctx.source` names the deployment file in the
 * header (pass it relative, so the output does not depend on where it was built).
 */
export function emitBash(plan: Plan, ctx: { source: string }): OutputFile {
  const hb = Handlebars.create();
  hb.registerHelper('q', (s: unknown) => bashQuote(String(s)));
  hb.registerHelper('comment', (s: unknown) => lineComment(String(s)));
  hb.registerHelper('arg', (a: Arg) => ('ref' in a ? `"$${refVar(a.ref)}"` : bashQuote(a.text)));
  const render = hb.compile<ScriptView>(BASH_SCRIPT, { noEscape: true, strict: true });
  const contents = render({
    source: ctx.source,
    summary: plan.summary,
    lib: `${BASH_CORE}\n${BASH_STEPS}`,
    steps: stepViews(plan),
  });
  return { path: 'deploy.sh', contents, mode: 0o755 };
}
