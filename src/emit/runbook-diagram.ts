import { P } from '../loadmaster/parameters.js';
import type { RealServer } from '../model/deployment.js';
import { hostPort, type RunbookValues } from './runbook-parts.js';

/**
 * Text for a Mermaid node label in double quotes: the characters Mermaid or its HTML labels read
 * (quote, #, <, >, &, backtick) written as Mermaid's `#NN;` codes, so a site value shows as itself.
 */
export function mermaidLabel(text: string): string {
  return text.replace(/["#<>&`]/g, (c) => `#${c.charCodeAt(0)};`);
}

/**
 * A site service as a Mermaid flowchart: each Virtual Service (nickname, address, port), each SubVS
 * with the content rule that steers to it, and the real servers behind them with their ports. The
 * runbook's picture of what the steps build; GitHub and most Markdown viewers draw it.
 */
export function serviceDiagram(v: RunbookValues): string {
  const lines = ['flowchart LR'];
  const servers = (port: number) =>
    v.servers.map((s: RealServer) => `${s.address}:${s.port ?? port}`).join('<br>') || 'no real servers';
  v.templates.forEach((t, ti) => {
    t.services.forEach((vs, vi) => {
      const id = `vs${ti}_${vi}`;
      const name = vs.nickname;
      lines.push(
        `  ${id}["${mermaidLabel(name)}<br>${mermaidLabel(`${hostPort(v.address, vs.port)}/${vs.prot}`)}"]`,
      );
      if (vs.role === 'redirect') {
        // The ErrorUrl's %h and %s are the host name and path the client asked for.
        const target = (vs.params.find((p) => p.name === P.ErrorUrl)?.value ?? '')
          .replace(/%h/g, '<the host name the client used>')
          .replace(/%s/g, '<its path>');
        lines.push(`  ${id} -->|"redirects"| ${id}_to["${mermaidLabel(target)}"]`);
        return;
      }
      const rs = `${id}_rs`;
      lines.push(`  ${rs}["${servers(t.realServerPort).split('<br>').map(mermaidLabel).join('<br>')}"]`);
      if (vs.subvs.length === 0) lines.push(`  ${id} --> ${rs}`);
      vs.subvs.forEach((s, si) => {
        const sid = `${id}_s${si}`;
        lines.push(
          `  ${id} -->|"${mermaidLabel(`rule ${s.rule}`)}"| ${sid}["${mermaidLabel(`SubVS ${s.nickname}`)}"]`,
        );
        lines.push(`  ${sid} --> ${rs}`);
      });
    });
  });
  return lines.join('\n');
}
