// What a WiX Burn bundle log says: packages and their results (HRESULTs mapped to Windows Installer codes), retries,
// a bundle condition that was false, the bundle's exit code. Feeds the session's errors, signals and evidence.
import { parseCode, hresultToWin32, formatHresult } from './hresult.ts';
import { exitCodeCauses, type CauseSignal } from './cause-rules.ts';
import { P } from './patterns.ts';

export interface BurnPackageState {
  id: string;
  exitCode: number | null;
  hresult: string | null;
  logPath: string | null;
  /** Times the bootstrapper retried the package before its last result. */
  retries: number;
}

/** What the session lends the Burn reader: its error list, signals and evidence pins. */
export interface BurnSink {
  error(code: number, line: number, text: string): void;
  signal(signal: CauseSignal): void;
  pin(line: number, text: string, rank: number): void;
}

/** The bundle author's message shown with a false bundle condition sits at most this many lines above it. */
const CONDITION_MESSAGE_DISTANCE = 3;

export class BurnState {
  readonly packages = new Map<string, BurnPackageState>();
  current: string | null = null;
  failingPackage: string | null = null;
  applyResult: number | null = null;
  exitCode: number | null = null;
  restartRequired = false;
  action: string | null = null;
  conditionFalse = false;
  private lastMessage: { line: number; text: string } | null = null;

  constructor(private readonly sink: BurnSink) {}

  private pkg(id: string): BurnPackageState {
    let p = this.packages.get(id);
    if (!p) {
      p = { id, exitCode: null, hresult: null, logPath: null, retries: 0 };
      if (this.packages.size < 64) this.packages.set(id, p);
    }
    return p;
  }

  variable(name: string, value: string): void {
    const id = name.startsWith('WixBundleLog_')
      ? name.slice(13)
      : name.startsWith('WixBundleLog')
        ? name.slice(12)
        : name;
    if (!id) return;
    this.pkg(id).logPath = value;
  }

  event(level: string, id: number, message: string, line: number, text: string): void {
    if (id === 200 && message.startsWith('Plan begin')) {
      // The bundle's own action; package actions (i301) may differ (an upgrade uninstalls the old package).
      const m = P.BURN_PLAN_ACTION.exec(message);
      if (m) this.action = m[1]!;
      return;
    }
    if (id === 301 && message.startsWith('Applying execute package: ')) {
      const m = P.BURN_APPLYING.exec(message);
      if (m) {
        this.current = m[1]!;
        this.pkg(m[1]!);
        this.action ??= m[2]!;
      }
      this.sink.pin(line, text, 5);
      return;
    }
    if (id === 319 && message.startsWith('Applied execute package: ')) {
      const m = P.BURN_APPLIED.exec(message);
      if (m) {
        // A result that is not a 32-bit number is unknown (null), never success.
        const r = parseCode(m[2]!);
        const p = this.pkg(m[1]!);
        p.hresult = r !== null ? formatHresult(r) : null;
        p.exitCode = r !== null ? hresultToWin32(r) : null;
        if (r !== 0 && !this.failingPackage) {
          this.failingPackage = m[1]!;
          this.sink.pin(line, text, 0);
        }
      }
      return;
    }
    if (id === 399 && message.startsWith('Apply complete, result: ')) {
      const m = P.BURN_APPLY_COMPLETE.exec(message);
      if (m) {
        this.applyResult = parseCode(m[1]!);
        if (m[2] && m[2] !== 'None') this.restartRequired = true;
      }
      this.sink.pin(line, text, 1);
      return;
    }
    if ((id === 7 && message.startsWith('Exit code: ')) || (id === 500 && message.startsWith('Shutting down'))) {
      const m = P.BURN_EXIT_CODE.exec(message);
      const code = m ? parseCode(m[1]!) : null;
      // "Exit code" (i007) is the final word; "Shutting down, exit code" (i500) counts when it is all there is.
      if (code !== null && (id === 7 || this.exitCode === null)) this.exitCode = hresultToWin32(code);
      this.sink.pin(line, text, 1);
      return;
    }
    const retry = P.BURN_RETRY.exec(message);
    if (retry) {
      this.pkg(retry[1]!).retries++;
      this.sink.pin(line, text, 2);
      return;
    }
    if (id === 52 && message.endsWith('evaluates to false.')) {
      this.sink.pin(line, text, 3);
      return;
    }
    if (level === 'e') this.error(message, line, text);
  }

  private error(message: string, line: number, text: string): void {
    const m = P.BURN_ERROR.exec(message);
    const hr = m ? parseCode(m[1]!) : null;
    if (message.includes('Bundle condition evaluated to false')) {
      this.conditionFalse = true;
      // The bundle author's own words ("Sorry, you are not allowed to install...") come just before, without an HRESULT.
      const own =
        this.lastMessage && line - this.lastMessage.line <= CONDITION_MESSAGE_DISTANCE ? this.lastMessage : null;
      this.sink.signal({
        id: 'launch-condition-failed',
        weight: 0.75,
        line: own?.line ?? line,
        reason: own?.text ?? text,
        ownWords: own !== null,
      });
      this.sink.pin(line, text, 0);
      return;
    }
    if (hr === null) this.lastMessage = { line, text };
    const win32 = hr !== null ? hresultToWin32(hr) : null;
    if (win32 !== null && win32 !== 0) {
      this.sink.error(win32, line, text);
      // 0x80070652 is 1618, 0x80070643 is 1603...: the Windows Installer code's causes, from the catalog.
      for (const c of exitCodeCauses(win32)) this.sink.signal({ id: c.id, weight: 0.5 * c.share, line, reason: text });
    }
    if (this.current && hr !== null) this.pkg(this.current).hresult ??= formatHresult(hr);
    this.sink.pin(line, text, 1);
  }
}
