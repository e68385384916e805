// Repair journals: one JSON-lines file per run under <dataDir>/journals, each line fsync'd, readable after a crash or restart.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RepairId } from '../../shared/contract/ids.ts';
import type { JournalSummary, RepairPlan } from '../../shared/contract/repair.ts';
import type { CommandSpec } from '../system/run/command-runner.ts';

/** What the journal keeps of each step: enough to re-run its undo in a new process. */
export interface JournalStep {
  id: string;
  kind: RepairPlan['steps'][number]['kind'];
  elevated: boolean;
  spec: CommandSpec | null;
  okExitCodes: number[];
  undo: CommandSpec[];
}

export type JournalEntry =
  | {
      type: 'plan';
      at: string;
      journalId: string;
      plan: RepairPlan;
      steps: JournalStep[];
      data: Record<string, unknown>;
      environment: string;
    }
  | { type: 'step-start'; at: string; stepId: string }
  | {
      type: 'step-end';
      at: string;
      stepId: string;
      status: 'succeeded' | 'failed' | 'skipped' | 'cancelled';
      exitCode: number | null;
      output: string;
      durationMs: number;
    }
  | { type: 'finish'; at: string; status: string; verified: boolean | null; rebootRequired: boolean }
  | { type: 'undo-start'; at: string; stepIds: string[] }
  | {
      type: 'undo-step-end';
      at: string;
      stepId: string;
      status: 'succeeded' | 'failed';
      exitCode: number | null;
      output: string;
    }
  | { type: 'undo-finish'; at: string; status: 'succeeded' | 'failed' | 'elevation-declined' };

export interface JournalRecord {
  journalId: string;
  path: string;
  entries: JournalEntry[];
  plan: Extract<JournalEntry, { type: 'plan' }> | null;
  state: JournalSummary['state'];
  /** Steps that started (their change may have happened, even without a step-end after a crash). */
  startedSteps: string[];
  endedSteps: Map<string, Extract<JournalEntry, { type: 'step-end' }>>;
  /** A line that could not be parsed (a torn last write) is skipped and counted. */
  damagedLines: number;
}

/** Output kept per step: enough for a report, bounded so a chatty tool cannot bloat the journal. */
export const MAX_OUTPUT_CHARS = 64 * 1024;

export class Journal {
  constructor(
    readonly journalId: string,
    readonly path: string,
  ) {}

  /** Appends one line and fsyncs before returning: the line is on disk before the step it announces runs. */
  append(entry: JournalEntry): void {
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, JSON.stringify(entry) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

export function journalsDir(dataDir: string): string {
  return join(dataDir, 'journals');
}

export function newJournalId(repair: RepairId, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const random = Math.random().toString(36).slice(2, 8);
  return `${stamp}-${repair}-${random}`;
}

export function createJournal(dataDir: string, journalId: string): Journal {
  const dir = journalsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  return new Journal(journalId, join(dir, `${journalId}.jsonl`));
}

export function openJournal(dataDir: string, journalId: string): Journal {
  return new Journal(journalId, join(journalsDir(dataDir), `${journalId}.jsonl`));
}

const JOURNAL_ID = /^[A-Za-z0-9._:-]+$/;

export function readJournal(dataDir: string, journalId: string): JournalRecord | null {
  if (!JOURNAL_ID.test(journalId)) return null;
  const path = join(journalsDir(dataDir), `${journalId}.jsonl`);
  let textContent: string;
  try {
    textContent = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const entries: JournalEntry[] = [];
  let damagedLines = 0;
  for (const line of textContent.split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      damagedLines += 1;
    }
  }
  const plan = (entries.find((e) => e.type === 'plan') as Extract<JournalEntry, { type: 'plan' }> | undefined) ?? null;
  const startedSteps = entries.filter((e) => e.type === 'step-start').map((e) => (e as { stepId: string }).stepId);
  const endedSteps = new Map<string, Extract<JournalEntry, { type: 'step-end' }>>();
  for (const e of entries) if (e.type === 'step-end') endedSteps.set(e.stepId, e);
  const undoFinish = [...entries].reverse().find((e) => e.type === 'undo-finish') as
    Extract<JournalEntry, { type: 'undo-finish' }> | undefined;
  const finished = entries.some((e) => e.type === 'finish');
  const state: JournalSummary['state'] =
    undoFinish?.status === 'succeeded' ? 'undone' : finished ? 'finished' : 'unfinished';
  return { journalId, path, entries, plan, state, startedSteps, endedSteps, damagedLines };
}

/** The undo commands still owed: steps that started (even if the crash hid their end), newest first. */
export function pendingUndo(record: JournalRecord): JournalStep[] {
  if (!record.plan || record.state === 'undone') return [];
  const started = new Set(record.startedSteps);
  return record.plan.steps
    .filter((s) => started.has(s.id) && s.undo.length > 0)
    .filter((s) => record.endedSteps.get(s.id)?.status !== 'skipped')
    .reverse();
}

export function summarize(record: JournalRecord): JournalSummary | null {
  if (!record.plan) return null;
  return {
    journalId: record.journalId,
    repair: record.plan.plan.repair,
    startedAt: record.plan.at,
    state: record.state,
    undoAvailable: record.plan.plan.reversible && pendingUndo(record).length > 0,
  };
}

/** Every journal, newest first; unfinished ones are what the app reports on start. */
export function listJournals(dataDir: string): JournalSummary[] {
  let names: string[];
  try {
    names = readdirSync(journalsDir(dataDir));
  } catch {
    return [];
  }
  const out: JournalSummary[] = [];
  for (const name of names) {
    if (!name.endsWith('.jsonl')) continue;
    const record = readJournal(dataDir, name.slice(0, -'.jsonl'.length));
    const summary = record ? summarize(record) : null;
    if (summary) out.push(summary);
  }
  return out.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}
