/**
 * A line of progress on a terminal's stderr, rewritten in place (`12 of 300 sites, about 8 s
 * left`), at most every quarter second; nothing at all when stderr is not a terminal (a log, a pipe,
 * CI). Whatever else is written to stderr clears it first.
 */
export class Progress {
  private readonly start = Date.now();
  private last = 0;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly what: string,
    private readonly on = process.stderr.isTTY === true && total > 1,
  ) {}

  /** `done` of the total are done. */
  step(done: number): void {
    if (!this.on) return;
    const now = Date.now();
    if (now - this.last < 250 && done < this.total) return;
    this.last = now;
    const left = done > 0 ? ((now - this.start) / done) * (this.total - done) : 0;
    const eta = done > 0 && done < this.total ? `, about ${Math.ceil(left / 1000)} s left` : '';
    process.stderr.write(`\r\x1b[2K  ${done} of ${this.total} ${this.what}${eta}`);
    this.shown = true;
  }

  /** Takes the line away, before other output or at the end. */
  clear(): void {
    if (!this.shown) return;
    process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}
