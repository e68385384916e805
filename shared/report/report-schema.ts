// Schema msi-doctor/report@1: everything an exported diagnostic report contains (zod schema + types), for HTML, JSON and ZIP.
import { z } from 'zod';
import { CAUSE_IDS, LANGS, PROBE_IDS, REPAIR_IDS } from '../contract/ids.ts';
import { evidenceSchema } from '../contract/evidence.ts';
import { findingSchema } from '../contract/finding.ts';
import { parsedSymptomSchema } from '../contract/symptom.ts';
import { logAnalysisSchema } from '../contract/log-analysis.ts';
import { environmentSchema } from '../contract/scan.ts';
import { repairOutcomeSchema } from '../contract/repair.ts';

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
  /** True = rescan shows the cause gone, false = still there, null = not verifiable or not run. */
  verified: z.boolean().nullable(),
  outcome: repairOutcomeSchema.nullable(),
  /** The journal's records (JSON lines) as written by the repair service. */
  journal: z.array(z.unknown()),
  /** Where the journal file is inside the ZIP, when attached. */
  journalFile: z.string().nullable(),
});
export type ReportRepair = z.infer<typeof reportRepairSchema>;

export const reportLogSchema = z.object({
  analysis: logAnalysisSchema,
  bytes: z.number().int().nullable(),
  /** Path of the full log inside the ZIP; null for HTML/JSON-only exports or when the file was unreadable. */
  attachedAs: z.string().nullable(),
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
  notChecked: z.array(z.object({ probe: z.enum(PROBE_IDS), reason: z.string() })),
  attachments: z.array(attachmentSchema),
});
export type ReportModel = z.infer<typeof reportSchema>;
