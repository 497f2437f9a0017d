import { addressKey, unusableAddress } from '../input/address.js';
import { P } from '../loadmaster/parameters.js';
import type { Catalog } from '../model/catalog.js';
import { type RealServer, siteRuleName } from '../model/deployment.js';
import type { Template } from '../model/template.js';
import type { DeploymentFile } from './file.js';

/** A broken rule: where (a JSON pointer) and what, in plain words. */
export interface RuleProblem {
  readonly pointer: string;
  readonly message: string;
}

type Rule = (file: DeploymentFile, catalog: Catalog) => RuleProblem[];

const templateOf = (c: Catalog, id: string): Template | undefined => c.templates.find((t) => t.id === id);
const isEsp = (t: Template): boolean =>
  (t.source.kind === 'https' && t.source.esp) || (t.source.kind === 'vs' && t.source.vs === 'smtp-esp');

/** The ports a template's Virtual Services listen on (HTTPS: the redirect on 80 and 443). */
function portsOf(c: Catalog, t: Template): number[] {
  const ofVs = (settings: readonly { param: string; value: unknown }[]) =>
    Number(settings.find((s) => s.param === P.port)?.value);
  if (t.source.kind === 'https') return [ofVs(c.https.redirect.settings), ofVs(c.https.main.settings)];
  const id = t.source.vs;
  return [ofVs(c.services.find((s) => s.id === id)?.settings ?? [])];
}

/** The named rules a schema cannot say, each keyed by the sentence a user sees. */
export const RULES: Readonly<Record<string, Rule>> = {
  'two services on one address and port': (file, c) => {
    const taken = new Map<string, number>();
    return file.services.flatMap((s, i) => {
      const t = templateOf(c, s.template);
      if (!t) return [];
      return portsOf(c, t).flatMap((port) => {
        const key = `${addressKey(s.address)} ${port}`;
        const first = taken.get(key);
        if (first === undefined) {
          taken.set(key, i);
          return [];
        }
        const other = file.services[first];
        return [
          {
            pointer: `/services/${i}/address`,
            message: `${s.template} would listen on ${s.address} port ${port}, which services/${first} (${other?.template}) already uses${other?.address === s.address ? '' : ` (written there as ${other?.address})`}`,
          },
        ];
      });
    });
  },
  'a certificate for each SSL accelerated service, and only there': (file, c) =>
    file.services.flatMap((s, i) => {
      const t = templateOf(c, s.template);
      if (!t) return [];
      if (t.certificate && !s.certificate) {
        return [
          {
            pointer: `/services/${i}`,
            message: `${s.template} terminates TLS on the LoadMaster (guide ${t.section}): add "certificate", the name of a certificate installed on it`,
          },
        ];
      }
      if (!t.certificate && s.certificate) {
        return [
          {
            pointer: `/services/${i}/certificate`,
            message: `${s.template} does not terminate TLS on the LoadMaster, so the certificate would not be used`,
          },
        ];
      }
      return [];
    }),
  'the esp section for ESP services': (file, c) => {
    const esp = file.services.flatMap((s, i) => {
      const t = templateOf(c, s.template);
      return t && isEsp(t) ? [{ s, i, t }] : [];
    });
    if (esp.length === 0) return [];
    if (!file.esp) {
      return esp.map(({ s, i }) => ({
        pointer: `/services/${i}/template`,
        message: `${s.template} uses ESP: add an "esp" section with the SSO domain and allowed hosts (guide 4.2.2)`,
      }));
    }
    const problems: RuleProblem[] = [];
    const site = file.esp;
    if (esp.some(({ t }) => t.source.kind === 'https')) {
      for (const key of ['owaGuid', 'smtpDomain', 'exchangeUrl'] as const) {
        if (site[key] === undefined)
          problems.push({
            pointer: '/esp',
            message: `missing "${key}": the ESP HTTPS service's OWA SubVS needs it (guide 4.2.2)`,
          });
      }
    }
    if (esp.some(({ s }) => s.template === 'smtp-esp') && !site.smtpPermittedDomains?.length) {
      problems.push({
        pointer: '/esp',
        message:
          'missing "smtpPermittedDomains": SMTP with ESP accepts mail only for these domains (guide 4.9)',
      });
    }
    return problems;
  },
  'Office Online Servers for the Office Online Server service': (file) =>
    file.services.flatMap((s, i) =>
      s.template === 'office-online' && !file.officeOnlineServers?.length
        ? [
            {
              pointer: `/services/${i}/template`,
              message:
                'office-online needs "officeOnlineServers": its real servers are the Office Online Servers (guide 4.10)',
            },
          ]
        : [],
    ),
  'content rule names of its own, each once, never default': (file, c) => {
    if (!file.contentRules) return [];
    const guideNames = c.https.rules.map((r) => String(r.settings.find((x) => x.param === P.name)?.value));
    const seen = new Map<string, string>();
    return guideNames.flatMap((guide) => {
      const name = siteRuleName(file.contentRules, guide);
      const own = file.contentRules?.names && Object.hasOwn(file.contentRules.names, guide);
      const pointer = own ? `/contentRules/names/${guide}` : '/contentRules/prefix';
      const first = seen.get(name);
      seen.set(name, first ?? guide);
      if (name.length > 64)
        return [{ pointer, message: `the rule name ${name} is longer than 64 characters` }];
      // The LoadMaster's web interface: "It is not possible to name a content rule default".
      if (name.toLowerCase() === 'default')
        return [{ pointer, message: 'a content rule cannot be named default on a LoadMaster' }];
      if (first !== undefined)
        return [{ pointer, message: `the rules ${first} and ${guide} would both be named ${name}` }];
      return [];
    });
  },
  'addresses a service or a real server can have': (file) =>
    [
      ...file.services.map((s, i) => ({ address: s.address, pointer: `/services/${i}/address` })),
      ...(['exchangeServers', 'officeOnlineServers'] as const).flatMap((list) =>
        (file[list] ?? []).map((rs: RealServer, i) => ({
          address: rs.address,
          pointer: `/${list}/${i}/address`,
        })),
      ),
    ].flatMap(({ address, pointer }) => {
      const why = unusableAddress(address);
      return why
        ? [{ pointer, message: `${address} is ${why}: no Virtual Service or real server can have it` }]
        : [];
    }),
  'each host name and domain once': (file) =>
    (['allowedHosts', 'smtpPermittedDomains'] as const).flatMap((list) => {
      const seen = new Map<string, number>();
      return (file.esp?.[list] ?? []).flatMap((name, i) => {
        // DNS names are the same whatever their case, with or without the root's trailing dot (RFC 4343).
        const key = name.toLowerCase().replace(/\.$/, '');
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
          return [];
        }
        return [
          {
            pointer: `/esp/${list}/${i}`,
            message: `${name} is listed twice (esp/${list}/${first} is the same name)`,
          },
        ];
      });
    }),
  'each real server once': (file) =>
    (['exchangeServers', 'officeOnlineServers'] as const).flatMap((list) => {
      const seen = new Map<string, number>();
      return (file[list] ?? []).flatMap((rs: RealServer, i) => {
        const key = `${addressKey(rs.address)} ${rs.port ?? ''}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
          return [];
        }
        const earlier = file[list]?.[first]?.address ?? rs.address;
        const written =
          earlier === rs.address ? '' : ` (${list}/${first} writes the same address as ${earlier})`;
        return [{ pointer: `/${list}/${i}`, message: `${rs.address} is listed twice${written}` }];
      });
    }),
};

/** Every rule's problems, in the order the rules are listed. */
export function checkRules(file: DeploymentFile, catalog: Catalog): RuleProblem[] {
  return Object.values(RULES).flatMap((rule) => rule(file, catalog));
}
