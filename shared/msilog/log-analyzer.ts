// The streaming analyzer: bytes in chunks -> sniff -> decode -> lines -> events -> per-session state -> LogAnalysis.
// Memory stays bounded: a sniff prefix, one partial line, a small ring of recent lines and capped lists per session.
import type { LogAnalysis } from '../contract/log-analysis.ts';
import { sniffEncoding, SNIFF_BYTES, type LogEncoding } from './encoding-sniffer.ts';
import { createStreamDecoder, type StreamDecoder } from './stream-decoder.ts';
import { createLineSplitter, type LineSplitter } from './line-splitter.ts';
import { createLineClassifier, QUICK } from './line-classifier.ts';
import { SessionState, type LineRef } from './session-state.ts';
import { LineRing } from './line-ring.ts';
import { summarizeSession } from './summarize-session.ts';
import { binaryProblem, notALogProblem, type InputProblem } from './input-problem.ts';
import { createRecordShaper } from './input-shape.ts';

export interface LogAnalyzerOptions {
  fileName: string;
}

export interface LogAnalyzer {
  /** Feeds the next bytes. Returns false when the analyzer needs no more input (not a log): stop reading. */
  push(chunk: Uint8Array): boolean;
  /** Ends the input; the analysis of the last session. Check problem() first when the input may be bad. */
  finish(): LogAnalysis;
  /** Set once the input is known not to be a log (empty, binary, no log lines). */
  problem(): InputProblem | null;
}

/** Give up on input with no recognizable log line in its first bytes (a large text or binary file). */
const GIVE_UP_BYTES = 8 * 1024 * 1024;
const RING_SIZE = 12;
/** Free-text lines kept (custom action output): where a failure's own words are looked for. */
const OUTPUT_SIZE = 24;

export function createLogAnalyzer(options: LogAnalyzerOptions): LogAnalyzer {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let encoding: LogEncoding | null = null;
  let decoder: StreamDecoder | null = null;
  let splitter: LineSplitter | null = null;
  let problem: InputProblem | null = null;
  let byteCount = 0;
  let record = 0;
  let sessions = 0;
  let session = new SessionState(1);
  const ring = new LineRing(RING_SIZE);
  const output: LineRef[] = [];
  let finished: LogAnalysis | null = null;
  const classifier = createLineClassifier();
  const shaper = createRecordShaper(onRecord);

  function startSession(): void {
    const hadLines = session.recognizedLines > 0;
    if (sessions > 0 || hadLines) session = new SessionState(record);
    sessions += sessions === 0 && hadLines ? 2 : 1;
  }

  /** One log record (a line of the file, or a piece of a flattened one), numbered in file order. */
  function onRecord(chunk: string, start: number, end: number, n: number): void {
    record = n;
    // Hot path: an ordinary engine line is counted from a few character codes, never sliced out of the chunk.
    const quick = classifier.quick(chunk, start, end);
    if (quick !== QUICK.classify) {
      session.countPlain(quick === QUICK.plain ? 0 : 1);
      ring.push(n, chunk, start, end);
      return;
    }
    const text = start === 0 && end === chunk.length ? chunk : chunk.slice(start, end);
    const ev = classifier.classify(text);
    if (ev !== null) {
      if (ev.kind === 'header') {
        if (ev.header === 'verbose-start') startSession();
        else if (ev.header === 'start') {
          // "=== Logging started" also marks the UI part inside an open verbose session: not a new session then.
          const headerless = sessions === 0 && session.msiLines > 0;
          if (!headerless && (!session.verboseHeader || session.closed)) {
            if (sessions === 0 || session.closed || session.basicHeader) startSession();
          }
        }
      }
      session.handle(ev, n, text, ring, output);
      // A custom action's output that also says something the classifier knows ("Access is denied.") is still its
      // output: the reason may be that very line.
      if (ev.kind === 'text-signal' && text.charCodeAt(0) !== 77 /* M */) keepOutput(n, text);
    } else if (text.length > 0 && text.charCodeAt(0) !== 77 /* M */) {
      // Free text: custom action output (the failure's own words), or the messages of an errors-only log.
      session.freeText(n, keepOutput(n, text));
    }
    // Ring of recent lines: the context pinned when a failure or error shows up.
    ring.push(n, text, 0, text.length);
  }

  /** Keeps a line of free text among the recent output (at most 500 characters of it); returns what was kept. */
  function keepOutput(n: number, text: string): string {
    if (output.length === OUTPUT_SIZE) output.shift();
    const kept = text.length > 500 ? text.slice(0, 500) : text;
    output.push({ line: n, text: kept });
    return kept;
  }

  function start(prefix: Uint8Array): boolean {
    // Exactly the first SNIFF_BYTES decide, however the input was chunked: same bytes, same answer.
    const sniff = sniffEncoding(prefix.subarray(0, SNIFF_BYTES));
    if (sniff.kind === 'binary') {
      problem = binaryProblem(sniff.binary);
      return false;
    }
    encoding = sniff.encoding;
    decoder = createStreamDecoder(sniff.encoding);
    splitter = createLineSplitter(shaper.line, { pieces: true });
    const body = sniff.bomLength ? prefix.subarray(sniff.bomLength) : prefix;
    splitter.push(decoder.decode(body));
    return true;
  }

  function concat(chunks: Uint8Array[], total: number): Uint8Array {
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  function checkGiveUp(): boolean {
    if (byteCount >= GIVE_UP_BYTES && session.recognizedLines + sessions === 0) {
      problem = notALogProblem();
      return false;
    }
    return true;
  }

  return {
    push(chunk: Uint8Array): boolean {
      if (problem || finished) return false;
      if (chunk.length === 0) return true;
      byteCount += chunk.length;
      if (!decoder) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < SNIFF_BYTES) return true;
        const prefix = concat(pending, pendingBytes);
        pending = [];
        if (!start(prefix)) return false;
        return checkGiveUp();
      }
      splitter!.push(decoder.decode(chunk));
      return checkGiveUp();
    },
    finish(): LogAnalysis {
      if (finished) return finished;
      if (!problem && !decoder) {
        const prefix = concat(pending, pendingBytes);
        pending = [];
        start(prefix);
      }
      if (decoder && splitter) {
        splitter.push(decoder.end());
        splitter.end();
        shaper.end();
      }
      if (!problem && session.recognizedLines === 0 && sessions <= 1) problem = notALogProblem();
      finished = summarizeSession(session, {
        file: options.fileName,
        encoding: encoding ?? 'unknown',
        sessions: Math.max(sessions, session.recognizedLines > 0 ? 1 : 0),
        lineCount: shaper.lines,
        byteCount,
        toLine: shaper.toLine,
      });
      return finished;
    },
    problem: () => problem,
  };
}

/** Whole-buffer convenience for tests and small inputs. */
export function analyzeBytes(
  bytes: Uint8Array,
  fileName = 'log',
): { analysis: LogAnalysis; problem: InputProblem | null } {
  const analyzer = createLogAnalyzer({ fileName });
  const step = 1024 * 1024;
  for (let i = 0; i < bytes.length; i += step) if (!analyzer.push(bytes.subarray(i, i + step))) break;
  const analysis = analyzer.finish();
  return { analysis, problem: analyzer.problem() };
}
