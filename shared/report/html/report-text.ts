// Texts of one report in one language: the report's own table, plus knowledge-base TextRefs through an injected translator.
import type { Lang } from '../../contract/ids.ts';
import type { TextRef } from '../../contract/evidence.ts';
import { interpolate, pick } from '../../knowledge/local-text.ts';
import { reportTexts, type ReportTextKey } from '../../knowledge/texts/report.ts';
import { WORD_TEXTS } from '../../knowledge/texts/words.ts';
import { lookupText } from '../../knowledge/texts.ts';
import { renderText, renderTextParts } from '../../knowledge/text-render.ts';
import { isTimeParam, localTime } from '../../knowledge/local-time.ts';
import { html, type SafeHtml } from './template.ts';

/** Translates a knowledge-base TextRef (finding titles, probe summaries...); null when the key is unknown. */
export type TranslateRef = (ref: TextRef, lang: Lang) => string | null;

export class ReportText {
  constructor(
    readonly lang: Lang,
    private readonly translateRef: TranslateRef | null = null,
  ) {}

  t(key: ReportTextKey, params: Record<string, string | number> = {}): string {
    return interpolate(pick(reportTexts[key], this.lang), params);
  }

  /** A report text in the report's language, followed by the English term when the report is not in English. */
  bi(key: ReportTextKey, params: Record<string, string | number> = {}): string {
    const local = this.t(key, params);
    if (this.lang === 'en') return local;
    const en = interpolate(reportTexts[key].en, params);
    return local.includes(en) ? local : `${local} (${en})`;
  }

  /** A report text as HTML, the named params being values from the machine (marked <bdi translate="no">). */
  tHtml(key: ReportTextKey, params: Record<string, string | number>, machine: readonly string[]): SafeHtml {
    const template = pick(reportTexts[key], this.lang);
    const parts: Array<string | SafeHtml> = [];
    let at = 0;
    for (const match of template.matchAll(/\{(\w+)\}/g)) {
      const name = match[1]!;
      if (!(name in params)) continue;
      parts.push(template.slice(at, match.index));
      const value = String(params[name]);
      parts.push(machine.includes(name) ? html`<bdi translate="no">${value}</bdi>` : value);
      at = match.index + match[0].length;
    }
    parts.push(template.slice(at));
    return html`${parts}`;
  }

  /** A shared word (probe, repair or status name from shared/knowledge/words.ts) in the report's language. */
  word(ref: TextRef, lang: Lang = this.lang): string {
    const entry = (WORD_TEXTS as Record<string, { en: string; 'zh-CN': string }>)[ref.key];
    return entry ? pick(entry, lang) : this.ref(ref, lang);
  }

  /** A shared word followed by its English form when the report is not in English. */
  wordBi(ref: TextRef): string {
    const local = this.word(ref);
    if (this.lang === 'en') return local;
    const en = this.word(ref, 'en');
    return local.includes(en) ? local : `${local} (${en})`;
  }

  /** A knowledge TextRef in the report's language; unknown keys stay readable as "key: params". */
  ref(ref: TextRef, lang: Lang = this.lang): string {
    const known = this.translateRef?.(ref, lang);
    // The knowledge lookup falls back to the key itself: treat that as unknown so the report's own table can answer.
    if (known && known !== ref.key) return known;
    if (ref.key in reportTexts)
      return renderText(ref, (key) => (key in reportTexts ? pick(reportTexts[key as ReportTextKey], lang) : undefined), lang);
    const params = Object.entries(ref.params).map(([k, v]) => `${k}=${isTimeParam(v) ? localTime(v.time, lang) : v}`);
    return params.length ? `${ref.key} (${params.join(', ')})` : ref.key;
  }

  /**
   * A knowledge TextRef as HTML: the sentence in the report's language with every value from the machine (a path,
   * a product name, a quoted log line) marked <bdi translate="no">, so it reads as quoted data, not as words.
   */
  refHtml(ref: TextRef): SafeHtml {
    const known = this.translateRef?.(ref, this.lang);
    if (!known || known === ref.key || !lookupText(ref.key)) return html`${this.ref(ref)}`;
    const lang = this.lang;
    const parts = renderTextParts(ref, (key) => { const t = lookupText(key); return t ? t[lang] || t.en : undefined; }, lang);
    return html`${parts.map((p) => (typeof p === 'string' ? p : html`<bdi translate="no">${p.machine}</bdi>`))}`;
  }

  /** A TextRef with its English form appended in a non-English report (cause titles, error names). */
  refBi(ref: TextRef): string {
    const local = this.ref(ref);
    if (this.lang === 'en') return local;
    const en = this.ref(ref, 'en');
    return en && en !== local && !local.includes(en) ? `${local} (${en})` : local;
  }
}
