// Domain texts (evidence summaries, causes, repairs, myths) in the current language, from shared/knowledge.
import type { Lang } from '../../../shared/contract/ids.ts';
import type { TextRef } from '../../../shared/contract/evidence.ts';
import { translate } from '../../../shared/knowledge/texts.ts';

export function domainText(ref: TextRef, lang: Lang): string {
  return translate(ref, lang);
}
