// Loaded with --import into a run of the CLI under test: at exit, writes the process's peak memory
// (KB) and CPU time (ms) as JSON to file descriptor 3, which the test reads.
import { readFileSync, writeSync } from 'node:fs';

/**
 * The peak resident memory of this process's own address space (VmHWM). getrusage's maxRSS is not
 * that on Linux: it keeps the largest of every image the process ran, so a child forked from a
 * large test process reports the test process's size.
 */
function peakKb(maxRss) {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // No /proc: not Linux, where maxRSS is the process's own.
  }
  return maxRss;
}

process.on('exit', () => {
  const u = process.resourceUsage();
  try {
    writeSync(
      3,
      JSON.stringify({ rssKb: peakKb(u.maxRSS), cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }),
    );
  } catch {
    // No descriptor 3: run outside the test.
  }
});
