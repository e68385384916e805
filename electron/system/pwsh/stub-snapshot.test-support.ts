// Test support: the simulated machine as one process token sees it, as plain JSON for the stub prelude
// (stub-prelude.ps1). Every answer comes from the model through the same TokenView and helpers as the emulated
// scripts, so the real scripts and the emulator read the same facts; only the script logic differs.
import { INSTALLER_EVENTS, TRANSACTION_EVENTS, eventXPath } from '../probes/event-queries.ts';
import type { EmulatorContext } from '../simulated/emulator.ts';
import {
  appLockerPolicyXml,
  dotnetIso,
  eventHost,
  eventsMatching,
  msiFileProperties,
  serviceFacts,
} from '../simulated/handlers/probe-scripts.ts';
import { eventXml } from '../simulated/handlers/wevtutil.ts';
import { explorerPathOf } from '../simulated/handlers/path-environment.ts';
import type { SimulatedMachine } from '../simulated/machine.ts';
import {
  baseName,
  canonicalKey,
  canonicalPath,
  msiProductState,
  parentPath,
  type RegValue,
} from '../simulated/model.ts';
import { tokenView } from '../simulated/token-view.ts';

export interface StubSnapshot {
  now: string;
  sid: string;
  admin: boolean;
  env: Record<string, string>;
  /** Values as a list: a key's (Default) value has the empty name, which Windows PowerShell 5.1's JSON cannot key by. */
  registry: Record<string, { values: Array<{ name: string } & RegValue>; subkeys: string[] }>;
  services: Record<string, { status: number; startType: number; canStop: boolean; canShutdown: boolean }>;
  cim: Record<string, Array<Record<string, unknown>>>;
  cimMethods: Record<string, Record<string, unknown>>;
  processes: Record<string, number>;
  files: Record<string, StubFile>;
  mutex: string;
  events: Record<string, StubEvent[]>;
  applockerXml: string;
  com: {
    products: StubProduct[];
    msiFiles: Record<string, { properties?: Record<string, string | null>; hresult?: string }>;
  };
  drives: Record<string, number>;
  /** Add/Remove Programs entries (Get-MdUninstallEntry), per-user ones with the SID of the hive they are in. */
  uninstall: Array<{
    key: string;
    scope: 'machine' | 'user';
    userSid: string | null;
    name: string;
    version: string | null;
    publisher: string | null;
    installLocation: string | null;
  }>;
  /** Explorer's PATH (Get-MdShellEnvironmentPath). */
  shellPath: string | null;
  /** What each program prints per argument line (Invoke-MdProgram), by its path. */
  programs: Record<string, Array<{ args: string; stdout: string; stderr?: string; exitCode?: number }>>;
}

interface StubFile {
  kind: 'file' | 'dir';
  sddl: string | null;
  canList: boolean;
  canCreate: boolean;
  canCreateFolder: boolean;
  longPath: string | null;
  children: string[];
  size: number;
  modified: string;
  content: string;
}
interface StubEvent {
  id: number;
  time: string;
  recordId: number;
  userSid: string;
  data: string[];
  xml: string;
}
interface StubProduct {
  productCode: string;
  upgradeCode: string;
  /** Installer.ProductState (5 installed). */
  state: number;
  info: Record<string, string | null>;
}

function registry(m: SimulatedMachine): StubSnapshot['registry'] {
  const out: StubSnapshot['registry'] = {};
  const userHive = `HKU\\${m.state.identity.userSid}`;
  const add = (key: string): void => {
    const parts = key.split('\\');
    for (let i = 1; i <= parts.length; i++) {
      const k = parts.slice(0, i).join('\\');
      if (!out[k])
        out[k] = {
          values: Object.entries(m.values(k) ?? {}).map(([name, v]) => ({ name, ...v })),
          subkeys: m.subKeys(k),
        };
    }
  };
  for (const key of Object.keys(m.state.registry)) add(canonicalKey(key));
  // The signed-in user's hive is HKCU and HKU\<sid> alike (the elevated batch names it explicitly).
  for (const [key, entry] of Object.entries(out)) {
    if (key === 'HKCU' || key.startsWith('HKCU\\')) out[`${userHive}${key.slice(4)}`] = entry;
  }
  if (out.HKCU) {
    out.HKU = { values: [], subkeys: [...new Set([...(out.HKU?.subkeys ?? []), m.state.identity.userSid])] };
  }
  return out;
}

function files(m: SimulatedMachine, view: ReturnType<typeof tokenView>): StubSnapshot['files'] {
  const paths = new Set<string>();
  for (const key of Object.keys(m.state.files)) {
    for (let p: string | null = canonicalPath(key); p !== null; p = parentPath(p)) paths.add(p);
  }
  const out: StubSnapshot['files'] = {};
  for (const path of paths) {
    const entry = m.entry(path);
    if (!entry) continue;
    const children = [...paths].filter((c) => parentPath(c)?.toLowerCase() === path.toLowerCase()).map(baseName);
    const bytes = entry.kind === 'file' ? m.readFile(path) : null;
    out[path] = {
      kind: entry.kind,
      sddl: view.readSddl(path),
      canList: view.canList(path),
      canCreate: view.canCreateFile(path),
      canCreateFolder: view.canCreateFolder(path),
      longPath: m.longPath(path),
      children,
      size: bytes?.length ?? 0,
      modified: entry.modified,
      content: bytes ? Buffer.from(bytes).toString('base64') : '',
    };
  }
  return out;
}

/** The snapshot of `machine` for a process of the given token (unelevated app, or the elevated batch). */
export function stubSnapshot(
  machine: SimulatedMachine,
  source: Pick<EmulatorContext, 'elevated' | 'account'>,
): StubSnapshot {
  const m = machine;
  const view = tokenView(m, source);
  const services: StubSnapshot['services'] = {};
  for (const name of Object.keys(m.state.services)) {
    const facts = serviceFacts(m, name);
    if (facts) services[name] = facts;
  }
  const svc = m.service('msiserver');
  const key = m.serviceKey('msiserver');
  const host = eventHost(m);
  const events: StubSnapshot['events'] = {};
  for (const q of [INSTALLER_EVENTS, TRANSACTION_EVENTS]) {
    events[`${q.log}|${eventXPath(q)}`] = eventsMatching(m, q).map((e) => ({
      id: e.id,
      time: e.time,
      recordId: e.recordId,
      userSid: e.userSid,
      data: e.data,
      xml: eventXml(e, host),
    }));
  }
  const msiFiles: StubSnapshot['com']['msiFiles'] = {};
  for (const [path, entry] of Object.entries(m.state.files)) {
    if (entry.kind !== 'file' || !/\.msi$/i.test(path)) continue;
    const read = msiFileProperties(m, path);
    msiFiles[canonicalPath(path)] = read.ok
      ? {
          properties: {
            ProductCode: read.properties.productCode,
            UpgradeCode: read.properties.upgradeCode,
            ProductVersion: read.properties.productVersion,
            ProductName: read.properties.productName,
            Manufacturer: read.properties.manufacturer,
            ALLUSERS: read.properties.allUsers,
          },
        }
      : { hresult: read.hresult };
  }
  const env: Record<string, string> = { ...m.state.env };
  return {
    now: m.state.now,
    sid: view.sid,
    admin: view.admin,
    env,
    registry: registry(m),
    services,
    cim: {
      "root/cimv2|Win32_Service|Name='msiserver'":
        serviceFacts(m, 'msiserver') && svc
          ? [
              {
                ProcessId: svc.pid ?? 0,
                ExitCode: svc.win32ExitCode,
                PathName: m.expand(m.string(key, 'ImagePath') ?? ''),
              },
            ]
          : [],
      "root/cimv2|Win32_Process|Name='msiexec.exe'": m.processes('msiexec.exe').map((p) => ({
        ProcessId: p.pid,
        ParentProcessId: p.parentPid,
        SessionId: p.sessionId,
        CommandLine: view.commandLine(p),
        CreationDate: p.startedAt,
      })),
      'root/cimv2|Win32_LogicalDisk|DriveType=3': m.state.drives.map((d) => ({
        DeviceID: d.drive,
        FreeSpace: d.freeBytes,
        Size: d.totalBytes,
      })),
      'root/cimv2|Win32_OperatingSystem|': [{ LastBootUpTime: dotnetIso(m.state.bootTime) }],
      "root|__Namespace|Name='ccm'": m.state.configMgr ? [{ Name: 'ccm' }] : [],
    },
    cimMethods: m.state.configMgr
      ? {
          'root/ccm/ClientSDK|CCM_ClientUtilities|DetermineIfRebootPending': {
            ReturnValue: 0,
            RebootPending: m.state.configMgr.rebootPending,
            IsHardRebootPending: false,
          },
        }
      : {},
    processes: { TiWorker: m.processes('TiWorker.exe').length },
    files: files(m, view),
    mutex: view.mutex(),
    events,
    applockerXml: appLockerPolicyXml(m),
    com: {
      products: m.state.products.map((p) => ({
        productCode: p.productCode,
        upgradeCode: p.upgradeCode,
        state: msiProductState(p),
        info: {
          ProductName: p.name,
          VersionString: p.version,
          AssignmentType: p.scope === 'user' ? '0' : '1',
          PackageCode: p.packageCode ?? null,
        },
      })),
      msiFiles,
    },
    drives: Object.fromEntries(m.state.drives.map((d) => [d.drive.toUpperCase(), 3])),
    shellPath: explorerPathOf(m),
    uninstall: m.state.products.map((p) => ({
      key: p.productCode,
      scope: p.scope,
      userSid: p.scope === 'user' ? (p.userSid ?? m.state.identity.userSid) : null,
      name: p.name,
      version: p.version,
      publisher: p.manufacturer || null,
      installLocation: p.installLocation ?? null,
    })),
    programs: Object.fromEntries(
      // A list, not a table: an empty argument line would be an empty JSON key, which 5.1's ConvertFrom-Json rejects.
      Object.entries(m.state.files).flatMap(([path, f]) =>
        f.runs ? [[canonicalPath(path), Object.entries(f.runs).map(([args, run]) => ({ args, ...run }))]] : [],
      ),
    ),
  };
}
