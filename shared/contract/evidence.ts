// Evidence: what one probe observed on the machine (schema shared by probes, diagnosis, UI and reports).
import { z } from 'zod';
import { PROBE_IDS } from './ids.ts';

export const evidenceStatusSchema = z.enum([
  'ok', // checked, nothing wrong
  'problem', // checked, something that can cause an install failure
  'warning', // worth knowing, rarely the cause on its own
  'security', // a security weakness (AlwaysInstallElevated, Everyone Full Control...)
  'error', // the probe itself failed; see `error`
  'not-checked', // needed elevation the user declined, or not applicable on this machine
]);
export type EvidenceStatus = z.infer<typeof evidenceStatusSchema>;

/** One command the probe ran and what it printed, kept verbatim for the report. */
export const rawOutputSchema = z.object({
  command: z.string(),
  exitCode: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number(),
  elevated: z.boolean(),
});
export type RawOutput = z.infer<typeof rawOutputSchema>;

/** A translatable sentence: a key of the knowledge texts plus its parameters. */
export const textRefSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type TextRef = z.infer<typeof textRefSchema>;

export const evidenceSchema = z.object({
  probe: z.enum(PROBE_IDS),
  status: evidenceStatusSchema,
  /** One line for the scan list, e.g. key 'probe.installer-service.idle'. */
  summary: textRefSchema,
  /** Probe-specific typed facts; see evidence-data.ts for each probe's schema. */
  data: z.record(z.string(), z.unknown()),
  raw: z.array(rawOutputSchema),
  error: z.string().nullable(),
  durationMs: z.number(),
  elevated: z.boolean(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** Where a finding's support comes from: a probe fact or a line of an analyzed log. */
export const evidenceRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('probe'), probe: z.enum(PROBE_IDS), fact: z.string().optional() }),
  z.object({ kind: z.literal('log'), file: z.string(), line: z.number().int(), text: z.string().optional() }),
  z.object({ kind: z.literal('symptom'), code: z.number().int() }),
]);
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;
