// Plain-text rendering of findings in a language (the CLI's human output for `scan` and `analyze`).
import type { Lang } from '../contract/ids.ts';
import type { EvidenceRef } from '../contract/evidence.ts';
import type { Finding } from '../contract/finding.ts';
import { labelled, translate } from '../knowledge/texts.ts';
import { isMythId } from '../knowledge/myths.ts';
import { keys } from '../knowledge/knowledge-texts.ts';
import { probeName, repairName } from '../knowledge/words.ts';
import { nestedParam } from '../knowledge/text-render.ts';

export interface FormatOptions {
  /** Findings to show (default all). */
  limit?: number;
  /** Reasons per finding (default 6). */
  maxReasons?: number;
  /** Include manual steps and myths (default true). */
  details?: boolean;
  indent?: string;
}

function refText(ref: EvidenceRef, lang: Lang): string {
  switch (ref.kind) {
    case 'probe':
      return translate(
        { key: 'format.evidence.probe', params: { probe: nestedParam(probeName(ref.probe).key) } },
        lang,
      );
    case 'log':
      return translate(
        { key: 'format.evidence.log', params: { file: ref.file.split(/[\\/]/).pop() ?? ref.file, line: ref.line } },
        lang,
      );
    case 'symptom':
      return translate({ key: 'format.evidence.symptom', params: { code: ref.code } }, lang);
  }
}

function header(f: Finding, rank: number, lang: Lang): string {
  const title = translate(f.title, lang);
  const key =
    f.kind === 'security' ? 'format.finding.security' : f.kind === 'info' ? 'format.finding.info' : 'format.finding';
  return translate({ key, params: { rank, title, confidence: Math.round(f.confidence * 100) } }, lang);
}

/** One line per item, no colors (the CLI adds them on a TTY). */
export function formatFindings(findings: readonly Finding[], lang: Lang, options: FormatOptions = {}): string[] {
  const pad = options.indent ?? '   ';
  const details = options.details ?? true;
  const lines: string[] = [translate({ key: 'format.heading', params: {} }, lang)];
  if (findings.length === 0) return [...lines, translate({ key: 'format.none', params: {} }, lang)];
  findings.slice(0, options.limit ?? findings.length).forEach((f, i) => {
    lines.push(header(f, i + 1, lang));
    if (f.headline) lines.push(`${pad}${translate(f.headline, lang)}`);
    lines.push(`${pad}${translate(f.explanation, lang)}`);
    const reasons = f.reasons.slice(0, options.maxReasons ?? 6);
    if (reasons.length) {
      lines.push(`${pad}${translate({ key: 'format.label.why', params: {} }, lang)}`);
      for (const r of reasons) lines.push(`${pad}- ${translate(r, lang)}`);
    }
    if (f.contradicting.length) {
      lines.push(
        `${pad}${translate({ key: 'format.label.against', params: {} }, lang)} ${f.contradicting.map((r) => refText(r, lang)).join('; ')}`,
      );
    }
    if (f.repairs.length) {
      lines.push(`${pad}${translate({ key: 'format.label.repairs', params: {} }, lang)}`);
      f.repairs.forEach((r, n) =>
        // The repair by its name, and the command that runs it (its id appears only as that command's argument).
        lines.push(
          `${pad}${n + 1}) ${translate(labelled(translate(repairName(r), lang), `msi-doctor fix ${r}`), lang)}`,
        ),
      );
    }
    if (details && f.manualSteps.length) {
      lines.push(`${pad}${translate({ key: 'format.label.steps', params: {} }, lang)}`);
      for (const s of f.manualSteps.slice(0, 4)) lines.push(`${pad}- ${translate(s, lang)}`);
    }
    const myths = f.myths.filter(isMythId);
    if (details && myths.length) {
      lines.push(`${pad}${translate({ key: 'format.label.myths', params: {} }, lang)}`);
      for (const m of myths)
        lines.push(
          `${pad}- ${translate({ key: keys.mythAdvice(m), params: {} }, lang)} ${translate({ key: keys.mythWhyWrong(m), params: {} }, lang)}`,
        );
    }
  });
  return lines;
}

/** The `findings` array of `scan --json` / `analyze --json`: cause, confidence, kind, evidence, repairs (+ translated text). */
export function findingsToJson(findings: readonly Finding[], lang: Lang) {
  return findings.map((f) => ({
    cause: f.cause,
    confidence: f.confidence,
    kind: f.kind,
    title: translate(f.title, lang),
    evidence: { supporting: f.supporting, contradicting: f.contradicting },
    reasons: f.reasons.map((r) => translate(r, lang)),
    repairs: f.repairs,
    myths: f.myths,
  }));
}
