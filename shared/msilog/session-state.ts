// The incremental state of one logging session (/L+ appends several): consumes line events, keeps only capped facts.
import { textSignalOf, type LineEvent, type ProcessRole, type TextSignal } from './line-classifier.ts';
import { isNoiseMessage, FOLLOW_ON, NOTE_ONLY_NOISE } from './noise.ts';
import { messageCauses, refinedCause, type CauseSignal, type Refinement } from './cause-rules.ts';
import { SCRIPT_ACTIONS, TOP_LEVEL_ACTIONS, WRAPPER_ACTIONS } from './standard-actions.ts';
import { parseHiddenProperties } from './redaction.ts';
import type { CauseId } from '../contract/ids.ts';
import type { LineRing } from './line-ring.ts';
import { KEPT_PROPERTIES } from './kept-properties.ts';
import { BurnState } from './burn-state.ts';
import { pickOutputReason, type LineRef } from './reason.ts';
import type { WrapperTool } from './wrapper-output.ts';
import { codeFromDigits } from './numbers.ts';
import { lookupErrorCode, meaningOf } from '../knowledge/error-codes.ts';
import { P } from './patterns.ts';

export type { LineRef } from './reason.ts';

export interface LoggedError {
  code: number;
  line: number;
  text: string;
  /** "Error NNNN." shown to the user (weighs more than a "Note: 1: NNNN" debug line). */
  shown: boolean;
  afterFailure: boolean;
  /** Custom action named by 1720-1723 ("2: Name" or "Action: Name"). */
  caName: string | null;
  /** Deferred action (script op) running when the error was logged, if any. */
  deferred: string | null;
}

export interface FailurePoint {
  sequenceAction: string;
  line: number;
  spanStart: number;
  /** Deferred action running when the first real problem inside the span appeared. */
  deferredAtSignal: string | null;
  lastDeferred: string | null;
  /** Later "Return value 3" lines of the same action (a paste that repeats the block): the span reaches them. */
  repeatedUntil: number;
  /** The last message shown to the user inside the failing action (a launch condition's text), if any. */
  shownMessage: LineRef | null;
}

export interface CaFailure {
  name: string;
  code: number | null;
  line: number;
  /** The custom action's (or its command's) own words before it returned. */
  reason: LineRef | null;
  /** The "CustomAction X returned actual error code N" line itself. */
  text: string;
}

const CAP_ERRORS = 200;
const CAP_SIGNALS = 300;
const CAP_PINNED = 80;
const CAP_CA_FAILURES = 20;
const CAP_MESSAGES = 20;
/** A custom action's output is looked for this far above its result when its start is not in the log. */
const OUTPUT_WINDOW = 200;

export class SessionState {
  readonly startLine: number;
  verboseHeader = false;
  basicHeader = false;
  closed = false;
  installerVersion: string | null = null;
  msiLines = 0;
  verboseOnlyLines = 0;
  actionLines = 0;
  burnLines = 0;

  readonly props = new Map<string, string>();
  hidden = new Set<string>();
  finalVerbs = new Set<string>();
  finalCode: { code: number | null; text: string | null; line: number } | null = null;
  finalProductName: string | null = null;
  finalProductVersion: string | null = null;
  productFromMessages: string | null = null;
  mainEngine: { code: number | null; text: string; line: number; role: ProcessRole | null } | null = null;
  backFromServer: { code: number | null; line: number } | null = null;
  topLevel: { name: string; value: number; line: number } | null = null;
  topLevelNames = new Set<string>();
  productPath: string | null = null;
  /** The tool that ran msiexec (winget, Chocolatey...), its own code and the installer's code it reports. */
  wrapper: {
    tool: WrapperTool;
    code: number | null;
    codeText: string | null;
    carried: number | null;
    line: number;
  } | null = null;
  /** The engine said it runs with user privileges / cannot elevate (per-user, unelevated), or that it is elevated. */
  unelevated = false;
  elevated = false;
  /** Errors writing to per-machine locations (drive root, Program Files, HKLM): not-elevated when unelevated. */
  readonly machineWrites: Array<{ code: number; line: number; text: string }> = [];
  /** Free-text lines of a session with no engine lines (an errors-only /le log): the messages the user saw. */
  readonly messages: LineRef[] = [];
  /** The last dialog text a product message showed (a launch condition's words). */
  lastShownMessage: LineRef | null = null;
  /** A nested install (RemoveExistingProducts removing the old version) inside an action of this one. */
  private nested: { parent: string; depth: number } | null = null;
  nestedFailure: { name: string; line: number } | null = null;
  /** The old product whose removal failed: its product code (nested engine, FindRelatedProducts) and name. */
  oldProduct: { name: string | null; productCode: string | null } = { name: null, productCode: null };
  shownErrors = 0;

  private openActions: Array<{ name: string; line: number }> = [];
  private readonly actionStarts = new Map<string, number>();
  failure: FailurePoint | null = null;
  private currentDeferred: string | null = null;
  private currentDeferredLine = 0;
  private lastDeferredText = '';
  private deferredAtFirstProblem: { name: string; line: number } | null = null;
  readonly caTypes = new Map<string, number>();
  readonly caFailures: CaFailure[] = [];
  continuedCaCount = 0;
  readonly errors: LoggedError[] = [];
  readonly signals: CauseSignal[] = [];
  readonly pinned = new Map<number, { text: string; rank: number }>();
  readonly processes = new Map<string, { role: ProcessRole; pid: number }>();
  burn: BurnState | null = null;

  constructor(startLine: number) {
    this.startLine = startLine;
  }

  /** Keeps a line for the evidence; lower rank = more important when the list must be cut. */
  pin(line: number, text: string, rank: number): void {
    // Context lines (rank >= 3) that never help a human: handle bookkeeping, CA server chatter, noise notes.
    if (rank >= 3 && P.BORING.test(text)) return;
    const had = this.pinned.get(line);
    if (had) {
      had.rank = Math.min(had.rank, rank);
      return;
    }
    if (this.pinned.size >= CAP_PINNED) {
      // Drop the least important pin to make room for a more important one.
      let worst = -1;
      let worstRank = -1;
      for (const [l, p] of this.pinned) if (p.rank > worstRank) [worst, worstRank] = [l, p.rank];
      if (worstRank <= rank) return;
      this.pinned.delete(worst);
    }
    this.pinned.set(line, { text: text.length > 500 ? text.slice(0, 500) + '…' : text, rank });
  }

  signal(id: CauseId, weight: number, line: number, reason?: string, ownWords = false): void {
    if (this.signals.length < CAP_SIGNALS) this.signals.push({ id, weight, line, reason, ownWords });
  }

  /** A signal for a refined cause, when the catalog links it to the number (see cause-rules.ts REFINED). */
  private refined(code: number, refinement: Refinement, weight: number, line: number, reason: string): boolean {
    const cause = refinedCause(code, refinement);
    if (cause) this.signal(cause, weight, line, reason);
    return cause !== null;
  }

  private setProp(name: string, value: string): void {
    if (!KEPT_PROPERTIES.has(name)) return;
    this.props.set(name, value.length > 300 ? value.slice(0, 300) : value);
    if (name === 'MsiHiddenProperties') this.hidden = parseHiddenProperties(value);
  }

  private addProcess(role: ProcessRole, pid: number): void {
    const key = `${role}:${pid}`;
    if (!this.processes.has(key) && this.processes.size < 16) this.processes.set(key, { role, pid });
  }

  /** A real problem (not noise): remembers which deferred action was running when the first one appeared. */
  private problemSeen(line: number): void {
    if (!this.failure && !this.deferredAtFirstProblem && this.currentDeferred) {
      this.deferredAtFirstProblem = { name: this.currentDeferred, line };
      this.pin(this.currentDeferredLine, this.lastDeferredText, 2);
    }
  }

  /**
   * The catalog's causes of a message number, each weighted by its share of the strongest. A number the catalog calls
   * noise (2203, 1402: look-ups the engine expects to fail) points at nothing by itself; only its line can (refineError).
   */
  private messageSignals(code: number, weight: number, line: number, text: string): void {
    if (meaningOf(code, 'message')?.noise) return;
    for (const c of messageCauses(code)) this.signal(c.id, weight * c.share, line, text);
  }

  private addError(
    code: number,
    line: number,
    text: string,
    shown: boolean,
    caName: string | null,
    recent: LineRing,
  ): void {
    if (shown) this.shownErrors++;
    const last = this.errors[this.errors.length - 1];
    // The same message is often logged 2-3 times in a row (Note, Error, Product: -- Error): keep one entry.
    if (last && last.code === code && line - last.line <= 6) {
      if (shown && !last.shown) {
        // The words the user saw replace the debug note's as the reason of what the note already signalled.
        for (let i = this.signals.length - 1; i >= 0 && this.signals[i]!.line >= last.line; i--)
          if (this.signals[i]!.line === last.line) Object.assign(this.signals[i]!, { line, reason: text });
        for (const w of this.machineWrites) if (w.line === last.line) Object.assign(w, { line, text });
        last.shown = true;
        last.text = text;
        last.line = line;
        // The message was also shown to the user: a second, agreeing signal.
        this.messageSignals(code, this.failure ? 0.1 : 0.3, line, text);
      }
      if (caName && !last.caName) last.caName = caName;
      this.pin(line, text, 2);
      return;
    }
    if (this.errors.length < CAP_ERRORS) {
      this.errors.push({
        code,
        line,
        text: text.length > 400 ? text.slice(0, 400) + '…' : text,
        shown,
        afterFailure: this.failure !== null,
        caName,
        deferred: this.currentDeferred,
      });
    }
    this.problemSeen(line);
    const after = this.failure !== null;
    this.pin(line, text, after ? 6 : 2);
    if (!after) for (const r of recent.last(3)) this.pin(r.line, r.text, 5);
    const base = FOLLOW_ON.has(code) ? 0.35 : shown ? 0.55 : 0.45;
    const weight = after ? base * 0.3 : base;
    this.messageSignals(code, weight, line, text);
    this.refineError(code, weight, line, text);
  }

  /** What the error's line shows beyond its number: the folder, the old version's missing source, the status. */
  private refineError(code: number, weight: number, line: number, text: string): void {
    if (P.INSTALLER_FOLDER.test(text)) this.refined(code, 'installerFolder', weight, line, text);
    else if (P.MACHINE_LOCATION.test(text) && refinedCause(code, 'machineLocationUnelevated')) {
      if (this.machineWrites.length < CAP_ERRORS) this.machineWrites.push({ code, line, text });
    }
    if (code === 1714) {
      // "The older version of X cannot be removed. ... System Error 1612.": the old version's cached package is gone.
      const system = codeFromDigits(P.LAST_NUMBER.exec(text)?.[1] ?? '');
      if (system === 1612 || system === 1610 || system === 1620)
        this.refined(1714, 'oldVersionSource', 0.75, line, text);
    }
    if (code === 2755) {
      // "Server returned unexpected error 1632 attempting to install package": the status's own causes.
      const status = codeFromDigits(P.SERVER_STATUS.exec(text)?.[1] ?? '');
      if (status !== null) this.statusSignals(status, weight, line, text);
    }
  }

  /** An exit status inside a message (2755's server status, a nested install's result): its catalog causes. */
  private statusSignals(status: number, weight: number, line: number, text: string): void {
    const meaning = meaningOf(status, 'exit-code');
    for (const c of meaning?.causes ?? [])
      if (c.weight > 0 && c.id !== 'unknown') this.signal(c.id, weight * Math.min(1, c.weight / 0.3), line, text);
  }

  /** An ordinary engine line seen by the hot path; verbose = a line only verbose logs have (noise note, script op). */
  countPlain(verbose: 0 | 1): void {
    this.msiLines++;
    this.verboseOnlyLines += verbose;
  }

  /** Pins the recent free-text lines that say error/failed/exception (custom action output) near a failure. */
  private pinHot(output: readonly LineRef[], from: number): void {
    for (const h of output) if (h.line >= from && P.HOT.test(h.text)) this.pin(h.line, h.text, 3);
  }

  /** A free-text line nothing else claimed: custom action output, or (errors-only logs) a message shown. */
  freeText(line: number, text: string): void {
    if (this.msiLines === 0 && this.actionLines === 0 && this.messages.length < CAP_MESSAGES && text.trim())
      this.messages.push({ line, text: text.length > 500 ? text.slice(0, 500) : text });
  }

  handle(ev: LineEvent, lineNo: number, text: string, recent: LineRing, output: readonly LineRef[] = []): void {
    switch (ev.kind) {
      case 'msi-line':
        this.msiLines++;
        if (ev.role && ev.pid !== null) this.addProcess(ev.role, ev.pid);
        return;
      case 'header':
        if (ev.header === 'verbose-start') {
          this.verboseHeader = true;
          this.installerVersion ??= ev.installerVersion;
        } else if (ev.header === 'start') this.basicHeader = true;
        else if (ev.header === 'verbose-stop' || (ev.header === 'stop' && !this.verboseHeader)) this.closed = true;
        return;
      case 'action-start': {
        this.actionLines++;
        // "Action 21:24:32: X." (the progress text) comes right before "Action start 21:24:32: X.": one action.
        const top = this.openActions[this.openActions.length - 1];
        if (top && top.name === ev.name && lineNo - top.line <= 3) top.line = lineNo;
        else if (this.openActions.length < 64) this.openActions.push({ name: ev.name, line: lineNo });
        if (this.actionStarts.size < 2000 || this.actionStarts.has(ev.name)) this.actionStarts.set(ev.name, lineNo);
        if (TOP_LEVEL_ACTIONS.has(ev.name) && !this.nested) this.topLevelNames.add(ev.name);
        return;
      }
      case 'action-end':
        this.actionLines++;
        this.actionEnded(ev.name, ev.returnValue ?? -1, lineNo, text, recent);
        if (this.failure?.line === lineNo) this.pinHot(output, Math.max(this.failure.spanStart, lineNo - 300));
        return;
      case 'ca-result':
        this.caResult(ev.name, ev.code, ev.continued, lineNo, text, recent, output);
        return;
      case 'note':
        this.msiLines++;
        this.verboseOnlyLines++;
        this.note(ev.code, ev.args, lineNo, text, recent);
        return;
      case 'error': {
        // "Info 1603" in any language: an exit-code number logged as a message is the informational meaning.
        if (ev.info || lookupErrorCode(ev.code)?.asMessage?.noise === true) {
          this.infoMessage(ev.code, lineNo, text);
          return;
        }
        if (isNoiseMessage(ev.code, [ev.text])) return;
        const ca = ev.code >= 1720 && ev.code <= 1723 ? (P.MESSAGE_ACTION.exec(ev.text)?.[1] ?? null) : null;
        this.addError(ev.code, lineNo, text, true, ca, recent);
        return;
      }
      case 'product-message':
        this.msiLines++;
        this.productFromMessages ??= ev.productName;
        if (ev.errorCode !== null && !isNoiseMessage(ev.errorCode, [ev.text])) {
          const ca =
            ev.errorCode >= 1720 && ev.errorCode <= 1723 ? (P.MESSAGE_ACTION.exec(ev.text)?.[1] ?? null) : null;
          this.addError(ev.errorCode, lineNo, text, true, ca, recent);
        } else {
          // Messages the user saw in a dialog ("A newer version ... is already installed", launch conditions).
          this.lastShownMessage = { line: lineNo, text };
          this.pin(lineNo, text, P.FAILED_WORD.test(ev.text) ? 3 : 4);
          const sig = textSignalOf(ev.text);
          if (sig) this.textSignal(sig, lineNo, text);
        }
        return;
      case 'final-status':
        if (ev.verb && ev.verb !== 'other') this.finalVerbs.add(ev.verb);
        if (ev.codeText !== null) this.finalCode = { code: ev.code, text: ev.codeText, line: lineNo };
        this.finalProductName ??= ev.productName;
        this.finalProductVersion ??= ev.productVersion;
        this.pin(lineNo, text, 1);
        return;
      case 'main-engine':
        this.msiLines++;
        this.mainEngine = { code: ev.code, text: ev.codeText, line: lineNo, role: ev.role };
        this.pin(lineNo, text, 2);
        return;
      case 'back-from-server':
        this.backFromServer = { code: ev.code, line: lineNo };
        return;
      case 'deferred-action':
        this.msiLines++;
        this.verboseOnlyLines++;
        this.currentDeferred = ev.name;
        this.currentDeferredLine = lineNo;
        this.lastDeferredText = text;
        if (this.actionStarts.size < 2000 || this.actionStarts.has(ev.name)) this.actionStarts.set(ev.name, lineNo);
        return;
      case 'ca-schedule':
        this.msiLines++;
        this.verboseOnlyLines++;
        if (this.caTypes.size < 2000) this.caTypes.set(ev.name, ev.actionType);
        return;
      case 'ca-server':
        this.msiLines++;
        if (ev.pid !== null) this.addProcess('custom-action', ev.pid);
        return;
      case 'property':
        this.setProp(ev.name, ev.value);
        if (ev.name === 'WIX_DOWNGRADE_DETECTED' && ev.value) this.signal('newer-version-installed', 0.4, lineNo);
        if (ev.name === 'OutOfDiskSpace' && ev.value.trim() === '1') this.signal('disk-full', 0.4, lineNo);
        if (ev.name === 'WIX_UPGRADE_DETECTED' || ev.name === 'OLDPRODUCTFOUND' || ev.name === 'OLDPRODUCTS') {
          const g = P.GUID.exec(ev.value);
          if (g) this.oldProduct.productCode ??= g[0];
        }
        return;
      case 'command-line':
        this.commandLine(ev.text);
        return;
      case 'run-engine-product':
        if (this.nested) {
          // The nested engine names the product it removes (usually by product code).
          this.oldProduct.productCode ??= P.GUID.exec(ev.path)?.[0] ?? ev.path;
          return;
        }
        this.productPath = ev.path;
        if (P.RELATIVE_PATH_START.test(ev.path) || P.RELATIVE_PATH_PART.test(ev.path))
          this.signal('package-path-invalid', 0.3, lineNo, text);
        return;
      case 'engine-note':
        this.msiLines++;
        this.engineNote(ev.note, ev.role, lineNo, text);
        return;
      case 'rollback-error-skipped':
        return;
      case 'mutex-busy':
        this.signal('another-install-in-progress', 0.6, lineNo, text);
        this.pin(lineNo, text, 2);
        return;
      case 'text-signal':
        this.textSignal(ev.signal, lineNo, text);
        return;
      case 'wrapper':
        this.wrapperLine(ev.tool, ev.code, ev.codeText, ev.carried, lineNo, text);
        return;
      case 'burn':
        this.burnLines++;
        this.burnState().event(ev.level, ev.id, ev.message, lineNo, text);
        return;
      case 'burn-variable':
        this.burnLines++;
        this.burnState().variable(ev.name, ev.value);
        return;
    }
  }

  private burnState(): BurnState {
    return (this.burn ??= new BurnState({
      error: (code, line, text) => {
        const prev = this.errors[this.errors.length - 1];
        if (this.errors.length < CAP_ERRORS && !(prev && prev.code === code && line - prev.line <= 3))
          this.errors.push({ code, line, text, shown: true, afterFailure: false, caName: null, deferred: null });
      },
      signal: (s) => this.signal(s.id, s.weight, s.line, s.reason, s.ownWords),
      pin: (line, text, rank) => this.pin(line, text, rank),
    }));
  }

  private note(code: number, args: string[], lineNo: number, text: string, recent: LineRing): void {
    if (isNoiseMessage(code, args) || NOTE_ONLY_NOISE.has(code)) return;
    // "Note: 1: 1603 2: file 3: process": the informational meaning of an exit-code number (a file in use).
    if (lookupErrorCode(code)?.asMessage?.noise === true) return this.infoMessage(code, lineNo, text);
    const path = args[0] ?? '';
    if (code === 1402 && args[1]?.trim() === '5') {
      if (!(P.INSTALLER_FOLDER.test(path) && this.refined(1402, 'installerFolder', 0.3, lineNo, text)))
        this.refined(1402, 'registryDenied', 0.3, lineNo, text);
    }
    if (code === 2203) this.databaseOpenFailed(path, args[1]?.trim() ?? '', lineNo, text);
    const caName = code >= 1720 && code <= 1723 ? args[0]?.trim() || null : null;
    this.addError(code, lineNo, text, false, caName, recent);
  }

  /** 2203 "cannot open database": the package, an installed product's cached package, or a cabinet. */
  private databaseOpenFailed(path: string, status: string, lineNo: number, text: string): void {
    const notFound = status === '-2147287038' || status === '-2147287037' || status === '-2147024894';
    if (P.CACHED_PACKAGE.test(path)) this.refined(2203, 'sourceGone', 0.45, lineNo, text);
    else if (P.PACKAGE_FILE.test(path))
      this.refined(2203, notFound ? 'packageNotFound' : 'packageUnreadable', 0.3, lineNo, text);
    else if (P.CABINET_FILE.test(path))
      this.refined(2203, notFound ? 'sourceGone' : 'packageUnreadable', 0.4, lineNo, text);
  }

  /**
   * "Info 1603. The file ... is being held in use by the following process: Name: x, Id: 42": information, not an
   * error; it counts only when the catalog says the number, as a message, is about files in use.
   */
  private infoMessage(code: number, lineNo: number, text: string): void {
    const inUse = messageCauses(code).find((c) => c.id === 'files-in-use');
    if (!inUse && !(meaningOf(code, 'message')?.causes ?? []).some((c) => c.id === 'files-in-use')) return;
    this.signal('files-in-use', 0.5 * (inUse?.share ?? 1), lineNo, text, P.PROCESS_HOLDING.test(text));
    this.pin(lineNo, text, P.PROCESS_HOLDING.test(text) ? 2 : 3);
  }

  private engineNote(note: string, role: ProcessRole | null, lineNo: number, text: string): void {
    switch (note) {
      // The client always runs with the user's privileges; what counts is how the server (the install) runs.
      case 'user-privileges':
      case 'no-elevation':
        if (role === 'server') this.unelevated = true;
        return;
      case 'elevated':
        if (role === 'server') this.elevated = true;
        return;
      case 'files-in-use':
        this.signal('files-in-use', 0.45, lineNo, text, true);
        this.pin(lineNo, text, 2);
        return;
      case 'nested-engine': {
        // An engine started by the running action (RemoveExistingProducts removing the old version). The client's
        // ExecuteAction starting the server's engine is the install itself, not a nested one.
        const parent = this.openActions[this.openActions.length - 1];
        if (parent && !TOP_LEVEL_ACTIONS.has(parent.name) && !WRAPPER_ACTIONS.has(parent.name) && !this.nested)
          this.nested = { parent: parent.name, depth: this.openActions.length };
        return;
      }
    }
  }

  private caResult(
    name: string | null,
    code: number | null,
    continued: boolean,
    lineNo: number,
    text: string,
    recent: LineRing,
    output: readonly LineRef[],
  ): void {
    if (continued) {
      this.continuedCaCount++;
      return;
    }
    if (name === null) {
      // "CustomAction returned actual error code 1612": a nested install (the old version's removal) returned it.
      if (code === 1612 || code === 1610 || code === 1620) this.refined(code, 'sourceGone', 0.4, lineNo, text);
      this.pin(lineNo, text, 2);
      return;
    }
    const started = this.actionStarts.get(name);
    const from = started !== undefined && started < lineNo ? started : lineNo - OUTPUT_WINDOW;
    const reason = pickOutputReason(output, from, lineNo);
    if (this.caFailures.length < CAP_CA_FAILURES) this.caFailures.push({ name, code, line: lineNo, reason, text });
    this.problemSeen(lineNo);
    this.pin(lineNo, text, this.failure ? 6 : 1);
    if (reason) this.pin(reason.line, reason.text, this.failure ? 6 : 1);
    if (!this.failure) {
      for (const r of recent.last(6)) this.pin(r.line, r.text, 4);
      this.pinHot(output, lineNo - 300);
    }
  }

  private wrapperLine(
    tool: WrapperTool,
    code: number | null,
    codeText: string | null,
    carried: number | null,
    lineNo: number,
    text: string,
  ): void {
    const w = (this.wrapper ??= { tool, code: null, codeText: null, carried: null, line: lineNo });
    if (w.tool !== tool) return;
    if (codeText !== null && w.codeText === null) {
      w.code = code;
      w.codeText = codeText;
    }
    if (carried !== null) w.carried ??= carried;
    this.pin(lineNo, text, 1);
  }

  private textSignal(signal: TextSignal, lineNo: number, text: string): void {
    const after = this.failure !== null;
    const k = after ? 0.3 : 1;
    const ids: Record<TextSignal, CauseId> = {
      'access-denied': P.INSTALLER_FOLDER.test(text) ? 'installer-folders-access' : 'insufficient-privileges',
      'disk-full': 'disk-full',
      'newer-version': 'newer-version-installed',
      'pending-reboot': 'pending-reboot',
      'patch-not-applicable': 'patch-not-applicable',
      'another-install': 'another-install-in-progress',
    };
    const weights: Record<TextSignal, number> = {
      'access-denied': 0.25,
      'disk-full': 0.5,
      'newer-version': 0.7,
      'pending-reboot': 0.3,
      'patch-not-applicable': 0.45,
      'another-install': 0.5,
    };
    this.signal(ids[signal], weights[signal] * k, lineNo, text);
    this.pin(lineNo, text, after ? 7 : 3);
  }

  private commandLine(text: string): void {
    // NAME=value pairs; values may be quoted. Only the operation-defining ones are kept.
    for (const m of text.matchAll(P.COMMAND_LINE_PAIR)) {
      const name = m[1]!.toUpperCase();
      const raw = m[2]!;
      const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
      if (
        ['REMOVE', 'PATCH', 'REINSTALL', 'ACTION', 'ADDLOCAL', 'MSIHIDDENPROPERTIES'].includes(name) &&
        !this.props.has(name)
      ) {
        this.setProp(name === 'MSIHIDDENPROPERTIES' ? 'MsiHiddenProperties' : name, value);
      }
    }
  }

  private actionEnded(name: string, value: number, lineNo: number, text: string, recent: LineRing): void {
    // Pop up to the matching start; an excerpt may lack it, then the span reaches back to the session start.
    let spanStart = this.startLine;
    for (let i = this.openActions.length - 1; i >= 0; i--) {
      if (this.openActions[i]!.name === name) {
        spanStart = this.openActions[i]!.line;
        this.openActions.length = i;
        break;
      }
    }
    if (this.nested) {
      if (this.openActions.some((a) => a.name === this.nested!.parent)) {
        // An action of the nested install (its INSTALL included): its "Return value 3" only says why the parent
        // (RemoveExistingProducts removing the old version) fails, which its own end reports next.
        if (value === 3) {
          this.nestedFailure ??= { name, line: lineNo };
          this.pin(lineNo, text, 3);
        }
        if (TOP_LEVEL_ACTIONS.has(name)) this.nested = null;
        return;
      }
      this.nested = null; // the parent itself ended
    }
    if (TOP_LEVEL_ACTIONS.has(name)) {
      this.topLevel = { name, value, line: lineNo };
      this.topLevelNames.add(name);
      if (value !== 1) this.pin(lineNo, text, 3);
      return;
    }
    if (value === 3 && this.failure && this.failure.sequenceAction === name) {
      // The same block pasted twice: the span reaches the repeat.
      this.failure.repeatedUntil = lineNo;
      this.pin(lineNo, text, 6);
      return;
    }
    if (value !== 3 || this.failure) {
      if (value === 3) this.pin(lineNo, text, 6);
      return;
    }
    this.failure = {
      sequenceAction: name,
      line: lineNo,
      spanStart,
      deferredAtSignal:
        this.deferredAtFirstProblem && this.deferredAtFirstProblem.line >= spanStart
          ? this.deferredAtFirstProblem.name
          : null,
      lastDeferred: SCRIPT_ACTIONS.has(name) ? this.currentDeferred : null,
      repeatedUntil: lineNo,
      shownMessage: this.lastShownMessage && this.lastShownMessage.line >= spanStart ? this.lastShownMessage : null,
    };
    this.pin(lineNo, text, 0);
    for (const r of recent.last(8)) this.pin(r.line, r.text, 3);
  }

  get recognizedLines(): number {
    return (
      this.msiLines +
      this.actionLines +
      this.burnLines +
      (this.verboseHeader || this.basicHeader ? 1 : 0) +
      this.caFailures.length +
      this.continuedCaCount +
      (this.wrapper ? 1 : 0) +
      // A grep fragment may hold only an error shown and the status line.
      this.shownErrors +
      (this.finalCode ? 1 : 0)
    );
  }
}
