// Evidence: what one probe observed on the machine (schema shared by probes, diagnosis, UI and reports).
import { z } from 'zod';
import { PROBE_IDS, type ProbeId } from './ids.ts';
import { evidenceDataSchemas, type EvidenceDataMap } from './evidence-data.ts';

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

/** A moment inside a sentence: the page that shows it formats it in the reader's language and time zone. */
export const timeParamSchema = z.object({ time: z.string() }).strict();
export type TimeParam = z.infer<typeof timeParamSchema>;

/** A translatable sentence: a key of the knowledge texts plus its parameters. */
export const textRefSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), timeParamSchema])).default({}),
});
export type TextRef = z.infer<typeof textRefSchema>;

/** Statuses of a probe that answered: its `data` are that probe's typed facts (evidence-data.ts). */
export const CHECKED_STATUSES = ['ok', 'problem', 'warning', 'security'] as const;
/** Statuses of a probe that gave no answer: its `data` are null (the reason is in `error` / the summary). */
export const UNCHECKED_STATUSES = ['error', 'not-checked'] as const;
export type CheckedStatus = (typeof CHECKED_STATUSES)[number];
export type UncheckedStatus = (typeof UNCHECKED_STATUSES)[number];

/** What every evidence carries, whatever its probe. */
interface EvidenceCommon {
  /** One line for the scan list, e.g. key 'probe.installer-service.idle'. */
  summary: TextRef;
  raw: RawOutput[];
  error: string | null;
  durationMs: number;
  elevated: boolean;
}

/** A probe that answered: its data are that probe's typed facts. */
export type AnsweredEvidence<P extends ProbeId> = EvidenceCommon & {
  probe: P;
  status: CheckedStatus;
  data: EvidenceDataMap[P];
};
/** A probe that gave no answer (failed, or not checked): no data. */
export type UnansweredEvidence<P extends ProbeId> = EvidenceCommon & { probe: P; status: UncheckedStatus; data: null };
export type EvidenceOf<P extends ProbeId> = AnsweredEvidence<P> | UnansweredEvidence<P>;
/** A union keyed on `probe` (then on whether it answered): `data` needs no cast and no second parse. */
export type Evidence = { [P in ProbeId]: EvidenceOf<P> }[ProbeId];

const commonShape = {
  summary: textRefSchema,
  raw: z.array(rawOutputSchema),
  error: z.string().nullable(),
  durationMs: z.number(),
  elevated: z.boolean(),
};

/**
 * No data. Sessions and reports saved before evidence was typed wrote `{}` for a probe that failed or was not checked:
 * read as null, so they still load; anything else in an unanswered probe's data is refused.
 */
const noDataSchema = z.union([
  z.null(),
  z
    .object({})
    .strict()
    .transform(() => null),
]);

function evidenceSchemaOf<P extends ProbeId>(probe: P) {
  return z.discriminatedUnion('status', [
    z.object({
      probe: z.literal(probe),
      status: z.enum(CHECKED_STATUSES),
      data: evidenceDataSchemas[probe],
      ...commonShape,
    }),
    z.object({ probe: z.literal(probe), status: z.enum(UNCHECKED_STATUSES), data: noDataSchema, ...commonShape }),
  ]);
}

/**
 * The one validation of evidence, at each boundary it crosses: a probe's verdict (run-probe.ts), a saved session or
 * scan read back from disk, a report read back. Past it, consumers read `data` by narrowing on `probe` (or through
 * findEvidence / probeData), never by casting or parsing again.
 */
export const evidenceSchema: z.ZodType<Evidence> = z.discriminatedUnion('probe', [
  evidenceSchemaOf('installer-service'),
  evidenceSchemaOf('install-in-progress'),
  evidenceSchemaOf('pending-reboot'),
  evidenceSchemaOf('temp-folders'),
  evidenceSchemaOf('elevation'),
  evidenceSchemaOf('policies'),
  evidenceSchemaOf('installer-events'),
  evidenceSchemaOf('recent-logs'),
  evidenceSchemaOf('installed-products'),
  evidenceSchemaOf('deployment-logs'),
  evidenceSchemaOf('path-environment'),
  evidenceSchemaOf('other-user-path'),
]);

// Typed access by probe id. TypeScript cannot relate a generic probe P to one member of the Evidence union (a
// "correlated union"), so the two casts below are the only ones; they hold by construction of Evidence.

/** The (first) evidence of one probe in a list, typed by its probe; undefined when the probe did not run. */
export function findEvidence<P extends ProbeId>(list: readonly Evidence[], probe: P): EvidenceOf<P> | undefined {
  return list.find((e) => e.probe === probe) as EvidenceOf<P> | undefined;
}

/** That probe's typed data; null when it did not run, failed or was not checked. */
export function probeData<P extends ProbeId>(list: readonly Evidence[], probe: P): EvidenceDataMap[P] | null {
  return findEvidence(list, probe)?.data ?? null;
}

/** The typed data of one evidence when it is that probe's and it answered, else null. */
export function dataOf<P extends ProbeId>(evidence: Evidence | undefined, probe: P): EvidenceDataMap[P] | null {
  return probeData(evidence ? [evidence] : [], probe);
}

/** One probe's evidence, built generically, as a member of the Evidence union. */
export function asEvidence<P extends ProbeId>(evidence: EvidenceOf<P>): Evidence {
  return evidence as Evidence;
}

/** Where a finding's support comes from: a probe fact or a line of an analyzed log. */
export const evidenceRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('probe'), probe: z.enum(PROBE_IDS), fact: z.string().optional() }),
  z.object({ kind: z.literal('log'), file: z.string(), line: z.number().int(), text: z.string().optional() }),
  z.object({ kind: z.literal('symptom'), code: z.number().int() }),
]);
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;
