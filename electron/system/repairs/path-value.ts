// The one way repairs change a Path value: compare-and-swap of the exact REG_EXPAND_SZ text (refused when it changed
// since the plan), written as REG_EXPAND_SZ, then WM_SETTINGCHANGE "Environment" broadcast; and the entry arithmetic.
import type { PathScope } from '../../../shared/contract/evidence-data.ts';
import type { CommandSpec } from '../run/command-runner.ts';
import { buildPowerShellSpec } from './command-builder.ts';
import { regExport } from './repair-helpers.ts';
import { trimEndChars } from '../../../shared/text/trim-end.ts';

export const MACHINE_ENVIRONMENT_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';
/** Exit code of set-path-value when the value is not the one the plan (or the undo) was built from. */
export const PATH_CHANGED_EXIT = 3;

/** The key of a scope's Path: the machine's, or the signed-in user's hive (HKU\<sid>, never the elevated admin's). */
export function environmentKey(scope: PathScope, sid: string | null): string {
  return scope === 'machine' ? MACHINE_ENVIRONMENT_KEY : sid ? `HKU\\${sid}\\Environment` : 'HKCU\\Environment';
}

export function exportEnvironment(scope: PathScope, sid: string | null, file: string): CommandSpec {
  return regExport(environmentKey(scope, sid), file);
}

// PowerShell 5.1. The value is read unexpanded and compared case-sensitively with what the plan saw: any change in
// between (another installer, the user) stops the step (exit 3) instead of overwriting it. `value` null deletes it.
// The registry and the WM_SETTINGCHANGE broadcast go through the prelude (Send-MdEnvironmentChange: one broadcast).
const SET_PATH_SCRIPT = String.raw`
$key = if ($params.scope -eq 'machine') { 'Registry::HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Session Manager\Environment' } elseif ($params.sid) { 'Registry::HKEY_USERS\' + $params.sid + '\Environment' } else { 'Registry::HKEY_CURRENT_USER\Environment' }
$current = Get-MdRegistryValue $key 'Path'
if ([string]$current -cne [string]$params.expected -or (($null -eq $current) -ne ($null -eq $params.expected))) { [Console]::Error.WriteLine('msi-doctor:path-changed'); exit 3 }
if ($null -eq $params.value) { Remove-MdRegistryValue $key 'Path' }
else { Set-MdRegistryValue $key 'Path' ([string]$params.value) $(if ($params.type -eq 'REG_SZ') { 'REG_SZ' } else { 'REG_EXPAND_SZ' }) }
Send-MdEnvironmentChange
[Console]::Out.WriteLine('msi-doctor:path-written')
`;

/** Writes `value` (REG_EXPAND_SZ unless `type` says REG_SZ) if Path is still exactly `expected`; null = absent. */
export function setPathValue(args: {
  scope: PathScope;
  sid: string | null;
  expected: string | null;
  value: string | null;
  type?: string | null;
}): CommandSpec {
  return buildPowerShellSpec('set-path-value', SET_PATH_SCRIPT, {
    scope: args.scope,
    sid: args.scope === 'user' ? args.sid : null,
    expected: args.expected,
    value: args.value,
    type: args.type === 'REG_SZ' ? 'REG_SZ' : 'REG_EXPAND_SZ',
  });
}

const entryKey = (entry: string): string => trimEndChars(entry.trim().replace(/^"|"$/g, ''), '\\').toLowerCase();

/** `previous` with `folder` appended: every other entry, its spelling and order untouched. */
export function appendEntry(previous: string | null, folder: string): string {
  if (!previous) return folder;
  return previous.endsWith(';') ? previous + folder : `${previous};${folder}`;
}

/** `previous` without the entries equal to one of `remove` (same folder, any case or trailing \); the rest untouched. */
export function removeEntries(previous: string, remove: readonly string[]): string {
  const drop = new Set(remove.map(entryKey));
  return previous
    .split(';')
    .filter((entry) => entry.trim() === '' || !drop.has(entryKey(entry)))
    .join(';');
}

export function sameEntry(a: string, b: string): boolean {
  return entryKey(a) === entryKey(b);
}
