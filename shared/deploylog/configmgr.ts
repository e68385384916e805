// ConfigMgr client logs -> install attempts: AppEnforce (application deployment types), execmgr (packages/programs),
// CAS / ContentTransferManager / DataTransferService (content), AppIntentEval (requirements).
import type { DeployRecord } from './record-reader.ts';
import { DeploymentDraft, between, deploymentTypeOf, leadingInt } from './deployment-draft.ts';
import { defaultMeaning, hresultOfExitCode, hexCode } from '../knowledge/deploy-exit-codes.ts';
import type { ExitMeaning } from '../contract/deployment.ts';
import { trimEndNonWord } from '../text/trim-end.ts';

export interface FamilyExtractor {
  record(record: DeployRecord): void;
  /** Emits what is still open at the end of input. */
  finish(): void;
}

const MAPPED: Record<string, ExitMeaning> = {
  success: 'success',
  softreboot: 'soft-reboot',
  hardreboot: 'hard-reboot',
  fastretry: 'retry',
  failure: 'failure',
};

/** Application content (Content_<guid>.<version>) and package content (PS100087.1). */
const CONTENT_ID_RE = /\b(?:Content_[0-9A-Fa-f-]{36}\.\d+|[A-Z0-9]{3}[0-9A-F]{5}\.\d+)\b/;

interface Enforcement {
  draft: DeploymentDraft;
  exited: boolean;
  /** Detection ran after the exit code (post-install detection). */
  detectingAfter: boolean;
  discoveredBefore: boolean;
}

/** Applies an exit meaning (from the table line or the default) to the attempt's outcome. */
function settle(draft: DeploymentDraft, meaning: ExitMeaning): void {
  draft.exitMeaning = meaning;
  if (meaning === 'success') draft.outcome = 'success';
  else if (meaning === 'soft-reboot' || meaning === 'hard-reboot') {
    draft.outcome = 'success';
    draft.restart = meaning === 'soft-reboot' ? 'soft' : 'hard';
  } else if (meaning === 'retry' || meaning === 'deferred') {
    draft.outcome = 'retry';
    draft.stage = 'install';
  } else {
    draft.outcome = 'failure';
    draft.stage = 'install';
  }
}

export function createConfigMgrExtractor(emit: (draft: DeploymentDraft) => void): FamilyExtractor {
  const enforcements = new Map<string, Enforcement>(); // by thread: parallel enforcements interleave
  const programs = new Map<string, DeploymentDraft>();
  const contents = new Map<string, DeploymentDraft>();
  const jobs = new Map<string, string>(); // CTM/DTS job id -> content id
  const MAX_OPEN = 64;

  function closeEnforcement(thread: string): void {
    const e = enforcements.get(thread);
    if (!e) return;
    enforcements.delete(thread);
    const d = e.draft;
    if (d.exitCode !== null && d.exitMeaning === null) {
      d.mapping = 'default';
      settle(d, defaultMeaning('configmgr', d.exitCode));
    }
    if (d.exitCode === null && d.outcome === 'unknown' && e.discoveredBefore) {
      d.outcome = 'success';
      d.facts.add('already-installed');
    }
    if (d.outcome === 'failure' && d.exitCode !== null) d.reportedCode ??= hresultOfExitCode(d.exitCode);
    emit(d);
  }

  function bounded<T>(map: Map<string, T>, key: string, value: T, onEvict: (v: T) => void): void {
    if (map.size >= MAX_OPEN) {
      const oldest = map.keys().next().value as string;
      onEvict(map.get(oldest)!);
      map.delete(oldest);
    }
    map.set(key, value);
  }

  function appEnforce(r: DeployRecord, msg: string): void {
    const thread = r.thread;
    if (msg.startsWith('+++ Starting ') && msg.includes(' enforcement for App DT "')) {
      closeEnforcement(thread);
      const draft = new DeploymentDraft('configmgr', 'AppEnforce', r);
      draft.deploymentType = deploymentTypeOf(between(msg, '+++ Starting ', ' ') ?? '');
      const name = between(msg, 'App DT "', '" ApplicationDeliveryType');
      draft.application = name;
      draft.appId = between(msg, 'ApplicationDeliveryType - ', ',');
      draft.workingDirectory = between(msg, 'ContentPath - ', ',');
      const context = (between(msg, 'Execution Context - ', null) ?? '').trim().toLowerCase();
      if (context.startsWith('system')) draft.context = 'system';
      else if (context.startsWith('user')) draft.context = 'user';
      draft.see(r);
      bounded(enforcements, thread, { draft, exited: false, detectingAfter: false, discoveredBefore: false }, (e) =>
        emit(e.draft),
      );
      return;
    }
    const e = enforcements.get(thread);
    if (!e) return;
    const d = e.draft;
    d.touch(r);
    if (msg.startsWith('Performing detection of app deployment type')) {
      if (e.exited) e.detectingAfter = true;
    } else if (
      msg.startsWith('+++ Application not discovered') ||
      msg.startsWith('+++ MSI application not discovered') ||
      msg.startsWith('+++ Did not detect app deployment type')
    ) {
      const code = between(msg, 'MSI Product Code: ', ',');
      if (code) d.detectionProductCode = code.trim();
      if (!e.exited) d.see(r);
      else if (d.deploymentType !== 'uninstall') {
        d.see(r, true);
        if (d.outcome === 'success') {
          d.outcome = 'not-detected';
          d.stage = 'detection';
          d.restart = null;
          d.facts.add('not-detected-after-install');
          d.reportedCode = '0x87D00324';
        }
      }
    } else if (
      msg.startsWith('+++ Discovered application') ||
      msg.startsWith('+++ MSI application discovered') ||
      msg.startsWith('+++ Detected app deployment type') ||
      msg.startsWith('+++ Application discovered')
    ) {
      d.see(r);
      if (!e.exited) e.discoveredBefore = true;
      else if (d.deploymentType === 'uninstall' && d.outcome === 'success') {
        // Still there after the uninstaller reported success.
        d.outcome = 'failure';
        d.stage = 'detection';
        d.reportedCode = '0x87D00325';
      }
    } else if (msg.startsWith('App enforcement environment:')) {
      d.see(r);
      for (const raw of msg.split('\n')) {
        const line = raw.trim();
        if (line.startsWith('Context: ')) {
          const c = line.slice(9).toLowerCase();
          d.context ??= c.startsWith('machine') || c.startsWith('system') ? 'system' : 'user';
        } else if (line.startsWith('Command line: ') && d.commandLine === null) d.commandLine = line.slice(14).trim();
      }
    } else if (msg.startsWith('Prepared command line: ')) {
      d.commandLine = msg.slice(23).trim();
    } else if (msg.startsWith('Prepared working directory: ')) {
      d.workingDirectory = msg.slice(28).trim() || d.workingDirectory;
    } else if (msg.startsWith('Executing Command line: ')) {
      d.see(r);
      let command = msg.slice(24).trim();
      const suffix = / with (system|user|admin) context$/i.exec(command);
      if (suffix) {
        command = command.slice(0, suffix.index);
        d.context = suffix[1]!.toLowerCase() === 'user' ? 'user' : 'system';
      }
      d.commandLine = command;
    } else if (msg.includes(' terminated with exitcode: ') && msg.startsWith('Process ')) {
      d.see(r, true);
      d.exitCode = leadingInt(between(msg, 'exitcode: ', null));
      d.installerExitCode = d.exitCode;
      e.exited = true;
    } else if (msg.startsWith('Matched exit code ')) {
      d.see(r, true);
      const kind = (between(msg, ' to a ', ' entry') ?? '').toLowerCase();
      const meaning = MAPPED[kind];
      d.mapping = 'matched';
      if (meaning) settle(d, meaning);
      if (meaning === 'retry') d.facts.add('retry-code');
    } else if (msg.startsWith('Unmatched exit code')) {
      d.see(r, true);
      d.mapping = 'unmatched';
      d.facts.add('unmatched-exit-code');
      settle(d, 'failure');
    } else if (msg.startsWith('++++++ Failed to enforce app.')) {
      d.see(r, true);
      const code = /0x[0-9a-fA-F]{8}/.exec(msg)?.[0];
      if (code) d.reportedCode = hexCode(parseInt(code, 16));
      d.outcome = 'failure';
      d.stage ??= 'install';
    } else if (msg.startsWith('++++++ App enforcement completed')) {
      d.see(r);
      closeEnforcement(thread);
    } else if (msg.startsWith('Waiting for process') || msg.startsWith('Looking for exit code')) {
      d.see(r);
    }
  }

  function execmgr(r: DeployRecord, msg: string): void {
    let program = between(msg, ' program ', ' state change from ');
    if (msg.startsWith('Execution Request for advert') && program) {
      let d = programs.get(program);
      if (!d) {
        d = new DeploymentDraft('configmgr', 'execmgr', r);
        d.application = program;
        d.appId = between(msg, ' package ', ' program ');
        d.deploymentType = 'install';
        bounded(programs, program, d, emit);
      }
      d.see(r);
      d.touch(r);
      return;
    }
    // Most execmgr lines name the program; the command and exit lines belong to the program running now.
    program =
      between(msg, 'Program: ', null)
        ?.split(/ failed| ?\]|,/)[0]
        ?.trim() ?? null;
    program ??= between(msg, 'for program ', '. ');
    const d = (program && programs.get(program)) || [...programs.values()].at(-1);
    if (!d) return;
    d.touch(r);
    if (msg.startsWith('Executing program ')) {
      d.see(r);
      const ctx = / in (admin|user) context$/i.exec(msg);
      if (ctx) d.context = ctx[1]!.toLowerCase() === 'user' ? 'user' : 'system';
      d.commandLine ??= msg.slice(18, ctx ? ctx.index : undefined).trim();
    } else if (msg.startsWith('Command line = ')) {
      d.see(r);
      const comma = msg.lastIndexOf(', Working Directory = ');
      d.commandLine = msg.slice(15, comma < 0 ? undefined : comma).trim();
      if (comma >= 0) d.workingDirectory = msg.slice(comma + 22).trim();
    } else if (msg.startsWith('Successfully prepared command line ')) {
      d.commandLine = msg.slice(35).trim();
    } else if (msg.startsWith('Program exit code ')) {
      d.see(r, true);
      d.exitCode = leadingInt(msg.slice(18));
      d.installerExitCode = d.exitCode;
    } else if (msg.startsWith('Script for Package:') && msg.includes('failed with exit code')) {
      d.see(r, true);
    } else if (msg.startsWith('Execution is complete for program ')) {
      d.see(r, true);
      const status = trimEndNonWord((between(msg, 'the execution status is ', null) ?? '').trim());
      const code = leadingInt(between(msg, 'The exit code is ', ','));
      if (code !== null) d.exitCode = code;
      if (/^Success/i.test(status)) settle(d, 'success');
      else if (/NonRetry/i.test(status)) settle(d, 'failure');
      else if (/Retry/i.test(status)) {
        settle(d, 'retry');
        d.facts.add('retry-code');
      } else if (/^Failure/i.test(status)) settle(d, 'failure');
      else if (d.exitCode !== null) {
        d.mapping = 'default';
        settle(d, defaultMeaning('configmgr', d.exitCode));
      }
      if (d.outcome === 'failure' && d.exitCode !== null) d.reportedCode ??= hresultOfExitCode(d.exitCode);
      programs.delete(d.application ?? '');
      emit(d);
    }
  }

  function content(r: DeployRecord, msg: string): void {
    if (msg.startsWith('Requesting content ')) {
      const id = (between(msg, 'Requesting content ', ',') ?? '').trim();
      if (!id) return;
      const d = new DeploymentDraft('configmgr', 'content', r);
      d.appId = id;
      d.deploymentType = 'install';
      const ctx = (between(msg, 'under context ', ' ') ?? '').toLowerCase();
      d.context = ctx.startsWith('system') ? 'system' : ctx.startsWith('user') ? 'user' : null;
      d.see(r);
      bounded(contents, id, d, emit);
      return;
    }
    const job = /\{[0-9A-Fa-f-]{36}\}/.exec(msg)?.[0] ?? null;
    const named = CONTENT_ID_RE.exec(msg)?.[0];
    if (job && named) jobs.set(job, named);
    const contentId =
      named ?? (job ? jobs.get(job) : undefined) ?? (contents.size === 1 ? contents.keys().next().value : undefined);
    const d = contentId ? contents.get(contentId) : undefined;
    if (!d) return;
    d.touch(r);
    if (msg.includes('Received empty location update') || /Rec(ie|ei)ved no suitable locations/.test(msg)) {
      d.see(r, true);
      d.facts.add('content-no-location');
    } else if (msg.includes('_GetNextLocation failed with code') || msg.includes('encountered a fatal error')) {
      d.see(r, true);
      const code = /0x[0-9a-fA-F]{8}/.exec(msg)?.[0];
      if (code) d.reportedCode = hexCode(parseInt(code, 16));
    } else if (msg.startsWith('No progress for CTM job')) {
      d.see(r, true);
      d.facts.add('download-timeout');
    } else if (/hash (verification|validation) failed|hash does not match|hash mismatch/i.test(msg)) {
      d.see(r, true);
      d.facts.add('content-hash-mismatch');
      d.outcome = 'failure';
      d.stage = 'content-hash';
    } else if (msg.startsWith('Download failed for content ')) {
      d.see(r, true);
      const code = /0x[0-9a-fA-F]{8}/.exec(msg)?.[0];
      if (code) d.reportedCode = hexCode(parseInt(code, 16));
      if (d.stage !== 'content-hash') {
        d.outcome = 'failure';
        d.stage = 'download';
      }
      contents.delete(d.appId ?? '');
      emit(d);
    } else if (
      msg.startsWith('Download completed for content ') ||
      msg.startsWith('Hash verification succeeded for content ')
    ) {
      d.see(r);
      if (d.outcome === 'unknown') d.outcome = 'success';
      if (msg.startsWith('Download completed')) {
        contents.delete(d.appId ?? '');
        emit(d);
      }
    } else if (msg.startsWith('Location update from CTM') || msg.startsWith('CTM job ')) {
      d.see(r);
    }
  }

  // AppDiscovery.log: the detection of each deployment type, run on its own every evaluation cycle.
  let discovery: DeploymentDraft | null = null;
  function appDiscovery(r: DeployRecord, msg: string): void {
    if (msg.startsWith('Performing detection of app deployment type ')) {
      if (discovery) emit(discovery);
      const d = new DeploymentDraft('configmgr', 'AppDiscovery', r);
      const rest = msg.slice(44);
      const open = rest.lastIndexOf('(ScopeId_');
      d.application = (open > 0 ? rest.slice(0, open) : rest).trim() || null;
      d.appId = open > 0 ? (between(rest, '(', ',', open) ?? null) : null;
      const who = / for (system|user)\.?$/i.exec(msg)?.[1]?.toLowerCase();
      d.context = who === 'system' ? 'system' : who === 'user' ? 'user' : null;
      d.see(r);
      discovery = d;
      return;
    }
    const d = discovery;
    if (!d) return;
    const code = between(msg, 'MSI Product Code: ', ',');
    if (code) d.detectionProductCode = code.trim();
    if (msg.startsWith('+++ Detected app deployment type') || msg.startsWith('+++ Discovered application')) {
      d.see(r, true);
      d.outcome = 'success';
      d.facts.add('already-installed');
      emit(d);
      discovery = null;
    } else if (msg.startsWith('+++ Did not detect app deployment type') || msg.includes('not discovered')) {
      // Not installed (yet): the normal answer before an install, not a failure on its own.
      d.see(r, true);
      if (msg.startsWith('+++ Did not detect')) {
        emit(d);
        discovery = null;
      }
    }
  }

  function intentEval(r: DeployRecord, msg: string): void {
    // "ScopeId_.../DeploymentType_... :- Current State = NotInstalled, Applicability = NotApplicable, ..., Title = X"
    if (!msg.includes('Applicability = NotApplicable')) return;
    const d = new DeploymentDraft('configmgr', 'AppIntentEval', r);
    d.appId = msg.split(' ')[0] ?? null;
    d.application = between(msg, 'Title = ', ',')?.trim() || null;
    d.outcome = 'failure';
    d.stage = 'requirements';
    d.facts.add('requirement-not-met');
    d.see(r, true);
    emit(d);
  }

  return {
    record(r) {
      const msg = r.message.trimStart();
      const component = r.component.toLowerCase();
      if (component === 'appenforce' || component === 'appprovider') appEnforce(r, msg);
      else if (component === 'execmgr') execmgr(r, msg);
      else if (
        component === 'contentaccess' ||
        component === 'cas' ||
        component === 'contenttransfermanager' ||
        component === 'datatransferservice' ||
        component === 'locationservices'
      )
        content(r, msg);
      else if (component === 'appintenteval') intentEval(r, msg);
      else if (component === 'appdiscovery') appDiscovery(r, msg);
    },
    finish() {
      for (const thread of [...enforcements.keys()]) closeEnforcement(thread);
      if (discovery) emit(discovery);
      discovery = null;
      for (const d of programs.values()) emit(d);
      for (const d of contents.values()) emit(d);
      programs.clear();
      contents.clear();
    },
  };
}
