/**
 * `build-templates sim`: the LoadMaster API simulator. The compiler never imports the simulator (it is
 * its own program, in simulator/ at the top, built by simulator/tsconfig.json): this command loads it
 * by path, at run time, only when asked. Built, this file is dist/cli/sim.js and the simulator
 * dist/simulator.mjs (one module, made by scripts/single-file.ts); from source (tsx src/cli/main.cts) they
 * are src/cli/sim.ts and simulator/.
 */
const SIMULATOR_RUN = import.meta.url.endsWith('.ts')
  ? new URL('../../simulator/run.ts', import.meta.url)
  : new URL('../simulator.mjs', import.meta.url);

/** What the command needs of simulator/run.ts: its arguments in, an exit code out. */
interface SimulatorRun {
  runSimulator(args: readonly string[]): Promise<number>;
}

/** Runs the simulator with its own arguments (sim --help lists them); its exit code. */
export async function simCommand(args: readonly string[]): Promise<number> {
  const { runSimulator } = (await import(SIMULATOR_RUN.href)) as SimulatorRun;
  return runSimulator(args);
}
