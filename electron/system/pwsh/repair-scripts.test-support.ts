// Test support: the repairs' PowerShell parts (plan and undo, as the catalog builds them for this machine's user and
// Windows folder) with what the emulator does with each on a copy of the machine, and how to compare a stub run's
// recorded effects with that.
import type { CommandSpec } from '../run/command-runner.ts';
import { scriptOfSpec } from '../run/powershell.ts';
import { REPAIR_CATALOG } from '../repairs/catalog.ts';
import { context, tempFolders } from '../repairs/repair-fixtures.test-support.ts';
import { createEmulator, SimulatedMachine, type Simulation } from '../simulated/index.ts';
import { applyEnvironmentChange } from '../simulated/repair-handlers/index.ts';
import { canonicalPath, type MachineState } from '../simulated/model.ts';
import type { TokenSource } from '../simulated/token-view.ts';

export interface RepairScriptCase {
  label: string;
  spec: CommandSpec;
  /** What the emulator did on a copy of the machine: success, and the changes as sorted lines. */
  expected: { ok: boolean; effects: string[] };
  /** A stub run's recorded effects applied to another copy, as the same lines. */
  normalize(effects: unknown[]): string[];
}

/** Files and folders added or removed, and TEMP/TMP of new processes, as sorted lines. */
function changes(before: MachineState, after: MachineState): string[] {
  const keys = (s: MachineState): Map<string, string> =>
    new Map(Object.entries(s.files).map(([k, v]) => [canonicalPath(k).toLowerCase(), `${v.kind} ${canonicalPath(k)}`]));
  const [b, a] = [keys(before), keys(after)];
  const out: string[] = [];
  for (const [k, v] of a) if (!b.has(k)) out.push(`+ ${v}`);
  for (const [k, v] of b) if (!a.has(k)) out.push(`- ${v}`);
  for (const name of Object.keys(after.env))
    if (after.env[name] !== before.env[name]) out.push(`env ${name}=${after.env[name]}`);
  return out.sort();
}

/** The PowerShell steps and undo commands of the repairs that have any, built for this machine. */
function repairPowerShellSpecs(sim: Simulation): Array<{ label: string; spec: CommandSpec }> {
  const id = sim.machine.state.identity;
  const windowsDir = sim.machine.envVar('SystemRoot') ?? 'C:\\Windows';
  const over = { user: { sid: id.userSid, profile: id.profile }, windowsDir };
  const out: Array<{ label: string; spec: CommandSpec }> = [];
  const add = (label: string, specs: Array<CommandSpec | null>): void => {
    specs.forEach((spec, i) => spec && scriptOfSpec(spec) !== null && out.push({ label: `${label}#${i}`, spec }));
  };
  // TEMP pointing at a dead folder: reset both variables, create the default folder, broadcast the change.
  const userTemp = REPAIR_CATALOG['recreate-user-temp'];
  const broken = {
    registryValue: 'D:\\gone\\Temp',
    value: 'D:\\gone\\Temp',
    exists: false,
    isDirectory: false,
    writable: null,
  };
  const plan = userTemp.build(
    context({}, { 'temp-folders': tempFolders({ userTemp: broken, userTmp: broken }) }, over),
  );
  add(
    'recreate-user-temp',
    plan.steps.map((s) => s.spec),
  );
  const undo =
    userTemp.undo?.({
      data: {
        folder: `${id.profile}\\AppData\\Local\\Temp`,
        previous: { TEMP: 'D:\\gone\\Temp' },
        createdFolder: true,
        aclBackup: false,
      },
      user: over.user,
      windowsDir,
      backupDir: 'C:\\ProgramData\\MSI Doctor\\backups\\j1',
    }) ?? [];
  add(
    'recreate-user-temp (undo)',
    undo.flatMap((a) => a.specs),
  );
  // C:\Windows\Temp gone: created, then given its entries.
  const windowsTemp = REPAIR_CATALOG['restore-windows-temp-acl'].build(
    context({}, { 'temp-folders': tempFolders({ windowsTemp: { exists: false, isDirectory: false } }) }, over),
  );
  add(
    'restore-windows-temp-acl',
    windowsTemp.steps.map((s) => s.spec),
  );
  return out;
}

export function repairScriptCases(sim: Simulation, token: TokenSource): RepairScriptCase[] {
  const original = sim.machine;
  const emulator = createEmulator();
  return repairPowerShellSpecs(sim).map(({ label, spec }) => {
    const copy = new SimulatedMachine(original.state, original.scenario);
    const r = emulator.run(spec, {
      machine: copy,
      elevated: token.elevated,
      ...(token.account ? { account: token.account } : {}),
    });
    return {
      label,
      spec,
      expected: { ok: r.exitCode === 0, effects: changes(original.state, copy.state) },
      normalize(effects) {
        const m = new SimulatedMachine(original.state, original.scenario);
        for (const e of effects as Array<{ op: string; path: string | null }>) {
          if (e.op === 'mkdir') m.mkdir(e.path!);
          else if (e.op === 'remove') m.removeEntry(e.path!);
          else if (e.op === 'broadcast-environment') applyEnvironmentChange(m);
        }
        return changes(original.state, m.state);
      },
    };
  });
}
