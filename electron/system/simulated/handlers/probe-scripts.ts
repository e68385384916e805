// Emulated probe PowerShell scripts (recognised by their `# msi-doctor:probe=<id>` marker): each answers from the model
// with exactly the JSON object the real script prints (typed by the probe's own output schema).
import type { InstallInProgressOutput } from '../../probes/install-in-progress.ts';
import type { InstalledProductsOutput } from '../../probes/installed-products.ts';
import type { InstallerServiceOutput } from '../../probes/installer-service.ts';
import type { ElevationOutput } from '../../probes/elevation.ts';
import type { PendingRebootOutput } from '../../probes/pending-reboot.ts';
import type { PoliciesOutput } from '../../probes/policies.ts';
import type { RecentLogsOutput } from '../../probes/recent-logs.ts';
import type { TempFoldersOutput } from '../../probes/temp-folders.ts';
import { deploymentLogsJson } from './deployment-logs.ts';
import { otherUserPathJson, pathEnvironmentJson } from './path-environment.ts';
import { parseSddl, broadGroupsCanCreate } from '../../probes/sddl.ts';
import type { CommandHandler, EmulatedCommand, EmulatorContext } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';
import { baseName, canonicalPath } from '../model.ts';

const json = (value: unknown): { exitCode: number; stdout: string; durationMs: number } => ({
  exitCode: 0,
  // PowerShell prints the compressed JSON and a newline; startup makes every script cost a few hundred ms.
  stdout: JSON.stringify(value) + '\r\n',
  durationMs: 350,
});

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const isElevated = (ctx: EmulatorContext): boolean => ctx.elevated || ctx.machine.state.elevation.processElevated;

// ---------------------------------------------------------------- installer-service
const STATUS: Record<string, number> = { stopped: 1, 'start-pending': 2, 'stop-pending': 3, running: 4, paused: 7 };

export function installerServiceJson(m: SimulatedMachine): InstallerServiceOutput {
  const svc = m.service('msiserver');
  const key = m.serviceKey('msiserver');
  const keyExists = m.keyExists(key);
  const start = m.dword(key, 'Start');
  const found = svc !== null && keyExists;
  return {
    serviceFound: found,
    status: found ? (STATUS[svc.state] ?? 1) : null,
    startType: found ? (start ?? 3) : null,
    canStop: found ? svc.acceptsStop && svc.state === 'running' : null,
    canShutdown: found ? svc.acceptsShutdown : null,
    pid: found ? (svc.pid ?? 0) : null,
    exitCode: found ? svc.win32ExitCode : null,
    pathName: found ? m.expand(m.string(key, 'ImagePath') ?? '') : null,
    keyExists,
    imagePath: m.string(key, 'ImagePath'),
    start,
    objectName: m.string(key, 'ObjectName'),
    msiexecPresent: m.exists('C:\\Windows\\System32\\msiexec.exe'),
  };
}

// ---------------------------------------------------------------- install-in-progress
export function installInProgressJson(m: SimulatedMachine, ctx: EmulatorContext): InstallInProgressOutput {
  const elevated = isElevated(ctx);
  const me = m.state.identity.userSid;
  const svc = m.service('msiserver');
  const held = m.state.msiExecuteMutex === 'held';
  // Unelevated, opening a mutex held by SYSTEM is denied: existence without ownership information.
  const mutex = !held ? 'free' : elevated ? 'busy' : 'denied';
  const now = m.now().getTime();
  const bgService = (
    name: 'wuauserv' | 'TrustedInstaller' | 'CcmExec' | 'IntuneManagementExtension',
  ): InstallInProgressOutput['background'][number] => {
    const s = m.service(name);
    return { name, kind: 'service', present: s !== null, active: s?.state === 'running' };
  };
  const ti = m.processes('TiWorker.exe').length > 0;
  return {
    elevated,
    mutex,
    serviceFound: svc !== null,
    canShutdown: svc ? svc.acceptsShutdown : null,
    servicePid: svc?.pid ?? null,
    inProgressKey: m.keyExists('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer\\InProgress'),
    processes: m.processes('msiexec.exe').map((p) => ({
      pid: p.pid,
      ppid: p.parentPid,
      session: p.sessionId,
      // Win32_Process.CommandLine is null for other users' and SYSTEM processes unless the caller is elevated.
      cmd: elevated || p.userSid === me ? p.commandLine : null,
      started: p.startedAt,
    })),
    background: [
      bgService('wuauserv'),
      bgService('TrustedInstaller'),
      bgService('CcmExec'),
      bgService('IntuneManagementExtension'),
      { name: 'TiWorker', kind: 'process', present: ti, active: ti },
    ],
    events: m.state.events
      .filter(
        (e) =>
          e.provider === 'MsiInstaller' &&
          (e.id === 1040 || e.id === 1042) &&
          now - new Date(e.time).getTime() <= 86_400_000,
      )
      .map((e) => ({ id: e.id, time: e.time, data: e.data })),
  };
}

// ---------------------------------------------------------------- pending-reboot
export function pendingRebootJson(m: SimulatedMachine): PendingRebootOutput {
  const cbs = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing';
  const wu = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate';
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
    configMgrInstalled: m.state.configMgr !== null,
    configMgrRebootPending: m.state.configMgr ? m.state.configMgr.rebootPending : null,
    lastBoot: m.state.bootTime,
  };
}

// ---------------------------------------------------------------- temp-folders
/** The create+delete test as the model decides it: the folder's ACL must let this user (or a group of theirs) add files. */
function canWrite(m: SimulatedMachine, path: string, elevated: boolean): boolean {
  const entry = m.entry(path);
  if (!entry || entry.kind !== 'dir') return false;
  if (elevated || entry.sddl === null) return true;
  const sd = parseSddl(entry.sddl);
  return sd === null || broadGroupsCanCreate(sd, m.state.identity.userSid);
}

export function tempFoldersJson(
  m: SimulatedMachine,
  ctx: EmulatorContext,
  params: Record<string, unknown> | null,
): TempFoldersOutput {
  const elevated = isElevated(ctx);
  const me = m.state.identity.userSid;
  const sid = str(params?.userSid) ?? me;
  const test = (variable: 'TEMP' | 'TMP', value: string | null): TempFoldersOutput['userTemp'] => {
    const exists = value !== null && m.exists(value);
    const isDirectory = value !== null && m.isDirectory(value);
    const writable = isDirectory ? canWrite(m, value!, elevated) : null;
    const drive = value && /^[A-Za-z]:/.test(value) ? value.slice(0, 2).toUpperCase() : null;
    return {
      variable,
      value,
      registryValue: m.string('HKCU\\Environment', variable),
      exists,
      isDirectory,
      writable,
      writeError: writable === false ? '0x80070005' : null,
      driveType: drive === null ? null : m.state.drives.some((d) => d.drive.toUpperCase() === drive) ? 3 : 0,
    };
  };
  const folder = (path: string): TempFoldersOutput['windowsTemp'] => {
    const e = m.entry(path);
    // Users have no READ_CONTROL on these folders: Get-Acl fails unelevated.
    return {
      path,
      exists: e !== null,
      isDirectory: e?.kind === 'dir',
      sddl: e && elevated ? (e.sddl ?? 'O:SYG:SYD:(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)') : null,
    };
  };
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
  const id = m.state.identity;
  return {
    userName: id.userName,
    domain: id.domain,
    computerName: id.computerName,
    userSid: id.userSid,
    inAdminRole: id.isAdmin && isElevated(ctx),
    enableLua: m.dword(pol, 'EnableLUA'),
    consentPromptBehaviorAdmin: m.dword(pol, 'ConsentPromptBehaviorAdmin'),
    promptOnSecureDesktop: m.dword(pol, 'PromptOnSecureDesktop'),
  };
}

// ---------------------------------------------------------------- policies
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
/** An MSI log as the real script decides: named MSI*.LOG, or a .log whose first bytes hold the logging header. */
function isMsiLog(m: SimulatedMachine, path: string): boolean {
  if (/^MSI.*\.LOG$/i.test(baseName(path))) return true;
  const bytes = m.readFile(path);
  if (!bytes) return false;
  const head = Buffer.from(bytes.subarray(0, 400));
  const text = head.toString('utf16le') + head.toString('utf8');
  return /=== (Verbose )?logging started/i.test(text);
}

export function recentLogsJson(
  m: SimulatedMachine,
  ctx: EmulatorContext,
  params: Record<string, unknown> | null,
): RecentLogsOutput {
  const elevated = isElevated(ctx);
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
    // Users may create files in C:\Windows\Temp but not list it (no RD); SystemTemp is SYSTEM/Administrators only.
    const readable = m.isDirectory(f.path) && (f.folder === 'user-temp' || elevated);
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
      logs.push({ path: canonicalPath(path), folder: f.folder, size: m.fileSize(path), modified: entry.modified });
    }
  }
  return { searched, logs };
}

// ---------------------------------------------------------------- installed-products
export function installedProductsJson(
  m: SimulatedMachine,
  params: Record<string, unknown> | null,
): InstalledProductsOutput {
  const msiPath = str(params?.msiPath) ?? '';
  const file = m.entry(msiPath);
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
  const pkg: InstalledProductsOutput['package'] = given
    ? { ...none, ...given, readable: true, error: null }
    : params?.readWithCom === false
      ? { ...none, readable: false, error: null }
      : file?.msi
        ? {
            readable: true,
            error: null,
            productCode: file.msi.productCode,
            upgradeCode: file.msi.upgradeCode,
            productVersion: file.msi.productVersion,
            productName: file.msi.productName,
            manufacturer: file.msi.manufacturer,
            allUsers: file.msi.allUsers,
          }
        : // 0x80070002 file not found; 0x80004005 (E_FAIL) when the file is not an MSI database.
          { ...none, readable: false, error: file ? '0x80004005' : '0x80070002' };
  const same = (a: string | null, b: string): boolean => a !== null && a.toUpperCase() === b.toUpperCase();
  const related = m.state.products.filter(
    (p) => same(pkg.productCode, p.productCode) || same(pkg.upgradeCode, p.upgradeCode),
  );
  const installed = related.map((p) => ({
    productCode: p.productCode,
    name: p.name,
    version: p.version,
    assignment: p.scope === 'user' ? 0 : 1,
    packageCode: p.packageCode ?? null,
    viaUpgradeCode: !same(pkg.productCode, p.productCode),
  }));
  const sameName = pkg.productName
    ? m.state.products
        .filter((p) => p.name === pkg.productName && !related.includes(p))
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
  'installed-products': (c, ctx) => installedProductsJson(ctx.machine, c.params),
  'deployment-logs': (c, ctx) => deploymentLogsJson(ctx.machine, ctx, c.params),
  'path-environment': (c, ctx) => pathEnvironmentJson(ctx.machine, ctx, c.params),
  'other-user-path': (c, ctx) => otherUserPathJson(ctx.machine, ctx, c.params),
};

export const matchProbeScript = (c: EmulatedCommand): boolean => c.marker?.kind === 'probe' && c.marker.id in BY_PROBE;

export const handleProbeScript: CommandHandler = (c, ctx) => json(BY_PROBE[c.marker!.id]!(c, ctx));

// ---------------------------------------------------------------- file read (recent-logs' logReadCommand)
export const matchFileRead = (c: EmulatedCommand): boolean => c.marker?.kind === 'file' && c.marker.id === 'read';

export const handleFileRead: CommandHandler = (c, { machine }) => {
  const path = str(c.params?.path) ?? '';
  const maxBytes = typeof c.params?.maxBytes === 'number' ? c.params.maxBytes : Infinity;
  const bytes = machine.readFile(path);
  if (!bytes) return json({ path, size: null, offset: 0, base64: '', error: '0x80070002' });
  let start = Math.max(0, bytes.length - maxBytes);
  if (start % 2 === 1) start += 1; // as the real script: keep UTF-16LE aligned
  return json({
    path,
    size: bytes.length,
    offset: start,
    base64: Buffer.from(bytes.subarray(start)).toString('base64'),
    error: null,
  });
};
