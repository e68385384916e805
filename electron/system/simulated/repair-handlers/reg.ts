// Emulated reg.exe for repairs: add, delete, query /v, export (a real .reg file, UTF-16LE) and import.
import type { EmulatedCommand, EmulatedResult, EmulatorContext } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';
import { canonicalKey, type RegType, type RegValue } from '../model.ts';
import { longKeyName, regNotFound } from '../handlers/console-tools.ts';
import { accessDenied, flag, fromUtf16, readTargetFile, utf16, writeTargetFile, zh } from './target-files.ts';
import { trimEndChars } from '../../../../shared/text/trim-end.ts';

export function regOk(machine: SimulatedMachine): EmulatedResult {
  return { exitCode: 0, stdout: zh(machine) ? '操作成功完成。\r\n' : 'The operation completed successfully.\r\n' };
}
/** Machine-wide keys need the elevated batch, as on Windows. */
function needsAdmin(key: string): boolean {
  return /^HKLM\\/i.test(key);
}

export function regAdd(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const key = machine.hiveKey(c.args[1] ?? '');
  if (needsAdmin(canonicalKey(c.args[1] ?? '')) && !elevated) return accessDenied(machine);
  const name = flag(c.args, '/v') ?? '';
  const type = (flag(c.args, '/t')?.toUpperCase() ?? 'REG_SZ') as RegType;
  const raw = flag(c.args, '/d') ?? '';
  const value: RegValue =
    type === 'REG_DWORD' || type === 'REG_QWORD' ? { type, data: Number(raw) } : { type, data: raw };
  // Like reg.exe: the value is written, nothing is broadcast (Explorer keeps its environment: broadcast-environment).
  machine.setValue(key, name, value);
  return regOk(machine);
}

export function regDelete(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const key = machine.hiveKey(c.args[1] ?? '');
  if (needsAdmin(canonicalKey(c.args[1] ?? '')) && !elevated) return accessDenied(machine);
  const name = flag(c.args, '/v');
  if (name === undefined) return machine.deleteKey(key) ? regOk(machine) : regNotFound(machine);
  return machine.deleteValue(key, name) ? regOk(machine) : regNotFound(machine);
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

export function regExport(c: EmulatedCommand, { machine }: EmulatorContext): EmulatedResult {
  const key = machine.hiveKey(c.args[1] ?? '');
  const file = c.args[2] ?? '';
  if (!machine.keyExists(key)) return regNotFound(machine);
  const prefix = key.toLowerCase();
  const keys = Object.keys(machine.state.registry)
    .filter((k) => k.toLowerCase() === prefix || k.toLowerCase().startsWith(prefix + '\\'))
    .sort();
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (const k of keys) {
    lines.push(`[${longKeyName(k)}]`);
    for (const [name, value] of Object.entries(machine.state.registry[k] ?? {})) lines.push(regFileValue(name, value));
    lines.push('');
  }
  writeTargetFile(machine, file, utf16(lines.join('\r\n')));
  return regOk(machine);
}

function unescapeRegString(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

export function regImport(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
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
      if (hex[1] === '2') value = { type: 'REG_EXPAND_SZ', data: trimEndChars(buf.toString('utf16le'), '\0') };
      else if (hex[1] === '7')
        value = { type: 'REG_MULTI_SZ', data: trimEndChars(buf.toString('utf16le'), '\0').split('\0') };
      else if (hex[1] === 'b') value = { type: 'REG_QWORD', data: Number(buf.readBigUInt64LE(0)) };
      else value = { type: 'REG_BINARY', data: buf.toString('hex') };
    }
    machine.setValue(key, name, value);
  }
  return regOk(machine);
}
