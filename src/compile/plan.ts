import { apiText, requireParam } from '../loadmaster/catalogue.js';
import type { Catalog } from '../model/catalog.js';
import type { DeployedService, Deployment } from '../model/deployment.js';
import type { Plan, PlanStep } from '../model/plan.js';
import type { ResolvedTemplate } from '../model/resolved.js';
import { bindTemplate } from './bind.js';
import { type ServiceServer, serviceServers } from './servers.js';
import { resolveTemplate, templateById } from './templates.js';

function templateOf(catalog: Catalog, s: DeployedService): ResolvedTemplate {
  return resolveTemplate(catalog, templateById(catalog, s.template));
}

/** A script variable name: letters, digits and underscores only, whatever the ids hold. */
const refName = (...parts: (string | number)[]): string => parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');

function realServerSteps(vsRef: string, label: string, servers: readonly ServiceServer[]): PlanStep[] {
  return servers.map((rs) => {
    requireParam('rs', 'rs', rs.address);
    requireParam('rsport', 'rs', rs.port);
    if (rs.weight !== undefined) requireParam('weight', 'rs', rs.weight);
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

/** The steps of one service: its Virtual Services, SubVSs, real servers and rule attachments. */
function serviceSteps(d: Deployment, s: DeployedService, t: ResolvedTemplate, n: number): PlanStep[] {
  const steps: PlanStep[] = [];
  const servers = serviceServers(d, s, t);
  for (const vs of t.services) {
    const ref = refName('vs', n, vs.port);
    // The HTTP redirect answers with a 302 itself; it keeps its own name and has no real servers (5.1, 4.1.1).
    const redirect = vs.params.some((p) => p.name === 'ErrorCode' && p.value === '302');
    const params = vs.params.map((p) =>
      p.name === 'nickname' && s.nickname && !redirect ? { ...p, value: s.nickname } : p,
    );
    const label = `${t.name} ${s.address}:${vs.port}`;
    steps.push({
      kind: 'vs',
      title: `Virtual Service ${label}`,
      ref,
      address: s.address,
      port: vs.port,
      prot: vs.prot,
      params,
    });
    if (vs.subvs.length === 0) {
      if (redirect) continue;
      steps.push(...realServerSteps(ref, label, servers));
      continue;
    }
    for (const sub of vs.subvs) {
      const subRef = refName('subvs', n, sub.id);
      // The scripts find a SubVS again by its nickname: one without would be taken for another.
      const nickname = sub.params.find((p) => p.name === 'nickname')?.value;
      if (!nickname) throw new Error(`SubVS ${sub.id} of ${t.name} has no nickname`);
      const subLabel = `SubVS ${nickname} of ${label}`;
      steps.push({
        kind: 'subvs',
        title: subLabel,
        ref: subRef,
        parent: ref,
        nickname,
        params: sub.params,
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
    }
  }
  return steps;
}

/**
 * The ordered API operations that configure a LoadMaster as the guide recommends for this site:
 * globals, certificates check, content rules, then each service (LOADMASTER-API.md §3's create order).
 */
export function compilePlan(catalog: Catalog, d: Deployment): Plan {
  const resolved = d.services.map((s) => ({ s, t: bindTemplate(templateOf(catalog, s), d, s) }));
  const steps: PlanStep[] = [];
  if (d.globals) {
    for (const g of catalog.globals) {
      requireParam(g.param, 'global', g.value);
      steps.push({
        kind: 'global',
        title: `${g.label} (guide ${g.section})`,
        param: g.param,
        value: apiText(g.value),
      });
    }
  }
  const certs = [...new Set(d.services.flatMap((s) => (s.certificate ? [s.certificate] : [])))].sort();
  if (certs.length > 0)
    steps.push({ kind: 'certificates', title: 'certificates are installed', names: certs });
  const rules = new Map<string, PlanStep>();
  for (const { t } of resolved) {
    for (const r of t.rules) {
      if (!rules.has(r.name))
        rules.set(r.name, { kind: 'rule', title: `content rule ${r.name}`, name: r.name, params: r.params });
    }
  }
  steps.push(...rules.values());
  resolved.forEach(({ s, t }, i) => {
    steps.push(...serviceSteps(d, s, t, i + 1));
  });
  const summary = resolved.map(({ s, t }) => `${t.name} on ${s.address}`);
  return { summary, steps };
}
