// The incremental state of one logging session (/L+ appends several): consumes line events, keeps only capped facts.
import { textSignalOf, type LineEvent, type ProcessRole, type TextSignal } from './line-classifier.ts';
import { isNoiseMessage, FOLLOW_ON, NOTE_ONLY_NOISE } from './noise.ts';
import { messageCause, type CauseSignal } from './cause-rules.ts';
import { SCRIPT_ACTIONS, TOP_LEVEL_ACTIONS } from './standard-actions.ts';
import { parseCode, hresultToWin32, formatHresult } from './hresult.ts';
import { parseHiddenProperties } from './redaction.ts';
import type { CauseId } from '../contract/ids.ts';
import type { LineRing } from './line-ring.ts';
import { KEPT_PROPERTIES } from './kept-properties.ts';
import { P } from './patterns.ts';

export interface LineRef {
  line: number;
  text: string;
}

export interface ErrorEntry {
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
}

export interface BurnPackageState {
  id: string;
  exitCode: number | null;
  hresult: string | null;
  logPath: string | null;
}

export interface BurnState {
  packages: Map<string, BurnPackageState>;
  current: string | null;
  failingPackage: string | null;
  applyResult: number | null;
  exitCode: number | null;
  restartRequired: boolean;
  action: string | null;
}

const CAP_ERRORS = 200;
const CAP_SIGNALS = 300;
const CAP_PINNED = 80;
const CAP_CA_FAILURES = 20;

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

  private openActions: Array<{ name: string; line: number }> = [];
  failure: FailurePoint | null = null;
  private currentDeferred: string | null = null;
  private currentDeferredLine = 0;
  private lastDeferredText = '';
  private deferredAtFirstProblem: { name: string; line: number } | null = null;
  readonly caTypes = new Map<string, number>();
  readonly caFailures: Array<{ name: string; code: number | null; line: number }> = [];
  continuedCaCount = 0;
  readonly errors: ErrorEntry[] = [];
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

  signal(id: CauseId, weight: number, line: number): void {
    if (this.signals.length < CAP_SIGNALS) this.signals.push({ id, weight, line });
  }

  private setProp(name: string, value: string): void {
    if (!KEPT_PROPERTIES.has(name)) return;
    this.props.set(name, value.length > 300 ? value.slice(0, 300) : value);
    if (name === 'MsiHiddenProperties') this.hidden = parseHiddenProperties(value);
  }

  private addProcess(role: ProcessRole, pid: number): void {
    const key = `${role}:${pid}`;
    if (!this.processes.has(key) && this.processes.size < 16 && Number.isFinite(pid))
      this.processes.set(key, { role, pid });
  }

  /** A real problem (not noise): remembers which deferred action was running when the first one appeared. */
  private problemSeen(line: number): void {
    if (!this.failure && !this.deferredAtFirstProblem && this.currentDeferred) {
      this.deferredAtFirstProblem = { name: this.currentDeferred, line };
      this.pin(this.currentDeferredLine, this.lastDeferredText, 2);
    }
  }

  private addError(
    code: number,
    line: number,
    text: string,
    shown: boolean,
    caName: string | null,
    recent: LineRing,
  ): void {
    const last = this.errors[this.errors.length - 1];
    // The same message is often logged 2-3 times in a row (Note, Error, Product: -- Error): keep one entry.
    if (last && last.code === code && line - last.line <= 6) {
      if (shown && !last.shown) {
        last.shown = true;
        last.text = text;
        last.line = line;
        // The message was also shown to the user: a second, agreeing signal.
        const cause = messageCause(code);
        if (cause) this.signal(cause, this.failure ? 0.1 : 0.3, line);
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
    const cause = messageCause(code);
    const base = FOLLOW_ON.has(code) ? 0.35 : shown ? 0.55 : 0.45;
    const weight = after ? base * 0.3 : base;
    if (cause) this.signal(cause, weight, line);
    if (code === 2503 || code === 2502) this.signal('not-elevated', weight * 0.6, line);
    if ((code === 1310 || code === 1303 || code === 1321 || code === 1406) && P.INSTALLER_FOLDER.test(text)) {
      this.signal('installer-folders-access', weight, line);
    }
  }

  /** An ordinary engine line seen by the hot path; verbose = a line only verbose logs have (noise note, script op). */
  countPlain(verbose: 0 | 1): void {
    this.msiLines++;
    this.verboseOnlyLines += verbose;
  }

  /** Pins the recent free-text lines that say error/failed/exception (custom action output) near a failure. */
  private pinHot(hot: readonly LineRef[], from: number): void {
    for (const h of hot) if (h.line >= from) this.pin(h.line, h.text, 3);
  }

  handle(ev: LineEvent, lineNo: number, text: string, recent: LineRing, hot: readonly LineRef[] = []): void {
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
      case 'action-start':
        this.actionLines++;
        if (this.openActions.length < 64) this.openActions.push({ name: ev.name, line: lineNo });
        if (TOP_LEVEL_ACTIONS.has(ev.name)) this.topLevelNames.add(ev.name);
        return;
      case 'action-end':
        this.actionLines++;
        this.actionEnded(ev.name, ev.returnValue ?? -1, lineNo, text, recent);
        if (this.failure?.line === lineNo) this.pinHot(hot, Math.max(this.failure.spanStart, lineNo - 300));
        return;
      case 'ca-result':
        if (ev.continued) {
          this.continuedCaCount++;
          return;
        }
        if (this.caFailures.length < CAP_CA_FAILURES)
          this.caFailures.push({ name: ev.name, code: ev.code, line: lineNo });
        this.problemSeen(lineNo);
        this.pin(lineNo, text, this.failure ? 6 : 1);
        if (!this.failure) {
          for (const r of recent.last(6)) this.pin(r.line, r.text, 4);
          this.pinHot(hot, lineNo - 300);
        }
        return;
      case 'note': {
        this.msiLines++;
        this.verboseOnlyLines++;
        if (isNoiseMessage(ev.code, ev.args) || NOTE_ONLY_NOISE.has(ev.code)) return;
        if (ev.code === 1402 && ev.args[1]?.trim() === '5') {
          this.signal(
            P.INSTALLER_FOLDER.test(ev.args[0] ?? '') ? 'installer-folders-access' : 'insufficient-privileges',
            0.3,
            lineNo,
          );
        }
        if (ev.code === 2203 && P.PACKAGE_FILE.test(ev.args[0] ?? '')) {
          const notFound = ev.args[1]?.trim() === '-2147287038' || ev.args[1]?.trim() === '-2147287037';
          this.signal(notFound ? 'package-path-invalid' : 'package-invalid', 0.3, lineNo);
        }
        const caName = ev.code >= 1720 && ev.code <= 1723 ? ev.args[0]?.trim() || null : null;
        this.addError(ev.code, lineNo, text, false, caName, recent);
        return;
      }
      case 'error': {
        if (ev.info) {
          if (ev.code === 1603 || ev.code === 1306 || ev.code === 1308) {
            this.signal('files-in-use', 0.5, lineNo);
            this.pin(lineNo, text, 3);
          }
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
        return;
      case 'command-line':
        this.commandLine(ev.text);
        return;
      case 'run-engine-product':
        this.productPath = ev.path;
        if (P.RELATIVE_PATH_START.test(ev.path) || P.RELATIVE_PATH_PART.test(ev.path))
          this.signal('package-path-invalid', 0.3, lineNo);
        return;
      case 'rollback-error-skipped':
        return;
      case 'mutex-busy':
        this.signal('another-install-in-progress', 0.6, lineNo);
        this.pin(lineNo, text, 2);
        return;
      case 'text-signal':
        this.textSignal(ev.signal, lineNo, text);
        return;
      case 'burn':
        this.burnLines++;
        this.burnEvent(ev.level, ev.id, ev.message, lineNo, text);
        return;
      case 'burn-variable':
        this.burnLines++;
        this.burnVariable(ev.name, ev.value);
        return;
    }
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
    this.signal(ids[signal], weights[signal] * k, lineNo);
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
    if (TOP_LEVEL_ACTIONS.has(name)) {
      this.topLevel = { name, value, line: lineNo };
      this.topLevelNames.add(name);
      if (value !== 1) this.pin(lineNo, text, 3);
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
    };
    this.pin(lineNo, text, 0);
    for (const r of recent.last(8)) this.pin(r.line, r.text, 3);
  }

  private burnEvent(level: string, id: number, message: string, lineNo: number, text: string): void {
    const b = (this.burn ??= {
      packages: new Map(),
      current: null,
      failingPackage: null,
      applyResult: null,
      exitCode: null,
      restartRequired: false,
      action: null,
    });
    const pkg = (pid: string): BurnPackageState => {
      let p = b.packages.get(pid);
      if (!p) {
        p = { id: pid, exitCode: null, hresult: null, logPath: null };
        if (b.packages.size < 64) b.packages.set(pid, p);
      }
      return p;
    };
    if (id === 200 && message.startsWith('Plan begin')) {
      // The bundle's own action; package actions (i301) may differ (an upgrade uninstalls the old package).
      const m = P.BURN_PLAN_ACTION.exec(message);
      if (m) b.action = m[1]!;
      return;
    }
    if (id === 301 && message.startsWith('Applying execute package: ')) {
      const m = P.BURN_APPLYING.exec(message);
      if (m) {
        b.current = m[1]!;
        pkg(m[1]!);
        b.action ??= m[2]!;
      }
      this.pin(lineNo, text, 5);
      return;
    }
    if (id === 319 && message.startsWith('Applied execute package: ')) {
      const m = P.BURN_APPLIED.exec(message);
      if (m) {
        // A result that is not a 32-bit number is unknown (null), never success.
        const r = parseCode(m[2]!);
        const p = pkg(m[1]!);
        p.hresult = r !== null ? formatHresult(r) : null;
        p.exitCode = r !== null ? hresultToWin32(r) : null;
        if (r !== 0 && !b.failingPackage) {
          b.failingPackage = m[1]!;
          this.pin(lineNo, text, 0);
        }
      }
      return;
    }
    if (id === 399 && message.startsWith('Apply complete, result: ')) {
      const m = P.BURN_APPLY_COMPLETE.exec(message);
      if (m) {
        b.applyResult = parseCode(m[1]!);
        if (m[2] && m[2] !== 'None') b.restartRequired = true;
      }
      this.pin(lineNo, text, 1);
      return;
    }
    if (id === 7 && message.startsWith('Exit code: ')) {
      const m = P.BURN_EXIT_CODE.exec(message);
      const code = m ? parseCode(m[1]!) : null;
      if (code !== null) b.exitCode = hresultToWin32(code);
      this.pin(lineNo, text, 1);
      return;
    }
    if (level === 'e') {
      const m = P.BURN_ERROR.exec(message);
      const hr = m ? parseCode(m[1]!) : null;
      const win32 = hr !== null ? hresultToWin32(hr) : null;
      const prev = this.errors[this.errors.length - 1];
      if (
        win32 !== null &&
        this.errors.length < CAP_ERRORS &&
        !(prev && prev.code === win32 && lineNo - prev.line <= 3)
      ) {
        this.errors.push({
          code: win32,
          line: lineNo,
          text,
          shown: true,
          afterFailure: false,
          caName: null,
          deferred: null,
        });
      }
      if (b.current && hr !== null) {
        const p = pkg(b.current);
        p.hresult ??= formatHresult(hr);
      }
      this.pin(lineNo, text, 1);
    }
  }

  private burnVariable(name: string, value: string): void {
    const b = (this.burn ??= {
      packages: new Map(),
      current: null,
      failingPackage: null,
      applyResult: null,
      exitCode: null,
      restartRequired: false,
      action: null,
    });
    const id = name.startsWith('WixBundleLog_')
      ? name.slice(13)
      : name.startsWith('WixBundleLog')
        ? name.slice(12)
        : name;
    if (!id) return;
    const existing = b.packages.get(id);
    if (existing) existing.logPath = value;
    else if (b.packages.size < 64) b.packages.set(id, { id, exitCode: null, hresult: null, logPath: value });
  }

  get recognizedLines(): number {
    return (
      this.msiLines +
      this.actionLines +
      this.burnLines +
      (this.verboseHeader || this.basicHeader ? 1 : 0) +
      this.caFailures.length +
      this.continuedCaCount
    );
  }
}
