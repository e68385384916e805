// Emulated probe PowerShell scripts (recognised by their `# msi-doctor:probe=<id>` marker): each answers from the model
// with exactly the JSON object the real script prints (typed by the probe's own output schema). What the process may
// see (elevation, ACL reads, listing, command lines, the mutex) comes from the one TokenView; the PowerShell checks
// (electron/system/pwsh) run the real scripts against the same view and require the same verdicts and data.
import type { InstallInProgressOutput } from '../../probes/install-in-progress.ts';
import type { InstalledProductsOutput } from '../../probes/installed-products.ts';
import type { InstallerEventsOutput } from '../../probes/installer-events.ts';
import type { InstallerServiceOutput } from '../../probes/installer-service.ts';
import type { ElevationOutput } from '../../probes/elevation.ts';
import type { ConfigMgrRebootOutput, PendingRebootOutput } from '../../probes/pending-reboot.ts';
import type { PoliciesOutput } from '../../probes/policies.ts';
import type { RecentLogsOutput } from '../../probes/recent-logs.ts';
import type { TempFoldersOutput } from '../../probes/temp-folders.ts';
import { deploymentLogsJson } from './deployment-logs.ts';
import { otherUserPathJson, pathEnvironmentJson, shellEnvironmentJson } from './path-environment.ts';
import { looksLikeMsiLog } from '../../probes/msi-log-head.ts';
import { INSTALLER_EVENTS, TRANSACTION_EVENTS, type EventQuery } from '../../probes/event-queries.ts';
import type { CommandHandler, EmulatedCommand, EmulatorContext } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';
import { baseName, canonicalPath, msiProductState, type SimEvent } from '../model.ts';
import { tokenView, type TokenView } from '../token-view.ts';
import { eventXml } from './wevtutil.ts';

const json = (value: unknown): { exitCode: number; stdout: string; durationMs: number } => ({
  exitCode: 0,
  // PowerShell prints the compressed JSON and a newline; startup makes every script cost a few hundred ms.
  stdout: JSON.stringify(value) + '\r\n',
  durationMs: 350,
});

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const viewOf = (ctx: EmulatorContext): TokenView => tokenView(ctx.machine, ctx);

/** .NET's round-trip format ('o'): 7 fractional digits, as the scripts print times. */
export function dotnetIso(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

// ---------------------------------------------------------------- installer-service
const STATUS: Record<string, number> = { stopped: 1, 'start-pending': 2, 'stop-pending': 3, running: 4, paused: 7 };

/** ServiceController's fields as numbers (the stub layer answers Get-Service with the same). */
export function serviceFacts(m: SimulatedMachine, name: string) {
  const svc = m.service(name);
  if (!svc || !m.keyExists(m.serviceKey(svc.name))) return null;
  return {
    status: STATUS[svc.state] ?? 1,
    startType: m.dword(m.serviceKey(svc.name), 'Start') ?? 3,
    canStop: svc.acceptsStop && svc.state === 'running',
    canShutdown: svc.acceptsShutdown,
  };
}

export function installerServiceJson(m: SimulatedMachine): InstallerServiceOutput {
  const svc = m.service('msiserver');
  const key = m.serviceKey('msiserver');
  const facts = serviceFacts(m, 'msiserver');
  const start = m.dword(key, 'Start');
  return {
    serviceFound: facts !== null,
    status: facts?.status ?? null,
    startType: facts?.startType ?? null,
    canStop: facts?.canStop ?? null,
    canShutdown: facts?.canShutdown ?? null,
    pid: facts ? (svc?.pid ?? 0) : null,
    exitCode: facts ? (svc?.win32ExitCode ?? 0) : null,
    pathName: facts ? m.expand(m.string(key, 'ImagePath') ?? '') : null,
    keyExists: m.keyExists(key),
    imagePath: m.string(key, 'ImagePath'),
    start,
    objectName: m.string(key, 'ObjectName'),
    msiexecPresent: m.exists(`${m.envVar('SystemRoot') ?? 'C:\\Windows'}\\System32\\msiexec.exe`),
  };
}

// ---------------------------------------------------------------- event log
/** The model's events a query returns, newest first (Get-WinEvent's order), at most query.max. */
export function eventsMatching(m: SimulatedMachine, q: EventQuery): SimEvent[] {
  const now = m.now().getTime();
  const ids = (id: number): boolean => q.ids.some((x) => (typeof x === 'number' ? x === id : id >= x[0] && id <= x[1]));
  return m.state.events
    .filter(
      (e) =>
        e.provider === q.provider &&
        ids(e.id) &&
        new Date(e.time).getTime() <= now &&
        now - new Date(e.time).getTime() <= q.withinMs,
    )
    .sort((a, b) => b.time.localeCompare(a.time) || b.recordId - a.recordId)
    .slice(0, q.max);
}

/** The event XML the model's events render as (host name as Windows writes it: <computer>.<domain>.com). */
export function eventHost(m: SimulatedMachine): string {
  return `${m.state.identity.computerName}.${m.state.identity.domain.toLowerCase()}.com`;
}

// ---------------------------------------------------------------- install-in-progress
export function installInProgressJson(m: SimulatedMachine, ctx: EmulatorContext): InstallInProgressOutput {
  const view = viewOf(ctx);
  const svc = m.service('msiserver');
  const bgService = (
    name: 'wuauserv' | 'TrustedInstaller' | 'CcmExec' | 'IntuneManagementExtension',
  ): InstallInProgressOutput['background'][number] => {
    const s = m.service(name);
    return { name, kind: 'service', present: s !== null, active: s?.state === 'running' };
  };
  const ti = m.processes('TiWorker.exe').length > 0;
  return {
    elevated: view.admin,
    mutex: view.mutex(),
    serviceFound: serviceFacts(m, 'msiserver') !== null,
    canShutdown: serviceFacts(m, 'msiserver')?.canShutdown ?? null,
    servicePid: svc?.pid ?? null,
    inProgressKey: m.keyExists('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer\\InProgress'),
    processes: m.processes('msiexec.exe').map((p) => ({
      pid: p.pid,
      ppid: p.parentPid,
      session: p.sessionId,
      cmd: view.commandLine(p),
      started: dotnetIso(p.startedAt),
    })),
    background: [
      bgService('wuauserv'),
      bgService('TrustedInstaller'),
      bgService('CcmExec'),
      bgService('IntuneManagementExtension'),
      { name: 'TiWorker', kind: 'process', present: ti, active: ti },
    ],
    events: eventsMatching(m, TRANSACTION_EVENTS).map((e) => ({ id: e.id, time: dotnetIso(e.time), data: e.data })),
    eventsError: null,
  };
}

// ---------------------------------------------------------------- pending-reboot
export function pendingRebootJson(m: SimulatedMachine): PendingRebootOutput {
  const cbs = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing';
  const wu = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate';
  const sm = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';
  const renames = (name: string): string[] | null => {
    const v = m.getValue(sm, name);
    if (!v) return null;
    return Array.isArray(v.data) ? v.data : [String(v.data)];
  };
  return {
    cbsRebootPending: m.keyExists(`${cbs}\\RebootPending`),
    cbsRebootInProgress: m.keyExists(`${cbs}\\RebootInProgress`),
    cbsPackagesPending: m.keyExists(`${cbs}\\PackagesPending`),
    wuRebootRequired: m.keyExists(`${wu}\\Auto Update\\RebootRequired`),
    wuPostRebootReporting: m.keyExists(`${wu}\\Auto Update\\PostRebootReporting`),
    wuServicesPending: m
      .subKeys(`${wu}\\Services\\Pending`)
      .filter((k) => k.toLowerCase() !== '117cab2d-82b1-4b5a-a08c-4d62dbee7782').length,
    updateExeVolatile: m.dword('HKLM\\SOFTWARE\\Microsoft\\Updates', 'UpdateExeVolatile'),
    activeComputerName: m.string(
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName',
      'ComputerName',
    ),
    pendingComputerName: m.string(
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName',
      'ComputerName',
    ),
    joinDomain:
      m.keyExists('HKLM\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\JoinDomain') ||
      m.keyExists('HKLM\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\AvoidSpnSet'),
    dvdRebootSignal:
      m.getValue('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\RunOnce', 'DVDRebootSignal') !== null,
    serverManagerAttempts: m.keyExists('HKLM\\SOFTWARE\\Microsoft\\ServerManager\\CurrentRebootAttemps'),
    intuneRebootFlag: m.keyExists('HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\RebootSettings\\RebootFlag'),
    appvPendingTasks: m.keyExists('HKLM\\SOFTWARE\\Microsoft\\AppV\\Client\\PendingTasks'),
    fileRenames: renames('PendingFileRenameOperations'),
    fileRenames2: renames('PendingFileRenameOperations2'),
    lastBoot: dotnetIso(m.state.bootTime),
  };
}

/** ConfigMgr's DetermineIfRebootPending, from its own process. */
export function configMgrRebootJson(m: SimulatedMachine): ConfigMgrRebootOutput {
  return {
    configMgrInstalled: m.state.configMgr !== null,
    configMgrRebootPending: m.state.configMgr ? m.state.configMgr.rebootPending : null,
  };
}

// ---------------------------------------------------------------- temp-folders
export function tempFoldersJson(
  m: SimulatedMachine,
  ctx: EmulatorContext,
  params: Record<string, unknown> | null,
): TempFoldersOutput {
  const view = viewOf(ctx);
  const me = view.sid;
  const sid = str(params?.userSid) ?? me;
  // HKU\<sid>\Environment: the signed-in user's hive is the model's HKCU.
  const envKey =
    sid.toUpperCase() === m.state.identity.userSid.toUpperCase() ? 'HKCU\\Environment' : `HKU\\${sid}\\Environment`;
  const test = (variable: 'TEMP' | 'TMP', processValue: string | null): TempFoldersOutput['userTemp'] => {
    const registryValue = m.string(envKey, variable);
    const value = registryValue ? m.expand(registryValue) : processValue;
    const exists = value !== null && m.exists(value);
    const isDirectory = value !== null && m.isDirectory(value);
    const writable = isDirectory ? view.canCreateFile(value!) : null;
    const drive = value && /^[A-Za-z]:/.test(value) ? value.slice(0, 2).toUpperCase() : null;
    return {
      variable,
      value,
      processValue,
      registryValue,
      longValue: isDirectory ? m.longPath(value!) : null,
      exists,
      isDirectory,
      writable,
      writeError: writable === false ? '0x80070005' : null,
      // DriveInfo.DriveType: 3 fixed disk; 1 (NoRootDirectory) for a letter that is not there.
      driveType: drive === null ? null : m.state.drives.some((d) => d.drive.toUpperCase() === drive) ? 3 : 1,
    };
  };
  const folder = (path: string): TempFoldersOutput['windowsTemp'] => ({
    path,
    exists: m.exists(path),
    isDirectory: m.isDirectory(path),
    sddl: view.readSddl(path),
  });
  const root = m.envVar('SystemRoot') ?? 'C:\\Windows';
  const temp = str(params?.temp) ?? m.envVar('TEMP');
  const tmp = str(params?.temp) && sid !== me ? str(params?.temp) : m.envVar('TMP');
  return {
    currentSid: me,
    userSid: sid,
    userTemp: test('TEMP', temp),
    userTmp: test('TMP', tmp),
    windowsTemp: folder(`${root}\\Temp`),
    installer: folder(`${root}\\Installer`),
    systemTemp: folder(`${root}\\SystemTemp`),
    systemDrive: m.envVar('SystemDrive') ?? 'C:',
    drives: m.state.drives.map((d) => ({ drive: d.drive, freeBytes: d.freeBytes, totalBytes: d.totalBytes })),
  };
}

// ---------------------------------------------------------------- elevation
export function elevationJson(m: SimulatedMachine, ctx: EmulatorContext): ElevationOutput {
  const pol = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System';
  const view = viewOf(ctx);
  return {
    userName: m.envVar('USERNAME'),
    domain: m.envVar('USERDOMAIN'),
    computerName: m.envVar('COMPUTERNAME'),
    userSid: view.sid,
    inAdminRole: view.admin,
    enableLua: m.dword(pol, 'EnableLUA'),
    consentPromptBehaviorAdmin: m.dword(pol, 'ConsentPromptBehaviorAdmin'),
    promptOnSecureDesktop: m.dword(pol, 'PromptOnSecureDesktop'),
  };
}

// ---------------------------------------------------------------- policies
/** Get-AppLockerPolicy -Effective -Xml as the model's AppLocker state (MSI rules and their enforcement). */
export function appLockerPolicyXml(m: SimulatedMachine): string {
  const a = m.state.applocker;
  if (a.enforcement === 'not-configured' && a.msiRules === 0) return '<AppLockerPolicy Version="1" />';
  const mode = a.enforcement === 'enabled' ? 'Enabled' : a.enforcement === 'audit-only' ? 'AuditOnly' : 'NotConfigured';
  const rules = Array.from(
    { length: a.msiRules },
    (_, i) =>
      `<FilePathRule Id="00000000-0000-0000-0000-00000000000${i}" Name="Rule ${i}" Description="" UserOrGroupSid="S-1-1-0" Action="Allow"><Conditions><FilePathCondition Path="%WINDIR%\\Installer\\*" /></Conditions></FilePathRule>`,
  ).join('');
  return `<AppLockerPolicy Version="1"><RuleCollection Type="Msi" EnforcementMode="${mode}">${rules}</RuleCollection></AppLockerPolicy>`;
}

export function policiesJson(m: SimulatedMachine): PoliciesOutput {
  const hklm = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer';
  const hkcu = 'HKCU\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer';
  const safer = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Safer\\CodeIdentifiers';
  const a = m.state.applocker;
  return {
    disableMsi: m.dword(hklm, 'DisableMSI'),
    disableUserInstalls: m.dword(hklm, 'DisableUserInstalls'),
    alwaysInstallElevatedHklm: m.dword(hklm, 'AlwaysInstallElevated'),
    alwaysInstallElevatedHkcu: m.dword(hkcu, 'AlwaysInstallElevated'),
    logging: m.string(hklm, 'Logging'),
    disableLoggingFromPackage: m.dword(hklm, 'DisableLoggingFromPackage'),
    disablePatch: m.dword(hklm, 'DisablePatch'),
    applockerMsiRules: a.msiRules,
    applockerEnforcement:
      a.enforcement === 'enabled' ? 'Enabled' : a.enforcement === 'audit-only' ? 'AuditOnly' : 'NotConfigured',
    srpV2Msi: m.keyExists('HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\SrpV2\\Msi'),
    saferConfigured: m.keyExists(safer),
    saferDefaultLevel: m.dword(safer, 'DefaultLevel'),
  };
}

// ---------------------------------------------------------------- recent-logs
/** An MSI log as the real script decides: named MSI*.LOG, or a .log whose first bytes have an MSI/Burn log's structure. */
function isMsiLog(m: SimulatedMachine, path: string): boolean {
  if (/^MSI.*\.LOG$/i.test(baseName(path))) return true;
  const bytes = m.readFile(path);
  return bytes !== null && looksLikeMsiLog(bytes);
}

export function recentLogsJson(
  m: SimulatedMachine,
  ctx: EmulatorContext,
  params: Record<string, unknown> | null,
): RecentLogsOutput {
  const view = viewOf(ctx);
  const days = typeof params?.days === 'number' ? params.days : 7;
  const since = m.now().getTime() - days * 86_400_000;
  const root = m.envVar('SystemRoot') ?? 'C:\\Windows';
  const folders: Array<{ folder: 'user-temp' | 'windows-temp' | 'system-temp'; path: string }> = [
    { folder: 'user-temp', path: str(params?.temp) ?? m.envVar('TEMP') ?? '' },
    { folder: 'windows-temp', path: `${root}\\Temp` },
    { folder: 'system-temp', path: `${root}\\SystemTemp` },
  ];
  const searched: RecentLogsOutput['searched'] = [];
  const logs: RecentLogsOutput['logs'] = [];
  for (const f of folders) {
    const readable = view.canList(f.path);
    searched.push({ folder: f.folder, path: f.path, readable });
    if (!readable) continue;
    for (const { path, entry } of m.list(f.path)) {
      if (
        entry.kind !== 'file' ||
        !/\.log$/i.test(path) ||
        new Date(entry.modified).getTime() < since ||
        !isMsiLog(m, path)
      )
        continue;
      logs.push({
        path: canonicalPath(path),
        folder: f.folder,
        size: m.fileSize(path),
        modified: dotnetIso(entry.modified),
      });
    }
  }
  return { searched, logs };
}

// ---------------------------------------------------------------- installer-events
export function installerEventsJson(m: SimulatedMachine): InstallerEventsOutput {
  const host = eventHost(m);
  return { events: eventsMatching(m, INSTALLER_EVENTS).map((e) => eventXml(e, host)), error: null };
}

// ---------------------------------------------------------------- installed-products
/** What OpenDatabase + the Property table give for a file: its package properties, or the COM error's HRESULT. */
export function msiFileProperties(
  m: SimulatedMachine,
  path: string,
): { ok: true; properties: NonNullable<InstalledProductsOutput['package']> } | { ok: false; hresult: string } {
  const file = m.entry(path);
  if (!file?.msi) return { ok: false, hresult: file ? '0x80004005' : '0x80070002' };
  return {
    ok: true,
    properties: {
      readable: true,
      error: null,
      productCode: file.msi.productCode,
      upgradeCode: file.msi.upgradeCode,
      productVersion: file.msi.productVersion,
      productName: file.msi.productName,
      manufacturer: file.msi.manufacturer,
      allUsers: file.msi.allUsers,
    },
  };
}

export function installedProductsJson(
  m: SimulatedMachine,
  params: Record<string, unknown> | null,
): InstalledProductsOutput {
  const msiPath = str(params?.msiPath) ?? '';
  const none = {
    productCode: null,
    upgradeCode: null,
    productVersion: null,
    productName: null,
    manufacturer: null,
    allUsers: null,
  };
  const given = params?.package as Record<string, string | null> | null | undefined;
  // The app read the package with its own reader and passes its identity; the script then only asks COM what is
  // installed. Only without it (readWithCom) does it open the package: the recorded facts of the simulated file.
  let pkg: InstalledProductsOutput['package'];
  if (given) pkg = { ...none, ...given, readable: true, error: null };
  else if (params?.readWithCom !== true) pkg = { ...none, readable: false, error: null };
  else {
    const read = msiFileProperties(m, msiPath);
    pkg = read.ok ? read.properties : { ...none, readable: false, error: read.hresult };
  }
  const same = (a: string | null, b: string): boolean => a !== null && a.toUpperCase() === b.toUpperCase();
  // ProductState(code) = 5 first, then RelatedProducts(upgrade code) in the model's order, each code once.
  const codes: string[] = [];
  const byCode = m.state.products.find((p) => same(pkg.productCode, p.productCode));
  if (byCode && msiProductState(byCode) === 5) codes.push(pkg.productCode!);
  for (const p of m.state.products)
    if (same(pkg.upgradeCode, p.upgradeCode) && !codes.includes(p.productCode)) codes.push(p.productCode);
  const installed = codes.map((code) => {
    const p = m.state.products.find((x) => same(code, x.productCode))!;
    return {
      productCode: code,
      name: p.name,
      version: p.version,
      assignment: p.scope === 'user' ? '0' : '1',
      packageCode: p.packageCode ?? null,
      viaUpgradeCode: code !== pkg.productCode,
    };
  });
  const sameName = pkg.productName
    ? m.state.products
        .filter((p) => p.name === pkg.productName && !codes.includes(p.productCode))
        .map((p) => ({ productCode: p.productCode, name: p.name, version: p.version, scope: p.scope }))
    : [];
  return { msiPath, package: pkg, installed, sameName };
}

// ---------------------------------------------------------------- dispatch
const BY_PROBE: Record<string, (c: EmulatedCommand, ctx: EmulatorContext) => unknown> = {
  'installer-service': (_c, ctx) => installerServiceJson(ctx.machine),
  'install-in-progress': (_c, ctx) => installInProgressJson(ctx.machine, ctx),
  'pending-reboot': (_c, ctx) => pendingRebootJson(ctx.machine),
  'temp-folders': (c, ctx) => tempFoldersJson(ctx.machine, ctx, c.params),
  elevation: (_c, ctx) => elevationJson(ctx.machine, ctx),
  policies: (_c, ctx) => policiesJson(ctx.machine),
  'recent-logs': (c, ctx) => recentLogsJson(ctx.machine, ctx, c.params),
  'installer-events': (_c, ctx) => installerEventsJson(ctx.machine),
  'installed-products': (c, ctx) => installedProductsJson(ctx.machine, c.params),
  'deployment-logs': (c, ctx) => deploymentLogsJson(ctx.machine, ctx, c.params),
  'path-environment': (c, ctx) => pathEnvironmentJson(ctx.machine, ctx, c.params),
  'other-user-path': (c, ctx) => otherUserPathJson(ctx.machine, ctx, c.params),
};
const BY_SOLO_SCRIPT: Record<string, (c: EmulatedCommand, ctx: EmulatorContext) => unknown> = {
  'configmgr-reboot': (_c, ctx) => configMgrRebootJson(ctx.machine),
  'shell-environment': (_c, ctx) => shellEnvironmentJson(ctx.machine),
};

export const matchProbeScript = (c: EmulatedCommand): boolean =>
  (c.marker?.kind === 'probe' && c.marker.id in BY_PROBE) ||
  (c.marker?.kind === 'probe-alone' && c.marker.id in BY_SOLO_SCRIPT);

export const handleProbeScript: CommandHandler = (c, ctx) =>
  json((c.marker!.kind === 'probe' ? BY_PROBE : BY_SOLO_SCRIPT)[c.marker!.id]!(c, ctx));

// ---------------------------------------------------------------- file read (recent-logs' logReadCommand)
export const matchFileRead = (c: EmulatedCommand): boolean => c.marker?.kind === 'file' && c.marker.id === 'read';

/** The tail the real script reads: at most maxBytes from an even offset (UTF-16LE stays aligned). */
export function fileTail(bytes: Uint8Array, maxBytes: number): { offset: number; bytes: Uint8Array } {
  let start = Math.max(0, bytes.length - maxBytes);
  if (start % 2 === 1) start += 1;
  return { offset: start, bytes: bytes.subarray(start) };
}

export const handleFileRead: CommandHandler = (c, { machine }) => {
  const path = str(c.params?.path) ?? '';
  const maxBytes = typeof c.params?.maxBytes === 'number' ? c.params.maxBytes : Infinity;
  const bytes = machine.readFile(path);
  if (!bytes) return json({ path, size: null, offset: 0, base64: '', error: '0x80070002' });
  const tail = fileTail(bytes, maxBytes);
  return json({
    path,
    size: bytes.length,
    offset: tail.offset,
    base64: Buffer.from(tail.bytes).toString('base64'),
    error: null,
  });
};
