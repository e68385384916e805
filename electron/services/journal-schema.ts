// The journal line format (zod): data only — repair id, validated parameters, recorded data, backups with hashes, results.
import { z } from 'zod';
import { planStepSchema, repairParamsSchema, repairPlanSchema } from '../../shared/contract/repair.ts';

/** Journal ids are file names we generate: ASCII, no separators, no dots at the start. */
export const JOURNAL_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,120}$/;

/**
 * Which machine a journal changed: this Windows machine, a built-in simulated scenario (by name), or a scenario file
 * inside the data folder (a relative path under <dataDir>/scenarios). A path outside the data folder is never valid.
 */
export const ENVIRONMENT =
  /^(?:real|simulated:[A-Za-z0-9][A-Za-z0-9._-]{0,80}|scenario-file:[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.json|scenario-file)$/;

const at = z.string().max(64);
const stepId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/);
const output = z.string().max(80 * 1024);

/** What the journal keeps of each step: its id, kind and whether it ran elevated. Never a command. */
export const journalStepSchema = z.object({
  id: stepId,
  kind: planStepSchema.shape.kind,
  elevated: z.boolean(),
  /** The backup file (a name in this run's backup folder) a backup step writes. */
  backupFile: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/)
    .optional(),
});
export type JournalStep = z.infer<typeof journalStepSchema>;

export const planEntrySchema = z.object({
  type: z.literal('plan'),
  at,
  journalId: z.string().regex(JOURNAL_ID),
  /** Monotonic across the data folder (assigned under the data-folder lock): orders overlapping changes. */
  seq: z.number().int().min(0).default(0),
  /** The app/CLI session (scan) the repair belonged to; null in journals written before sessions existed. */
  sessionId: z
    .string()
    .max(120)
    .regex(/^[A-Za-z0-9._:-]+$/)
    .nullable()
    .default(null),
  /** The plan as shown to the user: for display and reports only; nothing in it is ever run. */
  plan: repairPlanSchema,
  /** Validated repair parameters (the same schema as a new request). */
  params: repairParamsSchema.default({}),
  steps: z.array(journalStepSchema).max(64),
  /** The repair's recorded facts (previous values...): re-validated by the repair's own schema before any undo. */
  data: z.record(z.string(), z.unknown()),
  environment: z.string().regex(ENVIRONMENT),
});
export type PlanEntry = z.infer<typeof planEntrySchema>;

export const journalEntrySchema = z.discriminatedUnion('type', [
  planEntrySchema,
  z.object({ type: z.literal('step-start'), at, stepId }),
  z.object({
    type: z.literal('step-end'),
    at,
    stepId,
    status: z.enum(['succeeded', 'failed', 'skipped', 'cancelled']),
    exitCode: z.number().int().nullable(),
    output,
    durationMs: z.number().min(0),
  }),
  /** A backup file the step wrote, with its SHA-256 (undo restores it only when the hash still matches). */
  z.object({
    type: z.literal('backup'),
    at,
    stepId,
    file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('finish'),
    at,
    status: z.enum(['succeeded', 'failed', 'cancelled', 'elevation-declined']),
    verified: z.boolean().nullable(),
    rebootRequired: z.boolean(),
  }),
  z.object({ type: z.literal('undo-start'), at, stepIds: z.array(stepId).max(64) }),
  z.object({
    type: z.literal('undo-step-end'),
    at,
    stepId,
    status: z.enum(['succeeded', 'failed']),
    exitCode: z.number().int().nullable(),
    output,
  }),
  z.object({
    type: z.literal('undo-finish'),
    at,
    status: z.enum(['succeeded', 'failed', 'elevation-declined', 'cancelled', 'nothing-to-undo']),
  }),
]);
export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type JournalEntryInput = z.input<typeof journalEntrySchema>;
