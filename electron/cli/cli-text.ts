// The one way a CLI line is worded: a key of the knowledge texts (shared/knowledge/texts/cli.ts and the other tables)
// rendered in the language of --lang, so no line of the command is English only.
import { LANGS, type Lang } from '../../shared/contract/ids.ts';
import { labelled, labelWord, translate, type TextParams } from '../../shared/knowledge/texts.ts';

export function cliText(key: string, lang: Lang, params: TextParams = {}): string {
  return translate({ key, params }, lang);
}

/** "Label:" with the language's own colon (Chinese: the full-width "："). */
export function labelText(label: string, lang: Lang): string {
  return translate(labelWord(label), lang);
}

/** "Label: value" with the language's own colon. */
export function labelledText(label: string, value: string, lang: Lang): string {
  return translate(labelled(label, value), lang);
}

/** A command's own message line ("msi-doctor scan: why", "msi-doctor analyze: file: why") with the language's colons. */
export function commandMessage(command: string, lang: Lang, ...parts: string[]): string {
  return parts.reduce((line, part) => labelledText(line, part, lang), `msi-doctor ${command}`);
}

/**
 * The language asked for anywhere in the arguments (--lang zh-CN or --lang=zh-CN, before or after --help), else
 * `fallback`: for the help page and the usage errors, which are printed before (or instead of) the options' checks.
 */
export function langOf(argv: readonly string[], fallback: Lang = 'en'): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : fallback;
}

/** A command's help page in `lang`. */
export function helpText(command: string, lang: Lang, params: TextParams = {}): string {
  return cliText(`cli.help.${command}`, lang, params);
}

/** The language the locale of the environment asks for (LC_ALL, LC_MESSAGES, LANG): the default of `report`. */
export function defaultLang(env: NodeJS.ProcessEnv): Lang {
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh-CN' : 'en';
}
