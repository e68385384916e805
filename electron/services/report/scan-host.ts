// The pure half of redaction, served to a thread: reads pieces of a log for the learning pass (with a mirror of the
// learner's hidden property names) and finds what to replace in whole lines (with a copy of the learned redactor).
// Runs in a worker thread (scan-worker.ts) or in-process (InlineScanner); both give the same answers.
import { Redactor, type RedactorSnapshot } from '../../../shared/report/redaction/redactor.ts';
import { scanForLearning, type LearningScan } from '../../../shared/report/redaction/learning-scan.ts';
import type { Finding } from '../../../shared/report/redaction/findings.ts';
import { decodeUtf16 } from './utf16-copy.ts';

/**
 * Whole lines to scan: their text, or the bytes of a uniform UTF-16 file (decoded by the thread that scans them, not by
 * the one that reads and writes the file).
 */
export type LinesText = { text: string; bytes: null } | { text: null; bytes: Uint8Array; bigEndian: boolean };

/** Lines to find what to replace in, with what the learning pass's assignment rules found in them. */
export type LinesToScan = LinesText & { assignments: Int32Array | null };

export function textOfLines(lines: LinesText): string {
  return lines.text ?? decodeUtf16(lines.bytes, lines.bigEndian);
}

export type ScanRequest =
  | { op: 'learn'; id: number; session: number; hiddenAdded: string[]; lines: LinesText }
  | { op: 'find'; id: number; session: number; snapshot: RedactorSnapshot | null; lines: LinesToScan };

export type ScanReply =
  { id: number; scan: LearningScan } | { id: number; findings: Finding[] } | { id: number; error: string };

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
        const scan = scanForLearning(textOfLines(request.lines), (names) => {
          for (const name of names) hidden.add(name);
          return hidden;
        });
        return { id: request.id, scan };
      }
      if (request.snapshot) session.finder = Redactor.fromSnapshot(request.snapshot);
      if (!session.finder) throw new Error('no redactor snapshot for this session');
      const { lines } = request;
      return { id: request.id, findings: session.finder.findings(textOfLines(lines), lines.assignments) };
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
