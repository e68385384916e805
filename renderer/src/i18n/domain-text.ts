// Domain texts (evidence summaries, causes, repairs, myths) in the current language, from shared/knowledge.
import type { Lang } from '../../../shared/contract/ids.ts';
import type { TextRef } from '../../../shared/contract/evidence.ts';

/** Until the knowledge base answers a key, show the key with its parameters rather than nothing. */
export function domainText(ref: TextRef, _lang: Lang): string {
  const params = Object.entries(ref.params ?? {});
  return params.length ? `${ref.key} (${params.map(([k, v]) => `${k}=${v}`).join(', ')})` : ref.key;
}
