// The simulated machine's emulation of the commands repairs run (reg, icacls, sc config, msiexec, shutdown, taskkill, repair scripts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CommandEmulator, EmulatedCommand, EmulatedResult, EmulatorContext } from './emulator.ts';
import type { SimulatedMachine } from './machine.ts';
import { handleSetPathValue } from './handlers/path-environment.ts';
import {
  baseName,
  canonicalKey,
  canonicalPath,
  type RegType,
  type RegValue,
  type SimInstallFailure,
  type SimInstalledProduct,
} from './model.ts';

const zh = (machine: SimulatedMachine): boolean => machine.state.locale.name.toLowerCase().startsWith('zh');
const crlf = (lines: string[]): string => lines.join('\r\n') + '\r\n';

/** A scheduled restart (shutdown /r /t N>0) has no place in the real model; kept in a private key so it survives a restart of the CLI. */
export const SCHEDULED_RESTART_KEY = 'HKLM\\SOFTWARE\\MSI Doctor Simulator\\ScheduledRestart';

// ------------------------------------------------------------ files written by repair commands (backups, logs)
// Our data folder is a host path when the app runs on the simulated machine: backups and logs really go there.
function isHostPath(path: string): boolean {
  return path.startsWith('/');
}

/** Like the real tools (reg export, icacls /save, msiexec /L*v), the folder must already exist. */
function writeTargetFile(machine: SimulatedMachine, path: string, bytes: Uint8Array): void {
  if (isHostPath(path)) {
    if (!existsSync(dirname(path))) throw new Error(`The system cannot find the path specified: ${dirname(path)}`);
    writeFileSync(path, bytes);
  } else {
    // Our data folder on the simulated disk: the app creates it before the batch; the model's folders are implicit.
    machine.writeFile(path, bytes);
  }
}

function readTargetFile(machine: SimulatedMachine, path: string): Uint8Array | null {
  if (isHostPath(path)) return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
  return machine.readFile(path);
}

function utf16(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
}

function fromUtf16(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  const start = buf[0] === 0xff && buf[1] === 0xfe ? 2 : 0;
  return buf.subarray(start).toString('utf16le');
}

// ------------------------------------------------------------ registry
/** HKU\<the user's SID> is the user's HKCU (the elevated batch names it explicitly). */
function modelKey(machine: SimulatedMachine, key: string): string {
  const canonical = canonicalKey(key);
  const userHive = `HKU\\${machine.state.identity.userSid}`;
  if (canonical.toLowerCase() === userHive.toLowerCase()) return 'HKCU';
  if (canonical.toLowerCase().startsWith(userHive.toLowerCase() + '\\'))
    return 'HKCU' + canonical.slice(userHive.length);
  return canonical;
}

function longRoot(key: string): string {
  const [root = '', ...rest] = key.split('\\');
  const long: Record<string, string> = {
    HKLM: 'HKEY_LOCAL_MACHINE',
    HKCU: 'HKEY_CURRENT_USER',
    HKU: 'HKEY_USERS',
    HKCR: 'HKEY_CLASSES_ROOT',
  };
  return [long[root] ?? root, ...rest].join('\\');
}

function regOk(machine: SimulatedMachine): EmulatedResult {
  return { exitCode: 0, stdout: zh(machine) ? '操作成功完成。\r\n' : 'The operation completed successfully.\r\n' };
}
function regNotFound(machine: SimulatedMachine): EmulatedResult {
  return {
    exitCode: 1,
    stdout: '',
    stderr: zh(machine)
      ? '错误: 系统找不到指定的注册表项或值。\r\n'
      : 'ERROR: The system was unable to find the specified registry key or value.\r\n',
  };
}
function accessDenied(machine: SimulatedMachine, prefix = 'ERROR: '): EmulatedResult {
  return { exitCode: 1, stdout: '', stderr: zh(machine) ? '错误: 拒绝访问。\r\n' : `${prefix}Access is denied.\r\n` };
}

/** Machine-wide keys need the elevated batch, as on Windows. */
function needsAdmin(key: string): boolean {
  return /^HKLM\\/i.test(key);
}

function flag(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a.toLowerCase() === name);
  return i >= 0 ? args[i + 1] : undefined;
}

function syncEnvironment(machine: SimulatedMachine, key: string, name: string, value: RegValue | null): void {
  // New processes (our rescan included) see HKCU\Environment changes, as after WM_SETTINGCHANGE.
  if (key.toLowerCase() !== 'hkcu\\environment' || !/^(temp|tmp)$/i.test(name) || value === null) return;
  const envName =
    Object.keys(machine.state.env).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name.toUpperCase();
  machine.state.env[envName] = machine.expand(String(value.data));
}

function regAdd(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const key = modelKey(machine, c.args[1] ?? '');
  if (needsAdmin(canonicalKey(c.args[1] ?? '')) && !elevated) return accessDenied(machine);
  const name = flag(c.args, '/v') ?? '';
  const type = (flag(c.args, '/t')?.toUpperCase() ?? 'REG_SZ') as RegType;
  const raw = flag(c.args, '/d') ?? '';
  const value: RegValue =
    type === 'REG_DWORD' || type === 'REG_QWORD' ? { type, data: Number(raw) } : { type, data: raw };
  machine.setValue(key, name, value);
  syncEnvironment(machine, key, name, value);
  return regOk(machine);
}

function regDelete(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const key = modelKey(machine, c.args[1] ?? '');
  if (needsAdmin(canonicalKey(c.args[1] ?? '')) && !elevated) return accessDenied(machine);
  const name = flag(c.args, '/v');
  if (name === undefined) return machine.deleteKey(key) ? regOk(machine) : regNotFound(machine);
  return machine.deleteValue(key, name) ? regOk(machine) : regNotFound(machine);
}

function regQuery(c: EmulatedCommand, { machine }: EmulatorContext): EmulatedResult {
  const key = modelKey(machine, c.args[1] ?? '');
  const name = flag(c.args, '/v') ?? '';
  const value = machine.getValue(key, name);
  if (!value) return regNotFound(machine);
  const data = Array.isArray(value.data)
    ? value.data.join('\\0')
    : typeof value.data === 'number'
      ? `0x${value.data.toString(16)}`
      : value.data;
  return {
    exitCode: 0,
    stdout: crlf(['', longRoot(canonicalKey(c.args[1] ?? '')), `    ${name}    ${value.type}    ${data}`, '']),
  };
}

function regFileValue(name: string, value: RegValue): string {
  const label = name === '' ? '@' : `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (value.type === 'REG_SZ') return `${label}="${String(value.data).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (value.type === 'REG_DWORD') return `${label}=dword:${Number(value.data).toString(16).padStart(8, '0')}`;
  const kind = { REG_EXPAND_SZ: 2, REG_MULTI_SZ: 7, REG_QWORD: 'b', REG_BINARY: 3 }[value.type as string] ?? 3;
  let bytes: Buffer;
  if (value.type === 'REG_EXPAND_SZ') bytes = Buffer.from(String(value.data) + '\0', 'utf16le');
  else if (value.type === 'REG_MULTI_SZ') bytes = Buffer.from((value.data as string[]).join('\0') + '\0\0', 'utf16le');
  else if (value.type === 'REG_QWORD') {
    bytes = Buffer.alloc(8);
    bytes.writeBigUInt64LE(BigInt(Number(value.data)));
  } else bytes = Buffer.from(String(value.data), 'hex');
  return `${label}=hex(${kind}):${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join(',')}`;
}

function regExport(c: EmulatedCommand, { machine }: EmulatorContext): EmulatedResult {
  const key = modelKey(machine, c.args[1] ?? '');
  const file = c.args[2] ?? '';
  if (!machine.keyExists(key)) return regNotFound(machine);
  const prefix = key.toLowerCase();
  const keys = Object.keys(machine.state.registry)
    .filter((k) => k.toLowerCase() === prefix || k.toLowerCase().startsWith(prefix + '\\'))
    .sort();
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (const k of keys) {
    lines.push(`[${longRoot(k)}]`);
    for (const [name, value] of Object.entries(machine.state.registry[k] ?? {})) lines.push(regFileValue(name, value));
    lines.push('');
  }
  writeTargetFile(machine, file, utf16(lines.join('\r\n')));
  return regOk(machine);
}

function unescapeRegString(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

function regImport(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const bytes = readTargetFile(machine, c.args[1] ?? '');
  if (!bytes)
    return {
      exitCode: 1,
      stdout: '',
      stderr: 'ERROR: Error opening the file. There may be a disk or file system error.\r\n',
    };
  let key: string | null = null;
  for (const line of fromUtf16(bytes).split(/\r?\n/)) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      key = canonicalKey(header[1]!);
      if (needsAdmin(key) && !elevated) return accessDenied(machine);
      machine.createKey(key);
      continue;
    }
    const m = /^(@|"((?:[^"\\]|\\.)*)")=(.*)$/.exec(line);
    if (!m || key === null) continue;
    const name = m[1] === '@' ? '' : unescapeRegString(m[2]!);
    const rhs = m[3]!;
    let value: RegValue;
    if (rhs.startsWith('"')) value = { type: 'REG_SZ', data: unescapeRegString(rhs.slice(1, -1)) };
    else if (rhs.startsWith('dword:')) value = { type: 'REG_DWORD', data: parseInt(rhs.slice(6), 16) };
    else {
      const hex = /^hex\((\w+)\):(.*)$/.exec(rhs) ?? /^hex():(.*)$/.exec(rhs);
      if (!hex) continue;
      const buf = Buffer.from(
        (hex[2] ?? '')
          .split(',')
          .filter(Boolean)
          .map((h) => parseInt(h, 16)),
      );
      if (hex[1] === '2') value = { type: 'REG_EXPAND_SZ', data: buf.toString('utf16le').replace(/\0+$/, '') };
      else if (hex[1] === '7')
        value = { type: 'REG_MULTI_SZ', data: buf.toString('utf16le').replace(/\0+$/, '').split('\0') };
      else if (hex[1] === 'b') value = { type: 'REG_QWORD', data: Number(buf.readBigUInt64LE(0)) };
      else value = { type: 'REG_BINARY', data: buf.toString('hex') };
    }
    machine.setValue(key, name, value);
  }
  return regOk(machine);
}

// ------------------------------------------------------------ icacls (SDDL edits)
const SID_ALIASES: Record<string, string> = {
  SY: 'S-1-5-18',
  BA: 'S-1-5-32-544',
  BU: 'S-1-5-32-545',
  CO: 'S-1-3-0',
  WD: 'S-1-1-0',
  AU: 'S-1-5-11',
  IU: 'S-1-5-4',
  BG: 'S-1-5-32-546',
  AN: 'S-1-5-7',
};
const ALIAS_OF: Record<string, string> = Object.fromEntries(Object.entries(SID_ALIASES).map(([a, s]) => [s, a]));

function sidOf(token: string): string {
  return SID_ALIASES[token.toUpperCase()] ?? token.toUpperCase();
}

interface Sddl {
  head: string;
  daclFlags: string;
  aces: string[];
}

const DEFAULT_DIR_SDDL = 'O:SYG:SYD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIIOID;FA;;;CO)(A;OICIID;0x1200a9;;;BU)';

function parseSddl(sddl: string): Sddl {
  const d = sddl.indexOf('D:');
  const head = d >= 0 ? sddl.slice(0, d) : sddl;
  const rest = d >= 0 ? sddl.slice(d + 2) : '';
  const firstAce = rest.indexOf('(');
  const daclFlags = firstAce >= 0 ? rest.slice(0, firstAce) : rest;
  const aces = firstAce >= 0 ? (rest.slice(firstAce).match(/\([^)]*\)/g) ?? []) : [];
  return { head, daclFlags, aces };
}

function formatSddl(s: Sddl): string {
  return `${s.head}D:${s.daclFlags}${s.aces.join('')}`;
}

function aceParts(ace: string): string[] {
  return ace.slice(1, -1).split(';');
}

const RIGHT_BITS: Record<string, number> = {
  RD: 0x1,
  WD: 0x2,
  AD: 0x4,
  REA: 0x8,
  WEA: 0x10,
  X: 0x20,
  DC: 0x40,
  RA: 0x80,
  WA: 0x100,
  DE: 0x10000,
  RC: 0x20000,
  WDAC: 0x40000,
  WO: 0x80000,
  S: 0x100000,
  GA: 0x10000000,
  GX: 0x20000000,
  GW: 0x40000000,
  GR: 0x80000000,
};
const SIMPLE_RIGHTS: Record<string, string> = {
  F: 'FA',
  M: '0x1301bf',
  RX: '0x1200a9',
  R: '0x120089',
  W: '0x100116',
  D: '0x10000',
};

/** icacls permission text ('(OI)(CI)F', '(CI)(S,WD,AD,X)') -> SDDL ace flags and rights. */
function icaclsPerm(perm: string): { flags: string; rights: string } {
  const groups = perm.match(/\(([^)]*)\)|[A-Z]+$/gi) ?? [];
  let flags = '';
  let rights = '';
  for (const g of groups) {
    const inner = g.replace(/[()]/g, '').toUpperCase();
    if (['OI', 'CI', 'IO', 'NP'].includes(inner)) flags += inner;
    else if (SIMPLE_RIGHTS[inner]) rights = SIMPLE_RIGHTS[inner]!;
    else {
      const mask = inner.split(',').reduce((m, r) => m | (RIGHT_BITS[r] ?? 0), 0);
      rights = `0x${(mask >>> 0).toString(16)}`;
    }
  }
  return { flags, rights: rights || 'FA' };
}

function icaclsSummary(machine: SimulatedMachine, path: string, ok: boolean): EmulatedResult {
  if (!ok) {
    return {
      exitCode: 2,
      stdout: zh(machine)
        ? `${path}: 系统找不到指定的文件。\r\n已成功处理 0 个文件; 处理 1 个文件时失败\r\n`
        : `${path}: The system cannot find the file specified.\r\nSuccessfully processed 0 files; Failed processing 1 files\r\n`,
    };
  }
  return {
    exitCode: 0,
    stdout: zh(machine)
      ? `已处理的文件: ${path}\r\n已成功处理 1 个文件; 处理 0 个文件时失败\r\n`
      : `processed file: ${path}\r\nSuccessfully processed 1 files; Failed processing 0 files\r\n`,
  };
}

function isWindowsPath(path: string): boolean {
  return /^[A-Z]:\\Windows(\\|$)/i.test(canonicalPath(path));
}

function icacls(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const path = c.args[0] ?? '';
  const op = (c.args[1] ?? '').toLowerCase();
  if (isWindowsPath(path) && !elevated)
    return {
      exitCode: 5,
      stdout: '',
      stderr: `${path}: Access is denied.\r\nSuccessfully processed 0 files; Failed processing 1 files\r\n`,
    };
  if (op === '/restore') {
    const bytes = readTargetFile(machine, c.args[2] ?? '');
    if (!bytes) return icaclsSummary(machine, c.args[2] ?? '', false);
    const lines = fromUtf16(bytes)
      .split(/\r?\n/)
      .filter((l) => l !== '');
    for (let i = 0; i + 1 < lines.length; i += 2) machine.setSddl(`${canonicalPath(path)}\\${lines[i]}`, lines[i + 1]!);
    return icaclsSummary(machine, path, true);
  }
  const entry = machine.entry(path);
  if (!entry) return icaclsSummary(machine, path, false);
  const sddl = entry.sddl ?? DEFAULT_DIR_SDDL;
  if (op === '/save') {
    writeTargetFile(machine, c.args[2] ?? '', utf16(`${baseName(path)}\r\n${sddl}\r\n`, false));
    return icaclsSummary(machine, path, true);
  }
  const parsed = parseSddl(sddl);
  const principals = c.args.slice(2).filter((a) => !a.startsWith('/'));
  const sidOfPrincipal = (p: string): string => sidOf(p.replace(/^\*/, ''));
  const explicitOf = (ace: string, sid: string, type: string): boolean => {
    const [t = '', f = '', , , , s = ''] = aceParts(ace);
    return t === type && !f.includes('ID') && sidOf(s) === sid;
  };
  if (op === '/grant' || op === '/grant:r') {
    for (const p of principals) {
      const colon = p.lastIndexOf(':');
      const sid = sidOfPrincipal(p.slice(0, colon));
      const { flags, rights } = icaclsPerm(p.slice(colon + 1));
      if (op === '/grant:r') parsed.aces = parsed.aces.filter((a) => !explicitOf(a, sid, 'A'));
      parsed.aces.push(`(A;${flags};${rights};;;${ALIAS_OF[sid] ?? sid})`);
    }
  } else if (op === '/remove' || op === '/remove:g' || op === '/remove:d') {
    const types = op === '/remove:g' ? ['A'] : op === '/remove:d' ? ['D'] : ['A', 'D'];
    for (const p of principals) {
      const sid = sidOfPrincipal(p);
      parsed.aces = parsed.aces.filter((a) => !types.some((t) => explicitOf(a, sid, t)));
    }
  } else {
    return { exitCode: 87, stdout: '', stderr: `Invalid parameter "${c.args[1] ?? ''}"\r\n` };
  }
  machine.setSddl(path, formatSddl(parsed));
  return icaclsSummary(machine, path, true);
}

// ------------------------------------------------------------ sc config
const START_VALUES: Record<string, number> = { boot: 0, system: 1, auto: 2, demand: 3, disabled: 4 };

function scConfig(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const name = c.args[1] ?? '';
  if (!elevated)
    return {
      exitCode: 5,
      stdout: zh(machine)
        ? '[SC] OpenService 失败 5:\r\n\r\n拒绝访问。\r\n'
        : '[SC] OpenService FAILED 5:\r\n\r\nAccess is denied.\r\n',
    };
  const key = machine.serviceKey(name);
  if (!machine.keyExists(key)) {
    return {
      exitCode: 1060,
      stdout: zh(machine)
        ? '[SC] OpenService 失败 1060:\r\n\r\n指定的服务未安装。\r\n'
        : '[SC] OpenService FAILED 1060:\r\n\r\nThe specified service does not exist as an installed service.\r\n',
    };
  }
  const i = c.args.findIndex((a) => a.toLowerCase() === 'start=');
  const start = i >= 0 ? START_VALUES[(c.args[i + 1] ?? '').toLowerCase()] : undefined;
  if (start === undefined)
    return { exitCode: 87, stdout: '[SC] ChangeServiceConfig FAILED 87:\r\n\r\nThe parameter is incorrect.\r\n' };
  machine.setValue(key, 'Start', { type: 'REG_DWORD', data: start });
  return {
    exitCode: 0,
    stdout: zh(machine) ? '[SC] ChangeServiceConfig 成功\r\n' : '[SC] ChangeServiceConfig SUCCESS\r\n',
  };
}

// ------------------------------------------------------------ msiexec
function serviceUsable(machine: SimulatedMachine): boolean {
  const key = machine.serviceKey('msiserver');
  if (!machine.keyExists(key) || !machine.service('msiserver')) return false;
  if (machine.dword(key, 'Start') === 4) return false;
  const image = machine.string(key, 'ImagePath') ?? '';
  return /\\system32\\msiexec\.exe"?\s+\/V\s*$/i.test(image);
}

function verboseLog(machine: SimulatedMachine, lines: string[]): Uint8Array {
  const t = machine.now();
  const d = `${String(t.getUTCMonth() + 1).padStart(2, '0')}/${String(t.getUTCDate()).padStart(2, '0')}/${t.getUTCFullYear()}`;
  const hms = t.toISOString().slice(11, 19);
  // 'Action start 9:12:31:' lines carry the hour without a leading zero, unlike the '[09:12:31:402]' stamps.
  const action = hms.replace(/^0/, '');
  const head = `=== Verbose logging started: ${d}  ${hms}  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===`;
  const tail = `=== Verbose logging stopped: ${d}  ${hms} ===`;
  const stamp = (l: string): string => l.replace('{t}', `${hms}:000`).replace('{a}', action);
  return utf16([head, ...lines.map(stamp), tail, ''].join('\r\n'));
}

function addEvent(machine: SimulatedMachine, id: number, data: string[]): void {
  const recordId = Math.max(0, ...machine.state.events.map((e) => e.recordId)) + 1;
  machine.state.events.unshift({
    provider: 'MsiInstaller',
    id,
    time: machine.state.now,
    recordId,
    data,
    userSid: machine.state.identity.userSid,
  });
}

function packageInfo(machine: SimulatedMachine, msiPath: string): SimInstalledProduct | null {
  const entry = machine.entry(msiPath);
  if (entry?.kind === 'file' && entry.msi) {
    const m = entry.msi;
    return {
      productCode: m.productCode,
      upgradeCode: m.upgradeCode,
      name: m.productName,
      version: m.productVersion,
      manufacturer: m.manufacturer,
      scope: m.allUsers === '' ? 'user' : 'machine',
      userSid: m.allUsers === '' ? machine.state.identity.userSid : null,
    };
  }
  const onHost = isHostPath(msiPath) && existsSync(msiPath);
  if (entry?.kind !== 'file' && !onHost) return null;
  // A package without recorded properties: a stable made-up identity from its name.
  let hash = 0;
  for (const ch of baseName(msiPath)) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hex = hash.toString(16).toUpperCase().padStart(8, '0');
  const name = baseName(msiPath).replace(/\.ms[ip]$/i, '');
  return {
    productCode: `{${hex}-0000-4000-8000-${hex}0000}`,
    upgradeCode: `{${hex}-1111-4000-8000-${hex}1111}`,
    name,
    version: '1.0.0',
    manufacturer: 'Unknown',
    scope: 'machine',
    userSid: null,
  };
}

/** Windows Installer's texts for the custom-action messages a failure can raise (Error table defaults). */
const CUSTOM_ACTION_MESSAGES: Record<number, string> = {
  1720: 'There is a problem with this Windows Installer package. A script required for this install to complete could not be run. Contact your support personnel or package vendor.',
  1721: 'There is a problem with this Windows Installer package. A program required for this install to complete could not be run. Contact your support personnel or package vendor.',
  1722: 'There is a problem with this Windows Installer package. A program run as part of the setup did not finish as expected. Contact your support personnel or package vendor.',
  1723: 'There is a problem with this Windows Installer package. A DLL required for this install to complete could not be run. Contact your support personnel or package vendor.',
};

/** The package's recorded failure on this machine, if any. */
function installFailure(machine: SimulatedMachine, msiPath: string): SimInstallFailure | null {
  const entry = machine.entry(msiPath);
  return entry?.kind === 'file' ? (entry.msi?.failure ?? null) : null;
}

/**
 * The log of an install whose deferred custom action fails inside InstallFinalize: the script runs, the action
 * returns an error, message 1722 (or its kin) is raised, the script rolls back and the client reports the status.
 * Modeled on real verbose logs (and on the 1603-custom-action scenario's own log).
 */
function failedInstallLog(info: SimInstalledProduct, f: SimInstallFailure): string[] {
  const ca = f.customAction;
  const dll = 'C:\\Windows\\Installer\\MSI8D2E.tmp';
  const text = CUSTOM_ACTION_MESSAGES[f.message] ?? CUSTOM_ACTION_MESSAGES[1722]!;
  const error = `Error ${f.message}. ${text}  Action ${ca}, location: ${dll}, command: ${f.entryPoint} `;
  return [
    "MSI (s) (A4:1C) [{t}]: Machine policy value 'Debug' is 0",
    `MSI (s) (A4:1C) [{t}]: Server not locked: locking for product ${info.productCode}`,
    'Action start {a}: InstallValidate.',
    'Action ended {a}: InstallValidate. Return value 1.',
    'Action start {a}: InstallInitialize.',
    'Action ended {a}: InstallInitialize. Return value 1.',
    'Action start {a}: ProcessComponents.',
    'Action ended {a}: ProcessComponents. Return value 1.',
    'Action start {a}: InstallFiles.',
    'Action ended {a}: InstallFiles. Return value 1.',
    // Immediate phase: the deferred action is only scheduled here; it runs in the script inside InstallFinalize.
    `Action start {a}: ${ca}.`,
    `Action ended {a}: ${ca}. Return value 1.`,
    'Action start {a}: InstallFinalize.',
    'MSI (s) (A4:1C) [{t}]: Running Script: C:\\Windows\\Installer\\MSI8C41.tmp',
    "MSI (s) (A4:1C) [{t}]: PROPERTY CHANGE: Adding UpdateStarted property. Its value is '1'.",
    'MSI (s) (A4:1C) [{t}]: Executing op: ActionStart(Name=InstallFiles,Description=Copying new files,Template=File: [1],  Directory: [9],  Size: [6])',
    `MSI (s) (A4:1C) [{t}]: Executing op: ActionStart(Name=${ca},,)`,
    `MSI (s) (A4:1C) [{t}]: Executing op: CustomActionSchedule(Action=${ca},ActionType=3073,Source=BinaryData,Target=${f.entryPoint},)`,
    `MSI (s) (A4:5C) [{t}]: Invoking remote custom action. DLL: ${dll}, Entrypoint: ${f.entryPoint}`,
    'MSI (s) (A4:D0) [{t}]: Generating random cookie.',
    'MSI (s) (A4:D0) [{t}]: Created Custom Action Server with PID 9302 (0x2456).',
    'MSI (s) (A4:44) [{t}]: Running as a service.',
    "MSI (s) (A4:44) [{t}]: Hello, I'm your 64bit Elevated Non-remapped custom action server.",
    ...f.detail,
    `CustomAction ${ca} returned actual error code ${f.exitCode} (note this may not be 100% accurate if translation happened inside sandbox)`,
    `MSI (s) (A4:1C) [{t}]: Note: 1: ${f.message} 2: ${ca} 3: ${dll} 4: ${f.entryPoint} `,
    `MSI (s) (A4:1C) [{t}]: Product: ${info.name} -- ${error}`,
    '',
    error,
    "MSI (s) (A4:1C) [{t}]: User policy value 'DisableRollback' is 0",
    "MSI (s) (A4:1C) [{t}]: Machine policy value 'DisableRollback' is 0",
    'Action ended {a}: InstallFinalize. Return value 3.',
    // Rollback: the script's undo of what was already done.
    'MSI (s) (A4:1C) [{t}]: Executing op: Header(Signature=1397708873,Version=500,Timestamp=1467432355,LangId=1033,Platform=589824,ScriptType=2,ScriptMajorVersion=21,ScriptMinorVersion=4,ScriptAttributes=1)',
    'MSI (s) (A4:1C) [{t}]: Executing op: RollbackInfo(,RollbackAction=Rollback,RollbackDescription=Rolling back action:,RollbackTemplate=[1],CleanupAction=RollbackCleanup,CleanupDescription=Removing backup files,CleanupTemplate=File: [1])',
    `MSI (s) (A4:1C) [{t}]: Executing op: ActionStart(Name=${ca},,)`,
    'MSI (s) (A4:1C) [{t}]: Executing op: ActionStart(Name=InstallFiles,Description=Copying new files,Template=File: [1],  Directory: [9],  Size: [6])',
    'MSI (s) (A4:1C) [{t}]: No System Restore sequence number for this installation.',
    'MSI (s) (A4:1C) [{t}]: Unlocking Server',
    "MSI (s) (A4:1C) [{t}]: PROPERTY CHANGE: Deleting UpdateStarted property. Its current value is '1'.",
    'Action ended {a}: INSTALL. Return value 3.',
    `MSI (s) (A4:1C) [{t}]: MainEngineThread is returning ${f.exitCode}`,
    `MSI (c) (1C:20) [{t}]: Back from server. Return value: ${f.exitCode}`,
    'Action ended {a}: ExecuteAction. Return value 3.',
    'Action start {a}: FatalError.',
    'Action ended {a}: FatalError. Return value 2.',
    'Action ended {a}: INSTALL. Return value 3.',
    `MSI (c) (1C:20) [{t}]: Product: ${info.name} -- Installation failed.`,
    '',
    `MSI (c) (1C:20) [{t}]: Windows Installer installed the product. Product Name: ${info.name}. Product Version: ${info.version}. Product Language: 1033. Manufacturer: ${info.manufacturer}. Installation success or error status: ${f.exitCode}.`,
    '',
    'MSI (c) (1C:20) [{t}]: Grabbed execution mutex.',
    `MSI (c) (1C:20) [{t}]: MainEngineThread is returning ${f.exitCode}`,
  ];
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function msiexec(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const mode = (c.args[0] ?? '').toLowerCase();
  if (mode === '/regserver') {
    if (!elevated) return { exitCode: 5, stdout: '' };
    const key = machine.serviceKey('msiserver');
    machine.setValue(key, 'Start', { type: 'REG_DWORD', data: 3 });
    machine.setValue(key, 'ImagePath', { type: 'REG_EXPAND_SZ', data: '%systemroot%\\system32\\msiexec.exe /V' });
    machine.setValue(key, 'Type', { type: 'REG_DWORD', data: 16 });
    machine.setValue(key, 'ObjectName', { type: 'REG_SZ', data: 'LocalSystem' });
    if (!machine.service('msiserver')) {
      machine.state.services.msiserver = {
        name: 'msiserver',
        displayName: 'Windows Installer',
        state: 'stopped',
        pid: null,
        acceptsShutdown: false,
        acceptsStop: false,
        win32ExitCode: 1077,
        type: 16,
      };
    }
    return { exitCode: 0, stdout: '' };
  }
  if (mode !== '/i' && mode !== '/x' && mode !== '/package' && mode !== '/uninstall')
    return { exitCode: 1639, stdout: '' };
  const target = c.args[1] ?? '';
  const log = flag(c.args, '/l*v') ?? null;
  /** Writes the log (when /l*v asked for one) and returns the exit code; `complete` = the lines already end the log. */
  const finish = (code: number, lines: string[], complete = false): EmulatedResult => {
    if (log) {
      const body = complete
        ? lines
        : [
            ...lines,
            `MSI (s) (A4:B8) [{t}]: Windows Installer ${mode === '/x' ? 'removed' : 'installed'} the product. Installation success or error status: ${code}.`,
            `MSI (c) (1C:20) [{t}]: MainEngineThread is returning ${code}`,
          ];
      writeTargetFile(machine, log, verboseLog(machine, body));
    }
    return { exitCode: code, stdout: '', durationMs: 20_000 };
  };
  if (!serviceUsable(machine))
    return finish(1601, ['MSI (c) (1C:20) [{t}]: Failed to connect to server. Error: 0x80070422']);
  if (machine.state.msiExecuteMutex === 'held') {
    return finish(1618, [
      'MSI (c) (1C:20) [{t}]: Another installation is in progress. Error 1500. Another installation is in progress. You must complete that installation before continuing this one.',
    ]);
  }
  if (mode === '/x' || mode === '/uninstall') {
    const index = machine.state.products.findIndex((p) => p.productCode.toUpperCase() === target.toUpperCase());
    if (index < 0)
      return finish(1605, [
        'MSI (c) (1C:20) [{t}]: This action is only valid for products that are currently installed.',
      ]);
    const [product] = machine.state.products.splice(index, 1);
    addEvent(machine, 1034, [product!.name, product!.version, '1033', '0', product!.manufacturer]);
    return finish(0, [`MSI (s) (A4:B8) [{t}]: Product: ${product!.name} -- Removal completed successfully.`]);
  }
  const info = packageInfo(machine, target);
  if (!info)
    return finish(1619, [
      `MSI (c) (1C:20) [{t}]: Note: 1: 2203 2: ${target} 3: -2147287038`,
      'MSI (c) (1C:20) [{t}]: This installation package could not be opened.',
    ]);
  const same = machine.state.products.find((p) => p.productCode.toUpperCase() === info.productCode.toUpperCase());
  if (same && same.version !== info.version)
    return finish(1638, ['MSI (c) (1C:20) [{t}]: Another version of this product is already installed.']);
  const newer = machine.state.products.find(
    (p) =>
      p.upgradeCode.toUpperCase() === info.upgradeCode.toUpperCase() && compareVersions(p.version, info.version) > 0,
  );
  if (newer)
    return finish(1603, [
      `MSI (s) (A4:B8) [{t}]: Product: ${info.name} -- A newer version is already installed.`,
      'Action ended {t}: LaunchConditions. Return value 3.',
    ]);
  const failure = installFailure(machine, target);
  if (failure) {
    // Rolled back: nothing is installed or removed. The Application log gets what a real failure leaves: the error
    // as event 10000 + message number (11722), 11708 "Installation failed" and 1033 with the status.
    const text = CUSTOM_ACTION_MESSAGES[failure.message] ?? CUSTOM_ACTION_MESSAGES[1722]!;
    addEvent(machine, 10000 + failure.message, [
      `Product: ${info.name} -- Error ${failure.message}. ${text}  Action ${failure.customAction}, location: C:\\Windows\\Installer\\MSI8D2E.tmp, command: ${failure.entryPoint} `,
    ]);
    addEvent(machine, 11708, [`Product: ${info.name} -- Installation failed.`]);
    addEvent(machine, 1033, [info.name, info.version, '1033', String(failure.exitCode), info.manufacturer]);
    return finish(failure.exitCode, failedInstallLog(info, failure), true);
  }
  machine.state.products = machine.state.products.filter(
    (p) => p.upgradeCode.toUpperCase() !== info.upgradeCode.toUpperCase(),
  );
  machine.state.products.push(info);
  addEvent(machine, 1033, [info.name, info.version, '1033', '0', info.manufacturer]);
  addEvent(machine, 11707, [`Product: ${info.name} -- Installation completed successfully.`]);
  return finish(0, [
    `MSI (c) (1C:20) [{t}]: Product: ${info.name}`,
    'Action ended {t}: InstallFinalize. Return value 1.',
    `MSI (s) (A4:B8) [{t}]: Product: ${info.name} -- Installation completed successfully.`,
    'Action ended {t}: INSTALL. Return value 1.',
  ]);
}

// ------------------------------------------------------------ shutdown, taskkill
function shutdown(c: EmulatedCommand, { machine }: EmulatorContext): EmulatedResult {
  const args = c.args.map((a) => a.toLowerCase());
  const scheduled = machine.keyExists(SCHEDULED_RESTART_KEY);
  if (args.includes('/a')) {
    if (!scheduled)
      return {
        exitCode: 1116,
        stdout: '',
        stderr: 'Unable to abort the system shutdown because no shutdown was in progress.(1116)\r\n',
      };
    machine.deleteKey(SCHEDULED_RESTART_KEY);
    return { exitCode: 0, stdout: '' };
  }
  if (args.includes('/r')) {
    const seconds = Number(flag(c.args, '/t') ?? '30');
    if (scheduled)
      return { exitCode: 1190, stdout: '', stderr: 'A system shutdown has already been scheduled.(1190)\r\n' };
    if (seconds === 0) machine.reboot();
    else
      machine.setValue(SCHEDULED_RESTART_KEY, 'At', {
        type: 'REG_SZ',
        data: new Date(machine.now().getTime() + seconds * 1000).toISOString(),
      });
    return { exitCode: 0, stdout: '' };
  }
  return { exitCode: 87, stdout: '' };
}

function taskkill(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const pid = Number(flag(c.args, '/pid'));
  const proc = machine.process(pid);
  if (!proc) return { exitCode: 128, stdout: '', stderr: `ERROR: The process "${pid}" not found.\r\n` };
  // The service process and other users' processes are protected (the real service is NOT_STOPPABLE while busy).
  const servicePid = machine.service('msiserver')?.pid ?? null;
  if (pid === servicePid || (!elevated && proc.userSid !== machine.state.identity.userSid)) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `ERROR: The process with PID ${pid} could not be terminated.\r\nReason: Access is denied.\r\n`,
    };
  }
  machine.killProcess(pid);
  return {
    exitCode: 0,
    stdout: zh(machine)
      ? `成功: 已终止 PID 为 ${pid} 的进程。\r\n`
      : `SUCCESS: The process with PID ${pid} has been terminated.\r\n`,
  };
}

// ------------------------------------------------------------ repair PowerShell scripts
function scriptPath(c: EmulatedCommand): string {
  const path = c.params?.path;
  if (typeof path !== 'string' || path === '') throw new Error('repair script without $params.path');
  return path;
}

function createFolder(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const path = scriptPath(c);
  if (isWindowsPath(path) && !elevated)
    return { exitCode: 1, stdout: '', stderr: `New-Item : Access to the path '${path}' is denied.\r\n` };
  if (machine.entry(path)?.kind === 'file')
    return {
      exitCode: 1,
      stdout: '',
      stderr: `New-Item : An item with the specified name ${path} already exists.\r\n`,
    };
  machine.mkdir(path);
  return { exitCode: 0, stdout: '' };
}

function removeCreatedFolder(c: EmulatedCommand, { machine }: EmulatorContext): EmulatedResult {
  const path = scriptPath(c);
  if (machine.isDirectory(path) && machine.list(path).length === 0) machine.removeEntry(path);
  return { exitCode: 0, stdout: '' };
}

const isTool =
  (tool: string, ...first: string[]) =>
  (c: EmulatedCommand) =>
    c.tool === tool && first.includes((c.args[0] ?? '').toLowerCase());
const isRepairScript = (id: string) => (c: EmulatedCommand) => c.marker?.kind === 'repair' && c.marker.id === id;

/** Adds the repair commands to an emulator (its own handlers; they win over built-ins for the same command). */
export function registerRepairHandlers(emulator: CommandEmulator): CommandEmulator {
  return (
    emulator
      .register(isTool('reg', 'add'), regAdd, 'repair:reg add')
      .register(isTool('reg', 'delete'), regDelete, 'repair:reg delete')
      .register(isTool('reg', 'export'), regExport, 'repair:reg export')
      .register(isTool('reg', 'import'), regImport, 'repair:reg import')
      // Only the exact form repairs use (reg query KEY /v NAME); other reg query forms stay with the probe handlers.
      .register(
        (c) =>
          c.tool === 'reg' &&
          (c.args[0] ?? '').toLowerCase() === 'query' &&
          c.args.length === 4 &&
          c.args[2]?.toLowerCase() === '/v',
        regQuery,
        'repair:reg query',
      )
      .register(
        (c) =>
          c.tool === 'icacls' && /^\/(save|restore|grant|grant:r|remove|remove:g|remove:d)$/i.test(c.args[1] ?? ''),
        icacls,
        'repair:icacls',
      )
      .register(isTool('sc', 'config'), scConfig, 'repair:sc config')
      .register((c) => c.tool === 'msiexec', msiexec, 'repair:msiexec')
      .register((c) => c.tool === 'shutdown', shutdown, 'repair:shutdown')
      .register((c) => c.tool === 'taskkill', taskkill, 'repair:taskkill')
      .register(isRepairScript('create-windows-temp'), createFolder, 'repair:create-windows-temp')
      .register(isRepairScript('create-user-temp'), createFolder, 'repair:create-user-temp')
      .register(isRepairScript('remove-created-temp'), removeCreatedFolder, 'repair:remove-created-temp')
      .register(isRepairScript('set-path-value'), handleSetPathValue, 'repair:set-path-value')
  );
}

// ------------------------------------------------------------ simulated time for "wait for the installer"
/** Simulation rule: an install Windows Update runs as SYSTEM in session 0 finishes after this long; a user's stuck install never does. */
export const BACKGROUND_INSTALL_MINUTES = 10;

/** Ends background (SYSTEM, session 0) client installs that have run long enough, as Windows Update's would. */
export function settleBackgroundInstalls(machine: SimulatedMachine): number {
  const now = machine.now().getTime();
  let ended = 0;
  for (const p of [...machine.state.processes]) {
    const client = p.name.toLowerCase() === 'msiexec.exe' && /\s\/(i|x|package|update)\b/i.test(p.commandLine);
    const background = p.sessionId === 0 && p.userSid === 'S-1-5-18';
    if (client && background && now - new Date(p.startedAt).getTime() >= BACKGROUND_INSTALL_MINUTES * 60_000) {
      machine.killProcess(p.pid);
      ended += 1;
    }
  }
  return ended;
}

/** The repair service's clock on a simulated machine: sleeping moves the machine's clock (and lets background installs end). */
export function simulatedRepairClock(machine: SimulatedMachine): {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
} {
  return {
    now: () => machine.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) return;
      machine.advance(ms);
      settleBackgroundInstalls(machine);
    },
  };
}
