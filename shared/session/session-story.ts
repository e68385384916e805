// The story of a session, derived from its record and nothing else: one state (one banner), what was found first,
// what was done, whether it worked, and what is still worth knowing. The wizard, the report, the history and the CLI
// all tell the session through this, so they can never disagree.
import type { CauseId } from '../contract/ids.ts';
import type { Finding } from '../contract/finding.ts';
import type { ScanResult } from '../contract/scan.ts';
import type { SessionCheck, SessionRecord, SessionRepair, SessionSummary } from '../contract/session.ts';

export const SESSION_STATES = [
  /** Findings shown, nothing run yet. */
  'diagnosed',
  /** Nothing found that explains the failure. */
  'no-problem',
  /** A repair is running right now. */
  'running',
  /** A restart was scheduled or started; the session continues after it. */
  'awaiting-restart',
  /** The repair (or the check after it) shows the cause is gone. */
  'fixed',
  /** The repair ran; it cannot be checked automatically. */
  'unverified',
  /** The repair ran but the cause is still there. */
  'still-there',
  /** The repair failed, timed out, was cancelled or was not allowed to run. */
  'fix-failed',
  /** The app stopped while the repair ran (crash, power loss): its journal tells what ran. */
  'interrupted',
  /** The repair was undone: everything is back as it was, so the cause is back too. */
  'undone',
  /** The retried install succeeded. */
  'install-passed',
  /** The retried install failed again. */
  'install-failed',
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** States after which the user's next move is another fix (the primary action). */
export const NEXT_FIX_STATES: readonly SessionState[] = ['fix-failed', 'still-there', 'undone', 'interrupted'];

/** The confidence from which a cause counts as still open. */
export const OPEN_CONFIDENCE = 0.5;

const NOT_A_CAUSE: readonly CauseId[] = ['no-problem-found', 'unknown'];

/** A finding that is a problem of this machine: a cause of the failure or a security hole (not a side note). */
function isProblem(f: Finding): boolean {
  return f.kind !== 'info' && !NOT_A_CAUSE.includes(f.cause);
}

/** The diagnosis's first problem (findings are ranked once, by diagnose()): null when nothing was found. */
export function topCause(scan: ScanResult): Finding | null {
  return scan.findings.find(isProblem) ?? null;
}

/** Problems still reported with at least moderate confidence. */
export function openCauses(scan: ScanResult): CauseId[] {
  return scan.findings.filter((f) => isProblem(f) && f.confidence >= OPEN_CONFIDENCE).map((f) => f.cause);
}

/** A verify rescan passes when the fixed cause (or, without one, every cause) is no longer open. */
export function checkPasses(scan: ScanResult, target: CauseId | null): boolean {
  const open = openCauses(scan);
  return target === null ? open.length === 0 : !open.includes(target);
}

/** The repairs of the session whose outcome says they did their job and were not undone. */
function undone(repair: SessionRepair): boolean {
  return repair.undo?.outcome.status === 'succeeded';
}

function finishedAt(repair: SessionRepair): string {
  return repair.undo?.at ?? repair.verifiedAfter?.at ?? repair.finishedAt ?? repair.startedAt;
}

/** How one repair ended, as a state of the session if it were the last thing that happened. */
function verdict(verified: boolean | null): SessionState {
  return verified === true ? 'fixed' : verified === false ? 'still-there' : 'unverified';
}

export function repairState(repair: SessionRepair): SessionState {
  if (repair.state === 'running') return 'running';
  if (undone(repair)) return 'undone';
  // Checked again after the restart it scheduled.
  if (repair.verifiedAfter) return verdict(repair.verifiedAfter.verified);
  const outcome = repair.outcome;
  // A restart "now" can end the app before the outcome is written: the session waits for it all the same.
  if (!outcome) return repair.plan.restart ? 'awaiting-restart' : 'interrupted';
  if (repair.purpose === 'verify-install')
    return outcome.status === 'succeeded' && outcome.verified !== false ? 'install-passed' : 'install-failed';
  if (outcome.status !== 'succeeded') return 'fix-failed';
  if (repair.restart && !repair.restart.resumedAt) return 'awaiting-restart';
  return verdict(outcome.verified);
}

function checkState(check: SessionCheck): SessionState {
  if (check.purpose === 'new-log') return 'install-failed';
  return check.passed ? 'fixed' : 'still-there';
}

export interface SessionStory {
  state: SessionState;
  /** The first diagnosis's top cause (frozen): what was found. */
  found: Finding | null;
  /** Every repair run in the session, in order. */
  did: SessionRepair[];
  /** The repair the state is about (the last one), if any. */
  last: SessionRepair | null;
  /** The check the state is about, when a check came after the last repair. */
  lastCheck: SessionCheck | null;
  /** The cause the last fix aimed at, when the session got that far. */
  fixedCause: CauseId | null;
  /** The latest diagnosis without the cause that was fixed: other causes, security and side notes, in rank order. */
  stillWorthKnowing: Finding[];
}

export function sessionStory(record: SessionRecord): SessionStory {
  const did = [...record.repairs];
  const last = did.at(-1) ?? null;
  const lastCheck = record.checks.at(-1) ?? null;
  const checkIsNewer = lastCheck !== null && (last === null || lastCheck.at >= finishedAt(last));
  let state: SessionState;
  if (did.some((r) => r.state === 'running')) state = 'running';
  else if (checkIsNewer && lastCheck) state = checkState(lastCheck);
  else if (last) state = repairState(last);
  else state = topCause(record.latest) ? 'diagnosed' : 'no-problem';
  const fixes = did.filter((r) => r.purpose === 'fix' && r.cause !== null);
  const fixedCause = fixes.at(-1)?.cause ?? null;
  // What is gone is not "worth knowing" any more: the fixed cause once fixed, and the non-causes.
  const gone = state === 'fixed' || state === 'install-passed' ? fixedCause : null;
  const stillWorthKnowing = record.latest.findings.filter(
    (f) =>
      !NOT_A_CAUSE.includes(f.cause) && f.cause !== gone && (state !== 'diagnosed' || f !== topCause(record.latest)),
  );
  return {
    state,
    found: topCause(record.initial),
    did,
    last,
    lastCheck: checkIsNewer ? lastCheck : null,
    fixedCause,
    stillWorthKnowing,
  };
}

/** One line of the history. */
export function sessionSummary(record: SessionRecord): SessionSummary {
  return {
    sessionId: record.sessionId,
    startedAt: record.startedAt,
    symptom: record.symptom,
    found: topCause(record.initial)?.cause ?? null,
    did: record.repairs.map((r) => ({ repair: r.repair, result: repairState(r) })),
    state: sessionStory(record).state,
  };
}
