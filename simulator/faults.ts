import type { FaultKind, FaultSpec } from './types.js';

/** The commands that change an appliance; every other one only reads. */
export const WRITE_COMMANDS: ReadonlySet<string> = new Set([
  'addvs',
  'modvs',
  'delvs',
  'addrs',
  'modrs',
  'delrs',
  'addrule',
  'modrule',
  'delrule',
  'addrsrule',
  'delrsrule',
  'set',
  'uploadtemplate',
  'deltemplate',
  'addcert',
]);

/** A queued fault; `writes` counts the write calls it has let pass. */
interface Queued {
  readonly spec: FaultSpec;
  writes: number;
}

const positive = (n: number) => Number.isInteger(n) && n >= 1;

/** Queued faults; each fires once: on its call number, the next call of its command, or its Nth write. */
export class FaultQueue {
  private queue: Queued[] = [];

  add(fault: FaultSpec): void {
    if ((fault.call === undefined) === (fault.write === undefined)) {
      throw new RangeError('a fault names either a call or a write, not both nor neither');
    }
    if (typeof fault.call === 'number' && !positive(fault.call)) {
      throw new RangeError(`fault call number must be a positive integer, got ${fault.call}`);
    }
    if (fault.write !== undefined && !positive(fault.write)) {
      throw new RangeError(`fault write number must be a positive integer, got ${fault.write}`);
    }
    this.queue.push({ spec: fault, writes: 0 });
  }

  clear(): void {
    this.queue = [];
  }

  /**
   * Removes and returns the fault for call `n` of `command`, if any: a numbered call first, then a
   * command's next call, then a write's number (every queued fault counts each write call).
   */
  take(n: number, command: string): FaultSpec | undefined {
    const lower = command.toLowerCase();
    const write = WRITE_COMMANDS.has(lower);
    if (write) for (const f of this.queue) f.writes++;
    let at = this.queue.findIndex((f) => f.spec.call === n);
    if (at < 0)
      at = this.queue.findIndex(
        (f) => typeof f.spec.call === 'string' && f.spec.call.toLowerCase() === lower,
      );
    if (at < 0 && write) at = this.queue.findIndex((f) => f.writes === f.spec.write);
    if (at < 0) return undefined;
    const [fault] = this.queue.splice(at, 1);
    return fault?.spec;
  }
}

/** HTTP status and default `<Error>` text of the answering fault kinds (401 answers with a page, as the appliance does). */
export const FAULT_REPLIES: Readonly<
  Record<
    Exclude<FaultKind, 'hang' | 'drop' | 'lost' | 'cut' | 'page' | 'huge' | 'unindexed'>,
    [number, string]
  >
> = {
  http500: [500, 'Internal error (injected)'],
  http401: [401, 'Authorization required (injected)'],
  http422: [422, 'Command failed (injected)'],
};
