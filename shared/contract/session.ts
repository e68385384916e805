// The session record (schema msi-doctor/session@1): what happened in one wizard session, as it happened. The summary,
// the report and the history all read it: the symptom, the first diagnosis (frozen once a repair ran), each repair
// with its outcome and verification, the checks run after, and the latest diagnosis (what remains).
import { z } from 'zod';
import { CAUSE_IDS, REPAIR_IDS } from './ids.ts';
import { repairOutcomeSchema, repairPlanSchema } from './repair.ts';
import { scanResultSchema } from './scan.ts';
import { evidenceSchema } from './evidence.ts';

export const SESSION_SCHEMA = 'msi-doctor/session@1';

/** The symptom card the user chose (shared/wizard's SYMPTOM_CHOICES), kept so texts can say what the user chose. */
export const sessionChoiceSchema = z.string().max(40).nullable();

export const sessionSymptomSchema = z.object({
  choice: sessionChoiceSchema,
  /** What the user typed or pasted (empty for a card without text). */
  input: z.string(),
  logFiles: z.array(z.string()),
  msiPath: z.string().nullable(),
});
export type SessionSymptom = z.infer<typeof sessionSymptomSchema>;

export const sessionRepairSchema = z.object({
  /** The plan id, which is also the journal id of the run. */
  journalId: z.string(),
  repair: z.enum(REPAIR_IDS),
  /** The cause the user fixed with it (null: not tied to one cause). */
  cause: z.enum(CAUSE_IDS).nullable(),
  /** 'fix': chosen on the findings; 'verify-install': the verify step's elevated, logged retry of the .msi. */
  purpose: z.enum(['fix', 'verify-install']),
  plan: repairPlanSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** 'running' until the outcome is known; 'interrupted' when the app stopped before it (the journal tells more). */
  state: z.enum(['running', 'finished', 'interrupted']),
  outcome: repairOutcomeSchema.nullable(),
  undo: z.object({ at: z.string(), outcome: repairOutcomeSchema }).nullable(),
  /** A restart the repair scheduled: when, and when the session was resumed after it (then `verifiedAfter` is set). */
  restart: z.object({ at: z.string(), resumedAt: z.string().nullable() }).nullable(),
  /** Verification run later (after the restart): the re-run checks and their verdict. */
  verifiedAfter: z
    .object({ at: z.string(), verified: z.boolean().nullable(), evidence: z.array(evidenceSchema) })
    .nullable(),
});
export type SessionRepair = z.infer<typeof sessionRepairSchema>;

/** A scan run after the first diagnosis: the verify step's rescan, or the diagnosis of a retried install's new log. */
export const sessionCheckSchema = z.object({
  scanId: z.string(),
  at: z.string(),
  purpose: z.enum(['verify', 'new-log']),
  /** The cause the last fix targeted (verify), whose absence makes the check pass. */
  target: z.enum(CAUSE_IDS).nullable(),
  /** verify: the target (or any cause, when none) is no longer found. new-log: the install failed again (false). */
  passed: z.boolean(),
});
export type SessionCheck = z.infer<typeof sessionCheckSchema>;

export const sessionRecordSchema = z.object({
  schema: z.literal(SESSION_SCHEMA),
  sessionId: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  /** The user started over (or a newer session began): kept in the history, never resumed. */
  ended: z.boolean(),
  symptom: sessionSymptomSchema,
  /** The diagnosis the user acted on: frozen once a repair ran (a rescan before that refines it). */
  initial: scanResultSchema,
  /** The newest scan of the session (equal to `initial` until something is checked again). */
  latest: scanResultSchema,
  repairs: z.array(sessionRepairSchema),
  checks: z.array(sessionCheckSchema),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/** One line of the history: enough to list and open a past session. */
export const sessionSummarySchema = z.object({
  sessionId: z.string(),
  startedAt: z.string(),
  symptom: sessionSymptomSchema,
  /** The first diagnosis's top cause (null: nothing found). */
  found: z.enum(CAUSE_IDS).nullable(),
  /** The repairs run, in order, with how each ended. */
  did: z.array(z.object({ repair: z.enum(REPAIR_IDS), result: z.string() })),
  /** The session's state word (see shared/session/session-story.ts SESSION_STATES). */
  state: z.string(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
