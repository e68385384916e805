// Repair journals: one JSON-lines file per run under <dataDir>/journals, each line validated and fsync'd; read back
// through a zod schema, so a damaged or tampered file is listed as damaged (one-line reason) and breaks nothing else.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RepairId } from '../../shared/contract/ids.ts';
import type { JournalSummary } from '../../shared/contract/repair.ts';
import { REPAIR_CATALOG } from '../system/repairs/catalog.ts';
import {
  JOURNAL_ID,
  journalEntrySchema,
  type JournalEntry,
  type JournalEntryInput,
  type PlanEntry,
} from './journal-schema.ts';

export type { JournalEntry, JournalStep, PlanEntry } from './journal-schema.ts';

export interface JournalRecord {
  journalId: string;
  path: string;
  entries: JournalEntry[];
  plan: PlanEntry | null;
  state: JournalSummary['state'];
  /** Steps that started (their change may have happened, even without a step-end after a crash). */
  startedSteps: string[];
  endedSteps: Map<string, Extract<JournalEntry, { type: 'step-end' }>>;
  /** Backup files recorded after their step ended, by step id. */
  backups: Map<string, Extract<JournalEntry, { type: 'backup' }>>;
  /** A last line cut short by a crash (no newline after it) is skipped and counted; it is not damage. */
  tornLines: number;
  /** Why the journal cannot be trusted (one line), or null. A damaged journal is listed but never undone. */
  problem: string | null;
}

/** Output kept per step: enough for a report, bounded so a chatty tool cannot bloat the journal. */
export const MAX_OUTPUT_CHARS = 64 * 1024;
/** A journal larger than this is not read (ours stay far below: outputs are capped). */
const MAX_JOURNAL_BYTES = 16 * 1024 * 1024;

export class Journal {
  constructor(
    readonly journalId: string,
    readonly path: string,
  ) {}

  /** Validates, appends one line and fsyncs before returning: the line is on disk before the step it announces runs. */
  append(entry: JournalEntryInput): void {
    const line = JSON.stringify(journalEntrySchema.parse(entry)) + '\n';
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, line);
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
  return `${stamp}-${repair}-${randomBytes(4).toString('hex')}`;
}

export function isJournalId(id: string): boolean {
  return JOURNAL_ID.test(id);
}

/** Creates the journal file exclusively: a journal id is never reused or appended to by a second run. */
export function createJournal(dataDir: string, journalId: string): Journal {
  if (!isJournalId(journalId)) throw new Error(`invalid journal id: ${journalId}`);
  const dir = journalsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${journalId}.jsonl`);
  closeSync(openSync(path, 'wx'));
  return new Journal(journalId, path);
}

export function openJournal(dataDir: string, journalId: string): Journal {
  if (!isJournalId(journalId)) throw new Error(`invalid journal id: ${journalId}`);
  return new Journal(journalId, join(journalsDir(dataDir), `${journalId}.jsonl`));
}

/** First problem of a zod parse, as a short phrase. */
function issueText(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  const where = issue?.path.map(String).join('.') || 'entry';
  return `${where}: ${issue?.message ?? 'invalid'}`.slice(0, 160);
}

/** Parses the lines; returns the valid entries, the torn-line count and the first problem. */
function parseLines(text: string): { entries: JournalEntry[]; torn: number; problem: string | null } {
  const entries: JournalEntry[] = [];
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const last = i === lines.length - 1;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      // The last line without its newline is a write a crash cut short: skip it, the rest is sound.
      if (last && !endsWithNewline) return { entries, torn: 1, problem: null };
      return { entries, torn: 0, problem: `line ${i + 1} is not JSON` };
    }
    const parsed = journalEntrySchema.safeParse(json);
    if (!parsed.success)
      return { entries, torn: 0, problem: `line ${i + 1} is not a journal entry (${issueText(parsed.error)})` };
    entries.push(parsed.data);
  }
  return { entries, torn: 0, problem: null };
}

/** Consistency checks beyond the line schema: one plan first, its ids and steps agree, the repair's own data schema. */
function checkPlan(journalId: string, entries: JournalEntry[]): { plan: PlanEntry | null; problem: string | null } {
  const plans = entries.filter((e): e is PlanEntry => e.type === 'plan');
  if (plans.length === 0) return { plan: null, problem: 'it has no plan line' };
  if (plans.length > 1 || entries[0]?.type !== 'plan') return { plan: null, problem: 'it has more than one plan line' };
  const plan = plans[0]!;
  if (plan.journalId !== journalId || plan.plan.planId !== journalId)
    return { plan: null, problem: 'its plan belongs to another journal' };
  const ids = new Set(plan.steps.map((s) => s.id));
  if (ids.size !== plan.steps.length) return { plan: null, problem: 'its plan lists a step twice' };
  const planIds = plan.plan.steps.map((s) => s.id);
  if (planIds.length !== ids.size || planIds.some((id) => !ids.has(id)))
    return { plan: null, problem: 'its steps do not match its plan' };
  for (const e of entries) {
    if ('stepId' in e && !ids.has(e.stepId)) return { plan: null, problem: `it names an unknown step "${e.stepId}"` };
    if (e.type === 'undo-start' && e.stepIds.some((id) => !ids.has(id)))
      return { plan: null, problem: 'its undo names an unknown step' };
  }
  const definition = REPAIR_CATALOG[plan.plan.repair];
  const data = definition.dataSchema.safeParse(plan.data);
  if (!data.success)
    return { plan: null, problem: `its recorded data do not fit ${plan.plan.repair} (${issueText(data.error)})` };
  return { plan, problem: null };
}

function stateOf(entries: JournalEntry[]): JournalSummary['state'] {
  const undoFinish = [...entries].reverse().find((e) => e.type === 'undo-finish');
  if (undoFinish?.status === 'succeeded') return 'undone';
  if (undoFinish?.status === 'nothing-to-undo') return 'cleared';
  return entries.some((e) => e.type === 'finish') ? 'finished' : 'unfinished';
}

/** Reads and validates one journal. Null when the id is not one of ours or the file does not exist. */
export function readJournal(dataDir: string, journalId: string): JournalRecord | null {
  if (!isJournalId(journalId)) return null;
  const path = join(journalsDir(dataDir), `${journalId}.jsonl`);
  let text: string;
  try {
    if (statSync(path).size > MAX_JOURNAL_BYTES) return damaged(journalId, path, 'it is too large to be one of ours');
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const lines = parseLines(text);
  const checked = lines.problem ? { plan: null, problem: lines.problem } : checkPlan(journalId, lines.entries);
  if (checked.problem) return damaged(journalId, path, checked.problem, lines.entries);
  const entries = lines.entries;
  const startedSteps = entries.filter((e) => e.type === 'step-start').map((e) => e.stepId);
  const endedSteps = new Map<string, Extract<JournalEntry, { type: 'step-end' }>>();
  const backups = new Map<string, Extract<JournalEntry, { type: 'backup' }>>();
  for (const e of entries) {
    if (e.type === 'step-end') endedSteps.set(e.stepId, e);
    if (e.type === 'backup') backups.set(e.stepId, e);
  }
  return {
    journalId,
    path,
    entries,
    plan: checked.plan,
    state: stateOf(entries),
    startedSteps,
    endedSteps,
    backups,
    tornLines: lines.torn,
    problem: null,
  };
}

function damaged(journalId: string, path: string, problem: string, entries: JournalEntry[] = []): JournalRecord {
  return {
    journalId,
    path,
    entries,
    plan: null,
    state: 'damaged',
    startedSteps: [],
    endedSteps: new Map(),
    backups: new Map(),
    tornLines: 0,
    problem,
  };
}

/** Change steps that started and were not reported skipped: what an undo may owe. */
export function startedChanges(record: JournalRecord): string[] {
  if (!record.plan) return [];
  const started = new Set(record.startedSteps);
  return record.plan.steps
    .filter((s) => (s.kind === 'change' || s.kind === 'run-install') && started.has(s.id))
    .filter((s) => record.endedSteps.get(s.id)?.status !== 'skipped')
    .map((s) => s.id);
}

function fileTime(path: string): string {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}

export function summarize(record: JournalRecord): JournalSummary {
  if (!record.plan) {
    return {
      journalId: record.journalId,
      repair: null,
      startedAt: fileTime(record.path),
      state: 'damaged',
      undoAvailable: false,
      seq: null,
      sessionId: null,
      problem: record.problem ?? 'it has no plan line',
    };
  }
  const definition = REPAIR_CATALOG[record.plan.plan.repair];
  const owed = record.state === 'finished' || record.state === 'unfinished' ? startedChanges(record) : [];
  return {
    journalId: record.journalId,
    repair: record.plan.plan.repair,
    startedAt: record.plan.at,
    state: record.state,
    undoAvailable: record.plan.plan.reversible && definition.undo !== undefined && owed.length > 0,
    seq: record.plan.seq,
    sessionId: record.plan.sessionId,
  };
}

/** Journal ids in the folder (file names that are ours; anything else is ignored). */
function journalIds(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(journalsDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.jsonl'))
    .map((n) => n.slice(0, -'.jsonl'.length))
    .filter(isJournalId);
}

/** Every journal, newest first; damaged ones included with their reason. Never throws. */
export function listJournals(dataDir: string): JournalSummary[] {
  const out: JournalSummary[] = [];
  for (const id of journalIds(dataDir)) {
    let record: JournalRecord | null;
    try {
      record = readJournal(dataDir, id);
    } catch (error) {
      record = damaged(id, join(journalsDir(dataDir), `${id}.jsonl`), `unreadable: ${(error as Error).message}`);
    }
    if (record) out.push(summarize(record));
  }
  return out.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}

/** The next sequence number (call it under the data-folder lock): one more than any journal's. */
export function nextSequence(dataDir: string): number {
  let max = 0;
  for (const id of journalIds(dataDir)) {
    const seq = readJournal(dataDir, id)?.plan?.seq ?? 0;
    if (seq > max) max = seq;
  }
  return max + 1;
}
