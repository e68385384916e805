// The one way a CLI line is worded: a key of the knowledge texts (shared/knowledge/texts/cli.ts and the other tables)
// rendered in the language of --lang, so no line of the command is English only.
import type { Lang } from '../../shared/contract/ids.ts';
import { translate, type TextParams } from '../../shared/knowledge/texts.ts';

export function cliText(key: string, lang: Lang, params: TextParams = {}): string {
  return translate({ key, params }, lang);
}
