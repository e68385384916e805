// One install attempt while its records are being read; becomes a Deployment (shared/contract/deployment.ts).
import type { DeployFact, DeployTool, Deployment } from '../contract/deployment.ts';
import { redactLine } from '../msilog/redaction.ts';
import type { DeployRecord } from './record-reader.ts';
import { recordTime } from './log-time.ts';
import { msiLogPathOf } from './command-line.ts';

/** Evidence lines kept per attempt (the first ones and the decisive last ones). */
const EVIDENCE_CAP = 24;
const EVIDENCE_TEXT_CHARS = 400;
const NO_HIDDEN: ReadonlySet<string> = new Set();

export interface EvidenceLine {
  line: number;
  text: string;
}

/** The text a person reads for a record: its first line, trimmed, cut, secrets masked. */
export function evidenceText(record: DeployRecord): string {
  const newline = record.message.indexOf('\n');
  const first = (newline < 0 ? record.message : record.message.slice(0, newline)).trim();
  const cut = first.length > EVIDENCE_TEXT_CHARS ? first.slice(0, EVIDENCE_TEXT_CHARS) + '…' : first;
  return redactLine(cut, NO_HIDDEN);
}

export class DeploymentDraft {
  application: string | null = null;
  appId: string | null = null;
  deploymentType: Deployment['deploymentType'] = null;
  context: Deployment['context'] = null;
  commandLine: string | null = null;
  workingDirectory: string | null = null;
  exitCode: number | null = null;
  installerExitCode: number | null = null;
  exitMeaning: Deployment['exitMeaning'] = null;
  mapping: Deployment['mapping'] = null;
  reportedCode: string | null = null;
  outcome: Deployment['outcome'] = 'unknown';
  restart: Deployment['restart'] = null;
  stage: Deployment['stage'] = null;
  started: string | null = null;
  ended: string | null = null;
  blockedBy: string | null = null;
  dependsOn: string | null = null;
  detectionProductCode: string | null = null;
  readonly facts = new Set<DeployFact>();
  readonly evidence: EvidenceLine[] = [];
  /** Line of the first record: the attempt's place in the file. */
  readonly firstLine: number;

  constructor(
    readonly tool: DeployTool,
    readonly source: string,
    first: DeployRecord,
  ) {
    this.firstLine = first.line;
    this.started = recordTime(first, tool);
  }

  /** Keeps a record as evidence; `decisive` ones replace the last kept line when the list is full. */
  see(record: DeployRecord, decisive = false): void {
    this.touch(record);
    const last = this.evidence.at(-1);
    if (last?.line === record.line) return;
    const item = { line: record.line, text: evidenceText(record) };
    if (this.evidence.length < EVIDENCE_CAP) this.evidence.push(item);
    else if (decisive) this.evidence[EVIDENCE_CAP - 1] = item;
  }

  /** The attempt's last record so far: its time is the end time. */
  touch(record: DeployRecord): void {
    this.ended = recordTime(record, this.tool) ?? this.ended;
  }

  toDeployment(): Deployment {
    return {
      tool: this.tool,
      source: this.source,
      application: this.application,
      appId: this.appId,
      deploymentType: this.deploymentType,
      context: this.context,
      commandLine: this.commandLine,
      workingDirectory: this.workingDirectory,
      exitCode: this.exitCode,
      installerExitCode: this.installerExitCode,
      exitMeaning: this.exitMeaning,
      mapping: this.mapping,
      reportedCode: this.reportedCode,
      outcome: this.outcome,
      restart: this.restart,
      stage: this.outcome === 'success' ? null : this.stage,
      started: this.started,
      ended: this.ended,
      msiLogPath: this.commandLine ? msiLogPathOf(this.commandLine) : null,
      blockedBy: this.blockedBy,
      dependsOn: this.dependsOn,
      detectionProductCode: this.detectionProductCode,
      facts: [...this.facts],
      evidence: this.evidence.map((e) => e.line),
    };
  }
}

/** Deployment type words of the tools: Install, Installation, Uninstall, Uninstallation, Repair. */
export function deploymentTypeOf(word: string): Deployment['deploymentType'] {
  const w = word.toLowerCase();
  if (w.startsWith('uninstall')) return 'uninstall';
  if (w.startsWith('install') || w === 'setup') return 'install';
  if (w.startsWith('repair')) return 'repair';
  return null;
}

/** Text between `start` and the next `end` (or the end of text), or null when `start` is absent. */
export function between(text: string, start: string, end: string | null, from = 0): string | null {
  const at = text.indexOf(start, from);
  if (at < 0) return null;
  const begin = at + start.length;
  if (end === null) return text.slice(begin);
  const stop = text.indexOf(end, begin);
  return stop < 0 ? text.slice(begin) : text.slice(begin, stop);
}

/** First integer (possibly negative) at the start of `text`, or null. */
export function leadingInt(text: string | null): number | null {
  if (text === null) return null;
  const m = /^\s*\(?(-?\d{1,12})/.exec(text);
  return m ? Number(m[1]) : null;
}
