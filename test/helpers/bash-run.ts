import { spawn } from 'node:child_process';

/** How a run of deploy.sh ended and what it printed. */
export interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a script with bash, asynchronously (a simulator in this process must keep answering), with
 * only the given environment plus PATH: no LM_* variable of the developer's shell leaks in.
 */
export function runBash(
  path: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<ScriptRun> {
  return runCommand('bash', [path, ...args], {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    ...env,
  });
}

/** Where a command runs (else this process's folder) and what it reads on stdin (else nothing). */
export interface RunOptions {
  readonly cwd?: string;
  readonly input?: string;
}

/** Runs a command with exactly this environment, asynchronously, and collects what it printed. */
export function runCommand(
  command: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  options: RunOptions = {},
): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      cwd: options.cwd,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}
