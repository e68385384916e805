// PSAppDeployToolkit 3.x / 4.x logs (CMTrace or Legacy text) -> one attempt per toolkit session: the programs it ran
// (Execute-MSI / Start-ADTMsiProcess, Execute-Process / Start-ADTProcess), the MSI mutex wait, deferrals, error records
// and the session's final exit code.
import type { DeployRecord } from './record-reader.ts';
import type { FamilyExtractor } from './configmgr.ts';
import { DeploymentDraft, between, deploymentTypeOf } from './deployment-draft.ts';
import { defaultMeaning } from '../knowledge/deploy-exit-codes.ts';
import { psadtSection } from './family.ts';
import { isMsiexec } from './command-line.ts';

interface Execution {
  commandLine: string;
  exitCode: number | null;
  failed: boolean;
}

interface Session {
  draft: DeploymentDraft;
  executions: Execution[];
  finalCode: number | null;
  msiAction: boolean;
  mutexTimeout: boolean;
  deferred: boolean;
  /** Records other than separator lines: a session of only "-----" lines is no attempt. */
  records: number;
}

const START_RE = /^\[([^\]]{1,200})\] (\w+) started\.$/;
const END_V4_RE = /^\[([^\]]{1,200})\] (\w+) completed in \[[\d.,]+\] seconds with exit code \[(-?\d+)\]\.?$/;
const END_V3_RE = /^(\S{1,200}) (Installation|Uninstallation|Repair) completed with exit code \[(-?\d+)\]\.?$/;
const EXEC_RESULT_RE = /^Execution (completed successfully|failed|completed) with exit code \[(-?\d+)\]/;
const ACCOUNT_RE = /running (?:as|with) user account \[([^\]]{1,200})\]/;

function isSystemAccount(account: string): boolean {
  return /(^|\\)SYSTEM$/i.test(account.trim()) || account.trim() === 'S-1-5-18';
}

/** The text inside `Executing [` ... `]...` (the command may itself contain brackets). */
function bracketed(message: string, prefix: string): string | null {
  if (!message.startsWith(prefix)) return null;
  const end = message.lastIndexOf(']');
  return end > prefix.length ? message.slice(prefix.length, end) : null;
}

export function createPsadtExtractor(emit: (draft: DeploymentDraft) => void): FamilyExtractor {
  let session: Session | null = null;

  function open(r: DeployRecord): Session {
    session = {
      draft: new DeploymentDraft('psadt', 'PSADT', r),
      executions: [],
      finalCode: null,
      msiAction: false,
      mutexTimeout: false,
      deferred: false,
      records: 0,
    };
    return session;
  }

  function close(): void {
    if (!session) return;
    const s = session;
    session = null;
    if (s.records === 0) return;
    const d = s.draft;
    const failed = s.executions.filter((e) => e.failed);
    const primary =
      failed.at(-1) ?? s.executions.filter((e) => isMsiexec(e.commandLine)).at(-1) ?? s.executions.at(-1) ?? null;
    if (primary) {
      d.commandLine = primary.commandLine;
      d.installerExitCode = primary.exitCode;
    }
    d.exitCode = s.finalCode ?? primary?.exitCode ?? null;
    if (s.mutexTimeout) d.facts.add('mutex-timeout');
    if (s.deferred) d.facts.add('user-deferred');
    const installing = s.executions.length > 0 || s.msiAction || s.mutexTimeout;
    if (s.finalCode !== null) {
      let meaning = defaultMeaning('psadt', s.finalCode);
      if (s.deferred && (meaning === 'deferred' || s.finalCode === 1602 || meaning === 'retry')) meaning = 'deferred';
      d.exitMeaning = meaning;
      d.mapping = 'default';
      const masked = failed.filter((e) => e.exitCode !== null && defaultMeaning('psadt', e.exitCode) === 'failure');
      if (meaning !== 'failure' && masked.length > 0) {
        // The script reported success although an installer failed: the product is not there. The failing
        // installer's code is the one that decides (PSADT issue #68: 1639, then "completed with exit code [0]").
        d.facts.add('installer-failure-masked');
        d.exitCode = masked.at(-1)!.exitCode;
        d.exitMeaning = 'failure';
        d.outcome = 'failure';
        d.stage = 'install';
      } else if (meaning === 'success' || meaning === 'soft-reboot' || meaning === 'hard-reboot') {
        d.outcome = 'success';
        d.restart = meaning === 'soft-reboot' ? 'soft' : meaning === 'hard-reboot' ? 'hard' : null;
      } else if (meaning === 'deferred' || meaning === 'retry') {
        d.outcome = 'retry';
        d.stage = meaning === 'deferred' ? null : 'install';
      } else {
        d.outcome = 'failure';
        d.stage = installing ? 'install' : null;
      }
    } else if (failed.length > 0 || s.mutexTimeout) {
      d.outcome = 'failure';
      d.stage = 'install';
    }
    emit(d);
  }

  return {
    record(r) {
      let msg = r.message;
      if (r.shape !== 'psadt-text') msg = psadtSection(msg)?.rest ?? msg;
      msg = msg.trim();
      const start = START_RE.exec(msg);
      if (start) {
        close();
        const s = open(r);
        s.draft.application = start[1]!;
        s.draft.deploymentType = deploymentTypeOf(start[2]!);
        s.draft.see(r);
      }
      const s = session ?? open(r);
      if (!/^-*$/.test(msg)) s.records++;
      const d = s.draft;
      if (d.context === null && r.context) d.context = isSystemAccount(r.context) ? 'system' : 'user';
      if (start) return;

      const account = ACCOUNT_RE.exec(msg)?.[1];
      if (account) d.context = isSystemAccount(account) ? 'system' : 'user';
      else if (msg.includes('toolkit running as non-SYSTEM user account')) d.context ??= 'user';

      const command = bracketed(msg, 'Executing [');
      const executed = command === null ? bracketed(msg, 'Executed [') : null;
      const end = END_V4_RE.exec(msg) ?? END_V3_RE.exec(msg);
      const result = EXEC_RESULT_RE.exec(msg);
      if (msg.startsWith('Deployment type is [')) {
        d.deploymentType = deploymentTypeOf(between(msg, '[', ']') ?? '') ?? d.deploymentType;
      } else if (command !== null) {
        s.executions.push({ commandLine: command.replace(/\.{3}$/, ''), exitCode: null, failed: false });
        d.see(r);
      } else if (executed !== null) {
        const cmd = executed.replace(/, awaiting completion\.{0,3}$/, '').replace(/\]$/, '');
        if (s.executions.at(-1)?.commandLine !== cmd)
          s.executions.push({ commandLine: cmd, exitCode: null, failed: false });
      } else if (msg.startsWith('Working Directory is [')) {
        d.workingDirectory = between(msg, '[', ']');
      } else if (msg.startsWith('Executing MSI action [')) {
        s.msiAction = true;
        d.see(r);
      } else if (result) {
        const exec = s.executions.at(-1);
        const code = Number(result[2]);
        if (exec) {
          exec.exitCode = code;
          exec.failed =
            result[1] === 'failed' || (result[1] === 'completed' && defaultMeaning('psadt', code) === 'failure');
        }
        d.see(r, true);
      } else if (isMutexWait(msg)) {
        d.facts.add('mutex-wait');
        d.see(r);
      } else if (msg.startsWith('Mutex [') && msg.includes('is not available')) {
        d.blockedBy = between(msg, 'installation is in progress [', null)?.replace(/\]\.?$/, '') ?? null;
        d.see(r, true);
      } else if (msg.startsWith('Another MSI installation is already in progress')) {
        s.mutexTimeout = true;
        d.see(r, true);
      } else if (msg.startsWith('Installation deferred by the user')) {
        s.deferred = true;
        d.see(r, true);
      } else if (msg.startsWith('Error Record:')) {
        d.facts.add('script-error');
        if (/FullyQualifiedErrorId\s*:\s*MsiExecUnavailable/.test(msg)) s.mutexTimeout = true;
        d.see(r, true);
      } else if (end) {
        s.finalCode = Number(end[3]);
        d.application ??= end[1]!;
        d.deploymentType ??= deploymentTypeOf(end[2]!);
        d.see(r, true);
        close();
      } else if (r.type === 3) {
        d.see(r, true);
      }
    },
    finish() {
      close();
    },
  };
}

/**
 * "Check to see if mutex [Global\\_MSIExecute] is available. Wait up to ...": read piece by piece between the "]"s (a
 * pattern `mutex \[[^\]]*\] is available` retried from every "mutex [" of a hostile line is quadratic).
 */
export function isMutexWait(msg: string): boolean {
  const pieces = msg.toLowerCase().split(']');
  for (let i = 0; i + 1 < pieces.length; i++)
    if (pieces[i]!.includes('mutex [') && pieces[i + 1]!.startsWith(' is available. wait up to')) return true;
  return false;
}
