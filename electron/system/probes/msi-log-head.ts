// How a file's first bytes show it is a Windows Installer or Burn log, by structure only (every word of the header is
// translated: "=== Verbose logging started", "=== Ausführliche Protokollierung gestartet", "=== 详细日志记录已开始"):
// a verbose log's engine lines (MSI (c) (C0:94) [09:12:53:767]: …, MSI (s) (D4!F8) …), a Burn line prefix
// ([0A2C:1B34][2024-01-01T10:00:00]), or the framed header line of a non-verbose log (=== … 4/25/2015  4:25:27 ===).
// One pattern shared by the real script (.NET regex, -match is case-insensitive) and the simulated machine (JS, 'im').

export const MSI_LOG_HEAD =
  '^\\uFEFF?(?:MSI \\([csn]\\) \\([0-9A-F]{2,8}[:!][0-9A-F]{2,8}\\)' +
  '|\\[[0-9A-F]{4,8}:[0-9A-F]{4,8}\\]\\[\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}' +
  '|=== [^\\r\\n]{0,160}\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\s+\\d{1,2}:\\d{2}:\\d{2}[^\\r\\n]{0,240}===\\s*$)';

/** How many bytes of a file the test reads (UTF-16: 2048 characters, several lines). */
export const MSI_LOG_HEAD_BYTES = 4096;

const head = new RegExp(MSI_LOG_HEAD, 'im');

/** The same decision as the real script: the first bytes read as UTF-16LE and as UTF-8, a match on any line. */
export function looksLikeMsiLog(firstBytes: Uint8Array): boolean {
  const b = Buffer.from(firstBytes.subarray(0, MSI_LOG_HEAD_BYTES));
  return head.test(`${b.toString('utf16le')}\n${b.toString('utf8')}`);
}
