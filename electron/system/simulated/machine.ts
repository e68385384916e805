// SimulatedMachine: the stateful model with case-insensitive registry/file access that emulated commands read and change.
import { formatSddl, inheritedSecurity, parseSddl } from '../probes/sddl.ts';
import {
  DRIVE_ROOT_SDDL,
  baseName,
  canonicalKey,
  canonicalPath,
  parentPath,
  type MachineState,
  type RegValue,
  type SimFile,
  type SimProcess,
  type SimService,
} from './model.ts';

export class SimulatedMachine {
  readonly state: MachineState;
  /** Name of the scenario this machine was built from (shown as "Simulated machine: <name>"). */
  readonly scenario: string;

  constructor(state: MachineState, scenario = 'custom') {
    // Deep copy: repairs mutate the machine, never the scenario object it came from.
    this.state = structuredClone(state);
    this.scenario = scenario;
  }

  now(): Date {
    return new Date(this.state.now);
  }

  /** Moves the simulated clock (e.g. "wait for the installer" polls). */
  advance(ms: number): void {
    this.state.now = new Date(this.now().getTime() + ms).toISOString();
  }

  // ------------------------------------------------------------ registry
  private findKey(path: string): string | null {
    const wanted = canonicalKey(path).toLowerCase();
    for (const key of Object.keys(this.state.registry)) if (key.toLowerCase() === wanted) return key;
    return null;
  }

  /** HKU\<the signed-in user's SID>\... is that user's HKCU (the elevated batch names the user's hive explicitly). */
  hiveKey(path: string): string {
    const canonical = canonicalKey(path);
    const userHive = `HKU\\${this.state.identity.userSid}`;
    if (canonical.toLowerCase() === userHive.toLowerCase()) return 'HKCU';
    if (canonical.toLowerCase().startsWith(userHive.toLowerCase() + '\\'))
      return 'HKCU' + canonical.slice(userHive.length);
    return canonical;
  }

  keyExists(path: string): boolean {
    if (this.findKey(path) !== null) return true;
    // A key exists when any subkey exists (scenarios only list leaf keys that carry values).
    const prefix = canonicalKey(path).toLowerCase() + '\\';
    return Object.keys(this.state.registry).some((k) => k.toLowerCase().startsWith(prefix));
  }

  subKeys(path: string): string[] {
    const base = canonicalKey(path);
    const prefix = base.toLowerCase() + '\\';
    const names = new Set<string>();
    for (const key of Object.keys(this.state.registry)) {
      if (!key.toLowerCase().startsWith(prefix)) continue;
      const first = key.slice(prefix.length).split('\\')[0];
      if (first) names.add(first);
    }
    return [...names];
  }

  values(path: string): Record<string, RegValue> | null {
    const key = this.findKey(path);
    if (key !== null) return this.state.registry[key] ?? {};
    return this.keyExists(path) ? {} : null;
  }

  getValue(path: string, name: string): RegValue | null {
    const values = this.values(path);
    if (!values) return null;
    const wanted = name.toLowerCase();
    for (const [n, v] of Object.entries(values)) if (n.toLowerCase() === wanted) return v;
    return null;
  }

  createKey(path: string): void {
    if (this.findKey(path) === null) this.state.registry[canonicalKey(path)] = {};
  }

  setValue(path: string, name: string, value: RegValue): void {
    this.createKey(path);
    const key = this.findKey(path)!;
    const values = this.state.registry[key]!;
    for (const n of Object.keys(values)) if (n.toLowerCase() === name.toLowerCase()) delete values[n];
    values[name] = value;
  }

  deleteValue(path: string, name: string): boolean {
    const key = this.findKey(path);
    if (key === null) return false;
    const values = this.state.registry[key]!;
    for (const n of Object.keys(values)) {
      if (n.toLowerCase() === name.toLowerCase()) {
        delete values[n];
        return true;
      }
    }
    return false;
  }

  /** Deletes the key and all its subkeys. */
  deleteKey(path: string): boolean {
    const base = canonicalKey(path).toLowerCase();
    let removed = false;
    for (const key of Object.keys(this.state.registry)) {
      const k = key.toLowerCase();
      if (k === base || k.startsWith(base + '\\')) {
        delete this.state.registry[key];
        removed = true;
      }
    }
    return removed;
  }

  dword(path: string, name: string): number | null {
    const v = this.getValue(path, name);
    return v && typeof v.data === 'number' ? v.data : null;
  }

  string(path: string, name: string): string | null {
    const v = this.getValue(path, name);
    if (!v) return null;
    return Array.isArray(v.data) ? v.data.join('\n') : String(v.data);
  }

  // ------------------------------------------------------------ files
  private findFile(path: string): string | null {
    const wanted = canonicalPath(path).toLowerCase();
    for (const key of Object.keys(this.state.files)) if (canonicalPath(key).toLowerCase() === wanted) return key;
    return null;
  }

  entry(path: string): SimFile | null {
    const key = this.findFile(path);
    if (key !== null) return this.state.files[key] ?? null;
    // Drive roots and ancestors of listed entries exist implicitly as folders.
    const p = canonicalPath(path);
    if (/^[A-Z]:\\$/.test(p)) return { kind: 'dir', sddl: null, modified: this.state.bootTime };
    const prefix = p.toLowerCase() + '\\';
    if (Object.keys(this.state.files).some((k) => canonicalPath(k).toLowerCase().startsWith(prefix))) {
      return { kind: 'dir', sddl: null, modified: this.state.bootTime };
    }
    return null;
  }

  /**
   * The security descriptor that applies to a path: its own, else what it inherits from the folder above (the one
   * meaning of "no SDDL" in the model), down from the drive root's default. Null when the path does not exist.
   */
  effectiveSddl(path: string): string | null {
    const entry = this.entry(path);
    if (!entry) return null;
    if (entry.sddl) return entry.sddl;
    const parent = parentPath(path);
    const parentSddl = parent === null ? null : this.effectiveSddl(parent);
    const sd = parseSddl(parentSddl);
    if (!sd) return DRIVE_ROOT_SDDL;
    return formatSddl(inheritedSecurity(sd, entry.kind));
  }

  /** The path as the model stores it (long names, their own case), or null when it does not exist. */
  longPath(path: string): string | null {
    const key = this.findFile(path);
    if (key !== null) return canonicalPath(key);
    return this.entry(path) ? canonicalPath(path) : null;
  }

  exists(path: string): boolean {
    return this.entry(path) !== null;
  }

  isDirectory(path: string): boolean {
    return this.entry(path)?.kind === 'dir';
  }

  /** Files directly inside a folder. */
  list(path: string): Array<{ path: string; entry: SimFile }> {
    const base = canonicalPath(path).toLowerCase();
    const out: Array<{ path: string; entry: SimFile }> = [];
    for (const [key, entry] of Object.entries(this.state.files)) {
      const parent = parentPath(key);
      if (parent && parent.toLowerCase() === base) out.push({ path: canonicalPath(key), entry });
    }
    return out;
  }

  readFile(path: string): Uint8Array | null {
    const e = this.entry(path);
    if (!e || e.kind !== 'file') return null;
    return Uint8Array.from(Buffer.from(e.contentBase64 ?? '', 'base64'));
  }

  writeFile(path: string, bytes: Uint8Array, sddl: string | null = null): void {
    this.removeEntry(path);
    this.state.files[canonicalPath(path)] = {
      kind: 'file',
      sddl,
      modified: this.state.now,
      contentBase64: Buffer.from(bytes).toString('base64'),
    };
  }

  mkdir(path: string, sddl: string | null = null): void {
    if (this.isDirectory(path)) return;
    this.removeEntry(path);
    this.state.files[canonicalPath(path)] = { kind: 'dir', sddl, modified: this.state.now };
  }

  removeEntry(path: string): void {
    const key = this.findFile(path);
    if (key !== null) delete this.state.files[key];
  }

  setSddl(path: string, sddl: string): void {
    const key = this.findFile(path);
    if (key !== null) this.state.files[key]!.sddl = sddl;
    else this.state.files[canonicalPath(path)] = { kind: 'dir', sddl, modified: this.state.now };
  }

  fileSize(path: string): number {
    const e = this.entry(path);
    return e?.contentBase64 ? Buffer.from(e.contentBase64, 'base64').length : 0;
  }

  // ------------------------------------------------------------ environment
  /** Expands %VAR% like cmd.exe (unknown variables stay as written). */
  expand(text: string): string {
    return text.replace(/%([^%]+)%/g, (whole, name: string) => {
      const hit = Object.entries(this.state.env).find(([k]) => k.toLowerCase() === name.toLowerCase());
      return hit ? hit[1] : whole;
    });
  }

  envVar(name: string): string | null {
    const hit = Object.entries(this.state.env).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return hit ? hit[1] : null;
  }

  // ------------------------------------------------------------ services & processes
  service(name: string): SimService | null {
    const hit = Object.entries(this.state.services).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return hit ? hit[1] : null;
  }

  serviceKey(name: string): string {
    return `HKLM\\SYSTEM\\CurrentControlSet\\Services\\${name}`;
  }

  processes(name?: string): SimProcess[] {
    return name
      ? this.state.processes.filter((p) => p.name.toLowerCase() === name.toLowerCase())
      : this.state.processes;
  }

  process(pid: number): SimProcess | null {
    return this.state.processes.find((p) => p.pid === pid) ?? null;
  }

  /** Ends a process. Ending the last client install releases the installer mutex and quiets msiserver. */
  killProcess(pid: number): boolean {
    const index = this.state.processes.findIndex((p) => p.pid === pid);
    if (index < 0) return false;
    const [proc] = this.state.processes.splice(index, 1);
    const stillInstalling = this.state.processes.some(
      (p) => p.name.toLowerCase() === 'msiexec.exe' && isClientCommandLine(p.commandLine),
    );
    if (proc && isClientCommandLine(proc.commandLine) && !stillInstalling) {
      this.state.msiExecuteMutex = 'free';
      const svc = this.service('msiserver');
      if (svc) svc.acceptsShutdown = false;
      // Custom-action servers die with the transaction.
      this.state.processes = this.state.processes.filter((p) => !/-Embedding/i.test(p.commandLine));
    }
    return true;
  }

  nextPid(): number {
    return Math.max(1000, ...this.state.processes.map((p) => p.pid)) + 4;
  }

  /** A reboot: processes of installs end, the mutex is free, pending-reboot markers and renames are processed. */
  reboot(): void {
    this.advance(90_000);
    this.state.bootTime = this.state.now;
    this.state.processes = this.state.processes.filter(
      (p) => p.name.toLowerCase() !== 'msiexec.exe' && p.name.toLowerCase() !== 'tiworker.exe',
    );
    this.state.msiExecuteMutex = 'free';
    for (const svc of Object.values(this.state.services)) {
      const start = this.dword(this.serviceKey(svc.name), 'Start');
      svc.state = start === 2 ? 'running' : 'stopped';
      svc.acceptsShutdown = false;
      svc.pid = svc.state === 'running' ? this.nextPid() : null;
      svc.win32ExitCode = svc.state === 'running' ? 0 : 1077;
    }
    const cbs = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing';
    this.deleteKey(`${cbs}\\RebootPending`);
    this.deleteKey(`${cbs}\\RebootInProgress`);
    this.deleteKey('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired');
    this.deleteKey('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer\\InProgress');
    const sm = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';
    this.deleteValue(sm, 'PendingFileRenameOperations');
    this.deleteValue(sm, 'PendingFileRenameOperations2');
    this.deleteValue('HKLM\\SOFTWARE\\Microsoft\\Updates', 'UpdateExeVolatile');
    if (this.state.configMgr) this.state.configMgr.rebootPending = false;
    // At the user's sign-in Windows starts what RunOnce lists and deletes it (MSI Doctor's resume after a restart).
    this.deleteKey('HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce');
  }

  /** A short description for logs and the UI. */
  describe(): string {
    const id = this.state.identity;
    return `${this.scenario}: ${id.domain}\\${id.userName} on ${id.computerName} (${this.state.locale.name})`;
  }
}

/** A client install (not the /V service, not an -Embedding custom-action server). */
export function isClientCommandLine(commandLine: string): boolean {
  if (/\s-Embedding\b/i.test(commandLine)) return false;
  if (/msiexec(\.exe)?"?\s+\/V\s*$/i.test(commandLine)) return false;
  return /\s[/-](i|x|package|uninstall|f|p|a|update|j)\b/i.test(commandLine) || /\.msi\b/i.test(commandLine);
}

export { baseName };
