// Applies a Redactor to structured data: learns identities from a scan, and redacts every string (and key) of a report model.
import type { ScanResult } from '../../contract/scan.ts';
import { reportSchema, type ReportModel } from '../report-schema.ts';
import { redactTyped } from './redact-typed.ts';
import { REDACTION_KINDS } from './redaction-kinds.ts';
import type { Redactor } from './redactor.ts';
import { classifyKey } from './key-names.ts';

const NO_HIDDEN: ReadonlySet<string> = new Set();

/** Calls fn on every string inside a JSON-like value with the object key it sits under (null in arrays and for keys). */
export function forEachValue(
  value: unknown,
  fn: (text: string, key: string | null) => void,
  key: string | null = null,
): void {
  if (typeof value === 'string') fn(value, key);
  else if (Array.isArray(value)) for (const item of value) forEachValue(item, fn, key);
  else if (value && typeof value === 'object') {
    for (const [k, item] of Object.entries(value)) {
      fn(k, null);
      forEachValue(item, fn, k);
    }
  }
}

/** Learns from structured data: a value under a key like "domain" or "userName" is known as what its key says. */
export function learnDeep(value: unknown, redactor: Redactor): void {
  forEachValue(value, (text, key) => {
    const cls = key === null ? null : classifyKey(key, NO_HIDDEN);
    if (cls) redactor.learnValue(cls, text);
    else redactor.learn(text);
  });
}

/** One string redacted as what its key says it is (a user name under "userName"), else as free text. */
function redactText(redactor: Redactor, value: string, key: string | null): string {
  const cls = key === null ? null : classifyKey(key, NO_HIDDEN);
  return cls ? redactor.redactValue(cls, value) : redactor.redact(value);
}

/** A deep copy with every string and object key redacted (a value is read as what its key says it is). */
export function redactDeep<T>(value: T, redactor: Redactor, key: string | null = null): T {
  if (typeof value === 'string') return redactText(redactor, value, key) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redactor, key)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) out[redactor.redact(k)] = redactDeep(item, redactor, k);
    return out as T;
  }
  return value;
}

/** Teaches the redactor who this machine's user is: the environment's names, then everything the probes printed. */
export function learnFromScan(redactor: Redactor, scan: ScanResult): void {
  const env = scan.environment;
  redactor.addIdentities({
    users: env.userName ? [env.userName] : [],
    computers: env.computerName ? [env.computerName] : [],
  });
  learnDeep(scan, redactor);
}

/** Per kind, how many distinct values and occurrences the redactor replaced so far. */
export function redactionSummary(redactor: Redactor): ReportModel['redaction'] {
  const items = redactor.preview().items;
  return REDACTION_KINDS.map((kind) => {
    const ofKind = items.filter((i) => i.kind === kind);
    return { kind, distinct: ofKind.length, occurrences: ofKind.reduce((sum, i) => sum + i.count, 0) };
  }).filter((k) => k.distinct > 0);
}

/** What redactReport walks: the report without its fixed metadata. */
const REPORT_CONTENT = reportSchema.omit({ schema: true, generatedAt: true, lang: true, app: true });

/**
 * The model with all its content redacted along the report's schema: fixed metadata (schema, time, app, language),
 * field names and the schema's own words (probe, cause and repair ids, statuses) are kept, so it is still a report.
 */
export function redactReport(model: ReportModel, redactor: Redactor): ReportModel {
  const { schema, generatedAt, lang, app, ...content } = model;
  const redacted = redactTyped(
    REPORT_CONTENT,
    content,
    (text, key) => redactText(redactor, text, key),
    (value, key) => redactDeep(value, redactor, key),
  ) as typeof content;
  return { schema, generatedAt, lang, app, ...redacted, redacted: true, redaction: redactionSummary(redactor) };
}
