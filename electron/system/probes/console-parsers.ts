// Locale-free parsers of console tools (sc, whoami, reg query, icacls): numbers, SIDs, flag tokens and exit codes only.
// Labels, headers and messages are translated on some Windows languages (es-ES sc.exe, de/fr icacls), so never read them.

// ---------------------------------------------------------------- sc query / queryex / qc
export interface ScQuery {
  found: boolean;
  /** Win32 error of a failed call (1060 = service does not exist, 5 = access denied). */
  win32Error: number | null;
  serviceType: number | null;
  /** 1 stopped, 2 start pending, 3 stop pending, 4 running, 5 continue pending, 6 pause pending, 7 paused. */
  state: number | null;
  /** Tokens of the controls-accepted line: STOPPABLE, ACCEPTS_SHUTDOWN... (never translated). */
  controls: string[];
  acceptsShutdown: boolean;
  win32ExitCode: number | null;
  pid: number | null;
}

/** "LABEL   : value" field lines (whitespace before the colon); header lines ("SERVICE_NAME: x") have none. */
function scFields(block: string[]): string[] {
  const out: string[] = [];
  for (const line of block) {
    // Linear on purpose: the label is what precedes the first colon, and it must end in whitespace.
    const colon = line.indexOf(':');
    if (colon < 1 || !/\s/.test(line[colon - 1]!) || line.slice(0, colon).trim() === '') continue;
    out.push(line.slice(colon + 1).trim());
  }
  return out;
}

/** The first service block (from its "NAME: x" header to the next one). */
function firstServiceBlock(text: string): string[] {
  const lines = text.split(/\r?\n/);
  // "SERVICE_NAME: x" / "NOMBRE_DE_SERVICIO: x": no blank before the colon; not a prompt ("C:\Users\x>sc ...").
  const isHeader = (l: string): boolean => /^[^\s:[][^:\s]*:\s*\S/.test(l) && !/^[A-Za-z]:\\/.test(l);
  const headers = lines.map((l, i) => (isHeader(l) ? i : -1)).filter((i) => i >= 0);
  if (headers.length === 0) return [];
  const start = headers[0]!;
  // The next service starts after a blank line; DISPLAY_NAME (whatever its translation) follows its header directly.
  const next = headers.find((i) => i > start && (lines[i - 1] ?? '').trim() === '');
  return lines.slice(start + 1, next ?? lines.length);
}

/** The Win32 error number in "[SC] OpenService FAILED 1060:" / "失败 1060" / "FEHLER 1060" / "ÉCHEC 1060". */
export function scWin32Error(text: string, exitCode: number | null): number | null {
  const m = /^\[SC\]\s+\S+\s+\S+\s+(\d+)\s*:/m.exec(text);
  if (m) return Number(m[1]);
  return exitCode !== null && exitCode !== 0 ? exitCode : null;
}

const firstInt = (v: string | undefined): number | null => {
  const m = /^(\d+)/.exec(v ?? '');
  return m ? Number(m[1]) : null;
};

/** Parses `sc query` / `sc queryex` output by field POSITION (TYPE, STATE, WIN32_EXIT_CODE, ..., PID). */
export function parseScQuery(text: string, exitCode: number | null): ScQuery {
  const error = scWin32Error(text, exitCode);
  const block = firstServiceBlock(text);
  if (block.length === 0 || (exitCode !== null && exitCode !== 0)) {
    return {
      found: false,
      win32Error: error,
      serviceType: null,
      state: null,
      controls: [],
      acceptsShutdown: false,
      win32ExitCode: null,
      pid: null,
    };
  }
  const fields = scFields(block);
  const controlsLine = block.find((l) => /^\s*\([A-Z_]+(?:(?:,\s*|\s+)[A-Z_]+)*,?\s*\)\s*$/.test(l));
  const controls = controlsLine
    ? controlsLine
        .replace(/[()\s]/g, '')
        .split(',')
        .filter(Boolean)
    : [];
  const type = /^([0-9a-f]+)/i.exec(fields[0] ?? '');
  return {
    found: true,
    win32Error: null,
    serviceType: type ? Number.parseInt(type[1]!, 16) : null,
    state: firstInt(fields[1]),
    controls,
    acceptsShutdown: controls.includes('ACCEPTS_SHUTDOWN'),
    win32ExitCode: firstInt(fields[2]),
    pid: fields.length > 6 ? firstInt(fields[6]) : null,
  };
}

export interface ScQc {
  found: boolean;
  win32Error: number | null;
  serviceType: number | null;
  /** 0 boot, 1 system, 2 auto, 3 demand (manual), 4 disabled. */
  startType: number | null;
  binaryPath: string | null;
  startName: string | null;
}

/** Parses `sc qc` output by field position (TYPE, START_TYPE, ERROR_CONTROL, BINARY_PATH_NAME, ..., SERVICE_START_NAME). */
export function parseScQc(text: string, exitCode: number | null): ScQc {
  const error = scWin32Error(text, exitCode);
  const block = firstServiceBlock(text);
  if (block.length === 0 || (exitCode !== null && exitCode !== 0)) {
    return { found: false, win32Error: error, serviceType: null, startType: null, binaryPath: null, startName: null };
  }
  const fields = scFields(block);
  const type = /^([0-9a-f]+)/i.exec(fields[0] ?? '');
  return {
    found: true,
    win32Error: null,
    serviceType: type ? Number.parseInt(type[1]!, 16) : null,
    startType: firstInt(fields[1]),
    binaryPath: fields[3] || null,
    // Extra dependencies add ': name' lines before it, so SERVICE_START_NAME is the last field, not the ninth.
    startName: fields.length >= 9 ? fields[fields.length - 1] || null : null,
  };
}

// ---------------------------------------------------------------- whoami /groups
export interface WhoamiGroups {
  sids: string[];
  integritySid: string | null;
  /** RID of the mandatory label: 4096 low, 8192 medium, 12288 high, 16384 system. */
  integrityRid: number | null;
  /** BUILTIN\Administrators appears at all (enabled, or deny-only in a UAC-filtered token). */
  hasAdministrators: boolean;
}

/** Keys on SIDs only: names, types and attributes are localized ("Deny only" / "只用于拒绝的组"). */
export function parseWhoamiGroups(text: string): WhoamiGroups {
  const sids = [...text.matchAll(/\bS-1-(?:\d+-)*\d+\b/g)].map((m) => m[0]);
  const label = sids.find((s) => /^S-1-16-\d+$/.test(s)) ?? null;
  return {
    sids,
    integritySid: label,
    integrityRid: label ? Number(label.slice('S-1-16-'.length)) : null,
    hasAdministrators: sids.includes('S-1-5-32-544'),
  };
}

// ---------------------------------------------------------------- reg query
export interface RegQueryValue {
  name: string;
  type: string;
  /** REG_MULTI_SZ items split on reg.exe's literal "\0"; REG_DWORD as a number; others as text. */
  data: string | number | string[];
}
export interface RegQuery {
  /** reg.exe exits 1 when the key or value does not exist (its message is localized; the exit code is not). */
  found: boolean;
  key: string | null;
  values: RegQueryValue[];
}

/**
 * "    NAME    REG_TYPE    DATA": the first "    REG_X" after a non-empty name, followed by four blanks or the end.
 * Found with a search that starts only at "    REG_" (a lazy `(.+?) {4}(REG_...)` retried from every blank: quadratic).
 */
function regQueryValueLine(line: string): { name: string; type: string; raw: string } | null {
  if (!line.startsWith('    ')) return null;
  const typeAt = / {4}(REG_[A-Z_]+)(?= {4}|$)/g;
  typeAt.lastIndex = 5;
  const m = typeAt.exec(line);
  if (!m) return null;
  const type = m[1]!;
  const end = m.index + 4 + type.length;
  return { name: line.slice(4, m.index), type, raw: end < line.length ? line.slice(end + 4) : '' };
}

export function parseRegQuery(text: string, exitCode: number | null): RegQuery {
  if (exitCode !== 0) return { found: false, key: null, values: [] };
  const lines = text.split(/\r?\n/);
  const key = lines.find((l) => /^HKEY_/.test(l))?.trim() ?? null;
  const values: RegQueryValue[] = [];
  for (const line of lines) {
    const field = regQueryValueLine(line);
    if (!field) continue;
    const { name, type, raw } = field;
    let data: RegQueryValue['data'] = raw;
    if (type === 'REG_DWORD' || type === 'REG_QWORD') data = Number.parseInt(raw, 16);
    else if (type === 'REG_MULTI_SZ')
      data = raw.split('\\0').filter((item, i, all) => !(item === '' && i === all.length - 1));
    values.push({ name, type, data });
  }
  return { found: true, key, values };
}

// ---------------------------------------------------------------- icacls <path>
export interface IcaclsEntry {
  principal: string;
  /** SID when the principal is a known well-known name in en/de/fr/zh, or printed as a SID; else null. */
  sid: string | null;
  /** (OI) (CI) (IO) (NP) (I) */
  flags: string[];
  /** F, M, RX, R, W, D or specific rights S, WD, AD, X, RD... */
  rights: string[];
  deny: boolean;
}
export interface IcaclsListing {
  entries: IcaclsEntry[];
  /** Numbers of the summary line ("Successfully processed 1 files; Failed processing 0 files" / "已成功处理 1 个文件; 处理 0 个文件时失败"). */
  processed: number | null;
  failed: number | null;
}

/** Well-known principals as icacls prints them on en/zh-CN (English names), de-DE and fr-FR. */
export const WELL_KNOWN_PRINCIPALS: Record<string, string> = {
  'nt authority\\system': 'S-1-5-18',
  'nt-autorität\\system': 'S-1-5-18',
  'autorite nt\\système': 'S-1-5-18',
  'builtin\\administrators': 'S-1-5-32-544',
  'vordefiniert\\administratoren': 'S-1-5-32-544',
  'builtin\\administrateurs': 'S-1-5-32-544',
  'builtin\\users': 'S-1-5-32-545',
  'vordefiniert\\benutzer': 'S-1-5-32-545',
  'builtin\\utilisateurs': 'S-1-5-32-545',
  'creator owner': 'S-1-3-0',
  'ersteller-besitzer': 'S-1-3-0',
  'createur proprietaire': 'S-1-3-0',
  everyone: 'S-1-1-0',
  jeder: 'S-1-1-0',
  'tout le monde': 'S-1-1-0',
  'nt authority\\authenticated users': 'S-1-5-11',
  'nt-autorität\\authentifizierte benutzer': 'S-1-5-11',
  'nt authority\\interactive': 'S-1-5-4',
  'nt service\\trustedinstaller': 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464',
};

/**
 * Parses `icacls <path>` output. The first ACE shares its line with the path; continuation lines are indented to
 * the path's width, which is how the principal column is found without knowing the path.
 */
export function parseIcacls(text: string): IcaclsListing {
  const lines = text.split(/\r?\n/);
  const aceLine = /^(.*?):((?:\([A-Z,]+\))+)\s*$/i;
  const indent = lines.find((l) => /^\s+\S/.test(l) && aceLine.test(l))?.search(/\S/) ?? 0;
  const entries: IcaclsEntry[] = [];
  for (const line of lines) {
    const m = aceLine.exec(line);
    if (!m) continue;
    let principal = m[1]!;
    principal = indent > 0 && principal.length > indent ? principal.slice(indent) : principal;
    principal = principal.trim();
    const groups = [...m[2]!.matchAll(/\(([A-Z,]+)\)/gi)].map((g) => g[1]!);
    const rights = groups.pop()?.split(',') ?? [];
    const flags = groups.filter((g) => g !== 'DENY');
    const lower = principal.toLowerCase();
    const sid = /^\*?S-1-[\d-]+$/i.test(principal)
      ? principal.replace(/^\*/, '').toUpperCase()
      : (WELL_KNOWN_PRINCIPALS[lower] ?? null);
    entries.push({ principal, sid, flags, rights, deny: groups.includes('DENY') });
  }
  const summary = [...lines]
    .reverse()
    .find((l) => /\d/.test(l) && !aceLine.test(l) && !/^\s*(icacls|PS |[A-Z]:\\.*>)/i.test(l));
  const numbers = summary ? [...summary.matchAll(/\d+/g)].map((n) => Number(n[0])) : [];
  return { entries, processed: numbers[0] ?? null, failed: numbers[1] ?? null };
}
