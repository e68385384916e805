// Hand-built Evidence for diagnosis tests and demos: a healthy machine per probe, with typed overrides (matches evidence-data.ts).
import type { ProbeId } from '../../contract/ids.ts';
import { asEvidence } from '../../contract/evidence.ts';
import type {
  AnsweredEvidence,
  CheckedStatus,
  Evidence,
  EvidenceStatus,
  UncheckedStatus,
  UnansweredEvidence,
} from '../../contract/evidence.ts';
import type { EvidenceDataMap } from '../../contract/evidence-data.ts';
import { evidenceDataSchemas } from '../../contract/evidence-data.ts';

const userTemp = (variable: 'TEMP' | 'TMP') => ({
  variable,
  value: 'C:\\Users\\ana\\AppData\\Local\\Temp',
  registryValue: '%USERPROFILE%\\AppData\\Local\\Temp',
  exists: true,
  isDirectory: true,
  writable: true,
  writeError: null,
  nonAscii: false,
  notLocal: false,
});

export function healthyData(): EvidenceDataMap {
  return {
    'installer-service': {
      state: 'stopped',
      startType: 'manual',
      startValue: 3,
      imagePath: '%systemroot%\\system32\\msiexec.exe /V',
      imagePathOk: true,
      objectName: 'LocalSystem',
      pid: null,
      busy: false,
      exitCode: 1077,
      registrationMissing: false,
      msiexecPresent: true,
    },
    'install-in-progress': {
      mutex: 'free',
      mutexDefinitive: true,
      serviceBusy: false,
      servicePid: null,
      inProgressKey: false,
      clients: [],
      customActionServers: [],
      hiddenProcesses: 0,
      unmatchedBegin: [],
      backgroundInstallers: [
        { name: 'wuauserv', kind: 'service', present: true, active: false },
        { name: 'TrustedInstaller', kind: 'service', present: true, active: false },
      ],
    },
    'pending-reboot': {
      pending: false,
      indicators: [],
      fileRenames: [],
      msiFileRenames: 0,
      otherFileRenames: 0,
      lastBoot: '2026-11-20T08:00:00.000Z',
    },
    'temp-folders': {
      userTemp: userTemp('TEMP'),
      userTmp: userTemp('TMP'),
      testedAsUser: true,
      windowsTemp: {
        path: 'C:\\Windows\\Temp',
        exists: true,
        isDirectory: true,
        sddl: 'O:SYD:...',
        owner: 'S-1-5-18',
        aclChecked: true,
        usersCanCreate: true,
        missingDefaults: [],
        denies: [],
        overPermissive: [],
      },
      installerFolder: {
        path: 'C:\\Windows\\Installer',
        exists: true,
        isDirectory: true,
        owner: 'S-1-5-18',
        ownerOk: true,
        sddl: null,
        aclChecked: true,
        systemFullControl: true,
      },
      systemTemp: { path: 'C:\\Windows\\SystemTemp', exists: true },
      drives: [{ drive: 'C:', freeBytes: 80e9, totalBytes: 250e9 }],
      lowSpaceDrives: [],
    },
    elevation: {
      elevated: false,
      isAdmin: true,
      filteredToken: true,
      integrityLevel: 'medium',
      integritySid: 'S-1-16-8192',
      uacEnabled: true,
      consentPromptBehaviorAdmin: 5,
      promptOnSecureDesktop: true,
      builtinAdministrator: false,
      userName: 'ana',
      userSid: 'S-1-5-21-1-2-3-1001',
      domain: 'PC',
      computerName: 'PC',
    },
    policies: {
      disableMsi: null,
      disableUserInstalls: null,
      alwaysInstallElevated: { hklm: null, hkcu: null },
      alwaysInstallElevatedActive: false,
      logging: null,
      disableLoggingFromPackage: null,
      disablePatch: null,
      applockerMsiRules: null,
      applockerMsiEnforcement: 'not-configured',
      srpV2MsiKey: false,
      saferConfigured: false,
      saferDefaultLevel: null,
    },
    'installer-events': {
      days: 1,
      events: [],
      failures: 0,
      successes: 0,
      failureCodes: [],
      latestFailure: null,
      truncated: false,
    },
    'recent-logs': { logs: [], searched: [], truncated: false },
    'deployment-logs': { logs: [], searched: [], truncated: false },
    'path-environment': {
      machinePath: { raw: '%SystemRoot%\\system32;%SystemRoot%', type: 'REG_EXPAND_SZ', expandedLength: 30 },
      userPath: { raw: null, type: null, expandedLength: 0 },
      freshLength: 30,
      limit: 2047,
      overLimit: false,
      entries: [],
      missingEntries: [],
      products: [],
      commandsRan: true,
    },
    'other-user-path': { hives: [], hivesRead: 0 },
    'installed-products': {
      msiPath: null,
      package: null,
      installed: [],
      sameVersionInstalled: false,
      newerInstalled: false,
      olderInstalled: false,
    },
  };
}

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends Array<infer _> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

function merge<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (!patch) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
        ? merge(b, v as DeepPartial<typeof b>)
        : v;
  }
  return out as T;
}

/** One probe's evidence: healthy data merged with `patch`; throws if the result does not match the probe's schema. */
export function evidenceOf<P extends ProbeId>(
  probe: P,
  patch?: DeepPartial<EvidenceDataMap[P]>,
  status: CheckedStatus = patch ? 'problem' : 'ok',
  elevated = false,
): AnsweredEvidence<P> {
  const parsed = evidenceDataSchemas[probe].safeParse(merge(healthyData()[probe], patch));
  if (!parsed.success)
    throw new Error(`evidenceOf(${probe}): data does not match evidence-data.ts: ${parsed.error.message}`);
  return { ...common(probe, elevated), status, data: parsed.data };
}

/** Evidence of a probe that gave no answer ('error' or 'not-checked'): no data. */
export function unansweredEvidence<P extends ProbeId>(
  probe: P,
  status: UncheckedStatus,
  elevated = false,
): UnansweredEvidence<P> {
  return { ...common(probe, elevated), status, data: null, error: status === 'error' ? 'the test says so' : null };
}

function common<P extends ProbeId>(probe: P, elevated: boolean) {
  return { probe, summary: { key: `probe.${probe}.test`, params: {} }, raw: [], error: null, durationMs: 1, elevated };
}

/** Evidence of a whole machine: every probe healthy except the patched ones. */
export function machine(
  patches: { [P in ProbeId]?: DeepPartial<EvidenceDataMap[P]> } = {},
  statuses: { [P in ProbeId]?: EvidenceStatus } = {},
): Evidence[] {
  const probes = Object.keys(healthyData()) as ProbeId[];
  return probes.map((p) => {
    const patch = patches[p] as DeepPartial<EvidenceDataMap[typeof p]> | undefined;
    const status = statuses[p] ?? (patch ? 'problem' : 'ok');
    return asEvidence(
      status === 'error' || status === 'not-checked' ? unansweredEvidence(p, status) : evidenceOf(p, patch, status),
    );
  });
}
