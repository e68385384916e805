// Test support: valid typed probe data (matching shared/contract/evidence-data.ts) and RepairContext builders for repair tests.
import type {
  InstallInProgressData,
  InstalledProductsData,
  InstallerServiceData,
  PathEnvironmentData,
  PoliciesData,
  TempFoldersData,
  UserTempInfo,
} from '../../../shared/contract/evidence-data.ts';
import type { RepairParams } from '../../../shared/contract/repair.ts';
import type { RepairContext } from './repair-definition.ts';
import { healthyData } from '../../../shared/diagnosis/testing/evidence-builders.ts';

export const USER_SID = 'S-1-5-21-1004336348-1177238915-682003330-1104';
export const PROFILE = 'C:\\Users\\zhang.wei';

export function userTemp(variable: 'TEMP' | 'TMP', over: Partial<UserTempInfo> = {}): UserTempInfo {
  return {
    variable,
    value: `${PROFILE}\\AppData\\Local\\Temp`,
    registryValue: '%USERPROFILE%\\AppData\\Local\\Temp',
    exists: true,
    isDirectory: true,
    writable: true,
    writeError: null,
    nonAscii: false,
    notLocal: false,
    ...over,
  };
}

export function tempFolders(
  over: {
    windowsTemp?: Partial<TempFoldersData['windowsTemp']>;
    userTemp?: Partial<UserTempInfo>;
    userTmp?: Partial<UserTempInfo>;
  } = {},
): TempFoldersData {
  const healthy = healthyData()['temp-folders'];
  return {
    ...healthy,
    userTemp: userTemp('TEMP', over.userTemp),
    userTmp: userTemp('TMP', over.userTmp),
    // The 2503 state by default: Users lost their create-only entry on C:\Windows\Temp.
    windowsTemp: {
      ...healthy.windowsTemp,
      sddl: 'O:SYG:SYD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)',
      usersCanCreate: false,
      missingDefaults: ['S-1-5-32-545'],
      ...over.windowsTemp,
    },
  };
}

export function installerService(over: Partial<InstallerServiceData> = {}): InstallerServiceData {
  // The msiserver-disabled state by default.
  return { ...healthyData()['installer-service'], startType: 'disabled', startValue: 4, ...over };
}

export function installLock(over: Partial<InstallInProgressData> = {}): InstallInProgressData {
  return {
    mutex: 'busy',
    mutexDefinitive: true,
    serviceBusy: true,
    servicePid: 812,
    inProgressKey: false,
    clients: [
      {
        pid: 4242,
        parentPid: 3000,
        sessionId: 1,
        packagePath: 'C:\\Users\\zhang.wei\\Downloads\\big-suite.msi',
        commandLine: '"C:\\Windows\\System32\\msiexec.exe" /i "C:\\Users\\zhang.wei\\Downloads\\big-suite.msi"',
        startedAt: '2026-11-21T10:00:00.000Z',
        ageMinutes: 180,
        kind: 'install',
      },
    ],
    customActionServers: [
      { pid: 5150, commandLine: 'C:\\Windows\\System32\\MsiExec.exe -Embedding 1A2B C', startedAt: null },
    ],
    hiddenProcesses: 0,
    unmatchedBegin: [],
    backgroundInstallers: [],
    ...over,
  };
}

export function policies(over: Partial<PoliciesData> = {}): PoliciesData {
  return {
    disableMsi: null,
    disableUserInstalls: null,
    alwaysInstallElevated: { hklm: 1, hkcu: 1 },
    alwaysInstallElevatedActive: true,
    logging: null,
    disableLoggingFromPackage: null,
    disablePatch: null,
    applockerMsiRules: null,
    applockerMsiEnforcement: 'not-configured',
    srpV2MsiKey: false,
    saferConfigured: false,
    saferDefaultLevel: null,
    ...over,
  };
}

export function installedProducts(over: Partial<InstalledProductsData> = {}): InstalledProductsData {
  return {
    msiPath: 'C:\\Users\\zhang.wei\\Downloads\\tool-1.0.msi',
    package: null,
    installed: [
      {
        productCode: '{11111111-2222-3333-4444-555555555555}',
        name: 'Tool',
        version: '2.0.0',
        scope: 'machine',
        userSid: null,
        relation: 'newer-version',
      },
    ],
    sameVersionInstalled: false,
    newerInstalled: true,
    olderInstalled: false,
    ...over,
  };
}

export function context(
  params: RepairParams = {},
  evidence: RepairContext['evidence'] = {},
  over: Partial<RepairContext> = {},
): RepairContext {
  return {
    params,
    evidence,
    user: { sid: USER_SID, profile: PROFILE },
    backupDir: 'C:\\ProgramData\\MSI Doctor\\backups\\j1',
    logDir: 'C:\\ProgramData\\MSI Doctor\\logs',
    journalPath: 'C:\\Users\\zhang.wei\\AppData\\Local\\MSI Doctor\\journals\\j1.jsonl',
    windowsDir: 'C:\\Windows',
    journals: { latestFinished: () => null },
    ...over,
  };
}

/** PATH with a missing folder (C:\\OldSdk\\bin) and Go installed in a folder no PATH entry leads to. */
export function pathEnvironment(over: Partial<PathEnvironmentData> = {}): PathEnvironmentData {
  const machineRaw = '%SystemRoot%\\system32;C:\\OldSdk\\bin;%SystemRoot%';
  const entry = (position: number, raw: string, expanded: string, exists: boolean) => ({
    scope: 'machine' as const,
    position,
    raw,
    expanded,
    exists,
    executables: [],
    duplicate: false,
    pastLimit: false,
  });
  return {
    machinePath: { raw: machineRaw, type: 'REG_EXPAND_SZ', expandedLength: 47 },
    userPath: {
      raw: '%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;',
      type: 'REG_EXPAND_SZ',
      expandedLength: 52,
    },
    freshLength: 100,
    limit: 2047,
    overLimit: false,
    entries: [
      entry(0, '%SystemRoot%\\system32', 'C:\\Windows\\system32', true),
      entry(1, 'C:\\OldSdk\\bin', 'C:\\OldSdk\\bin', false),
      entry(2, '%SystemRoot%', 'C:\\Windows', true),
    ],
    missingEntries: [{ scope: 'machine', raw: 'C:\\OldSdk\\bin' }],
    products: [
      {
        id: 'go',
        installed: [],
        installedVersion: null,
        binFolder: 'C:\\Program Files\\Go\\bin',
        intendedScope: 'user',
        resolved: null,
        entry: null,
        inOpenProcessPath: false,
        runs: [
          {
            command: 'go version',
            program: null,
            ran: false,
            notRun: 'not-found',
            exitCode: null,
            stdout: '',
            stderr: '',
            read: null,
          },
        ],
        state: 'not-on-path',
      },
      {
        // On the machine PATH in the registry, not in Explorer's own PATH (written without the broadcast).
        id: 'nodejs',
        installed: [],
        installedVersion: null,
        binFolder: 'C:\\Program Files\\nodejs',
        intendedScope: 'machine',
        resolved: { folder: 'C:\\Program Files\\nodejs', scope: 'machine', position: 3 },
        entry: { scope: 'machine', position: 3, pastLimit: false },
        inOpenProcessPath: false,
        inShellPath: false,
        runs: [],
        state: 'not-broadcast',
      },
    ],
    commandsRan: true,
    shellPathRead: true,
    ...over,
  };
}

/** Evidence rich enough that every catalog repair can build a plan. */
export function fullEvidence(): RepairContext['evidence'] {
  return {
    'temp-folders': tempFolders({
      windowsTemp: {
        overPermissive: [{ sid: 'S-1-1-0', rights: 'FA', flags: 'OICI', type: 'allow', inherited: false }],
      },
      userTemp: {
        registryValue: 'D:\\gone\\Temp',
        value: 'D:\\gone\\Temp',
        exists: false,
        isDirectory: false,
        writable: null,
      },
    }),
    'installer-service': installerService({
      startType: 'disabled',
      imagePathOk: false,
      imagePath: 'C:\\evil\\msiexec.exe /V',
    }),
    'install-in-progress': installLock(),
    policies: policies({ logging: 'iwe' }),
    'installed-products': installedProducts(),
    'path-environment': pathEnvironment(),
  };
}
