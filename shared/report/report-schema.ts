// Schema msi-doctor/report@1: everything an exported diagnostic report contains (zod schema + types), for HTML, JSON and ZIP.
import { z } from 'zod';
import { CAUSE_IDS, LANGS, PROBE_IDS, REPAIR_IDS } from '../contract/ids.ts';
import { evidenceSchema } from '../contract/evidence.ts';
import { findingSchema } from '../contract/finding.ts';
import { parsedSymptomSchema } from '../contract/symptom.ts';
import { logAnalysisSchema } from '../contract/log-analysis.ts';
import { environmentSchema } from '../contract/scan.ts';
import { repairOutcomeSchema } from '../contract/repair.ts';
import { sessionCheckSchema, sessionSymptomSchema } from '../contract/session.ts';
import { SESSION_STATES } from '../session/session-story.ts';

export const REPORT_SCHEMA = 'msi-doctor/report@1';

export const REPAIR_STATES = [
  'proposed',
  'succeeded',
  'failed',
  'cancelled',
  'elevation-declined',
  'unfinished',
  'undone',
] as const;
export type RepairState = (typeof REPAIR_STATES)[number];

/** One repair: proposed by a finding and not run, or run (with its outcome, verification and journal). */
export const reportRepairSchema = z.object({
  repair: z.enum(REPAIR_IDS),
  state: z.enum(REPAIR_STATES),
  /** Causes whose findings proposed this repair. */
  proposedFor: z.array(z.enum(CAUSE_IDS)),
  journalId: z.string().nullable(),
  startedAt: z.string().nullable(),
  /** True = the re-run checks show the cause gone, false = still there, null = not verifiable or not run. */
  verified: z.boolean().nullable(),
  outcome: repairOutcomeSchema.nullable(),
  /** The journal's records (JSON lines) as written by the repair service. */
  journal: z.array(z.unknown()),
  /** Where the journal file is inside the ZIP, when attached. */
  journalFile: z.string().nullable(),
});
export type ReportRepair = z.infer<typeof reportRepairSchema>;

/** How the copy of a log in the ZIP relates to the original file. */
export const logCopySchema = z.object({
  /** Encodings of the original's regions in file order (utf16le, utf16be, utf8, ansi, dropped). */
  regions: z.array(z.string()),
  /** Bytes no encoding could read, left out of the copy (each place is marked in it). */
  droppedBytes: z.number().int(),
  /** The copy's encoding when it differs from the original's (a mixed file is written as UTF-8), else null. */
  convertedTo: z.string().nullable(),
});
export type LogCopy = z.infer<typeof logCopySchema>;

export const reportLogSchema = z.object({
  analysis: logAnalysisSchema,
  bytes: z.number().int().nullable(),
  /** Path of the log's copy inside the ZIP; null for HTML/JSON-only exports or when the file could not be read. */
  attachedAs: z.string().nullable(),
  /** What the copy holds (null when not attached): complete when droppedBytes is 0. */
  copy: logCopySchema.nullable().default(null),
});
export type ReportLog = z.infer<typeof reportLogSchema>;

export const ATTACHMENT_KINDS = ['report', 'log', 'raw', 'journal', 'app-log'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const attachmentSchema = z.object({
  path: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  /** The original file it was copied from (redacted like everything else), null for generated files. */
  source: z.string().nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** The session's story as the wizard told it: what was found first, what was done, whether it worked, what remains. */
export const reportSessionSchema = z.object({
  sessionId: z.string(),
  state: z.enum(SESSION_STATES),
  symptom: sessionSymptomSchema,
  /** The first diagnosis's top cause (frozen when the first repair ran). */
  found: findingSchema.nullable(),
  checks: z.array(sessionCheckSchema),
  /** The latest diagnosis without what was fixed: other causes, security findings, notes. */
  stillWorthKnowing: z.array(findingSchema),
});
export type ReportSession = z.infer<typeof reportSessionSchema>;

export const reportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  generatedAt: z.string(),
  lang: z.enum(LANGS),
  app: z.object({ name: z.string(), version: z.string() }),
  /** True when personal data and secrets were replaced by placeholders. */
  redacted: z.boolean(),
  /** Per kind, how many distinct values were replaced (never the values themselves). */
  redaction: z.array(z.object({ kind: z.string(), distinct: z.number().int(), occurrences: z.number().int() })),
  environment: environmentSchema,
  scan: z.object({
    scanId: z.string(),
    startedAt: z.string(),
    durationMs: z.number(),
    elevation: z.enum(['not-needed', 'granted', 'declined', 'skipped', 'failed']),
  }),
  symptom: parsedSymptomSchema,
  evidence: z.array(evidenceSchema),
  logs: z.array(reportLogSchema),
  findings: z.array(findingSchema),
  repairs: z.array(reportRepairSchema),
  /** The session record's story (always present in reports built by the app and the CLI). */
  session: reportSessionSchema.nullable().default(null),
  notChecked: z.array(z.object({ probe: z.enum(PROBE_IDS), reason: z.string() })),
  attachments: z.array(attachmentSchema),
});
export type ReportModel = z.infer<typeof reportSchema>;
