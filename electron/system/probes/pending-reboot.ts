// Probe pending-reboot: every indicator of the research notes, reported separately; file renames classified MSI/other.
import { z } from 'zod';
import type { FileRename, PendingRebootData, RebootIndicatorId } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, probeProcessScriptSpec, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';
import { CONFIGMGR_TIMEOUT_SEC } from '../run/powershell-prelude.ts';
import { nestedParam } from '../../../shared/knowledge/text-render.ts';
import { restartSigns } from '../../../shared/knowledge/restart-signs.ts';

const TIMEOUT_MS = 20_000;
/** Its own process: the WMI call's own timeout plus PowerShell's start-up. */
const CONFIGMGR_TIMEOUT_MS = (CONFIGMGR_TIMEOUT_SEC + 10) * 1000;
export const SESSION_MANAGER_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';

// Key existence checks need no admin. PendingFileRenameOperations(2) are read as the string arrays .GetValue() returns:
// reg.exe prints REG_MULTI_SZ items joined with the two characters \0, which also occur inside paths (Temp\0a1b.tmp).
const SCRIPT = String.raw`
$cbs = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing'
$wu = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate'
$sm = 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager'
function Renames($name) { $v = Get-MdRegistryValue $sm $name; if ($null -eq $v) { $null } else { , @($v | ForEach-Object { [string]$_ }) } }
$wuPending = @(Get-MdRegistrySubKeyName "$wu\Services\Pending" | Where-Object { $_ -ne '117cab2d-82b1-4b5a-a08c-4d62dbee7782' }).Count
$os = Get-MdCimInstance 'Win32_OperatingSystem'
$uev = Get-MdRegistryValue 'HKLM:\SOFTWARE\Microsoft\Updates' 'UpdateExeVolatile'
[pscustomobject]@{
  cbsRebootPending = [bool](Test-MdRegistryKey "$cbs\RebootPending")
  cbsRebootInProgress = [bool](Test-MdRegistryKey "$cbs\RebootInProgress")
  cbsPackagesPending = [bool](Test-MdRegistryKey "$cbs\PackagesPending")
  wuRebootRequired = [bool](Test-MdRegistryKey "$wu\Auto Update\RebootRequired")
  wuPostRebootReporting = [bool](Test-MdRegistryKey "$wu\Auto Update\PostRebootReporting")
  wuServicesPending = $wuPending
  updateExeVolatile = if ($null -ne $uev) { [int]$uev } else { $null }
  activeComputerName = Get-MdRegistryValue 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName' 'ComputerName'
  pendingComputerName = Get-MdRegistryValue 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName' 'ComputerName'
  joinDomain = (Test-MdRegistryKey 'HKLM:\SYSTEM\CurrentControlSet\Services\Netlogon\JoinDomain') -or (Test-MdRegistryKey 'HKLM:\SYSTEM\CurrentControlSet\Services\Netlogon\AvoidSpnSet')
  dvdRebootSignal = $null -ne (Get-MdRegistryValue 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\RunOnce' 'DVDRebootSignal')
  serverManagerAttempts = [bool](Test-MdRegistryKey 'HKLM:\SOFTWARE\Microsoft\ServerManager\CurrentRebootAttemps')
  intuneRebootFlag = [bool](Test-MdRegistryKey 'HKLM:\SOFTWARE\Microsoft\IntuneManagementExtension\RebootSettings\RebootFlag')
  appvPendingTasks = [bool](Test-MdRegistryKey 'HKLM:\SOFTWARE\Microsoft\AppV\Client\PendingTasks')
  fileRenames = Renames 'PendingFileRenameOperations'
  fileRenames2 = Renames 'PendingFileRenameOperations2'
  lastBoot = if ($os) { $os.LastBootUpTime.ToUniversalTime().ToString('o') } else { $null }
} | ConvertTo-Json -Compress
`;

/** ConfigMgr's reboot flag (WMI; usually needs admin). Its own process: a broken client can hang this call for minutes. */
const CONFIGMGR_SCRIPT = String.raw`
$installed = [bool](Get-MdCimInstance '__Namespace' "Name='ccm'" 'root')
$pending = $null
if ($installed) {
  try {
    $r = Invoke-MdCimMethod 'root/ccm/ClientSDK' 'CCM_ClientUtilities' 'DetermineIfRebootPending'
    if ($r.ReturnValue -eq 0) { $pending = [bool]($r.RebootPending -or $r.IsHardRebootPending) }
  } catch { $pending = $null }
}
[pscustomobject]@{ configMgrInstalled = $installed; configMgrRebootPending = $pending } | ConvertTo-Json -Compress
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
  /** The REG_MULTI_SZ items in order (empty items kept: an empty target means "delete"); null = value absent. */
  fileRenames: z.array(z.string()).nullable(),
  fileRenames2: z.array(z.string()).nullable(),
  lastBoot: z.string().nullable(),
});
export type PendingRebootOutput = z.infer<typeof pendingRebootOutputSchema>;

export const configMgrRebootOutputSchema = z.object({
  configMgrInstalled: z.boolean(),
  configMgrRebootPending: z.boolean().nullable(),
});
export type ConfigMgrRebootOutput = z.infer<typeof configMgrRebootOutputSchema>;

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

export function parsePendingReboot(outputs: CommandOutput[]): ProbeVerdict<'pending-reboot'> {
  const parsed = readScriptJson(outputs[0], pendingRebootOutputSchema);
  if (!parsed.ok) return errorVerdict('pending-reboot', parsed.error);
  const o = parsed.value;

  const fileRenames = [...classifyFileRenames(o.fileRenames ?? [], 1), ...classifyFileRenames(o.fileRenames2 ?? [], 2)];
  // ConfigMgr's own process: when it timed out or failed, the other indicators still stand (configmgr: unknown).
  const ccm = readScriptJson(outputs[1], configMgrRebootOutputSchema);
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
    ind('pending-file-rename', fileRenames.length > 0, `${msiFileRenames} msi, ${otherFileRenames} other`),
    ind(
      'update-exe-volatile',
      o.updateExeVolatile !== null && o.updateExeVolatile !== 0,
      o.updateExeVolatile !== null ? String(o.updateExeVolatile) : null,
    ),
    ind('computer-rename', renamePending, renamePending ? `${o.activeComputerName} -> ${o.pendingComputerName}` : null),
    ind('domain-join', o.joinDomain),
    ccm.ok
      ? ind(
          'configmgr',
          ccm.value.configMgrInstalled ? ccm.value.configMgrRebootPending : false,
          ccm.value.configMgrInstalled ? null : 'not installed',
        )
      : ind('configmgr', null, ccm.error.slice(0, 120)),
    ind('dvd-reboot-signal', o.dvdRebootSignal),
    ind('server-manager-attempts', o.serverManagerAttempts),
    ind('intune-reboot-flag', o.intuneRebootFlag),
    ind('appv-pending-tasks', o.appvPendingTasks),
  ];
  // Non-MSI renames alone are written constantly by antivirus and updaters: worth a warning, not a pending reboot.
  // PostRebootReporting stays after the restart until Windows Update has reported: a warning, never "restart now".
  // The signs are counted as the diagnosis counts them (restart-signs.ts): the summary and the finding agree.
  const signs = restartSigns({ indicators, msiFileRenames });
  const data: PendingRebootData = {
    pending: signs.pending,
    indicators,
    fileRenames,
    msiFileRenames,
    otherFileRenames,
    lastBoot: o.lastBoot,
  };
  const p = 'pending-reboot';
  // The first sign, named for a person (the ids are internal): CBS and Windows Update come first in the list.
  if (signs.markers.length > 0)
    return verdict('problem', p, 'pending', data, {
      marker: nestedParam(`value.reboot-marker.${signs.markers[0]!}`),
      count: signs.markers.length,
    });
  if (signs.pending) return verdict('problem', p, 'msi-renames', data, { count: signs.msiFileRenames });
  if (otherFileRenames > 0) return verdict('warning', p, 'renames-only', data, { count: otherFileRenames });
  if (o.wuPostRebootReporting) return verdict('warning', p, 'post-reboot-reporting', data);
  return verdict('ok', p, 'none', data);
}

export const pendingRebootProbe: ProbeDefinition<'pending-reboot'> = {
  id: 'pending-reboot',
  elevation: 'never',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: () => [
    probeScriptSpec('pending-reboot', SCRIPT, {}, TIMEOUT_MS),
    probeProcessScriptSpec('configmgr-reboot', CONFIGMGR_SCRIPT, {}, CONFIGMGR_TIMEOUT_MS),
  ],
  parse: (outputs) => parsePendingReboot(outputs),
};
