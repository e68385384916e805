// Small builders shared by the catalog entries: plan steps, text keys, registry/msiexec argv, target-machine paths.
import type { TextRef } from '../../../shared/contract/evidence.ts';
import type { PlanStep, RepairParams } from '../../../shared/contract/repair.ts';
import type { RepairId } from '../../../shared/contract/ids.ts';
import type { CommandSpec } from '../run/command-runner.ts';
import { buildPowerShellSpec, buildSpec, renderCommandLine } from './command-builder.ts';
import type { BuiltStep, RepairContext } from './repair-definition.ts';
import type { GuardContext } from './command-guard.ts';
import { parseSddl } from '../probes/sddl.ts';

export const MSISERVER_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\msiserver';
export const INSTALLER_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer';
export const DEFAULT_IMAGE_PATH = '%systemroot%\\system32\\msiexec.exe /V';
export const DEFAULT_USER_TEMP = '%USERPROFILE%\\AppData\\Local\\Temp';
/** Windows Installer exit codes that mean success: 3010 = restart needed to finish, 1641 = restart started. */
export const INSTALL_OK_CODES = [0, 3010, 1641];
export const REBOOT_CODES = [3010, 1641];
const INSTALL_TIMEOUT_MS = 3 * 60 * 60 * 1000;

export function text(key: string, params: Record<string, string | number> = {}): TextRef {
  return { key, params };
}

/** Text key of a step description: repair.<id>.step.<stepId>. */
export function stepText(repair: RepairId, stepId: string, params: Record<string, string | number> = {}): TextRef {
  return text(`repair.${repair}.step.${stepId}`, params);
}

/** A described backup (what a plan keeps before it changes something): repair.backup.<what>. */
export function backupText(what: string, params: Record<string, string | number> = {}): TextRef {
  return text(`repair.backup.${what}`, params);
}

export function makeStep(
  repair: RepairId,
  id: string,
  kind: PlanStep['kind'],
  spec: CommandSpec,
  options: {
    elevated: boolean;
    okExitCodes?: number[];
    params?: Record<string, string | number>;
    /** The backup file (a name in the run's backup folder) this step writes. */
    backupFile?: string;
  },
): BuiltStep {
  const okExitCodes = options.okExitCodes ?? [0];
  return {
    step: {
      id,
      kind,
      description: stepText(repair, id, options.params),
      commandLine: renderCommandLine(spec),
      elevated: options.elevated,
    },
    // The runner learns the success codes too: an elevated batch stops at the first step outside them.
    spec: { ...spec, okExitCodes },
    okExitCodes,
    ...(options.backupFile ? { backupFile: options.backupFile } : {}),
  };
}

/** Joins a folder of OUR data dir on the target machine with a file name, in that folder's own separator style. */
export function targetPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** HKCU of the real user: HKU\<sid> when known (an elevated batch may run as another admin), else HKCU. */
export function userHive(context: RepairContext, elevated: boolean): string {
  return elevated && context.user.sid ? `HKU\\${context.user.sid}` : 'HKCU';
}

export function regAdd(
  key: string,
  name: string,
  type: 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_DWORD',
  data: string,
  guard?: GuardContext,
): CommandSpec {
  return buildSpec('reg.exe', ['add', key, '/v', name, '/t', type, '/d', data, '/f'], {
    label: `reg add ${name}`,
    guard,
  });
}
export function regDelete(key: string, name: string): CommandSpec {
  return buildSpec('reg.exe', ['delete', key, '/v', name, '/f'], { label: `reg delete ${name}` });
}
export function regExport(key: string, file: string): CommandSpec {
  return buildSpec('reg.exe', ['export', key, file, '/y'], { label: 'reg export' });
}
export function regImport(file: string): CommandSpec {
  return buildSpec('reg.exe', ['import', file], { label: 'reg import' });
}
export function regQuery(key: string, name: string): CommandSpec {
  return buildSpec('reg.exe', ['query', key, '/v', name], { label: `reg query ${name}` });
}

/** `msiexec /i "<msi>" /L*v "<log>" /passive|<full UI> /norestart` (argv; CreateProcess quoting by the runner). */
export function msiexecInstall(msiPath: string, logPath: string, params: RepairParams): CommandSpec {
  const args = ['/i', msiPath, '/L*v', logPath];
  if ((params.uiLevel ?? 'passive') === 'passive') args.push('/passive');
  args.push('/norestart');
  return buildSpec('msiexec.exe', args, { encoding: 'oem', timeoutMs: INSTALL_TIMEOUT_MS, label: 'msiexec /i' });
}

export function msiexecUninstall(productCode: string, logPath: string, params: RepairParams): CommandSpec {
  const args = ['/x', productCode, '/L*v', logPath];
  if ((params.uiLevel ?? 'passive') === 'passive') args.push('/passive');
  args.push('/norestart');
  return buildSpec('msiexec.exe', args, { encoding: 'oem', timeoutMs: INSTALL_TIMEOUT_MS, label: 'msiexec /x' });
}

/** Log file name for an install we start: ours, under the app's log folder, never a user-supplied path. */
export function installLogPath(context: RepairContext, prefix: string): string {
  const base = context.journalPath
    .split(/[\\/]/)
    .pop()!
    .replace(/\.jsonl$/, '');
  return targetPath(context.logDir, `${prefix}-${base}.log`);
}

/**
 * Checks an `icacls /save` file before it is restored as administrator: UTF-16LE text holding exactly one entry, named
 * `leaf` (icacls /restore applies every entry it finds to children of the folder it runs on, so one planted line could
 * re-permission any other child), with a parseable DACL. Returns why it is refused, or null.
 */
export function checkAclBackup(bytes: Uint8Array, leaf: string): string | null {
  const buf = Buffer.from(bytes);
  const body = buf[0] === 0xff && buf[1] === 0xfe ? buf.subarray(2) : buf;
  if (body.length === 0 || body.length % 2 !== 0 || body.length > 64 * 1024) return 'the backup is not an ACL file';
  const lines = body
    .toString('utf16le')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  if (lines.length !== 2) return 'the backup holds more than one entry';
  if (lines[0]!.toLowerCase() !== leaf.toLowerCase()) return `the backup is for "${lines[0]}", not "${leaf}"`;
  if (!lines[1]!.includes('D:') || parseSddl(lines[1]) === null) return 'the backup holds no readable permissions';
  return null;
}

/** The .msi installs per machine (ALLUSERS=1, read from the package by the installed-products probe). */
export function perMachinePackage(context: RepairContext): boolean {
  return context.evidence['installed-products']?.package?.allUsers === '1';
}

/**
 * Tells Explorer (and every program that listens) that the Environment keys changed (the prelude's one broadcast,
 * Send-MdEnvironmentChange): reg.exe writes a value but does not broadcast WM_SETTINGCHANGE, so an .msi or a terminal
 * started from Explorer would still get the old TEMP or PATH until sign-out.
 */
export function broadcastEnvironment(): CommandSpec {
  return buildPowerShellSpec('broadcast-environment', 'Send-MdEnvironmentChange', {});
}
