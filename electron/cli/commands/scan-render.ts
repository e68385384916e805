// Plain-text rendering of a ScanResult for the terminal: one line per probe with status, duration, summary and key facts.
import type { Evidence, TextRef } from '../../../shared/contract/evidence.ts';
import type { ScanResult } from '../../../shared/contract/scan.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import { hasText, translate } from '../../../shared/knowledge/texts.ts';
import { formatFindings } from '../../../shared/diagnosis/format-findings.ts';
import { probeName, statusWord } from '../../../shared/knowledge/words.ts';

/** Statuses that need the reader's attention get a mark in the margin; the word itself is the shared one. */
const ATTENTION = new Set<Evidence['status']>(['problem', 'security', 'error']);

const ELEVATION_TEXT: Record<ScanResult['elevation'], string> = {
  'not-needed': 'not needed',
  granted: 'granted (one administrator prompt)',
  declined: 'declined: the checks that need it were skipped',
  skipped: 'skipped (--no-elevate): the checks that need it were not run',
  failed: 'failed: the checks that need it could not run',
};

/** The probe's summary sentence from the knowledge texts; without one, the key's last part and its parameters. */
export function summaryText(summary: TextRef, lang: Lang = 'en'): string {
  if (hasText(summary.key)) return translate(summary, lang);
  const name = summary.key.split('.').pop() ?? summary.key;
  const params = Object.entries(summary.params ?? {})
    .filter(([k]) => k !== 'probe')
    .map(([k, v]) => `${k}=${String(v)}`);
  return [name.replace(/-/g, ' '), ...params].join(' ');
}

function scalar(value: unknown): string | null {
  if (value === null) return 'none';
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}...` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  return null;
}

/** Up to `limit` facts from the evidence data: scalars, list sizes, and scalars one level down (windowsTemp.exists). */
export function keyFacts(data: object | null, limit = 6): string[] {
  const facts: string[] = [];
  for (const [key, value] of Object.entries(data ?? {})) {
    if (facts.length >= limit) break;
    const direct = scalar(value);
    if (direct !== null) {
      facts.push(`${key}=${direct}`);
      continue;
    }
    if (value && typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
        if (facts.length >= limit) break;
        const text = scalar(innerValue);
        if (text !== null && !Array.isArray(innerValue)) facts.push(`${key}.${inner}=${text}`);
      }
    }
  }
  return facts;
}

export function renderScan(result: ScanResult, lang: Lang = 'en'): string {
  const env = result.environment;
  const where = env.kind === 'simulated' ? `simulated machine "${env.scenario ?? 'custom'}"` : 'this computer';
  const who = [env.computerName, env.userName, env.windowsLanguage].filter(Boolean).join(', ');
  const codes = [...result.symptom.exitCodes, ...result.symptom.messageNumbers];
  const lines = [
    `MSI Doctor scan of ${where}${who ? ` (${who})` : ''}`,
    `Symptom: ${codes.length ? codes.join(', ') : result.symptom.input.trim() || 'none given'}`,
    `Administrator checks: ${ELEVATION_TEXT[result.elevation]}`,
    '',
  ];
  for (const e of result.evidence) {
    const mark = ATTENTION.has(e.status) ? '!' : ' ';
    const time = `${Math.round(e.durationMs)} ms`;
    const facts = keyFacts(e.data);
    lines.push(
      `${mark} ${translate(probeName(e.probe), lang)}: ${translate(statusWord(e.status), lang)} (${time}${e.elevated ? ', admin' : ''})`,
      `    ${summaryText(e.summary, lang)}`,
    );
    if (facts.length) lines.push(`    ${facts.join(', ')}`);
    if (e.error) lines.push(`    error: ${e.error}`);
  }
  if (result.notChecked.length) {
    const names = result.notChecked.map((n) => translate(probeName(n.probe), lang));
    lines.push('', `${translate(statusWord('not-checked'), lang)}: ${names.join(', ')}`);
  }
  for (const log of result.logs) {
    const failed = log.failedAction ? `, failed action ${log.failedAction.name}` : '';
    const primary = log.primaryError !== null ? `, error ${log.primaryError}` : '';
    lines.push(
      `Log ${log.file}: ${log.outcome}${log.exitCode !== null ? ` (exit ${log.exitCode})` : ''}${primary}${failed}`,
    );
  }
  for (const problem of result.logErrors ?? []) lines.push(`Log ${problem.file}: not analyzed: ${problem.message}`);
  lines.push('', ...formatFindings(result.findings, lang, { limit: 5 }));
  lines.push('', `Scan ${result.scanId} took ${result.durationMs} ms.`, '');
  return lines.join('\n');
}
