// Applies a Redactor to structured data: learns identities from a scan, and redacts every string (and key) of a report model.
import type { ScanResult } from '../../contract/scan.ts';
import type { ReportModel } from '../report-schema.ts';
import { REDACTION_KINDS } from './redaction-kinds.ts';
import type { Redactor } from './redactor.ts';

/** Calls fn on every string (values and object keys) inside a JSON-like value. */
export function forEachString(value: unknown, fn: (text: string) => void): void {
  if (typeof value === 'string') fn(value);
  else if (Array.isArray(value)) for (const item of value) forEachString(item, fn);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      fn(key);
      forEachString(item, fn);
    }
  }
}

/** A deep copy with every string and object key redacted. */
export function redactDeep<T>(value: T, redactor: Redactor): T {
  if (typeof value === 'string') return redactor.redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redactor)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redactor.redact(key)] = redactDeep(item, redactor);
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
  forEachString(scan, (text) => redactor.learn(text));
}

/** Per kind, how many distinct values and occurrences the redactor replaced so far. */
export function redactionSummary(redactor: Redactor): ReportModel['redaction'] {
  const items = redactor.preview().items;
  return REDACTION_KINDS.map((kind) => {
    const ofKind = items.filter((i) => i.kind === kind);
    return { kind, distinct: ofKind.length, occurrences: ofKind.reduce((sum, i) => sum + i.count, 0) };
  }).filter((k) => k.distinct > 0);
}

/** The model with all its content redacted; fixed metadata (schema, time, app, language) is kept as is. */
export function redactReport(model: ReportModel, redactor: Redactor): ReportModel {
  const { schema, generatedAt, lang, app, ...content } = model;
  const redacted = redactDeep(content, redactor);
  return { schema, generatedAt, lang, app, ...redacted, redacted: true, redaction: redactionSummary(redactor) };
}
