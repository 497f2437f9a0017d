import { P } from '../loadmaster/parameters.js';
import type { ApiParam, PlanStep, RemovalStep, ServerAddress } from '../model/plan.js';
import type { SiteCompilation } from '../model/site.js';
import type { OutputFile } from './output.js';
import { int, type PsValue, str, strs, table } from './ps-value.js';
import { renderPsScript } from './render.js';
import type { CallView } from './script-views.js';

const ordered = (params: readonly ApiParam[]): PsValue => ({
  table: params.map((p) => [p.name, str(p.value)] as const),
  ordered: true,
});

/** A call's named arguments: the step's title first. */
function named(title: string, args: readonly [string, PsValue][]): CallView['args'] {
  return [['Title', str(title)] as const, ...args].map(([name, value]) => ({ name, value }));
}

/** The script function and arguments of one PlanStep (the functions are in emit/powershell/step-*.ps1). */
function stepCall(step: PlanStep): Omit<CallView, 'n'> {
  const title = step.title;
  const call = (fn: string, args: [string, PsValue][]) => ({ title, fn, args: named(title, args) });
  switch (step.kind) {
    case 'check-certificates':
      return call('Invoke-LmCheckCertificates', [['Names', strs(step.names)]]);
    case 'check-sso-domains':
      return call('Invoke-LmCheckSsoDomains', [['Names', strs(step.names)]]);
    case 'check-addresses':
      return call('Invoke-LmCheckAddresses', [
        [
          'Services',
          {
            list: step.services.map((s) =>
              table([
                ['Address', str(s.address)],
                ['Port', int(s.port)],
                ['Prot', str(s.prot)],
                ['Nickname', str(s.nickname)],
                ['SubVs', strs(s.subvs)],
              ]),
            ),
          },
        ],
      ]);
    case 'global':
      return call('Invoke-LmGlobal', [
        ['Param', str(step.param)],
        ['Value', str(step.value)],
      ]);
    case 'rule':
      return call('Invoke-LmRule', [
        ['Name', str(step.name)],
        ['Params', ordered(step.params)],
      ]);
    case 'vs':
      return call('Invoke-LmVs', [
        ['Ref', str(step.ref)],
        ['Address', str(step.address)],
        ['Port', int(step.port)],
        ['Prot', str(step.prot)],
        ['Nickname', str(step.nickname)],
        ['Stages', { list: step.stages.map(ordered) }],
      ]);
    case 'subvs':
      return call('Invoke-LmSubVs', [
        ['Ref', str(step.ref)],
        ['Parent', str(step.parent)],
        ['Nickname', str(step.nickname)],
        ['Stages', { list: step.stages.map(ordered) }],
      ]);
    case 'realserver':
      return call('Invoke-LmRealServer', [
        ['Vs', str(step.vs)],
        ['Address', str(step.address)],
        ['Port', int(step.port)],
        ...(step.weight === undefined
          ? []
          : [['Params', ordered([{ name: P.weight, value: String(step.weight) }])] as [string, PsValue]]),
      ]);
    case 'attach-rule':
      return call('Invoke-LmAttachRule', [
        ['Parent', str(step.parent)],
        ['SubVs', str(step.subvs)],
        ['Rule', str(step.rule)],
      ]);
    case 'foreign':
      return call('Find-LmForeign', [
        ['Within', str(step.within)],
        ['Vs', str(step.vs)],
        [
          'Slots',
          {
            list: step.slots.map((s) =>
              table([
                ['Nickname', str(s.nickname)],
                ['Rule', str(s.rule)],
              ]),
            ),
          },
        ],
        ['Servers', serverList(step.servers)],
      ]);
  }
}

/** Real servers as a list of tables of Address and Port. */
function serverList(servers: readonly ServerAddress[]): PsValue {
  return {
    list: servers.map((s) =>
      table([
        ['Address', str(s.address)],
        ['Port', int(s.port)],
      ]),
    ),
  };
}

/** The script function and arguments of one RemovalStep (emit/powershell/remove.ps1). */
function removalCall(step: RemovalStep): Omit<CallView, 'n'> {
  const args = (list: [string, PsValue][]) => named(step.title, list);
  switch (step.kind) {
    case 'remove-vs':
      return {
        title: step.title,
        fn: 'Remove-LmSiteVs',
        args: args([
          ['Address', str(step.address)],
          ['Port', int(step.port)],
          ['Prot', str(step.prot)],
          ['Nickname', str(step.nickname)],
          [
            'Slots',
            {
              list: step.slots.map((s) =>
                table([
                  ['Nickname', str(s.nickname)],
                  ['Rule', str(s.rule)],
                ]),
              ),
            },
          ],
          ['Servers', serverList(step.servers)],
          ['SubServers', serverList(step.subServers)],
        ]),
      };
    case 'remove-rule':
      return { title: step.title, fn: 'Remove-LmSiteRule', args: args([['Name', str(step.name)]]) };
    case 'keep-globals':
      return { title: step.title, fn: 'Write-LmKeptGlobals', args: args([['Params', strs(step.params)]]) };
  }
}

/**
 * deploy.ps1: the plan through the LoadMaster's API (no module needed): -Plan reads and reports,
 * the default applies (checks first, then only what differs, read back), -Remove deletes what the
 * site owns; each step kind is one function of the script, called once per step. `source`
 * names the deployment file in the banner.
 */
export function emitPowerShell(site: Pick<SiteCompilation, 'plan' | 'source'>): OutputFile {
  const { plan, source } = site;
  const contents = renderPsScript({
    source,
    summary: plan.summary,
    steps: plan.steps.map((s, i) => ({ ...stepCall(s), n: i + 1 })),
    stepCount: plan.steps.length,
    removal: plan.removal.map((s, i) => ({ ...removalCall(s), n: i + 1 })),
  });
  // A byte order mark: Windows PowerShell 5.1 reads a file without one as the ANSI code page, so a
  // site value such as Süd would arrive as SÃ¼d. PowerShell 7 reads it either way.
  return { path: 'deploy.ps1', contents: `${BOM}${contents}` };
}

/** The UTF-8 byte order mark, as the first character of deploy.ps1. */
export const BOM = '\ufeff';
