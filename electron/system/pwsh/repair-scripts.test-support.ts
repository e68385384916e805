// Test support: the repairs' PowerShell parts (plan and undo, as the catalog builds them for this machine's user and
// Windows folder) with what the emulator does with each on a copy of the machine, and how to compare a stub run's
// recorded effects with that.
import type { CommandSpec } from '../run/command-runner.ts';
import { scriptOfSpec } from '../run/powershell.ts';
import { REPAIR_CATALOG } from '../repairs/catalog.ts';
import { appendEntry, MACHINE_ENVIRONMENT_KEY, setPathValue } from '../repairs/path-value.ts';
import { context, tempFolders } from '../repairs/repair-fixtures.test-support.ts';
import { createEmulator, SimulatedMachine, type Simulation } from '../simulated/index.ts';
import { applyEnvironmentChange } from '../simulated/repair-handlers/index.ts';
import { canonicalPath, type MachineState, type RegValue } from '../simulated/model.ts';
import type { TokenSource } from '../simulated/token-view.ts';

export interface RepairScriptCase {
  label: string;
  spec: CommandSpec;
  /** What the emulator did on a copy of the machine: how it ended, and the changes as sorted lines. */
  expected: { outcome: string; effects: string[] };
  /** A stub run's recorded effects applied to another copy, as the same lines. */
  normalize(effects: unknown[]): string[];
}

/** How a script ended: 'ok', 'failed' (exit 1 or an exception), or 'exit N' (a code the caller reads, like 3). */
export function outcomeOf(exitCode: number | null, failed: boolean): string {
  if (failed || exitCode === 1) return 'failed';
  return exitCode === 0 || exitCode === null ? 'ok' : `exit ${exitCode}`;
}

/** Every value of every Environment key (machine, HKCU, other hives), as `key\name=type:data` by a case-free id. */
function environmentValues(s: MachineState): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, values] of Object.entries(s.registry)) {
    if (!/\\Environment$/i.test(key)) continue;
    for (const [name, v] of Object.entries(values))
      out.set(`${key}\\${name}`.toLowerCase(), `${key}\\${name}=${v.type}:${JSON.stringify(v.data)}`);
  }
  return out;
}

/** Files and folders added or removed, Environment values written or deleted, TEMP/TMP of new processes. */
function changes(before: MachineState, after: MachineState): string[] {
  const keys = (s: MachineState): Map<string, string> =>
    new Map(Object.entries(s.files).map(([k, v]) => [canonicalPath(k).toLowerCase(), `${v.kind} ${canonicalPath(k)}`]));
  const [b, a] = [keys(before), keys(after)];
  const out: string[] = [];
  for (const [k, v] of a) if (!b.has(k)) out.push(`+ ${v}`);
  for (const [k, v] of b) if (!a.has(k)) out.push(`- ${v}`);
  for (const name of Object.keys(after.env))
    if (after.env[name] !== before.env[name]) out.push(`env ${name}=${after.env[name]}`);
  const [rb, ra] = [environmentValues(before), environmentValues(after)];
  for (const [k, v] of ra) if (rb.get(k) !== v) out.push(`reg ${v}`);
  for (const [k, v] of rb) if (!ra.has(k)) out.push(`reg deleted ${v}`);
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
  // PATH: the compare-and-swap write of each scope (append, delete, and a plan that no longer matches: exit 3).
  const folder = 'C:\\Program Files\\Go\\bin';
  const machinePath = sim.machine.string(MACHINE_ENVIRONMENT_KEY, 'Path');
  const userPath = sim.machine.string('HKCU\\Environment', 'Path');
  add('set-path-value machine append', [
    setPathValue({ scope: 'machine', sid: null, expected: machinePath, value: appendEntry(machinePath, folder) }),
  ]);
  add('set-path-value user append', [
    setPathValue({ scope: 'user', sid: id.userSid, expected: userPath, value: appendEntry(userPath, folder) }),
  ]);
  add('set-path-value user delete', [
    setPathValue({ scope: 'user', sid: id.userSid, expected: userPath, value: null }),
  ]);
  add('set-path-value user changed since the plan', [
    setPathValue({ scope: 'user', sid: id.userSid, expected: `${userPath ?? ''};C:\\elsewhere`, value: folder }),
  ]);
  return out;
}

/** What a stub recorded (stub-prelude.ps1): a file change, a registry write, the broadcast. */
interface StubEffect {
  op: string;
  path: string | null;
  name?: string;
  value?: string;
  kind?: string;
}

/** A registry write as Windows does it: an existing value keeps its place among the key's values. */
function setInPlace(m: SimulatedMachine, key: string, name: string, value: RegValue): void {
  const current = m.getValue(key, name);
  if (current) Object.assign(current, value);
  else m.setValue(key, name, value);
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
      expected: { outcome: outcomeOf(r.exitCode, false), effects: changes(original.state, copy.state) },
      normalize(effects) {
        const m = new SimulatedMachine(original.state, original.scenario);
        for (const e of effects as StubEffect[]) {
          if (e.op === 'mkdir') m.mkdir(e.path!);
          else if (e.op === 'remove') m.removeEntry(e.path!);
          else if (e.op === 'broadcast-environment') applyEnvironmentChange(m);
          else if (e.op === 'reg-set')
            setInPlace(m, m.hiveKey(e.path!), e.name!, { type: e.kind as RegValue['type'], data: e.value! });
          else if (e.op === 'reg-delete') m.deleteValue(m.hiveKey(e.path!), e.name!);
        }
        return changes(original.state, m.state);
      },
    };
  });
}
