// The key scheme of the answer's headlines (headline.<fact>), apart from their texts so a page can compare keys
// without loading the tables.
import type { TextRef } from '../contract/evidence.ts';

/** Text key of a fact's headline: `headline.<fact>`. */
export function headlineKey(fact: string): string {
  return `headline.${fact}`;
}

/** The reason the headline was made from says the same thing again: a page shows another line of evidence. */
export function restatesHeadline(reason: TextRef, headline: TextRef | undefined): boolean {
  if (!headline || !reason.key.startsWith('fact.')) return false;
  if (headlineKey(reason.key.slice('fact.'.length)) !== headline.key) return false;
  return JSON.stringify(reason.params) === JSON.stringify(headline.params);
}
