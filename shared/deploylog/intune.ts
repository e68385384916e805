// Intune Management Extension logs (AppWorkload, AppActionProcessor, the older single IntuneManagementExtension.log)
// -> install attempts per app: download, each "Execute retry N", return-code mapping, post-install detection,
// requirements, dependencies and the final reported state.
import type { DeployRecord } from './record-reader.ts';
import type { FamilyExtractor } from './configmgr.ts';
import { DeploymentDraft, between, leadingInt } from './deployment-draft.ts';
import { defaultMeaning, hexCode, hresultOfExitCode } from '../knowledge/deploy-exit-codes.ts';
import type { ExitMeaning } from '../contract/deployment.ts';
import { trimEndNonWord } from '../text/trim-end.ts';

// The phrases that name the app a record is about (user ids and job ids are not apps), before the app's GUID.
const APP_ID_RE =
  /(?:policy with id|app with id|App with id|\(id =|App:|app ids:|of app:|for app) ?:? ?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/;
/** A dependency record's child app (built once, not per record). */
const CHILD_ID_RE =
  /child dependency app with id: ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/;
const MAX_APPS = 200;

const DEFINED_AS: Record<string, ExitMeaning> = {
  success: 'success',
  softreboot: 'soft-reboot',
  hardreboot: 'hard-reboot',
  retry: 'retry',
  failed: 'failure',
  failure: 'failure',
};

interface AppState {
  id: string;
  name: string | null;
  draft: DeploymentDraft | null;
  /** The draft is an install attempt (an "Execute retry N" was seen), not only download/detection activity. */
  attempt: boolean;
  detectingAfter: boolean;
  expectCommand: boolean;
  detected: boolean | null;
  applicable: boolean | null;
}

/** The bracketed tags at the start (`[Win32App][DetectionActionHandler] `) removed. */
function bodyOf(message: string): string {
  let i = 0;
  while (message.charCodeAt(i) === 91 /* [ */) {
    const close = message.indexOf(']', i);
    if (close < 0 || close - i > 60) break;
    i = close + 1;
  }
  return i === 0 ? message : message.slice(i).trimStart();
}

function applyMeaning(d: DeploymentDraft, meaning: ExitMeaning): void {
  d.exitMeaning = meaning;
  if (meaning === 'success' || meaning === 'soft-reboot' || meaning === 'hard-reboot') {
    d.outcome = 'success';
    d.restart = meaning === 'soft-reboot' ? 'soft' : meaning === 'hard-reboot' ? 'hard' : null;
    d.stage = null;
  } else if (meaning === 'retry' || meaning === 'deferred') {
    d.outcome = 'retry';
    d.stage = 'install';
    d.facts.add('retry-code');
  } else {
    d.outcome = 'failure';
    d.stage = 'install';
  }
}

export function createIntuneExtractor(emit: (draft: DeploymentDraft) => void): FamilyExtractor {
  const apps = new Map<string, AppState>();
  let current: AppState | null = null;

  function finalize(app: AppState): void {
    const d = app.draft;
    if (!d) return;
    app.draft = null;
    if (app.attempt) {
      if (d.exitCode !== null && d.exitMeaning === null) {
        d.mapping = 'default';
        applyMeaning(d, defaultMeaning('intune', d.exitCode));
      }
      if (d.outcome === 'failure' && d.exitCode !== null) d.reportedCode ??= hresultOfExitCode(d.exitCode);
    } else if (d.outcome === 'unknown') {
      if (app.detected === true) {
        d.outcome = 'success';
        d.facts.add('already-installed');
      } else if (app.applicable === false) {
        d.outcome = 'failure';
        d.stage = 'requirements';
        d.facts.add('requirement-not-met');
      }
    }
    emit(d);
  }

  function appFor(id: string): AppState {
    let app = apps.get(id);
    if (!app) {
      if (apps.size >= MAX_APPS) {
        const oldest = apps.values().next().value as AppState;
        finalize(oldest);
        apps.delete(oldest.id);
      }
      app = {
        id,
        name: null,
        draft: null,
        attempt: false,
        detectingAfter: false,
        expectCommand: false,
        detected: null,
        applicable: null,
      };
      apps.set(id, app);
    }
    return app;
  }

  function draftOf(app: AppState, r: DeployRecord): DeploymentDraft {
    if (!app.draft) {
      app.draft = new DeploymentDraft('intune', r.component || 'IntuneManagementExtension', r);
      app.draft.appId = app.id;
      app.draft.application = app.name;
    }
    return app.draft;
  }

  function newAttempt(app: AppState, r: DeployRecord): DeploymentDraft {
    const previous = app.draft;
    if (previous && app.attempt) finalize(app);
    const d = draftOf(app, r);
    if (previous && previous !== d) {
      d.context = previous.context;
      d.deploymentType = previous.deploymentType;
      d.workingDirectory = previous.workingDirectory;
      d.commandLine = previous.commandLine;
    }
    app.attempt = true;
    app.detectingAfter = false;
    app.expectCommand = true;
    return d;
  }

  function dependency(r: DeployRecord, body: string): void {
    const parentId = between(body, 'Marking app with id: ', ' ')?.trim();
    const childId = CHILD_ID_RE.exec(body)?.[1];
    if (!parentId || !childId) return;
    const parent = appFor(parentId);
    const child = appFor(childId);
    const d = draftOf(parent, r);
    d.see(r, true);
    d.outcome = 'failure';
    d.stage = 'dependency';
    d.dependsOn = child.name ?? child.id;
    d.facts.add('dependency-failed');
    const c = draftOf(child, r);
    c.see(r, true);
    if (c.outcome === 'unknown') c.outcome = 'failure';
  }

  return {
    record(r) {
      const msg = r.message;
      const body = bodyOf(msg);
      const named = APP_ID_RE.exec(msg);
      if (named) current = appFor(named[1]!);
      if (body.startsWith('Marking app with id: ') && body.includes('child dependency app with id: ')) {
        dependency(r, body);
        return;
      }
      const app = current;
      if (!app) return;
      // The readable name: "(id = X, name = Litware Designer 2026)" / "(id = X, name Litware Designer 2026)".
      const nameText = between(msg, `(id = ${app.id}, name `, ')');
      if (nameText) {
        app.name = nameText.replace(/^= /, '').trim() || app.name;
        if (app.draft) app.draft.application = app.name;
      }
      const bare = msg.charCodeAt(0) !== 91; /* [ */
      if (bare && app.expectCommand && msg.trim() && !msg.startsWith('Cleaning up')) {
        const d = draftOf(app, r);
        d.commandLine = msg.trim();
        d.see(r);
        app.expectCommand = false;
        return;
      }
      if (body.startsWith('===Step=== Execute retry ')) {
        newAttempt(app, r).see(r);
        return;
      }
      const d = draftOf(app, r);
      if (body.startsWith('===Step=== ExecuteWithRetry')) {
        d.see(r);
      } else if (body.startsWith('===Step=== InstallBehavior')) {
        const intent = leadingInt(between(body, 'Intent ', ','));
        d.deploymentType = intent === 4 ? 'uninstall' : 'install';
        d.see(r);
      } else if (body.startsWith('SetCurrentDirectory: ')) {
        d.workingDirectory = body.slice(21).trim();
      } else if (body.startsWith('Launch Win32AppInstaller in ')) {
        d.context = body.includes('user session') ? 'user' : 'system';
        d.see(r);
      } else if (body.startsWith('Trying to get elevated token for user')) {
        d.context = 'user';
      } else if (body.startsWith('lpExitCode is defined as ')) {
        d.see(r, true);
        const meaning = DEFINED_AS[trimEndNonWord(body.slice(25).trim()).toLowerCase()];
        d.mapping = 'matched';
        if (meaning) applyMeaning(d, meaning);
      } else if (/^lpExitCode -?\d/.test(body)) {
        d.see(r, true);
        const code = leadingInt(body.slice(11));
        d.exitCode = code === null ? null : code >>> 0;
        d.installerExitCode = d.exitCode;
      } else if (body.startsWith('Admin did NOT set mapping for lpExitCode')) {
        d.see(r, true);
        d.mapping = 'unmatched';
        d.facts.add('no-return-code-mapping');
        applyMeaning(d, 'failure');
      } else if (body.startsWith('Setting enforcementState as: Error')) {
        d.see(r, true);
        if (d.outcome !== 'not-detected') applyMeaning(d, 'failure');
      } else if (body.startsWith('hResultFromWin32 ') || body.startsWith('Set EnforcementStateMessage.ErrorCode ')) {
        const code = leadingInt(body.slice(body.lastIndexOf(' ') + 1));
        if (code !== null && code !== 0) d.reportedCode = hexCode(code);
        d.see(r);
      } else if (body.startsWith('Installation is timeout')) {
        d.see(r, true);
        d.facts.add('installer-timeout');
        applyMeaning(d, 'failure');
      } else if (body.startsWith('===Step=== Detection rules after Execution')) {
        app.detectingAfter = true;
        d.see(r);
      } else if (body.startsWith('Checked ProductCode ')) {
        d.detectionProductCode = between(body, 'Checked ProductCode ', ',')?.trim() ?? null;
        if (app.detectingAfter) d.see(r);
      } else if (body.startsWith('To check ') || body.startsWith('Completed detectionManager ')) {
        if (app.detectingAfter) d.see(r);
      } else if (body.startsWith('Detection for policy with id: ')) {
        const state = between(body, 'detection state: ', '.')?.trim();
        const detected = state === 'Detected';
        if (state !== 'Detected' && state !== 'NotDetected') return;
        d.see(r, app.detectingAfter);
        if (app.attempt && app.detectingAfter) {
          if (d.outcome === 'success' && !detected) {
            d.outcome = 'not-detected';
            d.stage = 'detection';
            d.restart = null;
            d.facts.add('not-detected-after-install');
            d.reportedCode = '0x87D1041C';
          }
        } else app.detected = detected;
      } else if (body.startsWith('Applicability check for policy with id: ')) {
        const state = between(body, 'applicability state: ', '.')?.trim();
        if (state === 'Applicable' || state === 'NotApplicable') app.applicable = state === 'Applicable';
        d.see(r);
      } else if (body.includes('has applicability state:') && body.includes('but is detected')) {
        d.see(r, true);
        d.facts.add('requirement-not-met-but-detected');
      } else if (body.startsWith('Content cache miss for app')) {
        d.see(r);
      } else if (body.startsWith('DO downloading is not finished within timeout')) {
        d.see(r, true);
        d.facts.add('download-timeout');
      } else if (body.startsWith('Handler completed with action status: ') && msg.includes('[DownloadActionHandler]')) {
        const status = trimEndNonWord(body.slice(38).trim());
        d.see(r, status !== 'Success');
        if (status === 'Timeout') {
          d.outcome = 'retry';
          d.stage = 'download';
        } else if (status === 'Failed' || status === 'Failure' || status === 'Error') {
          d.outcome = 'failure';
          d.stage ??= 'download';
        }
      } else if (/file hash validation (failed|fail\b)|hash mismatch/i.test(body)) {
        d.see(r, true);
        d.facts.add('content-hash-mismatch');
        d.outcome = 'failure';
        d.stage = 'content-hash';
      } else if (body.startsWith('Job has failed. Error:') || body.startsWith('JobError callback')) {
        d.see(r);
        d.facts.add('delivery-optimization-error');
      } else if (body.startsWith('CDN mode, download completes') || body.startsWith('Clearing GRS')) {
        d.see(r);
      } else if (body.includes('Tried in last 24 hours') || body.includes('No need to exec')) {
        d.see(r, true);
        d.facts.add('retry-after-grs');
      } else if (body.startsWith('Execution state for app with id:') && body.includes('Report delta:')) {
        const state = /"EnforcementState":\{[^{}]{0,200}?"NewValue":"(\w+)"/.exec(body)?.[1];
        const code = /"EnforcementErrorCode":\{[^{}]{0,200}?"NewValue":(-?\d+)/.exec(body)?.[1];
        if (state === 'Error') {
          d.see(r, true);
          if (code) d.reportedCode = hexCode(Number(code));
          if (d.outcome === 'retry') {
            d.outcome = 'failure';
            d.facts.add('retries-exhausted');
          } else if (d.outcome === 'unknown' || d.outcome === 'success') {
            if (d.outcome === 'success' && app.detectingAfter) {
              d.outcome = 'not-detected';
              d.stage = 'detection';
            } else {
              d.outcome = 'failure';
              d.stage ??= 'install';
            }
          }
        }
      }
    },
    finish() {
      const open = [...apps.values()].filter((a) => a.draft).sort((a, b) => a.draft!.firstLine - b.draft!.firstLine);
      for (const app of open) finalize(app);
      apps.clear();
      current = null;
    },
  };
}
