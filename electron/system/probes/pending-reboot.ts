// Probe pending-reboot: every indicator of the research notes, reported separately; file renames classified MSI/other.
import { z } from 'zod';
import type { FileRename, PendingRebootData, RebootIndicatorId } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import { parseRegQuery } from './console-parsers.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, failureOf, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';
import { systemProgram } from '../run/windows-programs.ts';

const TIMEOUT_MS = 20_000;
export const SESSION_MANAGER_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';

// Key existence checks need no admin; ConfigMgr's WMI usually does (null when it cannot be asked).
const SCRIPT = String.raw`
function KeyExists($p) { Test-Path -LiteralPath $p }
function Val($p, $n) { $k = Get-Item -LiteralPath $p -ErrorAction SilentlyContinue; if ($k) { $k.GetValue($n, $null, 'DoNotExpandEnvironmentNames') } else { $null } }
$cbs = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing'
$wu = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate'
$wuPending = @(Get-ChildItem -LiteralPath "$wu\Services\Pending" -ErrorAction SilentlyContinue | Where-Object { $_.PSChildName -ne '117cab2d-82b1-4b5a-a08c-4d62dbee7782' }).Count
$ccmInstalled = [bool](Get-CimInstance -Namespace root -ClassName __Namespace -Filter "Name='ccm'" -ErrorAction SilentlyContinue)
$ccm = $null
if ($ccmInstalled) {
  try {
    $r = Invoke-CimMethod -Namespace root/ccm/ClientSDK -ClassName CCM_ClientUtilities -MethodName DetermineIfRebootPending -ErrorAction Stop
    if ($r.ReturnValue -eq 0) { $ccm = [bool]($r.RebootPending -or $r.IsHardRebootPending) }
  } catch { $ccm = $null }
}
$os = Get-CimInstance -ClassName Win32_OperatingSystem -ErrorAction SilentlyContinue
$uev = Val 'HKLM:\SOFTWARE\Microsoft\Updates' 'UpdateExeVolatile'
[pscustomobject]@{
  cbsRebootPending = KeyExists "$cbs\RebootPending"
  cbsRebootInProgress = KeyExists "$cbs\RebootInProgress"
  cbsPackagesPending = KeyExists "$cbs\PackagesPending"
  wuRebootRequired = KeyExists "$wu\Auto Update\RebootRequired"
  wuPostRebootReporting = KeyExists "$wu\Auto Update\PostRebootReporting"
  wuServicesPending = $wuPending
  updateExeVolatile = if ($null -ne $uev) { [int]$uev } else { $null }
  activeComputerName = Val 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName' 'ComputerName'
  pendingComputerName = Val 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName' 'ComputerName'
  joinDomain = (KeyExists 'HKLM:\SYSTEM\CurrentControlSet\Services\Netlogon\JoinDomain') -or (KeyExists 'HKLM:\SYSTEM\CurrentControlSet\Services\Netlogon\AvoidSpnSet')
  dvdRebootSignal = $null -ne (Val 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\RunOnce' 'DVDRebootSignal')
  serverManagerAttempts = KeyExists 'HKLM:\SOFTWARE\Microsoft\ServerManager\CurrentRebootAttemps'
  intuneRebootFlag = KeyExists 'HKLM:\SOFTWARE\Microsoft\IntuneManagementExtension\RebootSettings\RebootFlag'
  appvPendingTasks = KeyExists 'HKLM:\SOFTWARE\Microsoft\AppV\Client\PendingTasks'
  configMgrInstalled = $ccmInstalled
  configMgrRebootPending = $ccm
  lastBoot = if ($os) { $os.LastBootUpTime.ToUniversalTime().ToString('o') } else { $null }
} | ConvertTo-Json -Compress
`;

export const pendingRebootOutputSchema = z.object({
  cbsRebootPending: z.boolean(),
  cbsRebootInProgress: z.boolean(),
  cbsPackagesPending: z.boolean(),
  wuRebootRequired: z.boolean(),
  wuPostRebootReporting: z.boolean(),
  wuServicesPending: z.number().int(),
  updateExeVolatile: z.number().int().nullable(),
  activeComputerName: z.string().nullable(),
  pendingComputerName: z.string().nullable(),
  joinDomain: z.boolean(),
  dvdRebootSignal: z.boolean(),
  serverManagerAttempts: z.boolean(),
  intuneRebootFlag: z.boolean(),
  appvPendingTasks: z.boolean(),
  configMgrInstalled: z.boolean(),
  configMgrRebootPending: z.boolean().nullable(),
  lastBoot: z.string().nullable(),
});
export type PendingRebootOutput = z.infer<typeof pendingRebootOutputSchema>;

/** Windows Installer's own rename entries: rollback files in Config.Msi and the installer cache. */
export function isMsiRename(path: string): boolean {
  return /\\Config\.Msi\\/i.test(path) || /\\Windows\\Installer\\/i.test(path);
}

/** PendingFileRenameOperations items come in (source, target) pairs; empty target = delete; '!' = replace existing. */
export function classifyFileRenames(items: string[], list: number): FileRename[] {
  const out: FileRename[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const source = items[i] ?? '';
    if (source === '') continue;
    const rawTarget = items[i + 1] ?? '';
    const target = rawTarget === '' ? null : rawTarget.replace(/^!/, '');
    out.push({
      source,
      target,
      action: target === null ? 'delete' : rawTarget.startsWith('!') ? 'replace' : 'rename',
      msi: isMsiRename(source) || (target !== null && isMsiRename(target)),
      list,
    });
  }
  return out;
}

export function parsePendingReboot(outputs: CommandOutput[]): ProbeVerdict {
  const parsed = readScriptJson(outputs[0], pendingRebootOutputSchema);
  if (!parsed.ok) return errorVerdict('pending-reboot', parsed.error);
  const o = parsed.value;

  // reg.exe lists all values of Session Manager; exit 1 (key unreadable) leaves the renames unknown.
  const regOut = outputs[1];
  const reg = regOut && !failureOf(regOut) ? parseRegQuery(regOut.stdout, regOut.exitCode) : null;
  const multi = (name: string): string[] => {
    const v = reg?.values.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return v && Array.isArray(v.data) ? v.data : [];
  };
  const fileRenames = reg
    ? [
        ...classifyFileRenames(multi('PendingFileRenameOperations'), 1),
        ...classifyFileRenames(multi('PendingFileRenameOperations2'), 2),
      ]
    : [];
  const msiFileRenames = fileRenames.filter((r) => r.msi).length;
  const otherFileRenames = fileRenames.length - msiFileRenames;

  const renamePending =
    o.activeComputerName !== null &&
    o.pendingComputerName !== null &&
    o.activeComputerName.toLowerCase() !== o.pendingComputerName.toLowerCase();
  const ind = (
    id: RebootIndicatorId,
    present: boolean | null,
    detail: string | null = null,
  ): PendingRebootData['indicators'][number] => ({ id, present, detail });
  const indicators: PendingRebootData['indicators'] = [
    ind('cbs-reboot-pending', o.cbsRebootPending),
    ind('cbs-reboot-in-progress', o.cbsRebootInProgress),
    ind('cbs-packages-pending', o.cbsPackagesPending),
    ind('wu-reboot-required', o.wuRebootRequired),
    ind('wu-post-reboot-reporting', o.wuPostRebootReporting),
    ind('wu-services-pending', o.wuServicesPending > 0, o.wuServicesPending > 0 ? String(o.wuServicesPending) : null),
    ind(
      'pending-file-rename',
      reg ? fileRenames.length > 0 : null,
      reg ? `${msiFileRenames} msi, ${otherFileRenames} other` : null,
    ),
    ind(
      'update-exe-volatile',
      o.updateExeVolatile !== null && o.updateExeVolatile !== 0,
      o.updateExeVolatile !== null ? String(o.updateExeVolatile) : null,
    ),
    ind('computer-rename', renamePending, renamePending ? `${o.activeComputerName} -> ${o.pendingComputerName}` : null),
    ind('domain-join', o.joinDomain),
    ind(
      'configmgr',
      o.configMgrInstalled ? o.configMgrRebootPending : false,
      o.configMgrInstalled ? null : 'not installed',
    ),
    ind('dvd-reboot-signal', o.dvdRebootSignal),
    ind('server-manager-attempts', o.serverManagerAttempts),
    ind('intune-reboot-flag', o.intuneRebootFlag),
    ind('appv-pending-tasks', o.appvPendingTasks),
  ];
  // Non-MSI renames alone are written constantly by antivirus and updaters: worth a warning, not a pending reboot.
  const strong = indicators.filter((i) => i.present === true && i.id !== 'pending-file-rename');
  const pending = strong.length > 0 || msiFileRenames > 0;
  const data: PendingRebootData = {
    pending,
    indicators,
    fileRenames,
    msiFileRenames,
    otherFileRenames,
    lastBoot: o.lastBoot,
  };
  const p = 'pending-reboot';
  if (pending) {
    const ids = indicators
      .filter((i) => i.present === true && (i.id !== 'pending-file-rename' || msiFileRenames > 0))
      .map((i) => i.id);
    return verdict('problem', p, 'pending', data, { indicators: ids.join(', '), count: ids.length });
  }
  if (otherFileRenames > 0) return verdict('warning', p, 'renames-only', data, { count: otherFileRenames });
  return verdict('ok', p, 'none', data);
}

export const pendingRebootProbe: ProbeDefinition = {
  id: 'pending-reboot',
  elevation: 'never',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: () => [
    probeScriptSpec('pending-reboot', SCRIPT, {}, TIMEOUT_MS),
    // reg.exe for the REG_MULTI_SZ renames (research: read PFRO with reg.exe/PowerShell); /reg:64 defeats WOW64.
    {
      file: systemProgram('reg.exe'),
      args: ['query', SESSION_MANAGER_KEY, '/reg:64'],
      encoding: 'oem',
      timeoutMs: 5_000,
      label: 'reg query Session Manager',
    },
  ],
  parse: (outputs) => parsePendingReboot(outputs),
};
