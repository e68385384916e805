// Domain texts (evidence summaries, causes, repairs, myths) in the current language, loaded per language on demand:
// each language's table is a chunk of its own (the Vite build writes it from shared/knowledge), fetched when that
// language first needs a domain text, so the first screen loads no knowledge text at all.
import type { Lang } from '../../../shared/contract/ids.ts';
import { renderText, renderTextParts, type TextInput, type TextPart } from '../../../shared/knowledge/text-render.ts';

export type LanguageTable = Record<string, string>;
export type LanguageTableLoader = (lang: Lang) => Promise<LanguageTable>;

/** The built app's chunks (virtual modules of build/vite.renderer.config.ts); tests give their own loader. */
let loader: LanguageTableLoader = async (lang) =>
  (lang === 'zh-CN' ? await import('virtual:domain-texts/zh-CN') : await import('virtual:domain-texts/en')).default;
const tables = new Map<Lang, LanguageTable>();
const loading = new Map<Lang, Promise<void>>();
const listeners = new Set<() => void>();
let version = 0;

export function setLanguageTableLoader(next: LanguageTableLoader): void {
  loader = next;
  tables.clear();
  loading.clear();
}

/** Loads a language's table once (again after a failure); listeners hear when it arrives. */
export function loadDomainTexts(lang: Lang): Promise<void> {
  const known = loading.get(lang);
  if (known) return known;
  const load = loader(lang).then(
    (table) => {
      tables.set(lang, table);
      version++;
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      loading.delete(lang);
      throw error;
    },
  );
  loading.set(lang, load);
  return load;
}

/**
 * The text in `lang`; an empty string while the language's table is still on its way (a few milliseconds: it is
 * asked for at start-up; components re-render when it arrives, through useDomainTextsVersion).
 */
export function domainText(ref: TextInput, lang: Lang): string {
  const table = tables.get(lang);
  if (!table) {
    loadDomainTexts(lang).catch(() => undefined); // retried on the next call
    return '';
  }
  return renderText(ref, (key) => table[key], lang);
}

/** The text in `lang` as parts (machine values apart, see renderTextParts); empty while the table is on its way. */
export function domainTextParts(ref: TextInput, lang: Lang): TextPart[] {
  const table = tables.get(lang);
  if (!table) {
    loadDomainTexts(lang).catch(() => undefined); // retried on the next call
    return [];
  }
  return renderTextParts(ref, (key) => table[key], lang);
}

/** For useSyncExternalStore: changes each time a language's table arrives. */
export function subscribeDomainTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function domainTextsVersion(): number {
  return version;
}
