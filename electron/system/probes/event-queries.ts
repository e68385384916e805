// The event-log queries the probes make, as data and as the XPath Get-WinEvent runs. Ranges keep the XPath well under
// the event log's expression limit (about 20: EvtSubscribe's documentation, KB970453 "more than 22 event IDs"), which
// a list of single IDs ORed together hits. The simulated machine evaluates the same data.

export interface EventQuery {
  log: 'Application';
  provider: string;
  /** Single IDs and inclusive [first, last] ranges. */
  ids: ReadonlyArray<number | readonly [number, number]>;
  /** Only events this recent (TimeCreated[timediff(@SystemTime) <= ms]). */
  withinMs: number;
  /** Newest first, at most this many (Get-WinEvent -MaxEvents). */
  max: number;
}

const DAY_MS = 86_400_000;

/**
 * Windows Installer's own events worth reading (research-probes §8): restarts and SRP blocks (1005-1008), server
 * connection (1015), files in use, restart deferred, installs, removals, updates, restart required and transactions
 * (1025-1042), error dialogs (10005), and every "Product: X -- <message>" event (11000-11999 = 10000 + the Windows
 * Installer message number: 11707 success, 11708 failure, 11722 custom action error...).
 */
export const INSTALLER_EVENTS: EventQuery = {
  log: 'Application',
  provider: 'MsiInstaller',
  ids: [[1005, 1008], 1015, [1025, 1042], 10005, [11000, 11999]],
  withinMs: 7 * DAY_MS,
  max: 200,
};

/** Transactions begun (1040) and ended (1042) in the last day: a begin without its end = an install in progress. */
export const TRANSACTION_EVENTS: EventQuery = {
  log: 'Application',
  provider: 'MsiInstaller',
  ids: [1040, 1042],
  withinMs: DAY_MS,
  max: 500,
};

/** The query's XPath, e.g. `*[System[Provider[@Name='MsiInstaller'] and ((EventID>=1005 and EventID<=1008) or …)]]`. */
export function eventXPath(q: EventQuery): string {
  const ids = q.ids
    .map((id) => (typeof id === 'number' ? `EventID=${id}` : `(EventID>=${id[0]} and EventID<=${id[1]})`))
    .join(' or ');
  return `*[System[Provider[@Name='${q.provider}'] and (${ids}) and TimeCreated[timediff(@SystemTime) <= ${q.withinMs}]]]`;
}

/** Whether an event id is asked for by the query. */
export function matchesEventId(q: EventQuery, id: number): boolean {
  return q.ids.some((x) => (typeof x === 'number' ? x === id : id >= x[0] && id <= x[1]));
}

/** How many XPath expressions the query has (the limit is about 20). */
export function xpathExpressionCount(q: EventQuery): number {
  return 2 + q.ids.reduce<number>((n, x) => n + (typeof x === 'number' ? 1 : 2), 0);
}
