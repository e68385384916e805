// "=== Verbose logging started: ... ===" / "=== Logging stopped: ... ===" in any language: a verbose start names the
// engine's version; otherwise the word says start or stop, and in a language we do not know, headers alternate.
import { P } from './patterns.ts';

export type HeaderKind = 'verbose-start' | 'start' | 'verbose-stop' | 'stop';

/** Per-analysis memory of the headers seen (each analysis has its own). */
export interface HeaderTracker {
  open: Array<'verbose' | 'basic'>;
  /** A basic session opened and closed inside the open verbose one (the UI part of a verbose log). */
  innerClosed: boolean;
}

/** "Stopped" in the languages Windows Installer logs are written in (a hint; alternation decides otherwise). */
const STOP_WORDS = [
  'stopped',
  'beendet',
  'arrêt',
  'detenido',
  'interrompido',
  'parado',
  'interrotta',
  'gestopt',
  'zatrzyman',
  'остановлен',
  'durduruldu',
  '停止',
  '중지',
  '終了',
  'توقف',
];
const VERBOSE_WORDS = [
  'verbose',
  'ausführlich',
  'détaillée',
  'detallado',
  'detalhado',
  'dettagliat',
  '详细',
  '詳細',
  '자세한',
];

export function classifyHeader(
  line: string,
  tracker: HeaderTracker,
): { kind: 'header'; header: HeaderKind; installerVersion: string | null } | null {
  if (line.length > 600 || !line.trimEnd().endsWith('===')) return null;
  const lower = line.toLowerCase();
  const version = P.INSTALLER_VERSION.exec(line)?.[1] ?? null;
  const verboseWord = VERBOSE_WORDS.some((w) => lower.includes(w));
  const stopWord = STOP_WORDS.some((w) => lower.includes(w));
  let header: HeaderKind;
  if (version !== null) header = 'verbose-start';
  else if (stopWord) header = verboseWord ? 'verbose-stop' : 'stop';
  else if (verboseWord) header = 'verbose-start';
  else {
    // Unknown words: a header closes what is open (a basic session, or the verbose one once its UI part closed).
    const top = tracker.open[tracker.open.length - 1];
    header = top === 'basic' ? 'stop' : top === 'verbose' && tracker.innerClosed ? 'verbose-stop' : 'start';
  }
  if (header === 'verbose-start') {
    tracker.open = ['verbose'];
    tracker.innerClosed = false;
  } else if (header === 'start') tracker.open.push('basic');
  else if (header === 'stop') {
    if (tracker.open[tracker.open.length - 1] === 'basic') tracker.open.pop();
    if (tracker.open[tracker.open.length - 1] === 'verbose') tracker.innerClosed = true;
  } else tracker.open = [];
  return { kind: 'header', header, installerVersion: header === 'verbose-start' ? version : null };
}
