import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A shell a reader types into, kept open between blocks: what one block exports, defines or `cd`s
 * into, the next block sees. Each block is written to a file and read by the shell (bash's `source`,
 * PowerShell's dot-sourcing), then a marker line says it ended and in which folder.
 */
export class Session {
  private out = '';
  private readonly child: ChildProcess;
  private count = 0;

  private constructor(
    child: ChildProcess,
    private readonly scratch: string,
    private readonly shell: 'bash' | 'pwsh',
  ) {
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => {
      this.out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      this.out += d.toString();
    });
  }

  /** bash, started in `cwd` with `env` only. */
  static bash(cwd: string, env: NodeJS.ProcessEnv, scratch: string): Session {
    const child = spawn('bash', ['--noprofile', '--norc'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    return new Session(child, scratch, 'bash');
  }

  /** PowerShell 7, reading one file to dot-source a line, in `cwd` with `env` only. */
  static pwsh(pwsh: string, cwd: string, env: NodeJS.ProcessEnv, scratch: string): Session {
    const driver = join(scratch, 'session.ps1');
    writeFileSync(
      driver,
      [
        'while ($null -ne ($__line = [Console]::In.ReadLine())) {',
        '  $__where, $__file = $__line -split "`t", 2',
        '  Set-Location -LiteralPath $__where',
        '  try { . $__file } catch { [Console]::Out.WriteLine("@@ error " + $_.Exception.Message) }',
        '  [Console]::Out.WriteLine("@@ done " + (Get-Location).Path)',
        '}',
        '',
      ].join('\n'),
    );
    const child = spawn(pwsh, ['-NoProfile', '-NonInteractive', '-File', driver], {
      cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new Session(child, scratch, 'pwsh');
  }

  /**
   * Runs one block (already instrumented) in `cwd` (PowerShell; bash stays where the last block left
   * it) and resolves with its output and the folder it ended in.
   */
  run(script: string, cwd: string, timeoutMs: number): Promise<{ output: string; cwd: string }> {
    this.count += 1;
    const file = join(this.scratch, `block-${this.count}.${this.shell === 'bash' ? 'sh' : 'ps1'}`);
    writeFileSync(file, `${script}\n`);
    const start = this.out.length;
    this.child.stdin?.write(
      this.shell === 'bash' ? `source '${file}'; printf '\\n@@ done %s\\n' "$PWD"\n` : `${cwd}\t${file}\n`,
    );
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error(`no end after ${timeoutMs} ms:\n${this.out.slice(start)}`));
      }, timeoutMs);
      const poll = setInterval(() => {
        const output = this.out.slice(start);
        const m = /^@@ done (.*)$/m.exec(output);
        if (m) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve({ output, cwd: m[1] ?? cwd });
        } else if (this.child.exitCode !== null) {
          clearTimeout(timer);
          clearInterval(poll);
          reject(new Error(`the shell ended (${this.child.exitCode}):\n${output}`));
        }
      }, 50);
    });
  }

  close(): void {
    this.child.stdin?.end();
    this.child.kill();
  }
}

/**
 * A server a page starts "in a second terminal": run by bash in `cwd`, in a process group of its own
 * so that stopping it stops what it started; resolves once its output holds `ready`.
 */
export function startServer(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  ready: string,
  timeoutMs: number,
): Promise<{ stop: () => void }> {
  const child = spawn('bash', ['-c', command], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
    } catch {
      // already ended
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`not ready after ${timeoutMs} ms: ${out}`));
    }, timeoutMs);
    const seen = (d: Buffer) => {
      out += d.toString();
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve({ stop });
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ended (${code}) before it was ready: ${out}`));
    });
  });
}
