import type { FaultKind, FaultSpec } from './types.js';

/** Queued faults; each fires once, on its call number or on the next call of its command. */
export class FaultQueue {
  private queue: FaultSpec[] = [];

  add(fault: FaultSpec): void {
    if (typeof fault.call === 'number' && (!Number.isInteger(fault.call) || fault.call < 1)) {
      throw new RangeError(`fault call number must be a positive integer, got ${fault.call}`);
    }
    this.queue.push(fault);
  }

  clear(): void {
    this.queue = [];
  }

  /** Removes and returns the fault for call `n` of `command`, if any; a numbered fault wins. */
  take(n: number, command: string): FaultSpec | undefined {
    const lower = command.toLowerCase();
    let at = this.queue.findIndex((f) => f.call === n);
    if (at < 0)
      at = this.queue.findIndex((f) => typeof f.call === 'string' && f.call.toLowerCase() === lower);
    if (at < 0) return undefined;
    const [fault] = this.queue.splice(at, 1);
    return fault;
  }
}

/** HTTP status and default `<Error>` text of the answering fault kinds (401 answers with a page, as the appliance does). */
export const FAULT_REPLIES: Readonly<
  Record<Exclude<FaultKind, 'hang' | 'drop' | 'lost' | 'cut' | 'page'>, [number, string]>
> = {
  http500: [500, 'Internal error (injected)'],
  http401: [401, 'Authorization required (injected)'],
  http422: [422, 'Command failed (injected)'],
};
