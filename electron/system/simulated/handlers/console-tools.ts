// Emulated console tools in their recorded layouts: sc query/queryex/qc, whoami /groups, reg query, icacls <path>.
// Labels stay English on zh-CN/de-DE (as recorded); headers and error messages follow the machine's locale.
import type { CommandHandler, CommandMatcher, EmulatedResult } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';
import { canonicalKey, type RegValue } from '../model.ts';
import { parseSddl, type Ace } from '../../probes/sddl.ts';

const CRLF = '\r\n';
const lang = (m: SimulatedMachine): 'zh' | 'de' | 'en' =>
  m.state.locale.name.startsWith('zh') ? 'zh' : m.state.locale.name.startsWith('de') ? 'de' : 'en';

// ---------------------------------------------------------------- sc.exe
const STATE_NUM: Record<string, number> = { stopped: 1, 'start-pending': 2, 'stop-pending': 3, running: 4, paused: 7 };
const STATE_NAME: Record<number, string> = {
  1: 'STOPPED',
  2: 'START_PENDING',
  3: 'STOP_PENDING',
  4: 'RUNNING',
  7: 'PAUSED',
};
const START_NAME: Record<number, string> = {
  0: 'BOOT_START',
  1: 'SYSTEM_START',
  2: 'AUTO_START',
  3: 'DEMAND_START',
  4: 'DISABLED',
};
const typeText = (t: number): string =>
  `${t.toString(16)}  ${t === 0x20 ? 'WIN32_SHARE_PROCESS' : 'WIN32_OWN_PROCESS'}`;
const field = (label: string, value: string): string => `        ${label.padEnd(19)}: ${value}`;

function scFailure(m: SimulatedMachine, call: string, code: number): EmulatedResult {
  const word = { en: 'FAILED', zh: '失败', de: 'FEHLER' }[lang(m)];
  const text = {
    en: 'The specified service does not exist as an installed service.',
    zh: '指定的服务未安装。',
    de: 'Der angegebene Dienst ist nicht installiert.',
  }[lang(m)];
  return { exitCode: code, stdout: `[SC] ${call} ${word} ${code}:${CRLF}${CRLF}${text}${CRLF}${CRLF}` };
}

export const matchSc: CommandMatcher = (c) => c.tool === 'sc' && /^(query|queryex|qc)$/i.test(c.args[0] ?? '');

export const handleSc: CommandHandler = (c, { machine }) => {
  const verb = (c.args[0] ?? '').toLowerCase();
  const name = c.args[1] ?? '';
  const svc = machine.service(name);
  const key = machine.serviceKey(svc?.name ?? name);
  if (!svc || !machine.keyExists(key))
    return scFailure(machine, verb === 'qc' ? 'OpenService' : 'EnumQueryServicesStatus:OpenService', 1060);
  if (verb === 'qc') {
    const ok = { en: 'SUCCESS', zh: '成功', de: 'ERFOLG' }[lang(machine)];
    const start = machine.dword(key, 'Start') ?? 3;
    const deps = machine.getValue(key, 'DependOnService');
    const depList = Array.isArray(deps?.data) ? deps.data : [];
    const lines = [
      `[SC] QueryServiceConfig ${ok}`,
      '',
      `SERVICE_NAME: ${svc.name}`,
      field('TYPE', typeText(svc.type)),
      field('START_TYPE', `${start}   ${START_NAME[start] ?? ''}`),
      field('ERROR_CONTROL', '1   NORMAL'),
      field('BINARY_PATH_NAME', machine.expand(machine.string(key, 'ImagePath') ?? '')),
      field('LOAD_ORDER_GROUP', ''),
      field('TAG', '0'),
      field('DISPLAY_NAME', svc.displayName),
      field('DEPENDENCIES', depList[0] ?? ''),
      ...depList.slice(1).map((d) => `                           : ${d}`),
      field('SERVICE_START_NAME', machine.string(key, 'ObjectName') ?? 'LocalSystem'),
    ];
    return { exitCode: 0, stdout: lines.join(CRLF) + CRLF };
  }
  const state = STATE_NUM[svc.state] ?? 1;
  const controls = [
    svc.state === 'running' && svc.acceptsStop ? 'STOPPABLE' : 'NOT_STOPPABLE',
    'NOT_PAUSABLE',
    svc.acceptsShutdown ? 'ACCEPTS_SHUTDOWN' : 'IGNORES_SHUTDOWN',
  ];
  const lines = [
    '',
    `SERVICE_NAME: ${svc.name}`,
    field('TYPE', typeText(svc.type)),
    field('STATE', `${state}  ${STATE_NAME[state]}`),
    `                                (${controls.join(', ')})`,
    field('WIN32_EXIT_CODE', `${svc.win32ExitCode}  (0x${svc.win32ExitCode.toString(16)})`),
    field('SERVICE_EXIT_CODE', '0  (0x0)'),
    field('CHECKPOINT', '0x0'),
    field('WAIT_HINT', '0x0'),
  ];
  if (verb === 'queryex') lines.push(field('PID', String(svc.pid ?? 0)), field('FLAGS', ''));
  return { exitCode: 0, stdout: lines.join(CRLF) + CRLF };
};

// ---------------------------------------------------------------- whoami /groups
export const matchWhoami: CommandMatcher = (c) => c.tool === 'whoami' && /^\/groups$/i.test(c.args[0] ?? '');

export const handleWhoami: CommandHandler = (_c, { machine, elevated }) => {
  const id = machine.state.identity;
  const high = elevated || machine.state.elevation.processElevated;
  const zh = lang(machine) === 'zh';
  const t = zh
    ? {
        wk: '已知组',
        alias: '别名',
        group: '组',
        label: '标签',
        on: '必需的组, 启用于默认, 启用的组',
        deny: '只用于拒绝的组',
        owner: ', 组的所有者',
      }
    : {
        wk: 'Well-known group',
        alias: 'Alias',
        group: 'Group',
        label: 'Label',
        on: 'Mandatory group, Enabled by default, Enabled group',
        deny: 'Group used for deny only',
        owner: ', Group owner',
      };
  const domainRid = id.userSid.replace(/-\d+$/, '');
  const rows: Array<[string, string, string, string]> = [['Everyone', t.wk, 'S-1-1-0', t.on]];
  if (id.isAdmin) {
    rows.push([
      zh ? 'NT AUTHORITY\\本地帐户和管理员组成员' : 'NT AUTHORITY\\Local account and member of Administrators group',
      t.wk,
      'S-1-5-114',
      high ? t.on : t.deny,
    ]);
    rows.push(['BUILTIN\\Administrators', t.alias, 'S-1-5-32-544', high ? t.on + t.owner : t.deny]);
  }
  rows.push(
    ['BUILTIN\\Users', t.alias, 'S-1-5-32-545', t.on],
    ['NT AUTHORITY\\INTERACTIVE', t.wk, 'S-1-5-4', t.on],
    ['CONSOLE LOGON', t.wk, 'S-1-2-1', t.on],
    ['NT AUTHORITY\\Authenticated Users', t.wk, 'S-1-5-11', t.on],
    ['NT AUTHORITY\\This Organization', t.wk, 'S-1-5-15', t.on],
    ['LOCAL', t.wk, 'S-1-2-0', t.on],
    [`${id.domain}\\Domain Users`, t.group, `${domainRid}-513`, t.on],
    [
      high ? 'Mandatory Label\\High Mandatory Level' : 'Mandatory Label\\Medium Mandatory Level',
      t.label,
      high ? 'S-1-16-12288' : 'S-1-16-8192',
      '',
    ],
  );
  // Column widths as whoami computes them (longest cell); CJK cells are double width on the console.
  const width = (s: string): number =>
    [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));
  const head = zh ? ['组名', '类型', 'SID', '属性'] : ['Group Name', 'Type', 'SID', 'Attributes'];
  const widths = [0, 1, 2, 3].map((i) => Math.max(width(head[i]!), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 3 ? cell : pad(cell, widths[i]!)))
      .join(' ')
      .trimEnd();
  const title = zh ? '组信息' : 'GROUP INFORMATION';
  const out = [
    '',
    title,
    '-----------------',
    '',
    line(head),
    widths.map((w) => '='.repeat(w)).join(' '),
    ...rows.map(line),
    '',
  ];
  return { exitCode: 0, stdout: out.join(CRLF) };
};

// ---------------------------------------------------------------- reg query
export const matchRegQuery: CommandMatcher = (c) => c.tool === 'reg' && /^query$/i.test(c.args[0] ?? '');

const LONG_ROOT: Record<string, string> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKU: 'HKEY_USERS',
  HKCR: 'HKEY_CLASSES_ROOT',
};
export function longKeyName(key: string): string {
  const [root = '', ...rest] = canonicalKey(key).split('\\');
  return [LONG_ROOT[root] ?? root, ...rest].join('\\');
}

export function renderRegData(v: RegValue): string {
  switch (v.type) {
    case 'REG_DWORD':
    case 'REG_QWORD':
      return `0x${Number(v.data).toString(16)}`;
    case 'REG_MULTI_SZ':
      // reg.exe joins items with the literal two characters \0 (corpus reg_query_PendingFileRenameOperations).
      return Array.isArray(v.data) ? v.data.map((s) => `${s}\\0`).join('') : String(v.data);
    case 'REG_BINARY':
      return String(v.data).toUpperCase();
    default:
      return String(v.data);
  }
}

export function regNotFound(machine: SimulatedMachine): EmulatedResult {
  const text =
    lang(machine) === 'zh'
      ? '错误: 系统找不到指定的注册表项或值。'
      : 'ERROR: The system was unable to find the specified registry key or value.';
  return { exitCode: 1, stdout: '', stderr: text + CRLF };
}

export const handleRegQuery: CommandHandler = (c, { machine }) => {
  // HKU\<user SID> (the elevated batch's name for the user's hive) answers from the user's HKCU.
  const key = machine.hiveKey(c.args[1] ?? '');
  const vIndex = c.args.findIndex((a) => /^\/v$/i.test(a));
  const ve = c.args.some((a) => /^\/ve$/i.test(a));
  const values = machine.values(key);
  if (values === null) return regNotFound(machine);
  const long = longKeyName(c.args[1] ?? '');
  const defaultName = lang(machine) === 'zh' ? '(默认)' : '(Default)';
  const row = (name: string, v: RegValue): string =>
    `    ${name === '' ? defaultName : name}    ${v.type}    ${renderRegData(v)}`;
  if (vIndex >= 0 || ve) {
    const wanted = ve ? '' : (c.args[vIndex + 1] ?? '');
    const v = machine.getValue(key, wanted);
    if (!v) return regNotFound(machine);
    return { exitCode: 0, stdout: ['', long, row(wanted, v), '', ''].join(CRLF) };
  }
  const lines = ['', long, ...Object.entries(values).map(([n, v]) => row(n, v)), ''];
  for (const sub of machine.subKeys(key)) lines.push(`${long}\\${sub}`);
  lines.push('');
  return { exitCode: 0, stdout: lines.join(CRLF) };
};

// ---------------------------------------------------------------- icacls <path>
const NAMES: Record<'en' | 'de', Record<string, string>> = {
  en: {
    'S-1-5-18': 'NT AUTHORITY\\SYSTEM',
    'S-1-5-32-544': 'BUILTIN\\Administrators',
    'S-1-5-32-545': 'BUILTIN\\Users',
    'S-1-3-0': 'CREATOR OWNER',
    'S-1-1-0': 'Everyone',
    'S-1-5-11': 'NT AUTHORITY\\Authenticated Users',
    'S-1-5-4': 'NT AUTHORITY\\INTERACTIVE',
    'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464': 'NT SERVICE\\TrustedInstaller',
  },
  de: {
    'S-1-5-18': 'NT-AUTORITÄT\\SYSTEM',
    'S-1-5-32-544': 'VORDEFINIERT\\Administratoren',
    'S-1-5-32-545': 'VORDEFINIERT\\Benutzer',
    'S-1-3-0': 'ERSTELLER-BESITZER',
    'S-1-1-0': 'Jeder',
    'S-1-5-11': 'NT-AUTORITÄT\\Authentifizierte Benutzer',
    'S-1-5-4': 'NT-AUTORITÄT\\INTERAKTIV',
    'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464': 'NT SERVICE\\TrustedInstaller',
  },
};

const SIMPLE_RIGHTS: Record<number, string> = {
  0x1f01ff: 'F',
  0x1301bf: 'M',
  0x1200a9: 'RX',
  0x120089: 'R',
  0x100116: 'W',
  0x10000: 'D',
};
const SPECIFIC: Array<[number, string]> = [
  [0x10000, 'DE'],
  [0x20000, 'RC'],
  [0x40000, 'WDAC'],
  [0x80000, 'WO'],
  [0x100000, 'S'],
  [0x80000000, 'GR'],
  [0x40000000, 'GW'],
  [0x20000000, 'GE'],
  [0x10000000, 'GA'],
  [0x1, 'RD'],
  [0x2, 'WD'],
  [0x4, 'AD'],
  [0x8, 'REA'],
  [0x10, 'WEA'],
  [0x20, 'X'],
  [0x40, 'DC'],
  [0x80, 'RA'],
  [0x100, 'WA'],
];

export function icaclsRights(mask: number): string {
  if (SIMPLE_RIGHTS[mask]) return `(${SIMPLE_RIGHTS[mask]})`;
  return `(${SPECIFIC.filter(([bit]) => (mask & bit) >>> 0 === bit)
    .map(([, n]) => n)
    .join(',')})`;
}

export function icaclsAce(ace: Ace, machine: SimulatedMachine): string {
  const names = NAMES[lang(machine) === 'de' ? 'de' : 'en'];
  const id = machine.state.identity;
  const who = names[ace.sid] ?? (ace.sid === id.userSid ? `${id.domain}\\${id.userName}` : ace.sid);
  const flags = [
    ace.flags.includes('ID') ? '(I)' : '',
    ...['OI', 'CI', 'NP', 'IO'].filter((f) => ace.flags.includes(f)).map((f) => `(${f})`),
  ].join('');
  return `${who}:${ace.type === 'deny' ? '(DENY)' : ''}${flags}${icaclsRights(ace.mask)}`;
}

export const matchIcaclsShow: CommandMatcher = (c) => c.tool === 'icacls' && c.args.length === 1;

export const handleIcaclsShow: CommandHandler = (c, { machine }) => {
  const path = c.args[0] ?? '';
  const l = lang(machine);
  const summary = (ok: number, failed: number): string =>
    l === 'zh'
      ? `已成功处理 ${ok} 个文件; 处理 ${failed} 个文件时失败`
      : l === 'de'
        ? `Erfolgreich verarbeitet: ${ok} Dateien; Fehler bei ${failed} Dateien`
        : `Successfully processed ${ok} files; Failed processing ${failed} files`;
  const entry = machine.entry(path);
  if (!entry) {
    const msg =
      l === 'zh'
        ? '系统找不到指定的文件。'
        : l === 'de'
          ? 'Das System kann die angegebene Datei nicht finden.'
          : 'The system cannot find the file specified.';
    return { exitCode: 2, stdout: `${summary(0, 1)}${CRLF}`, stderr: `${path}: ${msg}${CRLF}` };
  }
  const sd = parseSddl(entry.sddl ?? 'O:SYG:SYD:(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)');
  const aces = (sd?.dacl ?? []).map((a) => icaclsAce(a, machine));
  const indent = ' '.repeat(path.length + 1);
  const lines = aces.map((a, i) => (i === 0 ? `${path} ${a}` : `${indent}${a}`));
  return { exitCode: 0, stdout: [...lines, '', summary(1, 0), ''].join(CRLF) };
};
