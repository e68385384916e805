// Scan requests, progress events and results (schema msi-doctor/scan@1).
import { z } from 'zod';
import { PROBE_IDS } from './ids.ts';
import { evidenceSchema } from './evidence.ts';
import { findingSchema } from './finding.ts';
import { parsedSymptomSchema } from './symptom.ts';
import { logAnalysisSchema } from './log-analysis.ts';

export const SCAN_SCHEMA = 'msi-doctor/scan@1';

export const scanRequestSchema = z.object({
  symptom: z.string().max(20_000).default(''),
  logPaths: z.array(z.string().max(32_767)).max(50).default([]),
  msiPath: z.string().max(32_767).nullable().default(null),
  /** false = skip the single elevated batch; findings then say what could not be checked. */
  allowElevation: z.boolean().default(true),
  /** The wizard session this scan belongs to (null: a new session). */
  sessionId: z.string().max(200).nullable().default(null),
  /** Why the scan runs: the diagnosis, the check after a fix, or the diagnosis of a retried install's new log. */
  purpose: z.enum(['diagnose', 'verify', 'new-log']).default('diagnose'),
  /** The symptom card the user chose (so texts say what the user chose, not what they typed). */
  choice: z.string().max(40).nullable().default(null),
});
export type ScanRequest = z.infer<typeof scanRequestSchema>;

export const scanProgressSchema = z.object({
  scanId: z.string(),
  probe: z.enum(PROBE_IDS),
  phase: z.enum(['queued', 'started', 'finished']),
  elevated: z.boolean(),
  durationMs: z.number().nullable(),
  evidence: evidenceSchema.nullable(),
});
export type ScanProgress = z.infer<typeof scanProgressSchema>;

export const environmentSchema = z.object({
  kind: z.enum(['real', 'simulated']),
  scenario: z.string().nullable(),
  windowsVersion: z.string().nullable(),
  windowsLanguage: z.string().nullable(),
  computerName: z.string().nullable(),
  userName: z.string().nullable(),
  elevated: z.boolean().nullable(),
});
export type EnvironmentInfo = z.infer<typeof environmentSchema>;

export const scanResultSchema = z.object({
  schema: z.literal(SCAN_SCHEMA),
  scanId: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  environment: environmentSchema,
  symptom: parsedSymptomSchema,
  evidence: z.array(evidenceSchema),
  logs: z.array(logAnalysisSchema),
  findings: z.array(findingSchema),
  /** Probes that could not run (elevation declined, not applicable), with the reason key. */
  notChecked: z.array(z.object({ probe: z.enum(PROBE_IDS), reason: z.string() })),
  elevation: z.enum(['not-needed', 'granted', 'declined', 'skipped', 'failed']),
  /** Log files given in the request that could not be analyzed (missing, unreadable), with the reason. */
  logErrors: z.array(z.object({ file: z.string(), message: z.string() })).optional(),
  /** The wizard session the scan belongs to (absent for the command line's scans). */
  sessionId: z.string().optional(),
});
export type ScanResult = z.infer<typeof scanResultSchema>;
