import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Simulator } from '../../simulator/index.js';
import { psQuote } from '../../src/emit/escape.js';
import { emitPowerShell } from '../../src/emit/powershell.js';
import type { Plan } from '../../src/model/plan.js';
import { runCommand, type ScriptRun } from './bash-run.js';
import { ownedListOf } from './owned-list.js';

/**
 * PowerShell 7 for the tests that run deploy.ps1: $PWSH, else `pwsh` on PATH, else the .NET tool's
 * (~/.dotnet/tools/pwsh, where `dotnet tool install --global PowerShell` puts it); undefined when
 * there is none. CI sets REQUIRE_PWSH=1: then a missing pwsh fails the tests instead of skipping them.
 */
export function findPwsh(): string | undefined {
  const candidates = [process.env.PWSH, 'pwsh', join(homedir(), '.dotnet/tools/pwsh')];
  for (const c of candidates) {
    if (!c) continue;
    if (c.includes('/') && !existsSync(c)) continue;
    if (
      spawnSync(c, ['-NoProfile', '-NonInteractive', '-Command', 'exit 0'], { stdio: 'ignore' }).status === 0
    )
      return c;
  }
  if (process.env.REQUIRE_PWSH === '1')
    throw new Error('REQUIRE_PWSH=1, but no PowerShell 7 (pwsh) was found');
  return undefined;
}

/**
 * Says which tests are skipped and why, as `skipped: WHAT: WHY` on stderr; the test runner gathers
 * these lines into one at the end of the run.
 */
export function skipNotice(what: string): void {
  process.stderr.write(`skipped: ${what}: PowerShell 7 (pwsh) is not installed (see docs/contributing.md)\n`);
}

/**
 * Runs deploy.ps1 under pwsh with its arguments, asynchronously (a simulator in this process must
 * keep answering), with only the given environment plus what pwsh itself needs: no LM_* variable of
 * the developer's shell leaks in.
 */
export function runPwsh(
  pwsh: string,
  path: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<ScriptRun> {
  return spawnPwsh(pwsh, ['-File', path, ...args], env);
}

/**
 * Runs deploy.ps1 as {@link runPwsh} does, but as at a terminal where someone types `answers`:
 * PowerShell's prompts (-Confirm) read them from stdin.
 */
export function runPwshAnswering(
  pwsh: string,
  path: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  answers: string,
): Promise<ScriptRun> {
  return runCommand(pwsh, ['-NoProfile', '-File', path, ...args], pwshEnv(env), { input: answers });
}

/**
 * A PowerShell session that runs deploy.ps1 again and again, as an administrator at a console does
 * (`./deploy.ps1 ...`, then again): pwsh reads each command from stdin (-Command -), and each run's
 * exit code ($LASTEXITCODE) and output are its own. One pwsh start for many runs: the start is
 * most of a short run's CPU, and the suite runs deploy.ps1 some hundred times.
 */
export class PwshSession {
  private readonly child: ChildProcess;
  private out = '';
  private err = '';
  private waiting: (() => void) | undefined;
  private ended = false;

  constructor(pwsh: string, env: Readonly<Record<string, string>>) {
    // TERM=dumb: reading commands from stdin, .NET otherwise writes a terminal's keypad codes
    // (ESC [?1h ESC [?1l) before each command's output.
    this.child = spawn(pwsh, ['-NoProfile', '-NonInteractive', '-Command', '-'], {
      env: pwshEnv({ TERM: 'dumb', ...env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const heard = () => this.waiting?.();
    this.child.stdout?.on('data', (d: Buffer) => {
      this.out += d.toString('utf8');
      heard();
    });
    this.child.stderr?.on('data', (d: Buffer) => {
      this.err += d.toString('utf8');
      heard();
    });
    this.child.on('close', () => {
      this.ended = true;
      heard();
    });
  }

  /**
   * One run of the script with these arguments (a parameter's name as it is, each value quoted);
   * with `outputTo`, its output (PowerShell's success stream) redirected into that file, as `> FILE`.
   */
  async run(path: string, args: readonly string[], outputTo?: string): Promise<ScriptRun> {
    const words = args.map((a) => (/^-[A-Za-z]+$/.test(a) ? a : psQuote(a))).join(' ');
    const into = outputTo === undefined ? '' : ` > ${psQuote(outputTo)}`;
    this.child.stdin?.write(
      `& ${psQuote(path)} ${words}${into}; [Console]::Out.WriteLine('@@ exit ' + $LASTEXITCODE); [Console]::Error.WriteLine('@@ end')\n`,
    );
    // Not anchored to a line's start: anything written before a marker shows in the run's output.
    const done = /@@ exit (\d+)\r?\n/;
    const end = /@@ end\r?\n/;
    while (!(done.test(this.out) && end.test(this.err))) {
      if (this.ended) throw new Error(`the PowerShell session ended: ${this.err}`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
    const o = done.exec(this.out) as RegExpExecArray;
    const e = end.exec(this.err) as RegExpExecArray;
    const run = {
      code: Number(o[1]),
      stdout: this.out.slice(0, o.index),
      stderr: this.err.slice(0, e.index),
    };
    this.out = this.out.slice(o.index + o[0].length);
    this.err = this.err.slice(e.index + e[0].length);
    return run;
  }

  /** Ends the session. */
  async close(): Promise<void> {
    if (this.ended) return;
    const closed = new Promise((resolve) => this.child.on('close', resolve));
    this.child.stdin?.end();
    await closed;
  }
}

/** Runs a PowerShell command line (-Command) under pwsh, as {@link runPwsh} runs a script. */
export function runPwshCommand(pwsh: string, command: string): Promise<ScriptRun> {
  return spawnPwsh(pwsh, ['-Command', command], {});
}

function spawnPwsh(
  pwsh: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<ScriptRun> {
  return runCommand(pwsh, ['-NoProfile', '-NonInteractive', ...args], pwshEnv(env));
}

/**
 * The environment of a pwsh run: what pwsh itself needs, no telemetry or update check, and `env`.
 * .NET's tiered PGO is off: it instruments the code a run starts with to optimise it later, which a
 * run of a few seconds never reaches, and the suite starts pwsh over a hundred times (a tenth of
 * each run's CPU, measured; what the script does is the same).
 */
export function pwshEnv(env: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? homedir(),
    ...(process.env.DOTNET_ROOT ? { DOTNET_ROOT: process.env.DOTNET_ROOT } : {}),
    LANG: 'C.UTF-8',
    POWERSHELL_TELEMETRY_OPTOUT: '1',
    POWERSHELL_UPDATECHECK: 'Off',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_TieredPGO: '0',
    ...env,
  };
}

/**
 * deploy.ps1's arguments against a simulator over HTTPS: its address and port, no pause between
 * calls; the user and password come by the environment, as deploy.sh's do. The simulator's CA is
 * trusted through -CaCertificate (the compiled check) when `caFile`, else through the system's trust
 * store, which .NET on Linux reads from SSL_CERT_FILE (no check of the script's own, no compile).
 */
export function psArgs(
  sim: Simulator,
  extra: readonly string[] = [],
  caFile = false,
): { args: string[]; env: Record<string, string> } {
  const ca = sim.caCertPath;
  if (!ca) throw new Error('deploy.ps1 is run against the simulator over HTTPS');
  const url = new URL(sim.url);
  return {
    args: [
      '-LoadBalancer',
      url.hostname,
      '-LBPort',
      url.port,
      '-Delay',
      '0',
      ...(caFile ? ['-CaCertificate', ca] : []),
      ...extra,
    ],
    env: {
      LM_USER: sim.user,
      LM_PASSWORD: sim.password,
      LM_OWNED: ownedListOf(sim),
      ...(caFile ? {} : { SSL_CERT_FILE: ca }),
    },
  };
}

/** Writes a plan's deploy.ps1 into a folder; returns its path. */
export function writeDeployPs(dir: string, plan: Plan): string {
  const path = join(dir, 'deploy.ps1');
  writeFileSync(path, emitPowerShell({ plan, source: 'site.yaml' }).contents);
  return path;
}

/**
 * PowerShell's own parser on each text (scripts/parse-powershell.ps1): every syntax error as
 * `index:line:column: message`, the index being the text's place in `texts`. Without pwsh, says
 * the check is skipped and returns none.
 */
export function powershellErrors(texts: readonly string[]): string[] {
  const pwsh = findPwsh();
  if (!pwsh) {
    skipNotice('PowerShell commands of the runbook parsed by PowerShell');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'bt-ps-parse-'));
  try {
    const files = texts.map((t, i) => {
      const file = join(dir, `${i}.ps1`);
      writeFileSync(file, t);
      return file;
    });
    const root = join(import.meta.dirname, '../..');
    const r = spawnSync(
      pwsh,
      ['-NoProfile', '-NonInteractive', '-File', join(root, 'scripts/parse-powershell.ps1'), ...files],
      {
        encoding: 'utf8',
      },
    );
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(dir.length + 1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
