/**
 * Follows ARCHITECTURE.md's "How to add a template" on the real catalogue, on a scratch branch, to
 * show that the recipe is enough: it adds an SMTP relay template by editing only the files the
 * recipe names, regenerates the outputs as step 6 says, then runs .ci/run there.
 *
 *   npx tsx scripts/recipe-add-template.ts [--guide PATH] [--keep] [--no-ci]
 *
 * The scratch branch lives in a git worktree under the system's temporary folder and is removed at
 * the end (with --keep it stays, and its path is printed). Exit 0 when every step and .ci/run pass.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    guide: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-ci': { type: 'boolean', default: false },
  },
});

/** One edit the recipe asks for: text inserted before the first `before` after `after`. */
interface Edit {
  readonly step: string;
  readonly file: string;
  readonly after: string;
  readonly before: string;
  readonly text: string;
}

const ID = 'smtp-relay';

/**
 * The template: SMTP on 25 for applications and devices that relay through Exchange. Transparent,
 * so that the Receive connector that allows the relay sees each client's own address (Microsoft,
 * "Allow anonymous relay on Exchange servers" scopes that connector by the clients' remote IP
 * addresses), where every other mail service of the guide makes the LoadMaster the source.
 */
const EDITS: readonly Edit[] = [
  {
    step: '1. its Virtual Service',
    file: 'src/catalog/exchange2016/mail.ts',
    after: 'export const SMTP_SERVICES',
    before: '\n];',
    text: `
  {
    id: '${ID}',
    place: { section: '5.4', group: 'SMTP Relay', item: null },
    settings: [
      set(P.port, 25),
      set(P.prot, 'tcp'),
      set(P.VStype, VSTYPE.generic),
      set(P.nickname, 'Exchange SMTP Relay'),
      set(P.ForceL7, true),
      set(P.Transparent, true),
      set(P.ServerInit, SMTP.serverInit),
      set(P.Persist, 'src'),
      set(P.PersistTimeout, SMTP_PERSIST),
      set(P.Schedule, 'rr'),
      set(P.Idletime, SMTP.idletime),
      set(P.CheckType, CHECK.smtp),
      set(P.CheckPort, 25),
    ],
  },`,
  },
  {
    step: '2. the template',
    file: 'src/catalog/exchange2016/templates.ts',
    after: 'export const TEMPLATES',
    before: '\n];',
    text: `
  template(
    '${ID}',
    'Exchange 2016 SMTP Relay',
    '4.11',
    'Exchange 2016 SMTP relay on 25, client addresses kept',
    vs('${ID}'),
    {
      ...plain(25),
      beyondGuide:
        "A relay for applications and devices inside the network: transparent, so that Exchange sees each client's own address and the Receive connector that allows the relay can be limited to those clients (Microsoft, Allow anonymous relay on Exchange servers). The other settings are the guide's SMTP service's (5.4).",
    },
  ),`,
  },
  {
    step: '3. its bundle',
    file: 'src/catalog/exchange2016/bundles.ts',
    after: "name: 'Exchange2016Additional'",
    before: '\n    ],',
    text: `\n      '${ID}',`,
  },
  {
    step: '4. its steps',
    file: 'src/catalog/exchange2016/steps.ts',
    after: 'export const GUIDE_STEPS',
    before: '\n];',
    text: `
  {
    section: '4.11',
    title: 'SMTP Relay Virtual Service',
    parts: [
      create(
        '4.11',
        template('Select the **Exchange 2016 SMTP Relay** template from the **Use Template** drop-down list.'),
      ),
      realServers('4.11', 6, RS_THE, MORE, 25),
    ],
  },`,
  },
  {
    step: '5. its Exchange side',
    file: 'src/catalog/exchange2016/exchange-mail.ts',
    after: 'export const MAIL_PREREQUISITES',
    before: '\n];',
    text: String.raw`
  {
    id: 'smtp-relay-connector',
    templates: ['${ID}'],
    title: 'A Receive connector for the relaying clients only',
    symptom:
      "The relay service is transparent: Exchange sees each client's own address, and answers it through the LoadMaster only if the LoadMaster is the Exchange servers' default gateway (Kemp, What Does Transparency Mean?). Exchange relays for a client only through a Receive connector that lists it, with anonymous relay granted.",
    steps: [
      "Make the LoadMaster the Exchange servers' default gateway for the relaying clients' networks, or leave this template unused.",
      'On each Exchange server, make a Receive connector on port 25 whose remote addresses are the relaying clients only, and grant it anonymous relay (the commands below).',
    ],
    record: [SERVER, 'Get-ReceiveConnector -Server $Server | Format-List Identity,Bindings,RemoteIPRanges'].join('\n'),
    commands: [
      SERVER,
      "New-ReceiveConnector -Name 'Anonymous Relay' -Server $Server -TransportRole FrontendTransport -Custom -Bindings 0.0.0.0:25 -RemoteIpRanges '<client address>'",
      "Set-ReceiveConnector \"$Server\\Anonymous Relay\" -PermissionGroups AnonymousUsers",
      "Get-ReceiveConnector \"$Server\\Anonymous Relay\" | Add-ADPermission -User 'NT AUTHORITY\\ANONYMOUS LOGON' -ExtendedRights 'Ms-Exch-SMTP-Accept-Any-Recipient'",
    ].join('\n'),
    undo: 'On each Exchange server, remove the connector made here with Remove-ReceiveConnector, naming it as above.',
    cite: [
      { source: 'ms-anonymous-relay', section: 'Allow anonymous relay on Exchange servers' },
      { source: 'kemp-transparency', section: 'What Does Transparency Mean?' },
    ],
  },`,
  },
  {
    step: '6. the deployment file',
    file: 'schemas/deployment.schema.json',
    after: '"template": {',
    before: '\n            ],',
    text: `,\n              "${ID}"`,
  },
  {
    step: '7. its run end to end',
    file: 'fixtures/deployments/all-templates/deployment.yaml',
    after: 'services:',
    before: '\nexchangeServers:',
    text: `\n  - template: ${ID}\n    address: 10.1.0.19`,
  },
];

function run(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

function apply(root: string, edit: Edit): void {
  const path = join(root, edit.file);
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(edit.after);
  const at = from < 0 ? -1 : text.indexOf(edit.before, from);
  if (at < 0) throw new Error(`${edit.file}: the place for step ${edit.step} was not found`);
  writeFileSync(path, text.slice(0, at) + edit.text + text.slice(at));
  console.log(`step ${edit.step}: ${edit.file}`);
}

const repo = resolve(dirname(new URL(import.meta.url).pathname), '..');
const scratch = mkdtempSync(join(tmpdir(), 'recipe-'));
const tree = join(scratch, 'clone');
const branch = `scratch/add-template-${process.pid}`;
let ok = false;
try {
  if (!run(repo, 'git', ['worktree', 'add', '-q', '-b', branch, tree, 'HEAD']))
    throw new Error('git worktree failed');
  for (const edit of EDITS) apply(tree, edit);
  const steps: [string, string[]][] = [
    ['npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']],
    ['npx', ['biome', 'format', '--write', ...EDITS.map((e) => e.file)]],
    // Step 8: build, write the outputs and the fixtures' goldens again, and review them (here: commit them).
    ['npm', ['run', 'build']],
    ['node', ['dist/cli/main.cjs']],
    ['env', ['UPDATE=1', 'npx', 'uvu', '-r', 'tsx', 'test', 'site\\.test\\.ts$']],
    ['git', ['add', '-A']],
    [
      'git',
      [
        '-c',
        'user.name=recipe',
        '-c',
        'user.email=recipe@localhost',
        'commit',
        '-qm',
        `Add the ${ID} template`,
      ],
    ],
    ['git', ['show', '--stat', '--format=%s', 'HEAD']],
  ];
  ok = steps.every(([command, args]) => run(tree, command, args));
  // .ci/run's checks against the guide read the text GUIDE_TEXT names.
  if (ok && !opts['no-ci'])
    ok = run(tree, 'bash', ['.ci/run'], opts.guide ? { GUIDE_TEXT: resolve(opts.guide) } : {});
  if (ok && existsSync(join(tree, 'docs'))) console.log(`the ${ID} template was added by the recipe alone`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
} finally {
  if (opts.keep) {
    console.log(`scratch branch ${branch} kept in ${tree}`);
  } else {
    spawnSync('git', ['worktree', 'remove', '--force', tree], { cwd: repo });
    spawnSync('git', ['branch', '-D', branch], { cwd: repo, stdio: 'ignore' });
    rmSync(scratch, { recursive: true, force: true });
  }
}
process.exit(ok ? 0 : 1);
