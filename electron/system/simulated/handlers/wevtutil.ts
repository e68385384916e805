// Emulated `wevtutil qe <log> /q:<xpath> /f:xml /rd:true /c:N`: filters the model's event log, prints one Event XML per line.
import type { CommandHandler, CommandMatcher } from '../emulator.ts';
import type { SimEvent } from '../model.ts';

export const matchWevtutil: CommandMatcher = (c) =>
  c.tool === 'wevtutil' && /^(qe|query-events)$/i.test(c.args[0] ?? '');

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Level Error: failures, error dialogs, and "Product: X -- Error NNNN" (10000 + an error message number). */
export function isErrorEvent(id: number): boolean {
  if ([10005, 1015, 1008].includes(id)) return true;
  return id >= 11000 && id <= 11999 && ![11707, 11724, 11728].includes(id);
}

export function eventXml(e: SimEvent, computer: string): string {
  const data = e.data.map((d) => (d === '' ? '<Data></Data>' : `<Data>${escapeXml(d)}</Data>`)).join('');
  const binary = e.binaryHex ? `<Binary>${e.binaryHex}</Binary>` : '';
  const level = isErrorEvent(e.id) ? 2 : 4;
  // Windows writes 7 fractional digits: 2024-07-15T15:55:55.9707879Z.
  const time = e.time.replace(/\.(\d{3})Z$/, '.$10000Z');
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${e.provider}'/>` +
    `<EventID Qualifiers='0'>${e.id}</EventID><Version>0</Version><Level>${level}</Level><Task>0</Task><Opcode>0</Opcode>` +
    `<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='${time}'/><EventRecordID>${e.recordId}</EventRecordID>` +
    `<Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Application</Channel><Computer>${escapeXml(computer)}</Computer>` +
    `<Security UserID='${e.userSid}'/></System><EventData>${data}${binary}</EventData></Event>`
  );
}

export const handleWevtutil: CommandHandler = (c, { machine }) => {
  const query = c.args.find((a) => /^\/q:/i.test(a))?.slice(3) ?? '';
  const provider = /@Name='([^']+)'/.exec(query)?.[1] ?? null;
  const ids = [...query.matchAll(/EventID=(\d+)/g)].map((m) => Number(m[1]));
  const maxAge = /timediff\(@SystemTime\)\s*<=\s*(\d+)/.exec(query)?.[1];
  const count = Number(c.args.find((a) => /^\/c:/i.test(a))?.slice(3) ?? '0') || Infinity;
  const newestFirst = c.args.some((a) => /^\/rd:true$/i.test(a));
  const now = machine.now().getTime();
  let events = machine.state.events.filter(
    (e) =>
      (provider === null || e.provider === provider) &&
      (ids.length === 0 || ids.includes(e.id)) &&
      (maxAge === undefined || now - new Date(e.time).getTime() <= Number(maxAge)) &&
      new Date(e.time).getTime() <= now,
  );
  events = [...events]
    .sort((a, b) => (newestFirst ? b.time.localeCompare(a.time) : a.time.localeCompare(b.time)))
    .slice(0, count);
  const host = `${machine.state.identity.computerName}.${machine.state.identity.domain.toLowerCase()}.com`;
  return { exitCode: 0, stdout: events.map((e) => eventXml(e, host) + '\r\n').join('') };
};
