// Emulated path-environment and other-user-path probe scripts: the registry's Environment keys, the files on the
// simulated disk and each program's recorded answers (SimFile.runs) give exactly the JSON the real scripts print.
import { BASE_VARIABLES, type PathEnvironmentOutput } from '../../probes/path-environment.ts';
import type { OtherUserPathOutput } from '../../probes/other-user-path.ts';
import type { EmulatorContext } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';
import { msiProductState, type RegValue } from '../model.ts';
import { tokenView } from '../token-view.ts';
import { applyEnvironmentChange } from '../repair-handlers/repair-scripts.ts';
import { trimChars, trimEndChars } from '../../../../shared/text/trim-end.ts';

const ENV_MACHINE = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';

/** The Environment key of a user: HKCU for the signed-in user (as the model stores it), HKU\<sid> for others. */
export function userEnvironmentKey(m: SimulatedMachine, sid: string): string {
  return sid.toLowerCase() === m.state.identity.userSid.toLowerCase()
    ? 'HKCU\\Environment'
    : `HKU\\${sid}\\Environment`;
}

interface EnvValue {
  name: string;
  type: string;
  raw: string;
}

function readEnv(m: SimulatedMachine, key: string): EnvValue[] {
  const values = m.values(key) ?? {};
  return Object.entries(values).map(([name, v]: [string, RegValue]) => ({
    name,
    type: v.type,
    raw: Array.isArray(v.data) ? v.data.join('\0') : String(v.data),
  }));
}

function ciGet(table: Map<string, string>, name: string): string | undefined {
  return table.get(name.toLowerCase());
}

/** The fresh environment a new process of `sid` gets: base variables, then machine, then user values, expanded. */
export function freshEnvironment(m: SimulatedMachine, sid: string, baseVariables: readonly string[]) {
  const vars = new Map<string, string>();
  const names = new Map<string, string>();
  const set = (name: string, value: string) => {
    vars.set(name.toLowerCase(), value);
    names.set(name.toLowerCase(), name);
  };
  for (const n of baseVariables) {
    const v = m.envVar(n);
    if (v) set(n, v);
  }
  const expand = (text: string): string =>
    text.replace(/%([^%;]{1,255})%/g, (whole, n: string) => ciGet(vars, n) ?? whole);
  const machine = readEnv(m, ENV_MACHINE);
  const user = readEnv(m, userEnvironmentKey(m, sid));
  for (const v of machine) if (v.name.toLowerCase() !== 'path') set(v.name, expand(v.raw));
  for (const v of user) if (v.name.toLowerCase() !== 'path') set(v.name, expand(v.raw));
  const pathOf = (list: EnvValue[]) => list.find((v) => v.name.toLowerCase() === 'path') ?? null;
  return { machinePath: pathOf(machine), userPath: pathOf(user), expand, vars, names };
}

/** Path.Combine: one backslash between a folder (with or without a trailing one) and a name. */
const combine = (folder: string, name: string): string => `${trimEndChars(folder, '\\')}\\${name}`;

/** A folder exists when the model lists it or anything inside it (scenarios name files, not every parent folder). */
function folderExists(m: SimulatedMachine, folder: string): boolean {
  if (!folder) return false;
  return m.isDirectory(folder) || m.list(folder).length > 0;
}

/** A file (not a folder of that name), like the scripts' Test-MdPath -Leaf. */
const isFile = (m: SimulatedMachine, path: string): boolean => m.entry(path)?.kind === 'file';

function folderInfo(m: SimulatedMachine, folder: string, exes: string[]) {
  const exists = folderExists(m, folder);
  return { exists, executables: exists ? exes.filter((e) => isFile(m, combine(folder, e))) : [] };
}

interface ProductParam {
  id: string;
  executable: string;
  addsToPath: boolean;
  folders: string[];
  subs: string[];
  commands: Array<{ command: string; args: string[] }>;
}

/** A product's key file candidates under a folder (the script's Key-Files): each bin subfolder x its executable. */
const keyFilesUnder = (pr: ProductParam, folder: string): string[] =>
  pr.subs.map((s) => combine(s ? combine(folder, s) : folder, pr.executable));

/** The known executables under an ARP InstallLocation (the script's Layout-Files). */
function layoutFiles(m: SimulatedMachine, location: string, products: ProductParam[]): string[] {
  const loc = trimChars(location.trim(), '"');
  if (!loc || !m.isDirectory(loc)) return [];
  return products.flatMap((pr) => keyFilesUnder(pr, loc)).filter((f) => isFile(m, f));
}

/**
 * Who the script runs as and for whom: an administrator token (the script's IsInRole check: a standard user whose
 * "elevation" went through without UAC is not one), and the signed-in user's SID it was given.
 */
function caller(m: SimulatedMachine, ctx: EmulatorContext, params: Record<string, unknown> | null) {
  return {
    elevated: tokenView(m, ctx).admin,
    sid: typeof params?.userSid === 'string' ? params.userSid : m.state.identity.userSid,
  };
}

export function pathEnvironmentJson(
  m: SimulatedMachine,
  ctx: EmulatorContext,
  params: Record<string, unknown> | null,
): PathEnvironmentOutput {
  const { elevated, sid } = caller(m, ctx, params);
  const limit = typeof params?.limit === 'number' ? params.limit : 2047;
  const maxOutput = typeof params?.maxOutput === 'number' ? params.maxOutput : 2000;
  const baseVariables = Array.isArray(params?.baseVariables) ? (params.baseVariables as string[]) : [];
  const products = (Array.isArray(params?.products) ? params.products : []) as ProductParam[];
  const env = freshEnvironment(m, sid, baseVariables);
  const value = (v: EnvValue | null) =>
    v ? { raw: v.raw, type: v.type, expanded: env.expand(v.raw) } : { raw: null, type: null, expanded: '' };
  const machinePath = value(env.machinePath);
  const userPath = value(env.userPath);
  const fresh = [machinePath.expanded, userPath.expanded].filter((x) => x).join(';');
  const searched = fresh.length > limit ? fresh.slice(0, limit) : fresh;
  const exes = [...new Set(products.map((p) => p.executable))];
  const entries: PathEnvironmentOutput['entries'] = [];
  for (const [scope, pv] of [
    ['machine', machinePath],
    ['user', userPath],
  ] as const) {
    if (!pv.raw) continue;
    for (const raw of pv.raw.split(';')) {
      if (raw.trim() === '') continue;
      const expanded = env.expand(raw).trim().replace(/^"|"$/g, '');
      entries.push({ scope, raw, expanded, ...folderInfo(m, expanded, exes) });
    }
  }
  // The app's own environment: as old as the app (the model's process env Path, else the registry at boot).
  const openPath = (m.envVar('Path') ?? '').split(';').filter((x) => x !== '');
  const openPathHas = exes.flatMap((executable) => {
    const folder = openPath.map((f) => f.trim().replace(/^"|"$/g, '')).find((f) => isFile(m, combine(f, executable)));
    return folder ? [{ executable, folder }] : [];
  });
  const me = m.state.identity.userSid.toLowerCase();
  const arp: PathEnvironmentOutput['arp'] = m.state.products
    .filter((p) => p.scope === 'machine' || (p.userSid ?? me).toLowerCase() === sid.toLowerCase())
    .map((p) => ({
      name: p.name,
      version: p.version,
      publisher: p.manufacturer || null,
      installLocation: p.installLocation ?? null,
      scope: p.scope,
      productCode: /^\{[0-9A-F-]{36}\}$/i.test(p.productCode) ? p.productCode : null,
      productState: /^\{[0-9A-F-]{36}\}$/i.test(p.productCode) ? msiProductState(p) : null,
      keyFiles: p.installLocation ? layoutFiles(m, env.expand(p.installLocation), products) : [],
    }));
  const resolve = (name: string): string | null => {
    for (const raw of searched.split(';')) {
      const f = raw.trim().replace(/^"|"$/g, '');
      if (!f) continue;
      for (const ext of ['.exe', '.cmd', '.bat']) if (isFile(m, combine(f, name + ext))) return combine(f, name + ext);
    }
    return null;
  };
  const cut = (s: string) => (s.length > maxOutput ? s.slice(0, maxOutput) : s);
  const out: PathEnvironmentOutput['products'] = products.map((pr) => {
    const keyFiles = pr.folders.flatMap((f) => keyFilesUnder(pr, env.expand(f))).filter((k) => isFile(m, k));
    const runs = pr.commands.map((c) => {
      let program = resolve(c.command);
      if (!program && !pr.addsToPath && keyFiles.length > 0) program = keyFiles[0]!;
      const base = {
        command: [c.command, ...c.args].join(' '),
        program,
        ran: false,
        notRun: null as string | null,
        exitCode: null as number | null,
        stdout: '',
        stderr: '',
      };
      if (!program) return { ...base, notRun: 'not-found' };
      if (elevated) return { ...base, notRun: 'elevated' };
      if (params?.runCommands === false) return { ...base, notRun: 'not-asked' };
      const answer = m.entry(program)?.runs?.[c.args.join(' ')];
      return {
        ...base,
        ran: true,
        exitCode: answer ? (answer.exitCode ?? 0) : 1,
        stdout: cut(answer?.stdout ?? ''),
        stderr: cut(answer?.stderr ?? ''),
      };
    });
    return { id: pr.id, keyFiles, runs };
  });
  const q = params?.asked as { program: string; args: string[] } | undefined;
  let asked: PathEnvironmentOutput['asked'] = null;
  if (q) {
    const exists = isFile(m, q.program);
    const base = { program: q.program, exists, ran: false, notRun: null, exitCode: null, stdout: '', stderr: '' };
    const answer = m.entry(q.program)?.runs?.[q.args.join(' ')];
    asked = !exists
      ? { ...base, notRun: 'not-found' }
      : elevated
        ? { ...base, notRun: 'elevated' }
        : {
            ...base,
            ran: true,
            exitCode: answer ? (answer.exitCode ?? 0) : 1,
            stdout: cut(answer?.stdout ?? ''),
            stderr: cut(answer?.stderr ?? ''),
          };
  }
  return { elevated, machinePath, userPath, entries, openPathHas, arp, products: out, asked };
}

/**
 * The PATH Explorer hands the programs it starts: the registry's (machine + user, expanded) unless a change was written
 * without the broadcast (the model's explorerPath). What the shell-environment script reads from Explorer's PEB.
 */
export function explorerPathOf(m: SimulatedMachine): string {
  if (m.state.explorerPath !== undefined) return m.state.explorerPath;
  const env = freshEnvironment(m, m.state.identity.userSid, BASE_VARIABLES);
  return [env.machinePath, env.userPath]
    .map((v) => (v ? env.expand(v.raw) : ''))
    .filter((x) => x)
    .join(';');
}

export function shellEnvironmentJson(m: SimulatedMachine): { read: boolean; path: string } {
  return { read: true, path: explorerPathOf(m) };
}

/** Loaded hives of other accounts (HKU\S-1-5-21-...): readable only elevated, as on Windows. */
export function otherUserPathJson(
  m: SimulatedMachine,
  ctx: EmulatorContext,
  params: Record<string, unknown> | null,
): OtherUserPathOutput {
  const { elevated, sid } = caller(m, ctx, params);
  const exes = Array.isArray(params?.executables) ? (params.executables as string[]) : [];
  const sids = new Set<string>();
  for (const key of Object.keys(m.state.registry)) {
    const hit = /^HKU\\(S-1-5-21-[0-9-]+)(?:\\|$)/i.exec(key);
    if (hit && hit[1]!.toLowerCase() !== sid.toLowerCase()) sids.add(hit[1]!);
  }
  if (!elevated) return { elevated, hives: [], denied: sids.size };
  const hives = [...sids].map((other) => {
    const rawProfile = m.string(
      `HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\${other}`,
      'ProfileImagePath',
    );
    // ProfileImagePath is REG_EXPAND_SZ (%SystemDrive%\Users\name).
    const profile = rawProfile ? m.expand(rawProfile) : null;
    const path = m.getValue(`HKU\\${other}\\Environment`, 'Path');
    const raw = path && typeof path.data === 'string' ? path.data : null;
    const entries = (raw ?? '')
      .split(';')
      .filter((x) => x.trim() !== '')
      .map((entry) => {
        const withProfile = profile ? entry.replace(/%USERPROFILE%/gi, () => profile) : entry;
        const expanded = trimChars(m.expand(withProfile).trim(), '"');
        return { raw: entry, expanded, executables: folderInfo(m, expanded, exes).executables };
      });
    return { sid: other, profile, path: raw, entries };
  });
  return { elevated, hives, denied: 0 };
}

/**
 * The set-path-value repair script: compare-and-swap of Path (exit 3 when it is not what the plan saw), the machine's
 * key only for an administrator token, then the prelude's one broadcast (Send-MdEnvironmentChange). New processes of
 * the model read Path from the registry anyway; the broadcast refreshes what Explorer hands out (TEMP/TMP here).
 */
export function handleSetPathValue(
  c: { params: Record<string, unknown> | null },
  ctx: EmulatorContext,
): { exitCode: number; stdout: string; stderr: string } {
  const m = ctx.machine;
  const p = c.params ?? {};
  const machineScope = p.scope === 'machine';
  if (machineScope && !tokenView(m, ctx).admin)
    return { exitCode: 1, stdout: '', stderr: 'Requested registry access is not allowed.\r\n' };
  const key = machineScope
    ? ENV_MACHINE
    : userEnvironmentKey(m, typeof p.sid === 'string' ? p.sid : m.state.identity.userSid);
  const current = m.getValue(key, 'Path');
  const currentText = current && typeof current.data === 'string' ? current.data : null;
  const expected = typeof p.expected === 'string' ? p.expected : null;
  if (currentText !== expected) return { exitCode: 3, stdout: '', stderr: 'msi-doctor:path-changed\r\n' };
  if (typeof p.value !== 'string') m.deleteValue(key, 'Path');
  else if (current) {
    // In place: the value keeps its place among the key's values, as on Windows.
    current.type = p.type === 'REG_SZ' ? 'REG_SZ' : 'REG_EXPAND_SZ';
    current.data = p.value;
  } else m.setValue(key, 'Path', { type: p.type === 'REG_SZ' ? 'REG_SZ' : 'REG_EXPAND_SZ', data: p.value });
  applyEnvironmentChange(m);
  return { exitCode: 0, stdout: 'msi-doctor:path-written\r\n', stderr: '' };
}
