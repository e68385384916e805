// Turns the final state of the last session into the LogAnalysis verdict: outcome, failing action, errors, causes, evidence.
import type { FailedAction, LogAnalysis, LogFormat, Operation, Outcome } from '../contract/log-analysis.ts';
import { LOG_ANALYSIS_SCHEMA } from '../contract/log-analysis-id.ts';
import type { SessionState, LoggedError } from './session-state.ts';
import {
  exitCodeCauses,
  messageCauses,
  rankCauses,
  refinedCause,
  type CauseSignal,
  type RankedCause,
} from './cause-rules.ts';
import { isCustomActionName, SCRIPT_ACTIONS, WRAPPER_ACTIONS } from './standard-actions.ts';
import { FOLLOW_ON } from './noise.ts';
import { redactLine } from './redaction.ts';
import { formatHresult, hresultToWin32 } from './hresult.ts';
import { P } from './patterns.ts';
import { WINGET_CODES } from '../knowledge/winget-codes.ts';

export interface SummaryInput {
  file: string;
  encoding: string;
  sessions: number;
  lineCount: number;
  byteCount: number;
  /** Record number -> the file's line (a flattened paste holds several records on one line). */
  toLine?: (record: number) => number;
}

const MAX_EVIDENCE = 20;

export function summarizeSession(s: SessionState, input: SummaryInput): LogAnalysis {
  const line = input.toLine ?? ((n: number) => n);
  const format = detectFormat(s);
  const { exitCode, exitLine, exitCodeText } = pickExitCode(s, format);
  const nonContinuedCaFailure = s.caFailures.find((f) => !s.failure || f.line <= s.failure.line) ?? null;
  const outcome = pickOutcome(s, format, exitCode, nonContinuedCaFailure !== null);
  const failedAction = outcome === 'success' || outcome === 'reboot-required' ? null : pickFailedAction(s);
  const errors = s.errors.filter((e) => !(outcome === 'success' && e.afterFailure));
  // Burn "Error 0x8007xxxx" lines carry HRESULTs, not Windows Installer message numbers.
  const primary =
    outcome === 'success' || outcome === 'reboot-required' || format === 'burn'
      ? null
      : pickPrimaryError(s.errors, s, failedAction);
  const causes = pickCauses(s, format, outcome, exitCode, failedAction, exitLine, primary);
  const evidence = pickEvidence(s);
  const hidden = s.hidden;

  const productCode =
    s.props.get('ProductCode') ?? (P.GUID_ONLY.test(s.productPath ?? '') ? s.productPath : null) ?? null;
  const burn = s.burn
    ? {
        failingPackage: s.burn.failingPackage,
        packages: [...s.burn.packages.values()].map((p) => ({ ...p })),
        hresult: s.burn.applyResult !== null ? formatHresult(s.burn.applyResult) : null,
      }
    : null;
  const removingOldVersion =
    failedAction?.name === 'RemoveExistingProducts' || s.errors.some((e) => e.code === 1714 && !e.afterFailure);

  return {
    schema: LOG_ANALYSIS_SCHEMA,
    file: input.file,
    format,
    encoding: input.encoding,
    operation: pickOperation(s, format),
    product: {
      name: s.finalProductName ?? s.props.get('ProductName') ?? s.productFromMessages ?? null,
      version: s.finalProductVersion ?? s.props.get('ProductVersion') ?? null,
      productCode,
    },
    outcome,
    exitCode,
    exitCodeText,
    failedAction: failedAction ? { ...failedAction, line: line(failedAction.line) } : null,
    errors: errors.slice(0, 50).map((e) => ({ code: e.code, line: line(e.line), text: redactLine(e.text, hidden) })),
    primaryError: primary?.code ?? null,
    causes: causes.map((c) => ({
      id: c.id,
      confidence: c.confidence,
      lines: [...new Set(c.lines.map(line))],
      reason: c.reason
        ? { text: redactLine(withoutEngineHead(c.reason.text), hidden), line: line(c.reason.line) }
        : null,
    })),
    evidence: evidence.map((e) => ({ line: line(e.line), text: redactLine(e.text, hidden) })),
    installerVersion: s.installerVersion,
    processes: [...s.processes.values()],
    sessions: input.sessions,
    lineCount: input.lineCount,
    byteCount: input.byteCount,
    burn,
    wrapper: s.wrapper
      ? {
          tool: s.wrapper.tool,
          exitCode: s.wrapper.code,
          exitCodeText: s.wrapper.codeText,
          installerExitCode: installerCodeOf(s.wrapper),
          line: line(s.wrapper.line),
        }
      : null,
    oldProduct:
      removingOldVersion && outcome !== 'success'
        ? { name: oldProductName(s), productCode: s.oldProduct.productCode }
        : null,
  };
}

/** The installer's code a wrapper reports, or the Win32 code its own result stands for (winget's 0x8A150109 = 3010). */
function installerCodeOf(w: { tool: string; code: number | null; carried: number | null }): number | null {
  if (w.carried !== null) return w.carried;
  if (w.code === null) return null;
  // 0x80070643 is 1603 wherever it is printed.
  if (w.code >>> 0 >= 0x80070000 && w.code >>> 0 <= 0x8007ffff) return hresultToWin32(w.code);
  if (w.tool === 'winget') return WINGET_CODES.get(w.code >>> 0)?.win32 ?? null;
  return null;
}

/** "MSI (s) (CC:24) [17:23:00:920]: Product: X -- Error 1714. ..." -> "Product: X -- Error 1714. ..." (the words). */
function withoutEngineHead(text: string): string {
  const t = text.trim();
  if (!t.startsWith('MSI (')) return t;
  const at = t.indexOf(']: ');
  return at > 0 && at < 60 ? t.slice(at + 3) : t;
}

/** The old version's name: what the product messages call the product (1714 names the older version by it). */
function oldProductName(s: SessionState): string | null {
  return s.oldProduct.name ?? s.productFromMessages ?? s.props.get('ProductName') ?? null;
}

function detectFormat(s: SessionState): LogFormat {
  if (s.burnLines > 0 && s.burnLines >= s.msiLines) return 'burn';
  if (s.verboseHeader) return 'msi-verbose';
  if (s.basicHeader) return 'msi-basic';
  if (s.verboseOnlyLines > 0 || s.msiLines >= 5) return 'msi-verbose';
  if (s.actionLines > 0 || s.msiLines > 0 || s.caFailures.length > 0 || s.continuedCaCount > 0) return 'msi-basic';
  return 'unknown';
}

/** The exit code and the line it comes from; a number that does not fit in 32 bits is null with its text kept. */
function pickExitCode(
  s: SessionState,
  format: LogFormat,
): { exitCode: number | null; exitLine: number; exitCodeText: string | null } {
  let text: string | null = null;
  const found = (code: number, line: number) => ({ exitCode: code, exitLine: line, exitCodeText: null });
  if (format === 'burn' && s.burn) {
    if (s.burn.exitCode !== null) return found(s.burn.exitCode, 0);
    if (s.burn.applyResult !== null) {
      const r = s.burn.applyResult >>> 0;
      const code = (r & 0xffff0000) >>> 0 === 0x80070000 ? r & 0xffff : r < 0x10000 ? r : null;
      if (code !== null) return found(code, 0);
    }
  }
  const sources: Array<{ code: number | null; line: number; text?: string | null } | null> = [
    s.mainEngine,
    s.finalCode,
    s.backFromServer,
    // The installer's code a wrapper tool reports ("ShellExecute installer failed: 1603"), or the one its own code means.
    s.wrapper && { code: installerCodeOf(s.wrapper), line: s.wrapper.line },
  ];
  for (const source of sources) {
    if (!source) continue;
    if (source.code !== null) return found(source.code, source.line);
    text ??= source.text ?? null;
  }
  if (s.topLevel) {
    const map: Record<number, number> = { 1: 0, 2: 1602, 3: 1603 };
    const code = map[s.topLevel.value];
    if (code !== undefined) return found(code, s.topLevel.line);
  }
  return { exitCode: null, exitLine: 0, exitCodeText: text };
}

function pickOutcome(s: SessionState, format: LogFormat, exitCode: number | null, caFailed: boolean): Outcome {
  if (exitCode !== null) {
    if (exitCode === 0) return s.burn?.restartRequired ? 'reboot-required' : 'success';
    if (exitCode === 3010 || exitCode === 1641) return 'reboot-required';
    if (exitCode === 1602) return 'cancelled';
    return 'failure';
  }
  if (s.failure || caFailed) return 'failure';
  // No status line (an excerpt, an errors-only log): an error shown to the user, or the messages of an errors-only
  // log, mean the install failed; a wrapper tool that reported its own failure says so too.
  if (s.shownErrors > 0 || errorsOnly(s, format) || s.wrapper?.codeText) return 'failure';
  return 'incomplete';
}

/** An errors-only log (msiexec /le): a basic header and the messages the user saw, no engine or action lines. */
function errorsOnly(s: SessionState, format: LogFormat): boolean {
  return format === 'msi-basic' && s.basicHeader && s.msiLines === 0 && s.actionLines === 0 && s.messages.length > 0;
}

function pickFailedAction(s: SessionState): FailedAction | null {
  const f = s.failure;
  if (f) {
    const seq = f.sequenceAction;
    const inSpan = (line: number) => line >= f.spanStart && line <= f.repeatedUntil;
    let culprit: string | null = null;
    if (SCRIPT_ACTIONS.has(seq) || WRAPPER_ACTIONS.has(seq)) {
      culprit =
        s.caFailures.find((c) => inSpan(c.line))?.name ??
        s.errors.find((e) => inSpan(e.line) && e.caName)?.caName ??
        // The deferred step running at the last error shown before the failure (earlier debug notes may be benign).
        s.errors.filter((e) => inSpan(e.line) && !e.afterFailure && e.shown && e.deferred).pop()?.deferred ??
        f.deferredAtSignal ??
        (SCRIPT_ACTIONS.has(seq) ? f.lastDeferred : null);
    } else {
      culprit = seq;
    }
    // A snippet may lack the "Action start" line: a CA failure just before the end still names the culprit.
    if ((culprit === null || culprit === seq) && (SCRIPT_ACTIONS.has(seq) || WRAPPER_ACTIONS.has(seq))) {
      const before = s.caFailures.filter((c) => c.line <= f.line).pop();
      if (before) culprit = before.name;
    }
    const name = culprit ?? seq;
    return { name, sequenceAction: seq, line: f.line, customAction: isCa(s, name) };
  }
  const ca = s.caFailures[0];
  if (ca) return { name: ca.name, sequenceAction: ca.name, line: ca.line, customAction: true };
  return null;
}

function isCa(s: SessionState, name: string): boolean {
  return s.caTypes.has(name) || s.caFailures.some((c) => c.name === name) || isCustomActionName(name);
}

/** The message number that best explains the failure: inside the failing action first, else the last before it. */
function pickPrimaryError(
  errors: readonly LoggedError[],
  s: SessionState,
  failed: FailedAction | null,
): LoggedError | null {
  const before = errors.filter((e) => !e.afterFailure);
  if (before.length === 0) return null;
  const score = (e: LoggedError) => (FOLLOW_ON.has(e.code) ? 2 : 0) + (e.shown ? 0 : 1);
  const best = (list: LoggedError[]) =>
    list.reduce<LoggedError | null>((acc, e) => (acc === null || score(e) < score(acc) ? e : acc), null);
  if (s.failure) {
    const span = before.filter((e) => e.line >= s.failure!.spanStart);
    // RemoveExistingProducts: the nested install's errors explain 1714 ("the older version cannot be removed").
    const older = s.failure.sequenceAction === 'RemoveExistingProducts' ? span.find((e) => e.code === 1714) : undefined;
    if (older) return older;
    if (span.length) return best(span);
    // Nothing inside the failing action: the closest error above it, unless it is far away (unrelated);
    // a debug note must be really close to count.
    const near = before.filter((e) => s.failure!.line - e.line < (e.shown ? 400 : 40));
    return near.length ? best(near.slice(-3)) : null;
  }
  if (failed) {
    const near = before.filter((e) => Math.abs(e.line - failed.line) < 60);
    if (near.length) return best(near);
  }
  return best(before);
}

function pickCauses(
  s: SessionState,
  format: LogFormat,
  outcome: Outcome,
  exitCode: number | null,
  failed: FailedAction | null,
  exitLine: number,
  primary: LoggedError | null,
): RankedCause[] {
  const signals: CauseSignal[] = [...s.signals];
  if (outcome === 'success') {
    return rankCauses([
      { id: 'no-problem-found', weight: 0.9, line: exitLine },
      ...signals.map((x) => ({ ...x, weight: x.weight * 0.5 })),
    ]);
  }
  if (failed) {
    if (failed.customAction) {
      const ca = s.caFailures.find((c) => c.name === failed.name);
      const error = s.errors.find((e) => e.caName === failed.name);
      // The custom action's own words (its output, or the command's), else its 1722 line, else its result line.
      const reason = ca?.reason ?? null;
      signals.push({
        id: 'custom-action-failed',
        weight: 0.6,
        line: reason?.text ? reason.line : (error?.line ?? ca?.line ?? failed.line),
        reason: reason?.text || error?.text || ca?.text,
        ownWords: Boolean(reason?.text),
      });
      if (ca) signals.push({ id: 'custom-action-failed', weight: 0.3, line: ca.line });
    } else if (failed.name === 'LaunchConditions') {
      // The condition's message, as the dialog showed it.
      const shown =
        (s.failure?.sequenceAction === failed.name ? s.failure.shownMessage : null) ??
        (s.lastShownMessage && s.lastShownMessage.line <= failed.line ? s.lastShownMessage : null);
      signals.push({
        id: 'launch-condition-failed',
        weight: 0.7,
        line: shown?.line ?? failed.line,
        reason: shown?.text,
        ownWords: shown !== null,
      });
    }
  }
  // Writes to per-machine locations refused while the install ran per-user and unelevated.
  if (s.unelevated && !s.elevated)
    for (const w of s.machineWrites) {
      const cause = refinedCause(w.code, 'machineLocationUnelevated');
      if (cause) signals.push({ id: cause, weight: 0.65, line: w.line, reason: w.text });
    }
  if (errorsOnly(s, format)) {
    // The messages of an errors-only log are the launch conditions' or a prerequisite check's words.
    const first = s.messages[0]!;
    const prerequisite = s.messages.find((m) => P.PREREQUISITE.test(m.text));
    signals.push(
      prerequisite
        ? {
            id: 'prerequisite-missing',
            weight: 0.55,
            line: prerequisite.line,
            reason: prerequisite.text,
            ownWords: true,
          }
        : { id: 'launch-condition-failed', weight: 0.45, line: first.line, reason: first.text, ownWords: true },
    );
  }
  // The error that best explains the failure agrees with its own causes once more.
  if (primary)
    for (const c of messageCauses(primary.code))
      signals.push({ id: c.id, weight: 0.3 * c.share, line: primary.line, reason: primary.text });
  if (exitCode !== null)
    for (const c of exitCodeCauses(exitCode)) signals.push({ id: c.id, weight: 0.55 * c.share, line: exitLine });
  if (outcome === 'cancelled') signals.push({ id: 'user-cancelled', weight: 0.6, line: exitLine });
  const ranked = rankCauses(signals);
  if (ranked.length === 0 && (outcome === 'failure' || outcome === 'incomplete')) {
    return [
      {
        id: 'unknown',
        confidence: outcome === 'failure' ? 0.2 : 0.1,
        lines: exitLine ? [exitLine] : [],
        reason: null,
      },
    ];
  }
  return ranked;
}

function pickEvidence(s: SessionState): Array<{ line: number; text: string }> {
  const entries = [...s.pinned.entries()]
    .filter(([, p]) => p.text.trim().length > 0)
    .sort((a, b) => a[1].rank - b[1].rank || a[0] - b[0])
    .slice(0, MAX_EVIDENCE);
  return entries.map(([line, p]) => ({ line, text: p.text })).sort((a, b) => a.line - b.line);
}

function pickOperation(s: SessionState, format: LogFormat): Operation {
  if (format === 'burn' && s.burn?.action) {
    const a = s.burn.action.toLowerCase();
    if (a === 'install') return 'install';
    if (a === 'uninstall') return 'uninstall';
    if (a === 'repair') return 'repair';
    if (a === 'modify') return 'modify';
  }
  const v = s.finalVerbs;
  const remove = (s.props.get('REMOVE') ?? '').trim();
  const action = (s.props.get('ACTION') ?? '').trim().toUpperCase();
  if (action === 'ADMIN' || s.topLevelNames.has('ADMIN')) return 'admin';
  if (action === 'ADVERTISE' || s.topLevelNames.has('ADVERTISE')) return 'advertise';
  if (v.has('update') || (s.props.get('PATCH') ?? '').trim()) return 'patch';
  if (v.has('removed') || remove.toUpperCase() === 'ALL') return 'uninstall';
  if (v.has('reconfigured'))
    return (s.props.get('REINSTALL') ?? '').trim()
      ? 'repair'
      : remove || (s.props.get('ADDLOCAL') ?? '').trim()
        ? 'modify'
        : 'repair';
  if (v.has('installed')) return 'install';
  if ((s.props.get('REINSTALL') ?? '').trim()) return 'repair';
  if ((s.props.get('Installed') ?? '').trim()) return remove ? 'modify' : 'repair';
  if (s.props.has('ProductCode') || s.props.has('ProductName')) return 'install';
  // "******* Product: C:\\path\\x.msi" with nothing saying maintenance: a first install attempt.
  if (s.productPath && P.MSI_FILE.test(s.productPath.trim())) return 'install';
  if (s.productPath && P.MSP_FILE.test(s.productPath.trim())) return 'patch';
  return 'unknown';
}
