// Plain-text rendering of a ScanResult for the terminal: one line per probe with status, duration, summary and key facts.
import type { Evidence, TextRef } from '../../../shared/contract/evidence.ts';
import type { ScanResult } from '../../../shared/contract/scan.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import { hasText, labelled, translate, type TextParams } from '../../../shared/knowledge/texts.ts';
import { cliText } from '../cli-text.ts';
import { formatFindings } from '../../../shared/diagnosis/format-findings.ts';
import { probeName, statusWord } from '../../../shared/knowledge/words.ts';

/** Statuses that need the reader's attention get a mark in the margin; the word itself is the shared one. */
const ATTENTION = new Set<Evidence['status']>(['problem', 'security', 'error']);

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
  // A list by its size, in the notation of the facts (key=value), not an English noun.
  if (Array.isArray(value)) return `[${value.length}]`;
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

const line = (lang: Lang, key: string, params: TextParams = {}): string => cliText(key, lang, params);

function logLine(log: ScanResult['logs'][number], lang: Lang): string {
  const outcome = [
    translate({ key: `report.outcome.${log.outcome}`, params: {} }, lang),
    ...(log.exitCode !== null ? [line(lang, 'cli.scan.log.exit', { code: log.exitCode })] : []),
    ...(log.primaryError !== null ? [line(lang, 'cli.scan.log.error', { code: log.primaryError })] : []),
    ...(log.failedAction ? [line(lang, 'cli.scan.log.failed-action', { action: log.failedAction.name })] : []),
  ].join(lang === 'zh-CN' ? '，' : ', ');
  return line(lang, 'cli.scan.log', { file: log.file, outcome });
}

export function renderScan(result: ScanResult, lang: Lang = 'en'): string {
  const env = result.environment;
  const heading =
    env.kind === 'simulated'
      ? line(lang, 'cli.scan.heading.simulated', { scenario: env.scenario ?? 'custom' })
      : line(lang, 'cli.scan.heading.real');
  const who = [env.computerName, env.userName, env.windowsLanguage].filter(Boolean).join(', ');
  const codes = [...result.symptom.exitCodes, ...result.symptom.messageNumbers];
  const symptom = codes.length ? codes.join(', ') : result.symptom.input.trim();
  const lines = [
    who ? line(lang, 'cli.scan.who', { heading, who }) : heading,
    symptom ? line(lang, 'cli.scan.symptom', { codes: symptom }) : line(lang, 'cli.scan.symptom.none'),
    line(lang, `cli.scan.elevation.${result.elevation}`),
    '',
  ];
  for (const e of result.evidence) {
    const mark = ATTENTION.has(e.status) ? '!' : ' ';
    const facts = keyFacts(e.data);
    const probeLine = line(lang, 'cli.scan.probe-line', {
      name: translate(probeName(e.probe), lang),
      status: translate(statusWord(e.status), lang),
      ms: Math.round(e.durationMs),
      admin: e.elevated ? line(lang, 'cli.scan.admin') : '',
    });
    lines.push(`${mark} ${probeLine}`, `    ${summaryText(e.summary, lang)}`);
    if (facts.length) lines.push(`    ${facts.join(', ')}`);
    if (e.error) lines.push(`    ${line(lang, 'cli.scan.probe-error', { error: e.error })}`);
  }
  if (result.notChecked.length) {
    const names = result.notChecked.map((n) => translate(probeName(n.probe), lang));
    lines.push('', translate(labelled(translate(statusWord('not-checked'), lang), names.join(', ')), lang));
  }
  for (const log of result.logs) lines.push(logLine(log, lang));
  for (const problem of result.logErrors ?? [])
    lines.push(line(lang, 'cli.scan.log.not-analyzed', { file: problem.file, problem: problem.message }));
  lines.push('', ...formatFindings(result.findings, lang, { limit: 5 }));
  lines.push('', line(lang, 'cli.scan.took', { scanId: result.scanId, ms: result.durationMs }), '');
  return lines.join('\n');
}
