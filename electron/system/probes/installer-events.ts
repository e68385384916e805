// Probe installer-events: MsiInstaller events of the last 7 days as event XML (ids + EventData, never the localized message).
import type {
  InstallerEvent,
  InstallerEventKind,
  InstallerEventsData,
} from '../../../shared/contract/evidence-data.ts';
import { z } from 'zod';
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import { parseEventXml, productCodeFromBinary, type RawEvent } from './event-xml.ts';
import { eventXPath, INSTALLER_EVENTS, type EventQuery } from './event-queries.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';

const TIMEOUT_MS = 15_000;
export const EVENT_DAYS = INSTALLER_EVENTS.withinMs / 86_400_000;
export const EVENT_LIMIT = INSTALLER_EVENTS.max;
// Get-WinEvent through the prelude (not wevtutil: its console output is in the OEM code page, which mangles product
// names outside it, e.g. Chinese names on a German machine); each event's XML travels in UTF-8 JSON, and the same
// locale-free XML parser reads it. The query uses ID ranges (event-queries.ts).
const SCRIPT = String.raw`
$xml = @(); $failed = $null
try { $xml = @(Get-MdEvent $params.log $params.xpath $params.max | ForEach-Object { $_.ToXml() }) }
catch { $failed = '0x{0:X8}' -f $_.Exception.GetBaseException().HResult }
[pscustomobject]@{ events = $xml; error = $failed } | ConvertTo-Json -Compress
`;

export const installerEventsOutputSchema = z.object({
  events: z.array(z.string()),
  error: z.string().nullable(),
});
export type InstallerEventsOutput = z.infer<typeof installerEventsOutputSchema>;

export function installerEventsCommand(query: EventQuery = INSTALLER_EVENTS): CommandSpec {
  return probeScriptSpec(
    'installer-events',
    SCRIPT,
    { log: query.log, xpath: eventXPath(query), max: query.max },
    TIMEOUT_MS,
  );
}

const KINDS: Record<number, InstallerEventKind> = {
  1033: 'product-installed',
  1034: 'product-removed',
  1035: 'product-reconfigured',
  1036: 'update-installed',
  1037: 'update-removed',
  1040: 'transaction-begin',
  1042: 'transaction-end',
  11707: 'install-result',
  11708: 'install-result',
  11724: 'removal-result',
  11725: 'removal-result',
  11728: 'config-result',
  11729: 'config-result',
  10005: 'error-dialog',
  1025: 'file-in-use',
  1031: 'file-in-use',
  1038: 'restart-required',
  1029: 'restart-required',
  1005: 'restart-required',
  1007: 'blocked-by-policy',
  1008: 'blocked-by-policy',
  1015: 'server-connect-failed',
};

const nullIfNull = (v: string | undefined): string | null => (v === undefined || v === '' || v === '(NULL)' ? null : v);
const int = (v: string | undefined): number | null => {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isNaN(n) ? null : n;
};

/** "Product: X -- text" (and its translations, "产品: X -- ..."): X is between the first colon and " -- ". */
export function productOfText(text: string | null): string | null {
  if (!text) return null;
  // Searched in steps, not with one lazy pattern (`\s*(.+?)\s+--\s` rescans blank runs: quadratic on hostile names).
  const colon = text.search(/[:：]/);
  if (colon < 1 || colon > 40) return null;
  let rest = text.slice(colon + 1).trimStart();
  const lineEnd = rest.search(/[\r\n\u2028\u2029]/);
  if (lineEnd >= 0) rest = rest.slice(0, lineEnd);
  const separator = rest.search(/\s--\s/);
  const product = separator >= 1 ? rest.slice(0, separator).trim() : '';
  return product === '' ? null : product;
}

/** The last Windows Installer message number (1000-29999) in a text ("...The error code is 2503. The arguments are: , ,"). */
export function messageNumberOf(text: string | null): number | null {
  if (!text) return null;
  const numbers = [...text.matchAll(/(?<!\d)(?<!\d\.)(\d{4,5})(?!\d)(?!\.\d)/g)]
    .map((m) => Number(m[1]))
    .filter((n) => n >= 1000 && n < 30000);
  return numbers.length ? numbers[numbers.length - 1]! : null;
}

export function toInstallerEvent(e: RawEvent): InstallerEvent {
  const kind = KINDS[e.id] ?? 'other';
  const d = e.data;
  let product: string | null = null;
  let version: string | null = null;
  let status: number | null = null;
  let packagePath: string | null = null;
  let pid: number | null = null;
  let messageNumber: number | null = null;
  const text = nullIfNull(d[0]);
  if (e.id >= 1033 && e.id <= 1035) {
    [product, version, status] = [nullIfNull(d[0]), nullIfNull(d[1]), int(d[3])];
  } else if (e.id === 1036 || e.id === 1037) {
    [product, version, status] = [nullIfNull(d[0]), nullIfNull(d[1]), int(d[4])];
  } else if (e.id === 1040 || e.id === 1042) {
    [packagePath, pid] = [nullIfNull(d[0]), int(d[1])];
  } else if (e.id === 1025 || e.id === 1031) {
    [product, pid] = [productOfText(text) ?? nullIfNull(d[0]), int(d[3])];
  } else if (e.id >= 10000) {
    product = productOfText(text);
    messageNumber = messageNumberOf(text);
  }
  let outcome: InstallerEvent['outcome'] = 'info';
  if (status !== null)
    outcome = status === 0 ? 'success' : status === 3010 || status === 1641 ? 'reboot-required' : 'failure';
  else if ([11707, 11724, 11728].includes(e.id)) outcome = 'success';
  else if ([11708, 11725, 11729, 10005, 1015, 1007, 1008].includes(e.id)) outcome = 'failure';
  // "Product: X -- Error 1722. …" (10000 + an error message number) is logged at level Error.
  else if (e.id >= 11000 && e.id <= 11999 && e.level !== null && e.level <= 2) outcome = 'failure';
  else if (e.id === 1038) outcome = 'reboot-required';
  return {
    id: e.id,
    kind,
    time: e.time ?? new Date(0).toISOString(),
    recordId: e.recordId,
    product,
    version,
    productCode: productCodeFromBinary(e.binaryHex),
    status,
    messageNumber,
    packagePath,
    pid,
    outcome,
    userSid: e.userSid,
    text,
  };
}

export function parseInstallerEvents(outputs: CommandOutput[]): ProbeVerdict<'installer-events'> {
  const parsed = readScriptJson(outputs[0], installerEventsOutputSchema);
  if (!parsed.ok) return errorVerdict('installer-events', parsed.error);
  if (parsed.value.error)
    return errorVerdict('installer-events', `the event log could not be read (${parsed.value.error})`);
  const raw = parseEventXml(parsed.value.events.join('\n')).filter(
    (e) => e.provider === null || e.provider === 'MsiInstaller',
  );
  const events = raw
    .map(toInstallerEvent)
    .sort((a, b) => b.time.localeCompare(a.time) || (b.recordId ?? 0) - (a.recordId ?? 0));
  const failures = events.filter((e) => e.outcome === 'failure');
  const codes: number[] = [];
  for (const e of failures)
    for (const c of [e.status, e.messageNumber]) if (c !== null && c !== 0 && !codes.includes(c)) codes.push(c);
  const data: InstallerEventsData = {
    days: EVENT_DAYS,
    events,
    failures: failures.length,
    successes: events.filter((e) => e.outcome === 'success').length,
    failureCodes: codes,
    latestFailure: failures[0] ?? null,
    truncated: raw.length >= INSTALLER_EVENTS.max,
  };
  const p = 'installer-events';
  const latest = failures[0];
  if (latest) {
    return verdict('warning', p, 'failures', data, {
      count: failures.length,
      product: latest.product ?? '?',
      code: latest.status ?? latest.messageNumber ?? '?',
    });
  }
  if (events.length === 0) return verdict('ok', p, 'none', data, { days: EVENT_DAYS });
  return verdict('ok', p, 'no-failures', data, { count: events.length, days: EVENT_DAYS });
}

export const installerEventsProbe: ProbeDefinition<'installer-events'> = {
  id: 'installer-events',
  elevation: 'never',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: () => [installerEventsCommand()],
  parse: (outputs) => parseInstallerEvents(outputs),
};
