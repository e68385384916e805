// The verbose logs the emulated msiexec writes (/L*v): UTF-16LE with BOM like a real one, and the template of an
// install whose deferred custom action fails inside InstallFinalize (read by the log analyzer as that failure).
import type { SimulatedMachine } from '../machine.ts';
import type { SimInstallFailure, SimInstalledProduct } from '../model.ts';
import { utf16 } from './target-files.ts';

export function verboseLog(machine: SimulatedMachine, lines: string[]): Uint8Array {
  const t = machine.now();
  const d = `${String(t.getUTCMonth() + 1).padStart(2, '0')}/${String(t.getUTCDate()).padStart(2, '0')}/${t.getUTCFullYear()}`;
  const hms = t.toISOString().slice(11, 19);
  // 'Action start 9:12:31:' lines carry the hour without a leading zero, unlike the '[09:12:31:402]' stamps.
  const action = hms.replace(/^0/, '');
  const head = `=== Verbose logging started: ${d}  ${hms}  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===`;
  const tail = `=== Verbose logging stopped: ${d}  ${hms} ===`;
  const stamp = (l: string): string => l.replace('{t}', `${hms}:000`).replace('{a}', action);
  return utf16([head, ...lines.map(stamp), tail, ''].join('\r\n'));
}

/** Windows Installer's texts for the custom-action messages a failure can raise (Error table defaults). */
export const CUSTOM_ACTION_MESSAGES: Record<number, string> = {
  1720: 'There is a problem with this Windows Installer package. A script required for this install to complete could not be run. Contact your support personnel or package vendor.',
  1721: 'There is a problem with this Windows Installer package. A program required for this install to complete could not be run. Contact your support personnel or package vendor.',
  1722: 'There is a problem with this Windows Installer package. A program run as part of the setup did not finish as expected. Contact your support personnel or package vendor.',
  1723: 'There is a problem with this Windows Installer package. A DLL required for this install to complete could not be run. Contact your support personnel or package vendor.',
};

/**
 * The log of an install whose deferred custom action fails inside InstallFinalize: the script runs, the action
 * returns an error, message 1722 (or its kin) is raised, the script rolls back and the client reports the status.
 * Modeled on real verbose logs (and on the 1603-custom-action scenario's own log).
 */
export function failedInstallLog(info: SimInstalledProduct, f: SimInstallFailure): string[] {
  const ca = f.customAction;
  const dll = 'C:\\Windows\\Installer\\MSI8D2E.tmp';
  const text = CUSTOM_ACTION_MESSAGES[f.message] ?? CUSTOM_ACTION_MESSAGES[1722]!;
  const error = `Error ${f.message}. ${text}  Action ${ca}, location: ${dll}, command: ${f.entryPoint} `;
  return [
    "MSI (s) (A4:1C) [{t}]: Machine policy value 'Debug' is 0",
    `MSI (s) (A4:1C) [{t}]: Server not locked: locking for product ${info.productCode}`,
    'Action start {a}: InstallValidate.',
    'Action ended {a}: InstallValidate. Return value 1.',
    'Action start {a}: InstallInitialize.',
    'Action ended {a}: InstallInitialize. Return value 1.',
    'Action start {a}: ProcessComponents.',
    'Action ended {a}: ProcessComponents. Return value 1.',
    'Action start {a}: InstallFiles.',
    'Action ended {a}: InstallFiles. Return value 1.',
    // Immediate phase: the deferred action is only scheduled here; it runs in the script inside InstallFinalize.
    `Action start {a}: ${ca}.`,
    `Action ended {a}: ${ca}. Return value 1.`,
    'Action start {a}: InstallFinalize.',
    'MSI (s) (A4:1C) [{t}]: Running Script: C:\\Windows\\Installer\\MSI8C41.tmp',
    "MSI (s) (A4:1C) [{t}]: PROPERTY CHANGE: Adding UpdateStarted property. Its value is '1'.",
    'MSI (s) (A4:1C) [{t}]: Executing op: ActionStart(Name=InstallFiles,Description=Copying new files,Template=File: [1],  Directory: [9],  Size: [6])',
    `MSI (s) (A4:1C) [{t}]: Executing op: ActionStart(Name=${ca},,)`,
    `MSI (s) (A4:1C) [{t}]: Executing op: CustomActionSchedule(Action=${ca},ActionType=3073,Source=BinaryData,Target=${f.entryPoint},)`,
    `MSI (s) (A4:5C) [{t}]: Invoking remote custom action. DLL: ${dll}, Entrypoint: ${f.entryPoint}`,
    'MSI (s) (A4:D0) [{t}]: Generating random cookie.',
    'MSI (s) (A4:D0) [{t}]: Created Custom Action Server with PID 9302 (0x2456).',
    'MSI (s) (A4:44) [{t}]: Running as a service.',
    "MSI (s) (A4:44) [{t}]: Hello, I'm your 64bit Elevated Non-remapped custom action server.",
    ...f.detail,
    `CustomAction ${ca} returned actual error code ${f.exitCode} (note this may not be 100% accurate if translation happened inside sandbox)`,
    `MSI (s) (A4:1C) [{t}]: Note: 1: ${f.message} 2: ${ca} 3: ${dll} 4: ${f.entryPoint} `,
    `MSI (s) (A4:1C) [{t}]: Product: ${info.name} -- ${error}`,
    '',
    error,
    "MSI (s) (A4:1C) [{t}]: User policy value 'DisableRollback' is 0",
    "MSI (s) (A4:1C) [{t}]: Machine policy value 'DisableRollback' is 0",
    'Action ended {a}: InstallFinalize. Return value 3.',
    // Rollback: the script's undo of what was already done.
    'MSI (s) (A4:1C) [{t}]: Executing op: Header(Signature=1397708873,Version=500,Timestamp=1467432355,LangId=1033,Platform=589824,ScriptType=2,ScriptMajorVersion=21,ScriptMinorVersion=4,ScriptAttributes=1)',
    'MSI (s) (A4:1C) [{t}]: Executing op: RollbackInfo(,RollbackAction=Rollback,RollbackDescription=Rolling back action:,RollbackTemplate=[1],CleanupAction=RollbackCleanup,CleanupDescription=Removing backup files,CleanupTemplate=File: [1])',
    `MSI (s) (A4:1C) [{t}]: Executing op: ActionStart(Name=${ca},,)`,
    'MSI (s) (A4:1C) [{t}]: Executing op: ActionStart(Name=InstallFiles,Description=Copying new files,Template=File: [1],  Directory: [9],  Size: [6])',
    'MSI (s) (A4:1C) [{t}]: No System Restore sequence number for this installation.',
    'MSI (s) (A4:1C) [{t}]: Unlocking Server',
    "MSI (s) (A4:1C) [{t}]: PROPERTY CHANGE: Deleting UpdateStarted property. Its current value is '1'.",
    'Action ended {a}: INSTALL. Return value 3.',
    `MSI (s) (A4:1C) [{t}]: MainEngineThread is returning ${f.exitCode}`,
    `MSI (c) (1C:20) [{t}]: Back from server. Return value: ${f.exitCode}`,
    'Action ended {a}: ExecuteAction. Return value 3.',
    'Action start {a}: FatalError.',
    'Action ended {a}: FatalError. Return value 2.',
    'Action ended {a}: INSTALL. Return value 3.',
    `MSI (c) (1C:20) [{t}]: Product: ${info.name} -- Installation failed.`,
    '',
    `MSI (c) (1C:20) [{t}]: Windows Installer installed the product. Product Name: ${info.name}. Product Version: ${info.version}. Product Language: 1033. Manufacturer: ${info.manufacturer}. Installation success or error status: ${f.exitCode}.`,
    '',
    'MSI (c) (1C:20) [{t}]: Grabbed execution mutex.',
    `MSI (c) (1C:20) [{t}]: MainEngineThread is returning ${f.exitCode}`,
  ];
}
