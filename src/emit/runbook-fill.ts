import type { RealServer } from '../model/deployment.js';
import type { GuideStep, StepFill } from '../model/guide-step.js';
import { mdCode } from './markdown.js';
import { hostPort, type RunbookValues } from './runbook-parts.js';

/** How a step reads with a value beside it: the step's text, and the values of its section. */
type Phrase = (text: string, v: RunbookValues) => string;

const ex = (value: string): string => `(the guide's example: ${mdCode(value)})`;
const port = (s: RealServer, v: RunbookValues): string =>
  mdCode(String(s.port ?? v.templates[0]?.realServerPort));
const weight = (s: RealServer): string =>
  s.weight === undefined ? '' : `, **Weight** ${mdCode(String(s.weight))}`;

/** The SubVS a step of the guide names by the name Kemp's own templates give it: "<template> - <SubVS>". */
const kempSubVs = (text: string): string => /\*\*Exchange 2016 [^*]+ - ([^*]+)\*\*/.exec(text)?.[1] ?? '';

/** The guide's own runbook: each step as the guide has it, its example value named as one. */
const EXAMPLE: Readonly<Record<StepFill, Phrase>> = {
  address: (text, v) => `${text} Use the Virtual Service's address ${ex(v.address)}.`,
  template: (text) => text,
  vs: (text) => text,
  subvs: (text) =>
    `${text} Made from this project's bundles or by its scripts, the SubVS is named **${kempSubVs(text)}** alone.`,
  certificate: (text, v) => `${text} Choose the site's certificate ${ex(v.certificate)}.`,
  server: (text, v) => {
    const ports = v.templates.map((x) => `${mdCode(String(x.realServerPort))} for ${x.name}`).join(', ');
    return `${text} Port: ${ports} ${ex(v.servers[0]?.address ?? '')}.`;
  },
  'more-servers': (text) => text,
  'smtp-domains': (text, v) =>
    `${text} Enter the domains separated by spaces ${ex(v.smtpDomains.join(' '))}.`,
};

/** A site's runbook: each step with the site's own value, or rewritten for its one template. */
const SITE: Readonly<Record<StepFill, Phrase>> = {
  address: (text, v) => `${text} Use ${mdCode(v.address)}.`,
  template: (text, v) => {
    const t = v.templates[0];
    return t ? `Select the **${t.name}** template from the **Use Template** drop-down list.` : text;
  },
  vs: (text, v) =>
    `${text.replace(/([^.])$/, '$1.')} Made by the scripts, it is ${mdCode(v.nickname)} on ${mdCode(hostPort(v.address, 443))}.`,
  subvs: (text, v) => {
    const t = v.templates[0];
    const name = kempSubVs(text);
    const main = t?.services.find((x) => x.subvs.length > 0);
    const key = name.toLowerCase().replace(/ /g, '-');
    const ours = main?.subvs.find((x) => x.id === key) ?? main?.subvs[0];
    if (!t || !ours) return text;
    return `Click **Modify** for the SubVS **${ours.nickname}** (made from this project's bundles or by its scripts; made from Kemp's own templates, it is **${t.name} - ${name}**).`;
  },
  certificate: (text, v) => `${text} Use ${mdCode(v.certificate)}.`,
  server: (text, v) => {
    const first = v.servers[0];
    if (!first) return EXAMPLE.server(text, v);
    return `${text} Use ${mdCode(first.address)}, port ${port(first, v)}${weight(first)}.`;
  },
  'more-servers': (text, v) => {
    const rest = v.servers.slice(1).map((s) => `${mdCode(s.address)} (port ${port(s, v)}${weight(s)})`);
    return rest.length ? `${text} Here: ${rest.join(', ')}.` : `${text} This site has no other server.`;
  },
  'smtp-domains': (text, v) => `${text} Enter ${mdCode(v.smtpDomains.join(' '))}.`,
};

/** The site value shown beside a step, or the step rewritten for one template. */
export function fill(step: GuideStep, v: RunbookValues): string {
  if (step.fill === undefined) return step.text;
  return (v.generic ? EXAMPLE : SITE)[step.fill](step.text, v);
}
