// react-i18next setup: English and Simplified Chinese UI strings, following the OS language, switchable at run time.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../shared/contract/ids.ts';
import { en } from './en.ts';
import { zhCN } from './zh-cn.ts';

/** The OS / browser language mapped to one of ours: any Chinese variant gets Simplified Chinese, the rest English. */
export function detectLang(languages: readonly string[]): Lang {
  for (const lang of languages) {
    if (/^zh\b/i.test(lang)) return 'zh-CN';
    if (/^en\b/i.test(lang)) return 'en';
  }
  return 'en';
}

export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    // One placeholder syntax in every table: {name}, as the knowledge tables write it (React escapes values already).
    interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
