import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Simulator } from '../../simulator/index.js';
import { runCommand, type ScriptRun } from './bash-run.js';

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

/** Says once, on stderr, which tests are skipped and why. */
export function skipNotice(what: string): void {
  process.stderr.write(`skipped: ${what}: PowerShell 7 (pwsh) is not installed (see README, Tests)\n`);
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

/** Runs a PowerShell command line (-Command) under pwsh, as {@link runPwsh} runs a script. */
export function runPwshCommand(pwsh: string, command: string): Promise<ScriptRun> {
  return spawnPwsh(pwsh, ['-Command', command], {});
}

function spawnPwsh(
  pwsh: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<ScriptRun> {
  return runCommand(pwsh, ['-NoProfile', '-NonInteractive', ...args], {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? homedir(),
    ...(process.env.DOTNET_ROOT ? { DOTNET_ROOT: process.env.DOTNET_ROOT } : {}),
    LANG: 'C.UTF-8',
    POWERSHELL_TELEMETRY_OPTOUT: '1',
    POWERSHELL_UPDATECHECK: 'Off',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    ...env,
  });
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
    env: { LM_USER: sim.user, LM_PASSWORD: sim.password, ...(caFile ? {} : { SSL_CERT_FILE: ca }) },
  };
}
