import { mdCode } from './markdown.js';
import { part, type SectionView } from './runbook-parts.js';

/**
 * The site's life with the generated scripts: plan, apply, verify by plan in monitoring, remove.
 * `generic`: the docs' runbook, which tells how to get the scripts for a site.
 */
export function scriptsSection(no: number, generic: boolean): SectionView {
  const get = generic
    ? `${mdCode('build-templates --deployment site.yaml --out site')} writes them for a site (see the README).`
    : 'They sit beside this runbook.';
  return {
    heading: `${no}. With the scripts: plan, apply, verify, remove`,
    intro: [
      `${mdCode('deploy.sh')} (bash and curl) and ${mdCode('deploy.ps1')} (Kemp's PowerShell module) do sections 2 to 4 through the LoadMaster's API, from one plan. ${get} Each reads the LoadMaster first and changes only what differs.`,
    ],
    parts: [
      part(
        null,
        [],
        [
          `**Plan.** ${mdCode('./deploy.sh plan')} (${mdCode('deploy.ps1 -Plan')}) only reads. It prints each object as to create, to change (with the parameter, the LoadMaster's value and the site's), unchanged, or foreign (in the site's Virtual Services but not in the site file: left alone). Exit code 0: nothing to do; 2: changes pending; 1: an error, or a problem apply would stop on (a certificate or SSO domain missing, another Virtual Service on one of the site's addresses).`,
          `**Apply.** ${mdCode('./deploy.sh')} (${mdCode('deploy.ps1')}) makes every check before its first change, and prints the global settings as it found them: note them, rolling back needs them. It then writes only what differs, reading each change back; a value the LoadMaster did not keep stops the run, naming the object, the parameter, the value sent and the value found. After any failure, run it again: it carries on from where the LoadMaster stands. A second apply writes nothing.`,
          `**Verify, and keep verifying.** Run ${mdCode('./deploy.sh plan')} from monitoring: exit code 0 means the LoadMaster still holds the site as planned; 2 means something was changed by hand, and the output names each parameter. ${mdCode('./deploy.sh')} puts it back.`,
          `**Remove.** ${mdCode('./deploy.sh remove')} (${mdCode('deploy.ps1 -Remove')}) deletes what the site owns: its Virtual Services, with their SubVSs and real servers, and the content rules no other Virtual Service uses. The global settings stay. A second remove changes nothing.`,
        ],
      ),
    ],
  };
}
