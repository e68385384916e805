// The simulated Windows machine's public entry: build a machine from a scenario and get runners that answer from it.
import { CommandEmulator } from './emulator.ts';
import { registerBuiltinHandlers } from './handlers/index.ts';
import { registerRepairHandlers } from './repair-handlers/index.ts';
import type { SimulatedMachine } from './machine.ts';
import { buildMachine, loadScenario, type LoadedScenario } from './scenarios.ts';
import { SimulatedCommandRunner, SimulatedElevatedRunner, type SimulatedElevationOptions } from './simulated-runner.ts';

export { registerCommandHandler, matchScript, matchTool, describeCommand, CommandEmulator } from './emulator.ts';
export type { CommandHandler, CommandMatcher, EmulatedCommand, EmulatedResult, EmulatorContext } from './emulator.ts';
export { SimulatedMachine, isClientCommandLine } from './machine.ts';
export { listScenarios, loadScenario, buildMachine, parseScenario, ScenarioError, SCENARIO_DIR } from './scenarios.ts';
export { SCENARIO_SCHEMA, scenarioSchema, type Scenario, type ScenarioExpect } from './scenario-schema.ts';
export { SimulatedCommandRunner, SimulatedElevatedRunner } from './simulated-runner.ts';
export * from './model.ts';

/** An emulator that knows every command the probes run (repairs add theirs with registerCommandHandler). */
export function createEmulator(): CommandEmulator {
  // Repairs' commands (reg add, icacls /grant, sc config, msiexec...) are emulated by repair-handlers/ (one module per tool).
  return registerRepairHandlers(registerBuiltinHandlers(new CommandEmulator()));
}

export interface Simulation {
  loaded: LoadedScenario;
  machine: SimulatedMachine;
  emulator: CommandEmulator;
  runner: SimulatedCommandRunner;
  elevatedRunner: SimulatedElevatedRunner;
}

/** Everything a scan needs to run against a scenario: `createSimulation('1618-stuck-client-install')`. */
export function createSimulation(nameOrPath: string, elevation: SimulatedElevationOptions = {}): Simulation {
  const loaded = loadScenario(nameOrPath);
  const machine = buildMachine(loaded);
  const emulator = createEmulator();
  return {
    loaded,
    machine,
    emulator,
    runner: new SimulatedCommandRunner(machine, emulator),
    elevatedRunner: new SimulatedElevatedRunner(machine, emulator, elevation),
  };
}
