#!/usr/bin/env node
/** `npm run sim`: the simulator on its own; `build-templates sim` runs the same (see run.ts). */
import { runSimulator } from './run.js';

runSimulator(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sim: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
