// The one formatter of moments for people: an ISO timestamp in the reader's language and time zone.
import type { TimeParam } from '../contract/evidence.ts';

/**
 * A moment (ISO timestamp) as a person reads it in the user's language and this computer's time zone, e.g.
 * "Nov 18, 2026, 9:13 AM" / "2026年11月18日 09:13": what the wizard, the HTML reports and the CLI show (JSON keeps
 * ISO). A timestamp without a zone is a clock time as the machine wrote it and is shown as that clock time.
 * Anything that is not a valid date is returned unchanged.
 */
export function localTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A moment as a sentence's param: the page that shows the sentence formats it (localTime), never the rule. */
export function timeParam(iso: string): TimeParam {
  return { time: iso };
}

export function isTimeParam(value: unknown): value is TimeParam {
  return typeof value === 'object' && value !== null && typeof (value as TimeParam).time === 'string';
}
