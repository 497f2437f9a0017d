import type { RateLimitOptions } from './types.js';

/** The appliance's limit: above 30 calls in 3 seconds the connection drops (docs/loadmaster-api.md §1). */
export const APPLIANCE_RATE_LIMIT: RateLimitOptions = { calls: 30, windowMs: 3000 };

/**
 * A sliding window over every call attempt. Refused attempts count too, so a client that keeps
 * hammering stays locked out until it pauses, which is what the appliance's limit is for.
 */
export class RateLimiter {
  private stamps: number[] = [];

  constructor(private readonly limit: RateLimitOptions | undefined) {}

  /** Counts one call at `now` (ms); false when it is over the limit. */
  allow(now: number): boolean {
    if (!this.limit) return true;
    const since = now - this.limit.windowMs;
    this.stamps = this.stamps.filter((t) => t > since);
    this.stamps.push(now);
    return this.stamps.length <= this.limit.calls;
  }

  reset(): void {
    this.stamps = [];
  }
}
