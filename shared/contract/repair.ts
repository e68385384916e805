// Repair plans (what the UI shows before the user confirms) and outcomes (what ran, verification, undo).
import { z } from 'zod';
import { CAUSE_IDS, REPAIR_IDS } from './ids.ts';
import { evidenceSchema, textRefSchema } from './evidence.ts';
import { logAnalysisSchema } from './log-analysis.ts';

export const riskSchema = z.enum(['none', 'low', 'medium', 'high']);

/** Parameters a repair may take. All are validated in electron/system/repairs before any command is built. */
export const repairParamsSchema = z
  .object({
    msiPath: z.string().max(32_767).optional(),
    pid: z.number().int().positive().optional(),
    productCode: z
      .string()
      .regex(/^\{[0-9A-Fa-f-]{36}\}$/)
      .optional(),
    restartInMinutes: z.number().int().min(0).max(1440).optional(),
    waitLimitSeconds: z.number().int().min(5).max(3600).optional(),
    uiLevel: z.enum(['passive', 'full']).optional(),
    /** A known product (shared/knowledge/known-products.ts id) whose folder add-to-path adds. */
    product: z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/)
      .optional(),
    /** PATH entries (as stored) the user confirmed to remove (remove-stale-path-entry). */
    pathEntries: z.array(z.string().min(1).max(1024)).max(128).optional(),
    /** Over-permissive ACL entries (SIDs) the user confirmed to remove. */
    removeSids: z
      .array(z.string().regex(/^S-1-[0-9-]+$/))
      .max(32)
      .optional(),
  })
  .strict();
export type RepairParams = z.infer<typeof repairParamsSchema>;

export const planStepSchema = z.object({
  id: z.string(),
  kind: z.enum(['check', 'backup', 'change', 'wait', 'verify', 'run-install']),
  description: textRefSchema,
  /** The exact command line that will run, as the user sees it. */
  commandLine: z.string(),
  elevated: z.boolean(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const repairPlanSchema = z.object({
  planId: z.string(),
  repair: z.enum(REPAIR_IDS),
  title: textRefSchema,
  description: textRefSchema,
  risk: riskSchema,
  reversible: z.boolean(),
  needsElevation: z.boolean(),
  steps: z.array(planStepSchema),
  /** What is backed up where: `what` is a registry key or path as Windows names it (machine text, shown as code), or a
   * described value (a TextRef such as repair.backup.previous-path), shown in the user's language. */
  backups: z.array(z.object({ what: z.union([z.string(), textRefSchema]), path: z.string() })),
  warnings: z.array(textRefSchema),
  /** Confirmations the user must give explicitly (e.g. 'partial-install-risk', 'active-progress'). */
  confirmations: z.array(z.string()),
  /** Causes this repair is meant to remove: verification re-runs the probes behind them. */
  targets: z.array(z.enum(CAUSE_IDS)),
  params: z.record(z.string(), z.unknown()),
  /** The verbose log the plan's install step writes (retry, uninstall): where to read it after the run. */
  installLog: z.object({ path: z.string() }).nullable().optional(),
  /** How many times Windows asks for administrator rights when this plan runs (0: none, or the app already is). */
  elevationPrompts: z.number().int().min(0).optional(),
  /** The plan restarts Windows, now (0) or in this many minutes: the session resumes after it. */
  restart: z
    .object({ minutes: z.number().int().min(0) })
    .nullable()
    .optional(),
});
export type RepairPlan = z.infer<typeof repairPlanSchema>;

export const stepOutcomeSchema = z.object({
  id: z.string(),
  status: z.enum(['succeeded', 'failed', 'skipped', 'cancelled']),
  exitCode: z.number().int().nullable(),
  output: z.string(),
  durationMs: z.number(),
});

export const repairOutcomeSchema = z.object({
  schema: z.literal('msi-doctor/repair@1'),
  journalId: z.string(),
  plan: repairPlanSchema,
  status: z.enum(['succeeded', 'failed', 'cancelled', 'elevation-declined']),
  steps: z.array(stepOutcomeSchema),
  /** True when the rescan no longer shows the targeted cause; null when not verifiable. */
  verified: z.boolean().nullable(),
  verification: z.array(evidenceSchema),
  rebootRequired: z.boolean(),
  undoAvailable: z.boolean(),
  message: textRefSchema.nullable(),
  /** Install/uninstall steps: the verbose log we wrote, its exit code and its analysis (re-diagnose with it). */
  installLog: z
    .object({
      path: z.string(),
      exitCode: z.number().int().nullable(),
      analysis: logAnalysisSchema.nullable(),
      error: z.string().nullable(),
    })
    .nullable()
    .optional(),
});
export type RepairOutcome = z.infer<typeof repairOutcomeSchema>;

export const journalSummarySchema = z.object({
  journalId: z.string(),
  /** Null only for a damaged journal whose repair cannot be trusted. */
  repair: z.enum(REPAIR_IDS).nullable(),
  startedAt: z.string(),
  /**
   * 'cleared': an interrupted run that never reached its change (no backup was taken), so there is nothing to undo.
   * 'damaged': malformed, truncated or tampered; listed with `problem`, never undone.
   */
  state: z.enum(['finished', 'unfinished', 'undone', 'cleared', 'damaged']),
  undoAvailable: z.boolean(),
  /** Monotonic order of the runs on this data folder (null for a damaged journal). */
  seq: z.number().int().nullable().optional(),
  /** The session (scan) the repair belonged to. */
  sessionId: z.string().nullable().optional(),
  /** Why a damaged journal is not trusted, in one line. */
  problem: z.string().optional(),
});
export type JournalSummary = z.infer<typeof journalSummarySchema>;
