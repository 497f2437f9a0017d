/**
 * The command line as data, the one definition both parsers read: `parse.ts` (every ordinary run,
 * without yargs) and `yargs-cli.ts` (help, completion and every mistake, with yargs, loaded only
 * then). Nothing here imports anything: loading it costs nothing.
 */

/** An option: its name as typed (`--as-documented`), its type, default and help text. */
export interface OptionSpec {
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly default?: string | boolean;
  readonly describe: string;
  /** The option takes a value: given without one, the command line is wrong. */
  readonly requiresArg?: boolean;
  /** The option may be given more than once, each time with one value (`sim --cert A --cert B`). */
  readonly multiple?: boolean;
}

/** A positional argument of a command (`init [file]`, `validate <files..>`). */
export interface PositionalSpec {
  readonly name: string;
  readonly default?: string;
  readonly describe: string;
  /** Required: `<file>` in the command's usage; optional is `[file]`. */
  readonly demandOption?: boolean;
  /** Takes every word left (`<files..>`). */
  readonly array?: boolean;
}

/** The commands whose handler src/cli/run.ts holds. */
export type CommandName = 'compile' | 'init' | 'docs' | 'params' | 'inspect' | 'validate';

/** A command: its usage as yargs spells it, its help line, its positionals and options. */
export interface CommandSpec {
  /** How yargs names it (`$0` for the default command, `init [file]`). */
  readonly usage: string;
  /** The handler that runs it; `sim` has none here (main.ts passes it its arguments untouched). */
  readonly run: CommandName | null;
  readonly describe: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: readonly OptionSpec[];
  /** One command line its --help shows, and what it does (`$0` is the command's name). */
  readonly example: readonly [string, string];
}

/** The command's word on the command line: `init` for `init [file]`, '' for the default command. */
export const commandWord = (c: CommandSpec): string =>
  c.usage === '$0' ? '' : (c.usage.split(' ')[0] ?? '');

const json = (describe: string): OptionSpec => ({ name: 'json', type: 'boolean', default: false, describe });

/** The whole command line. */
export interface CliSpec {
  readonly scriptName: string;
  readonly usage: string;
  /** The default command first. */
  readonly commands: readonly [CommandSpec, ...CommandSpec[]];
  readonly completion: {
    readonly name: string;
    readonly describe: string;
    readonly example: readonly [string, string];
  };
  readonly examples: readonly (readonly [string, string])[];
}

/** A string option that takes a value. */
const valued = (name: string, describe: string, multiple = false): OptionSpec => ({
  name,
  type: 'string',
  requiresArg: true,
  describe,
  ...(multiple ? { multiple } : {}),
});
/** A switch, off unless given. */
const flag = (name: string, describe: string): OptionSpec => ({
  name,
  type: 'boolean',
  default: false,
  describe,
});

/** The simulator's options: its own command line (build-templates sim) is read by them. */
const SIM_OPTIONS: readonly OptionSpec[] = [
  flag('http', 'answer over plain HTTP (else HTTPS, with a certificate made at start)'),
  valued('port', 'the port to listen on (else a free one)'),
  valued('user', "the API user's name (else bal)"),
  valued('password', "the user's password (else one made at random)"),
  valued('apikey', 'an API key it also takes (else one made at random)'),
  flag('no-rate-limit', 'answer every call (else, as the appliance, refuse more than 30 calls in 3 s)'),
  valued('cert', 'a certificate the appliance holds, once for each (else Wildcard and ExchangeCert)', true),
  valued('sso-domain', 'an SSO domain configured on it, once for each (else none)', true),
  valued('non-ascii', 'how replies write non-ASCII text: latin1 (the default), references or utf8'),
  flag('log', 'print each request to stderr as it is answered'),
  valued('state', "on exit, write the appliance's state (Virtual Services, rules, settings) to FILE as JSON"),
  valued(
    'ca-file',
    'also write the CA certificate the simulator is signed by to FILE (LM_CACERT, -CaCertificate)',
  ),
];

/** Where a writing command writes. */
const OUT: OptionSpec = {
  name: 'out',
  type: 'string',
  default: '.',
  requiresArg: true,
  describe: 'folder the generated files are written under',
};

/** Compare instead of writing. */
const CHECK: OptionSpec = {
  name: 'check',
  type: 'boolean',
  default: false,
  describe: 'write nothing; exit 1 and list the files that differ from what the compiler makes now',
};

/** Write through symbolic links (src/write.ts refuses them otherwise). */
const FOLLOW: OptionSpec = {
  name: 'follow-symlinks',
  type: 'boolean',
  default: false,
  describe: 'write through a symbolic link at --out, or at a folder or file under it (refused without)',
};

/** Replace files in the output that build-templates did not write (src/write.ts refuses otherwise). */
const FORCE: OptionSpec = {
  name: 'force',
  type: 'boolean',
  default: false,
  describe: 'replace files under --out that build-templates did not write (refused without)',
};

/** Example values left in a site's file (an init address, example.com, the zero GUID) as errors. */
const STRICT: OptionSpec = {
  name: 'strict',
  type: 'boolean',
  default: false,
  describe: "make the warnings about example values left in a site's file errors (exit 1)",
};

/** Every command, in the order --help lists them. */
const COMMANDS: CliSpec['commands'] = [
  {
    usage: '$0',
    run: 'compile',
    example: [
      '$0 --deployment site.yaml --out site',
      'write site/deploy.sh, site/deploy.ps1 and site/runbook.md',
    ],
    describe:
      "write the docs and the template bundles, and the example site under out/example; with --deployment, write that site's deploy.sh, deploy.ps1 and runbook.md",
    positionals: [],
    options: [
      {
        name: 'deployment',
        type: 'string',
        requiresArg: true,
        describe: "a site's deployment file (YAML or JSON, see build-templates init)",
      },
      OUT,
      CHECK,
      STRICT,
      FORCE,
      FOLLOW,
    ],
  },
  {
    usage: 'init [file]',
    run: 'init',
    example: ['$0 init site.yaml', 'ask for a site at a terminal and write it to site.yaml'],
    describe: "write a site's deployment file: asked for at a terminal, else the commented example",
    positionals: [{ name: 'file', default: 'deployment.yaml', describe: 'where to write it' }],
    options: [
      { name: 'force', type: 'boolean', default: false, describe: 'replace an existing file' },
      {
        name: 'yes',
        type: 'boolean',
        default: false,
        describe: 'write the commented example without asking (as without a terminal)',
      },
      { ...FOLLOW, describe: 'write through a symbolic link at the file or its folder (refused without)' },
    ],
  },
  {
    usage: 'docs',
    run: 'docs',
    example: ['$0 docs --out .', 'write docs/ (the section 5 tables, the errata, the generic runbook) here'],
    describe: 'write the section 5 tables, the errata page and the generic runbook under docs/',
    positionals: [],
    options: [OUT, CHECK, FORCE, FOLLOW],
  },
  {
    usage: 'params',
    run: 'params',
    example: ['$0 params --json', "print section 5's rows as JSON"],
    describe: "print the compiled rows of the guide's section 5",
    positionals: [],
    options: [
      {
        name: 'as-documented',
        type: 'boolean',
        default: false,
        describe: 'the rows exactly as the guide prints them',
      },
      json('print a JSON array for scripts'),
    ],
  },
  {
    usage: 'inspect <file>',
    run: 'inspect',
    example: ['$0 inspect site/dist-templates/Exchange2016ESP.tmpl', "print a bundle's templates"],
    describe: 'print the templates of a bundle file (.tmpl): VSs, SubVSs, rules and parameters',
    positionals: [{ name: 'file', demandOption: true, describe: 'the bundle file to read' }],
    options: [json('print the templates as JSON')],
  },
  {
    usage: 'validate <files..>',
    run: 'validate',
    example: ['$0 validate --strict site.yaml', 'check site.yaml; example values left in are errors'],
    describe: 'check deployment files and write nothing: exit 0 when every one is valid, 1 when one is not',
    positionals: [{ name: 'files', array: true, demandOption: true, describe: 'the deployment files' }],
    options: [
      json(
        'print [{ file, valid, problems: [{ file, line, col, pointer, message }], warnings: [...] }] for editors and CI',
      ),
      STRICT,
    ],
  },
  {
    usage: 'sim',
    run: null,
    example: [
      '$0 sim --cert Wildcard --sso-domain EXAMPLE.COM --port 8443',
      'answer the API on 127.0.0.1:8443 with that certificate and SSO domain',
    ],
    describe:
      'start a LoadMaster API simulator on 127.0.0.1 to rehearse deploy.sh against (options: build-templates sim --help)',
    positionals: [],
    options: SIM_OPTIONS,
  },
];

const COMPLETION: CliSpec['completion'] = {
  name: 'completion',
  describe: 'print a completion script: completion bash (the default), zsh or fish',
  example: ['$0 completion zsh > build-templates.zsh', "write zsh's script, to source from ~/.zshrc"],
};

/** The whole command line: the main --help shows a bare run's example, then each command's own. */
export const CLI: CliSpec = {
  scriptName: 'build-templates',
  usage:
    "$0 [command] [options]\n\nCompiles Kemp's MS Exchange 2016 Deployment Guide into LoadMaster template bundles, deployment scripts, parameter tables and runbooks.",
  commands: COMMANDS,
  completion: COMPLETION,
  examples: [
    ['$0', 'write the docs, the bundles and the example site (examples/deployment.yaml) under out/example'],
    ...COMMANDS.map((c) => c.example),
    COMPLETION.example,
  ],
};

/** The options that take one value: given twice, or without a value, the command line is wrong. */
export const SINGLE = ['out', 'deployment', 'file'] as const;

/** The arguments every handler receives, whichever parser read them (yargs' camelCase names). */
export interface Args {
  /** The writing commands' --out and --check (compile, docs); absent for the others. */
  readonly out?: string;
  readonly check?: boolean;
  /** Write through symbolic links under --out (src/write.ts refuses them otherwise). */
  readonly followSymlinks?: boolean;
  /** `--deployment`'s files: one for a site, several (or a folder) for a batch. */
  readonly deployment?: readonly string[] | undefined;
  readonly file?: string;
  readonly files?: readonly string[];
  readonly force?: boolean;
  /** init: write the example without asking. */
  readonly yes?: boolean;
  readonly asDocumented?: boolean;
  readonly json?: boolean;
  /** Example values left in a site's file are errors, not warnings. */
  readonly strict?: boolean;
}
