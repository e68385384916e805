// Event XML (wevtutil qe /f:xml) -> plain records: ids, times, SIDs and EventData values only (the message text is localized).

export interface RawEvent {
  provider: string | null;
  id: number;
  time: string | null;
  recordId: number | null;
  userSid: string | null;
  /** <Data> values in order; '(NULL)' kept as written. */
  data: string[];
  binaryHex: string | null;
  /** <Level>: 1 critical, 2 error, 3 warning, 4 information (null when absent). */
  level: number | null;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** Parses every <Event> element (wevtutil prints them without a root element; a wrapping <Events> is fine too). */
export function parseEventXml(xml: string): RawEvent[] {
  const events: RawEvent[] = [];
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of withoutComments.matchAll(/<Event[\s>][\s\S]*?<\/Event>/g)) {
    const e = m[0];
    const idText = /<EventID[^>]*>\s*(\d+)\s*<\/EventID>/.exec(e)?.[1];
    if (idText === undefined) continue;
    const eventData = /<EventData>([\s\S]*?)<\/EventData>/.exec(e)?.[1] ?? '';
    const data: string[] = [];
    for (const d of eventData.matchAll(/<Data(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/Data>)/g))
      data.push(unescapeXml((d[1] ?? '').trim()));
    const time = /<TimeCreated\s+SystemTime=['"]([^'"]+)['"]/.exec(e)?.[1] ?? null;
    const record = /<EventRecordID>\s*(\d+)\s*<\/EventRecordID>/.exec(e)?.[1];
    events.push({
      provider: /<Provider\s+Name=['"]([^'"]+)['"]/.exec(e)?.[1] ?? null,
      id: Number(idText),
      time: time && !Number.isNaN(Date.parse(time)) ? new Date(time).toISOString() : null,
      recordId: record ? Number(record) : null,
      userSid: /<Security\s+UserID=['"](S-1-[\d-]+)['"]/.exec(e)?.[1] ?? null,
      data,
      binaryHex: /<Binary>\s*([0-9A-Fa-f]+)\s*<\/Binary>/.exec(e)?.[1] ?? null,
      level: ((l) => (l === undefined ? null : Number(l)))(/<Level>\s*(\d+)\s*<\/Level>/.exec(e)?.[1]),
    });
  }
  return events;
}

/** The product code at the start of an MsiInstaller event's binary data ("{GUID}..." as ASCII hex). */
export function productCodeFromBinary(hex: string | null): string | null {
  if (!hex || hex.length < 76) return null;
  const ascii = hex
    .slice(0, 76)
    .match(/../g)!
    .map((b) => String.fromCharCode(Number.parseInt(b, 16)))
    .join('');
  return /^\{[0-9A-F-]{36}\}$/i.test(ascii) ? ascii.toUpperCase() : null;
}
