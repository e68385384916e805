// Turns the ISO timestamps probes report into the short form a person reads in a reason ("2026-11-18 09:13").
/**
 * Keeps the machine's own local clock time when the timestamp carries an offset (what Windows showed the user);
 * marks UTC ("Z") explicitly. Anything that is not an ISO timestamp is returned unchanged.
 */
export function displayTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!match) return iso;
  const [, date, time, zone] = match;
  return zone === 'Z' ? `${date} ${time} UTC` : `${date} ${time}`;
}

/**
 * A moment (ISO timestamp) as a person reads it in the user's language and this computer's time zone, e.g.
 * "Nov 18, 2026, 9:13 AM" / "2026年11月18日 09:13": what the wizard and the HTML report show (JSON keeps ISO).
 * Anything that is not a valid date is returned unchanged.
 */
export function localTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
