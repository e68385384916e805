// Which tool wrote a record, decided by structure (component names, message prefixes, the file attribute), never by a
// whole-file guess: a ConfigMgr log, an IME log and a PSADT log can all be CMTrace-shaped.
import type { DeployTool } from '../contract/deployment.ts';
import type { DeployRecord } from './record-reader.ts';

/** ConfigMgr client components that log application, package and content work (lower case). */
const CONFIGMGR_COMPONENTS = new Set([
  'appenforce',
  'appdiscovery',
  'appintenteval',
  'appprovider',
  'citaskmgr',
  'contentaccess',
  'cas',
  'contenttransfermanager',
  'datatransferservice',
  'locationservices',
  'execmgr',
  'rebootcoordinator',
  'ccmexec',
  'updateshandler',
  'wuahandler',
]);

/** Intune Management Extension components. */
const INTUNE_COMPONENTS = new Set([
  'appworkload',
  'appactionprocessor',
  'agentexecutor',
  'intunemanagementextension',
  'healthscripts',
  'sensor',
  'clienthealth',
  'win32appinventory',
]);

/** PSADT 3 function names used as the component (PSADT 4 functions all contain "-ADT"). */
const PSADT3_COMPONENTS = new Set([
  'psappdeploytoolkit',
  'execute-msi',
  'execute-process',
  'exit-script',
  'show-installationwelcome',
  'show-installationprompt',
  'show-installationprogress',
  'test-ismutexavailable',
  'remove-msiapplications',
  'get-installedapplication',
  'set-deferhistory',
  'get-deferhistory',
  'close-installationprogress',
  'show-balloontip',
  'deploy-application',
]);

/** `[Initialization] :: `, `[Install] :: ` — the PSADT section prefix of CMTrace messages. */
export function psadtSection(message: string): { section: string; rest: string } | null {
  if (message.charCodeAt(0) !== 91 /* [ */) return null;
  const close = message.indexOf('] :: ');
  if (close < 2 || close > 40) return null;
  const section = message.slice(1, close);
  if (!/^[A-Za-z][A-Za-z -]*$/.test(section)) return null;
  return { section, rest: message.slice(close + 5) };
}

/** The tool that wrote this record, or null when nothing in it says so. */
export function recordFamily(record: DeployRecord): DeployTool | null {
  if (record.shape === 'psadt-text') return 'psadt';
  const component = record.component.toLowerCase();
  if (INTUNE_COMPONENTS.has(component)) return 'intune';
  const m = record.message;
  if (m.startsWith('[Win32App') || m.startsWith('[StatusService]') || m.startsWith('[AgentExecutor]')) return 'intune';
  if (component.includes('-adt') || PSADT3_COMPONENTS.has(component)) return 'psadt';
  if (psadtSection(m) && (record.context !== '' || /\.ps[md]?1$/i.test(record.file))) return 'psadt';
  if (CONFIGMGR_COMPONENTS.has(component)) return 'configmgr';
  if (/\.cpp:\d+$/i.test(record.file)) return 'configmgr';
  return null;
}
