import * as assert from 'uvu/assert';
import { type SimState, type SimVirtualService, VS_DEFAULTS } from '../../simulator/index.js';
import type { Plan } from '../../src/model/plan.js';

/** The value stored under `name`, whatever its case (the appliance reads names case-insensitively). */
function lookup(params: Readonly<Record<string, string>>, name: string): string | undefined {
  const key = Object.keys(params).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : params[key];
}

/** Parameters as a map keyed by lower-case name, for exact comparison. */
function lowered(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
}

const planParams = (stages: readonly (readonly { name: string; value: string }[])[]) =>
  Object.fromEntries(stages.flat().map((p) => [p.name.toLowerCase(), p.value]));

/**
 * A VS holds the plan's settings: each plan parameter's value is the one stored, or the appliance's
 * default where the script rightly sent nothing because the default is already the site's value;
 * nothing is stored that the plan does not name.
 */
function assertSettings(
  vs: SimVirtualService,
  stages: readonly (readonly { name: string; value: string }[])[],
  title: string,
): void {
  const want = planParams(stages);
  const stored = lowered(vs.params);
  const defaults = lowered(VS_DEFAULTS);
  const effective = Object.fromEntries(Object.keys(want).map((k) => [k, stored[k] ?? defaults[k]]));
  assert.equal(effective, want, title);
  assert.equal(
    Object.keys(stored).filter((k) => !(k in want)),
    [],
    `${title}: settings the plan does not name`,
  );
}

/** What a state check may find beyond the plan: objects a test put there itself (foreign ones). */
export interface Extras {
  /** Virtual Services (and SubVSs) beyond the plan's. */
  readonly vss?: number;
  /** Content rules beyond the plan's. */
  readonly rules?: number;
  /** Members (real servers, slots) beyond the plan's, by VS index. */
  readonly members?: Readonly<Record<number, number>>;
}

/**
 * Asserts the simulator holds exactly what the plan says, parameter by parameter: each VS (by
 * address, port, protocol) and SubVS (by nickname) has the plan's parameters and no others, each
 * real server is there once, each rule is attached once, the rules and globals are set, and no
 * VS, SubVS, real server or rule exists that the plan does not make.
 */
export function assertStateMatchesPlan(state: SimState, plan: Plan, extras: Extras = {}): void {
  const byRef = new Map<string, SimVirtualService>();
  const members = new Map<SimVirtualService, number>();
  let vsCount = 0;
  let ruleCount = 0;
  const vsOf = (ref: string) => {
    const vs = byRef.get(ref);
    if (!vs) throw new Error(`no VS learnt for ${ref}`);
    return vs;
  };
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'global':
        assert.is(lookup(state.globals, step.param), step.value, step.title);
        break;
      case 'check-certificates':
      case 'check-sso-domains':
      case 'check-addresses':
      case 'foreign':
        break;
      case 'rule': {
        ruleCount++;
        const rules = state.rules.filter((r) => r.name === step.name);
        assert.is(rules.length, 1, `${step.title}: exactly one`);
        for (const p of step.params)
          assert.is(lookup(rules[0]?.params ?? {}, p.name), p.value, `${step.title} ${p.name}`);
        break;
      }
      case 'vs': {
        vsCount++;
        const found = state.vss.filter(
          (v) => v.parent === 0 && v.address === step.address && v.port === step.port && v.prot === step.prot,
        );
        assert.is(found.length, 1, `${step.title}: exactly one`);
        const vs = found[0] as SimVirtualService;
        assertSettings(vs, step.stages, step.title);
        byRef.set(step.ref, vs);
        members.set(vs, 0);
        break;
      }
      case 'subvs': {
        vsCount++;
        const parent = vsOf(step.parent);
        const subs = state.vss.filter(
          (v) => v.parent === parent.index && lookup(v.params, 'Nickname') === step.nickname,
        );
        assert.is(subs.length, 1, `${step.title}: exactly one`);
        const sub = subs[0] as SimVirtualService;
        assertSettings(sub, step.stages, step.title);
        byRef.set(step.ref, sub);
        members.set(sub, 0);
        members.set(parent, (members.get(parent) ?? 0) + 1);
        break;
      }
      case 'realserver': {
        const vs = vsOf(step.vs);
        const rss = vs.members.filter(
          (m) => m.subVsIndex === undefined && m.addr === step.address && m.port === step.port,
        );
        assert.is(rss.length, 1, `${step.title}: exactly one`);
        assert.is(rss[0]?.params.weight, String(step.weight ?? 1000), `${step.title} weight`);
        members.set(vs, (members.get(vs) ?? 0) + 1);
        break;
      }
      case 'attach-rule': {
        const parent = vsOf(step.parent);
        const sub = vsOf(step.subvs);
        const slot = parent.members.find((m) => m.subVsIndex === sub.index);
        assert.equal(slot?.rules, [step.rule], step.title);
        break;
      }
    }
  }
  assert.is(state.vss.length, vsCount + (extras.vss ?? 0), 'no VS or SubVS beyond the plan');
  assert.is(state.rules.length, ruleCount + (extras.rules ?? 0), 'no rule beyond the plan');
  for (const [vs, n] of members)
    assert.is(vs.members.length, n + (extras.members?.[vs.index] ?? 0), `members of VS ${vs.index}`);
}
