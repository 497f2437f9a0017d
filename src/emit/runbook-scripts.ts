import { mdCode } from './markdown.js';
import { part, type SectionView } from './runbook-parts.js';

/**
 * The site's life with the generated scripts: plan, apply, verify by plan in monitoring, remove.
 * `generic`: the docs' runbook, which tells how to get the scripts for a site.
 */
export function scriptsSection(no: number, generic: boolean): SectionView {
  const get = generic
    ? `${mdCode('build-templates --deployment site.yaml --out site')} writes them for a site (see the README and docs/deploying.md).`
    : 'They sit beside this runbook.';
  return {
    heading: `${no}. With the scripts: plan, apply, verify, remove`,
    intro: [
      `${mdCode('deploy.sh')} (bash and curl) and ${mdCode('deploy.ps1')} (PowerShell 7, or Windows PowerShell 5.1; no module) do sections 2 to 4 through the LoadMaster's API, from one plan. ${get} Each reads the LoadMaster first and changes only what differs.`,
    ],
    parts: [
      part(
        null,
        [],
        [
          `**Plan.** ${mdCode('./deploy.sh plan')} (${mdCode('deploy.ps1 -Plan')}) only reads. It prints each object as to create, to change (with the parameter, the LoadMaster's value and the site's), unchanged, or foreign (in the site's Virtual Services but not in the site file, or at one of the site's addresses or rule names without being the site's: left alone). Exit code 0: nothing to do; 2: changes pending; 1: an error, or a problem apply would stop on (a certificate or SSO domain missing, another Virtual Service on one of the site's addresses, a Virtual Service or content rule of the site's names that the site did not make).`,
          `**What the site owns.** What the scripts made, recorded in ${mdCode('deploy.owned.tsv')} beside them (keep it with them), and what ${mdCode('./deploy.sh apply --adopt')} (${mdCode('deploy.ps1 -Adopt')}) took over: after importing the template bundles and making the services by hand from this runbook, run that once so that the scripts may change and remove them. Nothing else is ever changed or deleted.`,
          `**Apply.** ${mdCode('./deploy.sh')} (${mdCode('deploy.ps1')}) makes every check before its first change, and prints the global settings as it found them: note them, rolling back needs them. It then writes only what differs, reading each change back; a value the LoadMaster did not keep stops the run, naming the object, the parameter, the value sent and the value found. After any failure, run it again: it carries on from where the LoadMaster stands. A second apply writes nothing.`,
          `**Verify, and keep verifying.** Run ${mdCode('./deploy.sh plan')} from monitoring: exit code 0 means the LoadMaster still holds the site as planned; 2 means something was changed by hand, and the output names each parameter. ${mdCode('./deploy.sh')} puts it back.`,
          `**Remove.** ${mdCode('./deploy.sh plan --remove')} (${mdCode('deploy.ps1 -Plan -Remove')}) lists what a removal would delete and keep, reading only. ${mdCode('./deploy.sh remove')} (${mdCode('deploy.ps1 -Remove')}) lists it, asks for yes, and deletes what the site owns: its Virtual Services, with their SubVSs and real servers, and the content rules no Virtual Service left uses (${mdCode('--yes')}, ${mdCode('-Force')}: without asking). A Virtual Service that also holds a SubVS or real server added by hand is kept with them, exit code 3 (${mdCode('--include-foreign')}, ${mdCode('-IncludeForeign')}: deleted whole). The global settings stay. A second remove changes nothing.`,
        ],
      ),
    ],
  };
}
