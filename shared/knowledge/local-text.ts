// LocalText: a text in both first-class languages, and the tiny interpolation every text table uses.
import type { Lang } from '../contract/ids.ts';

/** Every user-facing domain text exists in English and Simplified Chinese (a test fails on a missing one). */
export interface LocalText {
  en: string;
  'zh-CN': string;
}

/** A table of texts by key, e.g. { 'probe.installer-service.idle': { en: ..., 'zh-CN': ... } }. */
export type TextTable = Record<string, LocalText>;

/** Replaces {name} placeholders with params; unknown placeholders stay visible so a missing param is noticed. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A text in both languages, as the tables write it: localText('Restart the computer.', '重新启动电脑。'). */
export function localText(en: string, zh: string): LocalText {
  return { en, 'zh-CN': zh };
}

export function pick(text: LocalText, lang: Lang): string {
  return text[lang] || text.en;
}
