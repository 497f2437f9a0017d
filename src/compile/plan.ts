import { apiText, findParam, requireParam } from '../loadmaster/catalogue.js';
import { P } from '../loadmaster/parameters.js';
import type { Catalog } from '../model/catalog.js';
import type { DeployedService, Deployment } from '../model/deployment.js';
import type { ApiParam, Plan, PlanStep, SiteVs } from '../model/plan.js';
import type { ResolvedTemplate } from '../model/resolved.js';
import { bindTemplate } from './bind.js';
import { removalSteps, slotsOf } from './removal.js';
import { type ServiceServer, serviceServers } from './servers.js';
import { resolveTemplate, templateById } from './templates.js';

/** A site's service bound once: the service, its template with the site's values, its real servers. */
export interface BoundService {
  readonly s: DeployedService;
  readonly t: ResolvedTemplate;
  readonly servers: readonly ServiceServer[];
}

/** Every service of a site bound to its template (`templateOf`: the catalogue's, resolved). */
export function bindServices(
  catalog: Catalog,
  d: Deployment,
  templateOf: (id: string) => ResolvedTemplate = (id) => resolveTemplate(catalog, templateById(catalog, id)),
): BoundService[] {
  return d.services.map((s) => {
    const t = bindTemplate(templateOf(s.template), d, s);
    return { s, t, servers: serviceServers(d, s, t) };
  });
}

/** A script variable name: letters, digits and underscores only, whatever the ids hold. */
const refName = (...parts: (string | number)[]): string => parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');

/**
 * A service's parameters in the calls that send them: the basic settings first (with `addvs`, or
 * the first `modvs` of a new SubVS), then ESP's in the steps Kemp's engineer takes (the catalogue's
 * `stage`). Empty stages are left out.
 */
export function stagesOf(params: readonly ApiParam[]): ApiParam[][] {
  const stages: ApiParam[][] = [[], [], []];
  for (const p of params) stages[findParam(p.name, 'vs')?.stage ?? 0]?.push(p);
  // A service whose ESP is switched on before its SSO domain is set is held disabled in between
  // (the scripts' hold); its last call enables it again.
  if (stages[1]?.length && stages[2]?.length) {
    requireParam(P.Enable, 'vs', true);
    stages[2].push({ name: P.Enable, value: apiText(true) });
  }
  return stages.filter((s, i) => i === 0 || s.length > 0);
}

function realServerSteps(vsRef: string, label: string, servers: readonly ServiceServer[]): PlanStep[] {
  return servers.map((rs) => {
    requireParam(P.rs, 'rs', rs.address);
    requireParam(P.rsport, 'rs', rs.port);
    if (rs.weight !== undefined) requireParam(P.weight, 'rs', rs.weight);
    return {
      kind: 'realserver',
      title: `real server ${rs.address}:${rs.port} in ${label}`,
      vs: vsRef,
      address: rs.address,
      port: rs.port,
      ...(rs.weight === undefined ? {} : { weight: rs.weight }),
    };
  });
}

const addressOf = (rs: ServiceServer) => ({ address: rs.address, port: rs.port });

/** The steps of one service: its Virtual Services, SubVSs, real servers, rule attachments, foreign check. */
function serviceSteps({ s, t, servers }: BoundService, n: number): PlanStep[] {
  const steps: PlanStep[] = [];
  for (const vs of t.services) {
    const ref = refName('vs', n, vs.port);
    // The HTTP redirect answers with a 302 itself; it has no real servers (5.1, 4.1.1).
    const redirect = vs.role === 'redirect';
    const label = `${t.name} ${s.address}:${vs.port}`;
    const title = `Virtual Service ${label}`;
    steps.push({
      kind: 'vs',
      title,
      ref,
      address: s.address,
      port: vs.port,
      prot: vs.prot,
      nickname: vs.nickname,
      stages: stagesOf(vs.params),
    });
    const own = vs.subvs.length > 0 || redirect ? [] : servers;
    steps.push(...realServerSteps(ref, label, own));
    for (const sub of vs.subvs) {
      const subRef = refName('subvs', n, sub.id);
      const { nickname } = sub;
      const subLabel = `SubVS ${nickname} of ${label}`;
      steps.push({
        kind: 'subvs',
        title: subLabel,
        ref: subRef,
        parent: ref,
        nickname,
        stages: stagesOf(sub.params),
      });
      // 4.1.1/4.2.1: "Add to all SubVSs": every SubVS gets every Exchange server.
      steps.push(...realServerSteps(subRef, subLabel, servers));
      steps.push({
        kind: 'attach-rule',
        title: `rule ${sub.rule} on ${subLabel}`,
        parent: ref,
        subvs: subRef,
        rule: sub.rule,
      });
      steps.push({
        kind: 'foreign',
        title: `what else is in ${subLabel}`,
        within: subLabel,
        vs: subRef,
        slots: [],
        servers: servers.map(addressOf),
      });
    }
    steps.push({
      kind: 'foreign',
      title: `what else is in ${title}`,
      within: title,
      vs: ref,
      slots: vs.subvs.map((sub) => ({ nickname: sub.nickname, rule: sub.rule })),
      servers: own.map(addressOf),
    });
  }
  return steps;
}

/** The read-only checks that run before any change: certificates, SSO domains, addresses. */
function checkSteps(steps: readonly PlanStep[], d: Deployment): PlanStep[] {
  const checks: PlanStep[] = [];
  const certs = [...new Set(d.services.flatMap((s) => (s.certificate ? [s.certificate] : [])))].sort();
  if (certs.length > 0)
    checks.push({ kind: 'check-certificates', title: 'the certificates are installed', names: certs });
  const services: SiteVs[] = [];
  const slots = slotsOf(steps);
  const domains = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'vs') {
      const { address, port, prot, nickname } = step;
      const subvs = (slots.get(step.ref) ?? []).map((s) => s.nickname);
      services.push({ address, port, prot, nickname, subvs });
    }
    if (step.kind === 'vs' || step.kind === 'subvs') {
      for (const p of step.stages.flat()) if (p.name === P.Domain) domains.add(p.value);
    }
  }
  if (domains.size > 0)
    checks.push({ kind: 'check-sso-domains', title: 'the SSO domains exist', names: [...domains].sort() });
  checks.push({
    kind: 'check-addresses',
    title: "no other Virtual Service holds the site's addresses",
    services,
  });
  return checks;
}

/**
 * The ordered API operations that configure a LoadMaster as the guide recommends for this site:
 * read-only checks, globals, content rules, then each service (LoadMaster's create order: a SubVS can
 * only be steered by a rule that exists), and the removal of what the site owns.
 */
export function compilePlan(
  catalog: Catalog,
  d: Deployment,
  resolved: readonly BoundService[] = bindServices(catalog, d),
): Plan {
  const globals: PlanStep[] = [];
  if (d.globals) {
    for (const g of catalog.globals) {
      requireParam(g.param, 'global', g.value);
      globals.push({
        kind: 'global',
        title: `${g.label} (guide ${g.section})`,
        param: g.param,
        value: apiText(g.value),
      });
    }
  }
  const rules = new Map<string, PlanStep>();
  for (const { t } of resolved) {
    for (const r of t.rules) {
      if (!rules.has(r.name))
        rules.set(r.name, { kind: 'rule', title: `content rule ${r.name}`, name: r.name, params: r.params });
    }
  }
  const services = resolved.flatMap((b, i) => serviceSteps(b, i + 1));
  const steps = [...checkSteps(services, d), ...globals, ...rules.values(), ...services];
  const summary = resolved.map(({ s, t }) => `${t.name} on ${s.address}`);
  return { summary, steps, removal: removalSteps(steps) };
}
