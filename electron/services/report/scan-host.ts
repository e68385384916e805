// The pure half of redaction, served to a thread: reads pieces of a log for the learning pass (with a mirror of the
// learner's hidden property names) and finds what to replace in whole lines (with a copy of the learned redactor).
// Runs in a worker thread (scan-worker.ts) or in-process (InlineScanner); both give the same answers.
import { Redactor, type RedactorSnapshot } from '../../../shared/report/redaction/redactor.ts';
import { scanForLearning, type LearningScan } from '../../../shared/report/redaction/learning-scan.ts';
import type { Finding } from '../../../shared/report/redaction/findings.ts';
import type { KnownFindings } from '../../../shared/report/redaction/packed-findings.ts';
import { decodeUtf16 } from './utf16-copy.ts';
import { readsAsPlainUtf16 } from './text-regions.ts';

/**
 * Whole lines to scan: their text, or the bytes of a uniform UTF-16 file (decoded by the thread that scans them, not by
 * the one that reads and writes the file).
 */
export type LinesText = { text: string; bytes: null } | { text: null; bytes: Uint8Array; bigEndian: boolean };

/** Lines to find what to replace in, with what the learning pass found in them that is reused (packed-findings.ts). */
export type LinesToScan = LinesText & { known: KnownFindings | null };

export function textOfLines(lines: LinesText): string {
  return lines.text ?? decodeUtf16(lines.bytes, lines.bigEndian);
}

/** A learning-pass read of a piece; with `plain`, whether its text reads as plain UTF-16 (when the request asked). */
export interface PieceScan {
  scan: LearningScan;
  plain: boolean | null;
}

/** The learning-pass read of lines: their scan and, when `check`, whether they read as plain UTF-16. */
export function scanPiece(
  text: string,
  check: boolean,
  hiddenWith: (names: string[]) => ReadonlySet<string>,
): PieceScan {
  return { scan: scanForLearning(text, hiddenWith), plain: check ? readsAsPlainUtf16(text) : null };
}

export type ScanRequest =
  | { op: 'learn'; id: number; session: number; hiddenAdded: string[]; lines: LinesText; check: boolean }
  | { op: 'find'; id: number; session: number; snapshot: RedactorSnapshot | null; lines: LinesToScan };

export type ScanReply =
  ({ id: number } & PieceScan) | { id: number; findings: Finding[] } | { id: number; error: string };

interface SessionState {
  /** The learner's hidden names as sent so far, plus those of the pieces read here (each is learned in file order). */
  hidden: Set<string>;
  finder: Redactor | null;
}

export class ScanHost {
  private readonly sessions = new Map<number, SessionState>();

  handle(request: ScanRequest): ScanReply {
    try {
      const session = this.session(request.session);
      if (request.op === 'learn') {
        for (const name of request.hiddenAdded) session.hidden.add(name);
        const hidden = session.hidden;
        const read = scanPiece(textOfLines(request.lines), request.check, (names) => {
          for (const name of names) hidden.add(name);
          return hidden;
        });
        return { id: request.id, ...read };
      }
      if (request.snapshot) session.finder = Redactor.fromSnapshot(request.snapshot);
      if (!session.finder) throw new Error('no redactor snapshot for this session');
      const { lines } = request;
      return { id: request.id, findings: session.finder.findings(textOfLines(lines), lines.known) };
    } catch (error) {
      return { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private session(id: number): SessionState {
    let state = this.sessions.get(id);
    if (!state) {
      state = { hidden: new Set(), finder: null };
      this.sessions.set(id, state);
    }
    return state;
  }
}
