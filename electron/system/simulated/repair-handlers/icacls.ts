// Emulated icacls for repairs, as edits of the model's SDDL through the one SDDL parser (probes/sddl.ts):
// /save, /restore, /grant[:r], /remove[:g|:d], /inheritance:r|e|d, each checked against the token's rights.
import { formatSddl, parseSddl, rightsToMask, type Ace, type SecurityDescriptor } from '../../probes/sddl.ts';
import { sidOfToken } from '../../well-known-sids.ts';
import type { EmulatedCommand, EmulatedResult, EmulatorContext } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';
import { baseName, canonicalPath } from '../model.ts';
import { tokenView } from '../token-view.ts';
import { fromUtf16, readTargetFile, utf16, writeTargetFile, zh } from './target-files.ts';

const READ_CONTROL = 0x20000;
const WRITE_DAC = 0x40000;

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

/** icacls permission text ('(OI)(CI)F', '(CI)(S,WD,AD,X)') -> SDDL ACE flags and rights. */
export function icaclsPerm(perm: string): { flags: string[]; rights: string } {
  const groups = perm.match(/\(([^)]*)\)|[A-Z]+$/gi) ?? [];
  const flags: string[] = [];
  let rights = '';
  for (const g of groups) {
    const inner = g.replace(/[()]/g, '').toUpperCase();
    if (['OI', 'CI', 'IO', 'NP'].includes(inner)) flags.push(inner);
    else if (SIMPLE_RIGHTS[inner]) rights = SIMPLE_RIGHTS[inner]!;
    else {
      const mask = inner.split(',').reduce((m, r) => m | (RIGHT_BITS[r] ?? 0), 0);
      rights = `0x${(mask >>> 0).toString(16)}`;
    }
  }
  return { flags, rights: rights || 'FA' };
}

function summary(machine: SimulatedMachine, path: string, ok: boolean): EmulatedResult {
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

function denied(path: string): EmulatedResult {
  return {
    exitCode: 5,
    stdout: '',
    stderr: `${path}: Access is denied.\r\nSuccessfully processed 0 files; Failed processing 1 files\r\n`,
  };
}

const explicit = (ace: Ace, sid: string, type: Ace['type']): boolean =>
  ace.type === type && !ace.flags.includes('ID') && ace.sid.toUpperCase() === sid.toUpperCase();

/** One icacls edit on a parsed descriptor; null when the switch is not one icacls knows. */
function edit(sd: SecurityDescriptor, op: string, principals: string[]): SecurityDescriptor | null {
  const sidOf = (p: string): string => sidOfToken(p.replace(/^\*/, ''));
  if (op === '/grant' || op === '/grant:r') {
    for (const p of principals) {
      const colon = p.lastIndexOf(':');
      const sid = sidOf(p.slice(0, colon));
      const { flags, rights } = icaclsPerm(p.slice(colon + 1));
      if (op === '/grant:r') sd.dacl = sd.dacl.filter((a) => !explicit(a, sid, 'allow'));
      sd.dacl.push({ type: 'allow', flags, rights, mask: rightsToMask(rights), sid });
    }
    return sd;
  }
  if (op === '/remove' || op === '/remove:g' || op === '/remove:d') {
    const types: Ace['type'][] = op === '/remove:g' ? ['allow'] : op === '/remove:d' ? ['deny'] : ['allow', 'deny'];
    for (const p of principals) sd.dacl = sd.dacl.filter((a) => !types.some((t) => explicit(a, sidOf(p), t)));
    return sd;
  }
  // Inheritance: r removes the inherited entries, d copies them as explicit ones, e enables it again.
  if (op === '/inheritance:r') return { ...sd, daclFlags: 'P', dacl: sd.dacl.filter((a) => !a.flags.includes('ID')) };
  if (op === '/inheritance:d')
    return { ...sd, daclFlags: 'P', dacl: sd.dacl.map((a) => ({ ...a, flags: a.flags.filter((f) => f !== 'ID') })) };
  if (op === '/inheritance:e') return { ...sd, daclFlags: sd.daclFlags.replace('P', '') || 'AI' };
  return null;
}

export function icacls(c: EmulatedCommand, ctx: EmulatorContext): EmulatedResult {
  const { machine } = ctx;
  const view = tokenView(machine, ctx);
  const path = c.args[0] ?? '';
  const op = (c.args[1] ?? '').toLowerCase();
  if (op === '/restore') {
    const bytes = readTargetFile(machine, c.args[2] ?? '');
    if (!bytes) return summary(machine, c.args[2] ?? '', false);
    const lines = fromUtf16(bytes)
      .split(/\r?\n/)
      .filter((l) => l !== '');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const child = `${canonicalPath(path)}\\${lines[i]}`;
      const current = parseSddl(machine.effectiveSddl(child));
      if (current && (view.grantedMask(current) & WRITE_DAC) === 0) return denied(child);
      machine.setSddl(child, lines[i + 1]!);
    }
    return summary(machine, path, true);
  }
  const current = parseSddl(machine.effectiveSddl(path));
  if (!current) return summary(machine, path, false);
  if (op === '/save') {
    if ((view.grantedMask(current) & READ_CONTROL) === 0) return denied(path);
    writeTargetFile(machine, c.args[2] ?? '', utf16(`${baseName(path)}\r\n${machine.effectiveSddl(path)}\r\n`, false));
    return summary(machine, path, true);
  }
  if ((view.grantedMask(current) & WRITE_DAC) === 0) return denied(path);
  // Switches apply left to right (icacls C:\Windows\Temp /inheritance:r /grant:r ...).
  let sd: SecurityDescriptor = current;
  let active: string | null = null;
  let principals: string[] = [];
  const apply = (): boolean => {
    if (active === null) return true;
    const next = edit(sd, active, principals);
    if (!next) return false;
    [sd, active, principals] = [next, null, []];
    return true;
  };
  const invalid: EmulatedResult = { exitCode: 87, stdout: '', stderr: `Invalid parameter "${c.args[1] ?? ''}"\r\n` };
  for (const arg of c.args.slice(1)) {
    if (!arg.startsWith('/')) {
      principals.push(arg);
      continue;
    }
    if (!apply()) return invalid;
    if (!/^\/(q|t|c|l)$/i.test(arg)) active = arg.toLowerCase();
  }
  if (!apply()) return invalid;
  machine.setSddl(path, formatSddl(sd));
  return summary(machine, path, true);
}
