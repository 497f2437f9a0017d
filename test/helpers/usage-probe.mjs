// Loaded with --import into a run of the CLI under test: at exit, writes the process's peak memory
// (KB) and CPU time (ms) as JSON to file descriptor 3, which the test reads.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ rssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  } catch {
    // No descriptor 3: run outside the test.
  }
});
