// Turns the probes' commands into as few processes as possible (marked PowerShell scripts share one powershell.exe)
// and routes each process's output back to the probe and position that asked for it.
import type { CommandOutput, CommandSpec } from '../system/run/command-runner.ts';
import {
  batchScripts,
  isBatchable,
  splitBatchOutput,
  type BatchPart,
  type ScriptBatch,
} from '../system/probes/script-batch.ts';

/** Where one output goes: probe index (in the plan's input) and command index within that probe. */
export interface Slot {
  probe: number;
  command: number;
}

export type PlannedUnit =
  | { kind: 'single'; spec: CommandSpec; slot: Slot }
  | { kind: 'batch'; spec: CommandSpec; batch: ScriptBatch; slots: Map<string, Slot> };

/** Slots a unit feeds (for progress: which probes are waiting on it). */
export function slotsOf(unit: PlannedUnit): Slot[] {
  return unit.kind === 'single' ? [unit.slot] : [...unit.slots.values()];
}

/**
 * PowerShell start-up (200-400 ms each on Windows PowerShell 5.1) dominates probe time, so every marked probe script
 * joins a batch (packed under the command-line limit); other commands (sc, reg, whoami, wevtutil) run as they are.
 * A batch of one is left as the plain script: same process count, simpler output.
 */
export function planCommands(specsByProbe: readonly CommandSpec[][], options: { batch?: boolean } = {}): PlannedUnit[] {
  const units: PlannedUnit[] = [];
  const parts: BatchPart[] = [];
  const partSlots = new Map<string, Slot>();
  specsByProbe.forEach((specs, probe) => {
    specs.forEach((spec, command) => {
      if (options.batch !== false && isBatchable(spec)) {
        const key = `p${probe}c${command}`;
        parts.push({ key, spec });
        partSlots.set(key, { probe, command });
      } else {
        units.push({ kind: 'single', spec, slot: { probe, command } });
      }
    });
  });
  if (parts.length === 1) {
    const only = parts[0]!;
    units.unshift({ kind: 'single', spec: only.spec, slot: partSlots.get(only.key)! });
  } else if (parts.length > 1) {
    const batches = batchScripts(parts).map((batch): PlannedUnit => ({
      kind: 'batch',
      spec: batch.spec,
      batch,
      slots: new Map(batch.parts.map((p) => [p.key, partSlots.get(p.key)!])),
    }));
    // Batches first: they are the slowest units, start them before the quick native tools.
    units.unshift(...batches);
  }
  return units;
}

/** The outputs of one unit, each with the slot it belongs to (a batch's output split per script). */
export function routeOutput(unit: PlannedUnit, output: CommandOutput): { slot: Slot; output: CommandOutput }[] {
  if (unit.kind === 'single') return [{ slot: unit.slot, output }];
  const split = splitBatchOutput(unit.batch, output);
  return [...unit.slots].map(([key, slot]) => ({ slot, output: split.get(key)! }));
}
