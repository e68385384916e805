// The healthy base machine every scenario starts from (WS-FIN-042, CONTOSO\zhang.wei "张伟"); scenarios override only what differs.
import {
  DEFAULT_INSTALLER_SDDL,
  DEFAULT_WINDOWS_TEMP_SDDL,
  SID,
  SYSTEM_TEMP_SDDL,
  WINDOWS_SDDL,
  userFolderSddl,
  type MachineState,
  type SimService,
} from './model.ts';

/** msiserver as Windows leaves it between installs: demand start, stopped (1077: never started since boot). */
export function idleMsiserver(): SimService {
  return {
    name: 'msiserver',
    displayName: 'Windows Installer',
    state: 'stopped',
    pid: null,
    acceptsShutdown: false,
    acceptsStop: false,
    win32ExitCode: 1077,
    type: 0x10,
  };
}

export const BASE_NOW = '2026-11-18T01:30:00.000Z';
export const USER_SID = 'S-1-5-21-1004336348-1177238915-682003330-1107';
const PROFILE = 'C:\\Users\\zhang.wei';
const USER_TEMP = `${PROFILE}\\AppData\\Local\\Temp`;
export { userFolderSddl };

function minutesBefore(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() - minutes * 60_000).toISOString();
}

const SEVEN_ZIP = '{23170F69-40C1-2702-2408-000001000000}';
export const MACHINE_ENVIRONMENT = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';
/** Windows 11's default machine Path (REG_EXPAND_SZ, unexpanded) and the user's (the Store's app aliases). */
export const MACHINE_PATH =
  '%SystemRoot%\\system32;%SystemRoot%;%SystemRoot%\\System32\\Wbem;%SYSTEMROOT%\\System32\\WindowsPowerShell\\v1.0\\;%SYSTEMROOT%\\System32\\OpenSSH\\';
const USER_PATH = '%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps';
const expandBase = (text: string): string => text.replace(/%systemroot%/gi, 'C:\\Windows');

export function baseMachineState(): MachineState {
  const now = BASE_NOW;
  return {
    now,
    bootTime: minutesBefore(now, 26 * 60),
    windowsVersion: '10.0.22631',
    identity: {
      computerName: 'WS-FIN-042',
      domain: 'CONTOSO',
      userName: 'zhang.wei',
      displayName: '张伟',
      userSid: USER_SID,
      profile: PROFILE,
      isAdmin: true,
      builtinAdministrator: false,
    },
    locale: { name: 'en-US', oemCodePage: 437 },
    elevation: { processElevated: false, approve: true },
    services: {
      msiserver: idleMsiserver(),
      wuauserv: {
        name: 'wuauserv',
        displayName: 'Windows Update',
        state: 'stopped',
        pid: null,
        acceptsShutdown: false,
        acceptsStop: false,
        win32ExitCode: 0,
        type: 0x20,
      },
      TrustedInstaller: {
        name: 'TrustedInstaller',
        displayName: 'Windows Modules Installer',
        state: 'stopped',
        pid: null,
        acceptsShutdown: false,
        acceptsStop: false,
        win32ExitCode: 0,
        type: 0x10,
      },
    },
    processes: [
      {
        pid: 4,
        parentPid: 0,
        name: 'System',
        commandLine: '',
        startedAt: minutesBefore(now, 26 * 60),
        sessionId: 0,
        userSid: SID.system,
      },
      {
        pid: 740,
        parentPid: 600,
        name: 'services.exe',
        commandLine: 'C:\\Windows\\system32\\services.exe',
        startedAt: minutesBefore(now, 26 * 60),
        sessionId: 0,
        userSid: SID.system,
      },
      {
        pid: 5128,
        parentPid: 5096,
        name: 'explorer.exe',
        commandLine: 'C:\\Windows\\Explorer.EXE',
        startedAt: minutesBefore(now, 25 * 60),
        sessionId: 1,
        userSid: USER_SID,
      },
    ],
    registry: {
      'HKLM\\SYSTEM\\CurrentControlSet\\Services\\msiserver': {
        DisplayName: { type: 'REG_SZ', data: '@%SystemRoot%\\system32\\msimsg.dll,-27' },
        ImagePath: { type: 'REG_EXPAND_SZ', data: '%systemroot%\\system32\\msiexec.exe /V' },
        ObjectName: { type: 'REG_SZ', data: 'LocalSystem' },
        ErrorControl: { type: 'REG_DWORD', data: 1 },
        Start: { type: 'REG_DWORD', data: 3 },
        Type: { type: 'REG_DWORD', data: 0x10 },
        DependOnService: { type: 'REG_MULTI_SZ', data: ['rpcss'] },
        ServiceSidType: { type: 'REG_DWORD', data: 1 },
      },
      'HKLM\\SYSTEM\\CurrentControlSet\\Services\\wuauserv': {
        ImagePath: { type: 'REG_EXPAND_SZ', data: '%systemroot%\\system32\\svchost.exe -k netsvcs -p' },
        Start: { type: 'REG_DWORD', data: 3 },
      },
      'HKLM\\SYSTEM\\CurrentControlSet\\Services\\TrustedInstaller': {
        ImagePath: { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\servicing\\TrustedInstaller.exe' },
        Start: { type: 'REG_DWORD', data: 3 },
      },
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager': {
        BootExecute: { type: 'REG_MULTI_SZ', data: ['autocheck autochk *'] },
      },
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName': {
        ComputerName: { type: 'REG_SZ', data: 'WS-FIN-042' },
      },
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName': {
        ComputerName: { type: 'REG_SZ', data: 'WS-FIN-042' },
      },
      'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Netlogon': { Start: { type: 'REG_DWORD', data: 3 } },
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing': {
        LastTrustTime: { type: 'REG_QWORD', data: 0 },
      },
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update': {
        AUOptions: { type: 'REG_DWORD', data: 4 },
      },
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer': {
        InstallerLocation: { type: 'REG_SZ', data: 'C:\\Windows\\system32\\' },
      },
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System': {
        EnableLUA: { type: 'REG_DWORD', data: 1 },
        ConsentPromptBehaviorAdmin: { type: 'REG_DWORD', data: 5 },
        PromptOnSecureDesktop: { type: 'REG_DWORD', data: 1 },
      },
      'HKCU\\Environment': {
        Path: { type: 'REG_EXPAND_SZ', data: `${USER_PATH};` },
        TEMP: { type: 'REG_EXPAND_SZ', data: '%USERPROFILE%\\AppData\\Local\\Temp' },
        TMP: { type: 'REG_EXPAND_SZ', data: '%USERPROFILE%\\AppData\\Local\\Temp' },
      },
      [MACHINE_ENVIRONMENT]: {
        ComSpec: { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\system32\\cmd.exe' },
        OS: { type: 'REG_SZ', data: 'Windows_NT' },
        Path: { type: 'REG_EXPAND_SZ', data: MACHINE_PATH },
        PATHEXT: { type: 'REG_SZ', data: '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC' },
        TEMP: { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\TEMP' },
        TMP: { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\TEMP' },
      },
    },
    files: {
      'C:\\Windows': { kind: 'dir', sddl: WINDOWS_SDDL, modified: '2024-05-07T05:00:00.000Z' },
      'C:\\Windows\\Temp': { kind: 'dir', sddl: DEFAULT_WINDOWS_TEMP_SDDL, modified: minutesBefore(now, 40) },
      'C:\\Windows\\Installer': {
        kind: 'dir',
        sddl: DEFAULT_INSTALLER_SDDL,
        modified: minutesBefore(now, 3 * 24 * 60),
      },
      'C:\\Windows\\SystemTemp': {
        kind: 'dir',
        sddl: SYSTEM_TEMP_SDDL,
        modified: minutesBefore(now, 26 * 60),
      },
      'C:\\Windows\\System32\\msiexec.exe': { kind: 'file', sddl: null, modified: '2024-05-07T05:00:00.000Z' },
      'C:\\Windows\\System32\\Wbem': { kind: 'dir', sddl: null, modified: '2024-05-07T05:00:00.000Z' },
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0': {
        kind: 'dir',
        sddl: null,
        modified: '2024-05-07T05:00:00.000Z',
      },
      'C:\\Windows\\System32\\OpenSSH': { kind: 'dir', sddl: null, modified: '2024-05-07T05:00:00.000Z' },
      [`${PROFILE}\\AppData\\Local\\Microsoft\\WindowsApps`]: {
        kind: 'dir',
        sddl: null,
        modified: '2025-03-02T01:00:00.000Z',
      },
      // 7-Zip (installed below) does not add itself to PATH: its key file answers when run directly.
      'C:\\Program Files\\7-Zip\\7z.exe': {
        kind: 'file',
        sddl: null,
        modified: minutesBefore(now, 3 * 24 * 60 + 4),
        runs: { '': { stdout: '\r\n7-Zip 24.08 (x64) : Copyright (c) 1999-2024 Igor Pavlov : 2024-08-11\r\n' } },
      },
      [PROFILE]: { kind: 'dir', sddl: userFolderSddl(USER_SID), modified: '2025-03-02T01:00:00.000Z' },
      [USER_TEMP]: { kind: 'dir', sddl: userFolderSddl(USER_SID), modified: minutesBefore(now, 10) },
    },
    env: {
      USERPROFILE: PROFILE,
      USERNAME: 'zhang.wei',
      USERDOMAIN: 'CONTOSO',
      COMPUTERNAME: 'WS-FIN-042',
      TEMP: USER_TEMP,
      TMP: USER_TEMP,
      LOCALAPPDATA: `${PROFILE}\\AppData\\Local`,
      APPDATA: `${PROFILE}\\AppData\\Roaming`,
      SystemRoot: 'C:\\Windows',
      windir: 'C:\\Windows',
      SystemDrive: 'C:',
      ProgramData: 'C:\\ProgramData',
      ProgramFiles: 'C:\\Program Files',
      // The app's own PATH: what the registry held when it started (terminals opened with it see the same).
      Path: `${expandBase(MACHINE_PATH)};${PROFILE}\\AppData\\Local\\Microsoft\\WindowsApps;`,
    },
    events: [
      {
        provider: 'MsiInstaller',
        id: 1040,
        time: minutesBefore(now, 3 * 24 * 60 + 5),
        recordId: 51820,
        data: ['C:\\Users\\zhang.wei\\Downloads\\7z2408-x64.msi', '7312', '(NULL)', '(NULL)', '(NULL)', '(NULL)', ''],
        userSid: USER_SID,
      },
      {
        provider: 'MsiInstaller',
        id: 1033,
        time: minutesBefore(now, 3 * 24 * 60 + 4),
        recordId: 51824,
        data: ['7-Zip 24.08 (x64 edition)', '24.08.00.0', '1033', '0', 'Igor Pavlov', '(NULL)', ''],
        binaryHex: Buffer.from(`${SEVEN_ZIP}`).toString('hex').toUpperCase(),
        userSid: USER_SID,
      },
      {
        provider: 'MsiInstaller',
        id: 11707,
        time: minutesBefore(now, 3 * 24 * 60 + 4),
        recordId: 51825,
        data: [
          'Product: 7-Zip 24.08 (x64 edition) -- Installation completed successfully.',
          '(NULL)',
          '(NULL)',
          '(NULL)',
          '(NULL)',
          '(NULL)',
          '',
        ],
        userSid: USER_SID,
      },
      {
        provider: 'MsiInstaller',
        id: 1042,
        time: minutesBefore(now, 3 * 24 * 60 + 4),
        recordId: 51826,
        data: ['C:\\Users\\zhang.wei\\Downloads\\7z2408-x64.msi', '7312', '(NULL)', '(NULL)', '(NULL)', '(NULL)', ''],
        userSid: USER_SID,
      },
    ],
    products: [
      {
        productCode: SEVEN_ZIP,
        upgradeCode: '{23170F69-40C1-2702-0000-000004000000}',
        name: '7-Zip 24.08 (x64 edition)',
        version: '24.08.00.0',
        manufacturer: 'Igor Pavlov',
        scope: 'machine',
        userSid: null,
      },
      {
        productCode: '{1D8E6291-B0D5-35EC-8441-6616F567A0F7}',
        upgradeCode: '{AA783A14-A7A3-3D33-95F0-9A351D530011}',
        name: 'Microsoft Visual C++ 2010  x64 Redistributable - 10.0.40219',
        version: '10.0.40219',
        manufacturer: 'Microsoft Corporation',
        scope: 'machine',
        userSid: null,
      },
    ],
    msiExecuteMutex: 'free',
    drives: [{ drive: 'C:', freeBytes: 128_849_018_880, totalBytes: 511_101_108_224 }],
    applocker: { msiRules: 0, enforcement: 'not-configured' },
    configMgr: null,
  };
}
