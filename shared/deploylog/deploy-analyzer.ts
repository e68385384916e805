// The streaming deployment-log analyzer: bytes in chunks -> the MSI analyzer's sniff/decode/split pipeline -> records
// -> each record's family -> that family's extractor -> install attempts -> LogAnalysis (format configmgr|intune|psadt).
// Memory stays flat: the sniff prefix, one partial line, one open record (capped), open attempts (capped) and at most
// MAX_DEPLOYMENTS finished attempts with capped evidence each.
import type { LogAnalysis } from '../contract/log-analysis.ts';
import type { DeployTool } from '../contract/deployment.ts';
import { sniffEncoding, SNIFF_BYTES, type LogEncoding } from '../msilog/encoding-sniffer.ts';
import { createStreamDecoder, type StreamDecoder } from '../msilog/stream-decoder.ts';
import { createLineSplitter, type LineSplitter } from '../msilog/line-splitter.ts';
import { binaryProblem, type InputProblem } from '../msilog/input-problem.ts';
import { otherToolProblem } from './summarize.ts';
import { createRecordReader, type DeployRecord, type RecordReader } from './record-reader.ts';
import { recordFamily } from './family.ts';
import { createConfigMgrExtractor, type FamilyExtractor } from './configmgr.ts';
import { createIntuneExtractor } from './intune.ts';
import { createPsadtExtractor } from './psadt.ts';
import type { DeploymentDraft } from './deployment-draft.ts';
import { summarizeDeployments } from './summarize.ts';

/** Finished attempts kept (the most recent ones); a busy client log can hold thousands. */
export const MAX_DEPLOYMENTS = 100;
/** Non-record lines before the first record after which the input is not a deployment log. */
const STRAY_LIMIT = 8;
/** Lines that open an MSI or Burn log: the input is not a deployment log. */
const MSI_MARKER_RE =
  /^(?:=== (?:Verbose )?[Ll]ogging started|MSI \([csn]\) \(|Action start \d|\[[0-9A-F]{4}:[0-9A-F]{4}\]\[)/;

export type DeployVerdict = 'yes' | 'no' | 'pending';

export interface DeployLogAnalyzer {
  /** Feeds the next bytes. Returns false when no more input is needed (not a deployment log, or binary). */
  push(chunk: Uint8Array): boolean;
  finish(): LogAnalysis;
  problem(): InputProblem | null;
  /** 'yes' once a deployment-log record was seen; 'no' once the input is clearly something else. */
  verdict(): DeployVerdict;
}

export function createDeployLogAnalyzer(options: { fileName: string }): DeployLogAnalyzer {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let encoding: LogEncoding | null = null;
  let decoder: StreamDecoder | null = null;
  let splitter: LineSplitter | null = null;
  let problem: InputProblem | null = null;
  let verdict: DeployVerdict = 'pending';
  let byteCount = 0;
  let lineNo = 0;
  let finished: LogAnalysis | null = null;
  const familyCounts: Record<DeployTool, number> = { configmgr: 0, intune: 0, psadt: 0 };
  const drafts: DeploymentDraft[] = [];
  let dropped = 0;

  const keep = (draft: DeploymentDraft): void => {
    drafts.push(draft);
    if (drafts.length > MAX_DEPLOYMENTS) {
      drafts.shift();
      dropped++;
    }
  };
  const extractors: Record<DeployTool, FamilyExtractor> = {
    configmgr: createConfigMgrExtractor(keep),
    intune: createIntuneExtractor(keep),
    psadt: createPsadtExtractor(keep),
  };

  function onRecord(record: DeployRecord): void {
    const family = recordFamily(record);
    if (!family) return;
    familyCounts[family]++;
    extractors[family].record(record);
  }

  const reader: RecordReader = createRecordReader(onRecord);

  function onLine(chunk: string, start: number, end: number): void {
    lineNo++;
    if (verdict === 'no') return;
    const text = chunk.slice(start, end);
    if (verdict === 'pending' && MSI_MARKER_RE.test(text)) {
      verdict = 'no';
      return;
    }
    reader.line(lineNo, text);
    if (verdict === 'pending') {
      if (reader.shape() !== null) verdict = 'yes';
      else if (reader.strayLines() >= STRAY_LIMIT) verdict = 'no';
    }
  }

  function start(prefix: Uint8Array): boolean {
    const sniff = sniffEncoding(prefix);
    if (sniff.kind === 'binary') {
      problem = binaryProblem(sniff.binary);
      verdict = 'no';
      return false;
    }
    encoding = sniff.encoding;
    decoder = createStreamDecoder(sniff.encoding);
    splitter = createLineSplitter(onLine);
    splitter.push(decoder.decode(sniff.bomLength ? prefix.subarray(sniff.bomLength) : prefix));
    return currentVerdict() !== 'no';
  }

  /** Read through a function: the line callback changes `verdict` while push() runs. */
  function currentVerdict(): DeployVerdict {
    return verdict;
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

  return {
    push(chunk) {
      if (problem || finished || verdict === 'no') return false;
      if (chunk.length === 0) return true;
      byteCount += chunk.length;
      if (!decoder) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < SNIFF_BYTES) return true;
        const prefix = concat(pending, pendingBytes);
        pending = [];
        return start(prefix);
      }
      splitter!.push(decoder.decode(chunk));
      return currentVerdict() !== 'no';
    },
    finish() {
      if (finished) return finished;
      if (!problem && !decoder) {
        const prefix = concat(pending, pendingBytes);
        pending = [];
        start(prefix);
      }
      if (decoder && splitter && verdict !== 'no') {
        splitter.push(decoder.end());
        splitter.end();
      }
      reader.end();
      for (const extractor of Object.values(extractors)) extractor.finish();
      if (verdict === 'pending') verdict = reader.shape() !== null ? 'yes' : 'no';
      finished = summarizeDeployments({
        file: options.fileName,
        encoding: encoding ?? 'unknown',
        familyCounts,
        drafts,
        dropped,
        lineCount: lineNo,
        byteCount,
      });
      // A CMTrace log of another program (no record of ConfigMgr, Intune or PSADT): say so instead of a blank verdict.
      if (!problem && verdict === 'yes' && Object.values(familyCounts).every((n) => n === 0))
        problem = otherToolProblem();
      return finished;
    },
    problem: () => problem,
    verdict: () => verdict,
  };
}
