// MsiReadError: why a file could not be read as an installer database, as one plain sentence in each language.
import type { LocalText } from '../knowledge/local-text.ts';
import { lookupText } from '../knowledge/texts.ts';

export type MsiReadErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'empty'
  | 'not-compound-file'
  | 'truncated'
  | 'corrupt'
  | 'too-large'
  | 'patch'
  | 'transform'
  | 'merge-module'
  | 'not-installer-database';

export class MsiReadError extends Error {
  constructor(
    readonly code: MsiReadErrorCode,
    readonly detail = '',
  ) {
    super(readErrorText(code, detail).en);
    this.name = 'MsiReadError';
  }

  /** The one-line explanation in both languages (the technical detail stays in English). */
  get text(): LocalText {
    return readErrorText(this.code, this.detail);
  }

  /** Text key + params for a translatable reference (evidence summaries, findings). */
  get textKey(): { key: string; params: { detail: string } } {
    return { key: `package.read-error.${this.code}`, params: { detail: this.detail } };
  }
}

function readErrorText(code: MsiReadErrorCode, detail: string): LocalText {
  const t = lookupText(`package.read-error.${code}`) ?? { en: code, 'zh-CN': code };
  return { en: t.en.replace('{detail}', detail), 'zh-CN': t['zh-CN'].replace('{detail}', detail) };
}
