// Record time -> ISO-8601 local time, with the UTC offset when the log family writes it reliably.
// Three conventions share one string shape: ConfigMgr writes a Windows *bias* (UTC = local + bias, "+300" = UTC-5),
// PSADT writes minutes *east* of UTC (v3 without a "+" for positive values: "07:57:24.486120" = .486 at UTC+2),
// IME writes 7 fractional digits and no offset. The family decides; unknown stays local.
import type { DeployTool } from '../contract/deployment.ts';
import type { DeployRecord } from './record-reader.ts';

const MAX_OFFSET_MINUTES = 14 * 60;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function offsetText(eastMinutes: number): string {
  const sign = eastMinutes < 0 ? '-' : '+';
  const abs = Math.abs(eastMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** month-day-year, padded or not (`01-14-2026`, `3-24-2026`, `6-05-2026`). */
function parseMdy(date: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(date.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { y: Number(m[3]), m: month, d: day };
}

interface ClockTime {
  h: number;
  min: number;
  s: number;
  /** Milliseconds (fraction cut to 3 digits). */
  ms: number;
  /** Minutes east of UTC, when the string carried an offset and the family's convention is known. */
  east: number | null;
}

/** `HH:mm:ss.fff(+|-)NNN`, PSADT 3's `HH:mm:ss.fffNNN`, IME's `HH:mm:ss.fffffff`. */
function parseClock(time: string, tool: DeployTool): ClockTime | null {
  const m = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([+-])(\d{1,4}))?$/.exec(time.trim());
  if (!m) return null;
  let fraction = m[4] ?? '';
  let offset: number | null = null;
  if (m[5]) offset = (m[5] === '-' ? -1 : 1) * Number(m[6]);
  else if (tool !== 'intune' && fraction.length > 3) {
    // PSADT 3 appends a positive offset without its sign: the first three digits are the milliseconds.
    offset = Number(fraction.slice(3));
    fraction = fraction.slice(0, 3);
  }
  let east: number | null = null;
  if (offset !== null && tool !== 'intune') east = tool === 'configmgr' ? -offset : offset;
  if (east !== null && Math.abs(east) > MAX_OFFSET_MINUTES) east = null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = Number(m[3]);
  if (h > 23 || min > 59 || s > 60) return null;
  return { h, min, s, ms: Number((fraction + '000').slice(0, 3)), east };
}

function iso(y: number, mo: number, d: number, c: ClockTime): string {
  const base = `${y}-${pad(mo)}-${pad(d)}T${pad(c.h)}:${pad(c.min)}:${pad(c.s)}.${pad(c.ms, 3)}`;
  return c.east === null ? base : base + offsetText(c.east);
}

/** PSADT text timestamps: 4.1 ISO with offset, 4.0 `yyyy-MM-dd HH:mm:ss.fff`, 3.x `MM-dd-yyyy HH:mm:ss.fff`. */
function textStamp(stamp: string): string | null {
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}:\d{2}|Z)?$/.exec(stamp.trim());
  if (isoMatch) {
    const clock = parseClock(isoMatch[4]!, 'intune'); // all digits are the fraction here
    if (!clock) return null;
    const base = iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]), clock);
    return isoMatch[5] ? base + (isoMatch[5] === 'Z' ? '+00:00' : isoMatch[5]) : base;
  }
  const mdy = /^(\d{1,2}-\d{1,2}-\d{4}) (\d{1,2}:\d{2}:\d{2}(?:\.\d+)?)$/.exec(stamp.trim());
  if (mdy) {
    const date = parseMdy(mdy[1]!);
    const clock = parseClock(mdy[2]!, 'intune');
    return date && clock ? iso(date.y, date.m, date.d, clock) : null;
  }
  return null;
}

/** The record's time as ISO-8601 local time (+offset when known), or null when it cannot be read. */
export function recordTime(record: DeployRecord, tool: DeployTool): string | null {
  if (record.shape === 'psadt-text') return textStamp(record.time);
  if (record.shape === 'cmtrace-copy') return null; // the viewer's locale decides the date order: not guessed
  const date = parseMdy(record.date);
  const clock = parseClock(record.time, tool);
  return date && clock ? iso(date.y, date.m, date.d, clock) : null;
}
