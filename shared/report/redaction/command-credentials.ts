// Credentials that command lines carry without a sensitive key name: by position (`net use \\srv\share P@ss`,
// `net user NAME P@ss`, `rasdial VPN user pass`, `NetworkCredential('user', 'pass')`), by a short flag whose meaning
// belongs to the tool (`sqlcmd -U u -P p`, `psexec -u u -p p`, `mysql -uU -pP`, `curl -u user:pass`,
// `smbclient -U user%pass`, `schtasks /RU u /RP p`, `signtool /p p`, `7z -pP`), and in URLs (`scheme://user:pass@host`).
// Each command is read token by token from its tool's name to the end of its segment (the line, `&` or `|`): linear.
import { classifyKey, type KeyClass } from './key-names.ts';
import { LiteralSearch } from '../../text/literal-search.ts';

/** What a tool's flag or position holds: a key class, `user:pass` (curl) or `user%pass` (smbclient). */
type Slot = KeyClass | 'user:pass' | 'user%pass';

interface ToolRule {
  /** Flags (without the leading `-`/`/`/`--`) and what their value is. */
  flags: Record<string, Slot>;
  /** Flags are case-sensitive (`sqlcmd -U` is the user, `-u` Unicode output). */
  caseSensitive?: boolean;
  /** Flag letters whose value may be glued to them (`mysql -pSecret`, `7z -pSecret`), and what it is. */
  glued?: Record<string, Slot>;
  /** Positional arguments (after the tool and its sub-command), by index. */
  positional?: (slot: number, subcommand: string) => Slot | null;
  /** A value named by another flag (`reg add /v DefaultPassword /d x`, `Set-ItemProperty -Name DbPwd -Value x`). */
  named?: { name: string; value: string };
  /** The flags count only after one of these sub-commands (`docker login -u x -p y`; `docker run -p 80:80` is a port). */
  subcommands?: string[];
}

const SQL: ToolRule = { flags: { U: 'user', P: 'secret', S: 'computer' }, caseSensitive: true };
const PSEXEC: ToolRule = { flags: { u: 'user', p: 'secret' } };
const MYSQL: ToolRule = {
  flags: { u: 'user', p: 'secret', h: 'computer', user: 'user', host: 'computer' },
  caseSensitive: true,
  glued: { u: 'user', p: 'secret', h: 'computer' },
};
const SEVEN_ZIP: ToolRule = { flags: {}, caseSensitive: true, glued: { p: 'secret' } };
/** Container registries: `docker login -u user -p pass host`, `helm registry login host -u user -p pass`. */
const REGISTRY_LOGIN: ToolRule = {
  flags: { u: 'user', p: 'secret', username: 'user', password: 'secret' },
  caseSensitive: true,
  subcommands: ['login', 'registry'],
};

const TOOLS: Record<string, ToolRule> = {
  sqlcmd: SQL,
  osql: SQL,
  isql: SQL,
  bcp: SQL,
  psexec: PSEXEC,
  psexec64: PSEXEC,
  paexec: PSEXEC,
  sshpass: { flags: { p: 'secret' }, caseSensitive: true },
  mysql: MYSQL,
  mysqldump: MYSQL,
  mysqladmin: MYSQL,
  mysqlimport: MYSQL,
  mariadb: MYSQL,
  curl: {
    flags: { u: 'user:pass', user: 'user:pass', U: 'user:pass', 'proxy-user': 'user:pass' },
    caseSensitive: true,
  },
  smbclient: { flags: { U: 'user%pass', user: 'user%pass' }, caseSensitive: true },
  rpcclient: { flags: { U: 'user%pass', user: 'user%pass' }, caseSensitive: true },
  schtasks: { flags: { ru: 'user', rp: 'secret', u: 'user', p: 'secret', s: 'computer' } },
  signtool: { flags: { p: 'secret' } },
  certutil: { flags: { p: 'secret' } },
  '7z': SEVEN_ZIP,
  '7za': SEVEN_ZIP,
  '7zr': SEVEN_ZIP,
  openssl: { flags: { passin: 'secret', passout: 'secret', pass: 'secret', k: 'secret' } },
  netdom: { flags: { userd: 'user', usero: 'user', ud: 'user', uo: 'user' } },
  plink: { flags: { l: 'user', pw: 'secret' }, caseSensitive: true },
  pscp: { flags: { l: 'user', pw: 'secret' }, caseSensitive: true },
  putty: { flags: { l: 'user', pw: 'secret' }, caseSensitive: true },
  // net use [X:] \\server\share [password] [/user:...]; net user NAME [password]; net localgroup GROUP member...
  net: {
    flags: {},
    positional: (slot, sub) =>
      sub === 'use' ? 'secret' : sub === 'user' ? (slot === 0 ? 'user' : slot === 1 ? 'secret' : null) : null,
  },
  wmic: { flags: { node: 'computer' } },
  docker: REGISTRY_LOGIN,
  podman: REGISTRY_LOGIN,
  nerdctl: REGISTRY_LOGIN,
  buildah: REGISTRY_LOGIN,
  helm: REGISTRY_LOGIN,
  reg: { flags: {}, named: { name: 'v', value: 'd' } },
  'set-itemproperty': { flags: {}, named: { name: 'name', value: 'value' } },
  'new-itemproperty': { flags: {}, named: { name: 'name', value: 'value' } },
  // setx NAME VALUE: the value of a secret-named variable
  setx: { flags: {}, positional: () => null, named: { name: '', value: '' } },
  // rasdial ENTRY USER PASSWORD
  rasdial: { flags: {}, positional: (slot) => (slot === 1 ? 'user' : slot === 2 ? 'secret' : null) },
};

/** Receives each credential found: its class, where its value is, and where the unit that made it sensitive begins. */
export type EmitCredential = (cls: KeyClass, start: number, end: number, from: number) => void;

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

interface Token {
  start: number;
  end: number;
  /** Without surrounding quotes. */
  valueStart: number;
  valueEnd: number;
}

/** The tokens of text[from, to): runs of non-space, or quoted runs (`"a b"`, `'a b'`). */
function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    const c = text.charCodeAt(i);
    if (isQuote(c)) {
      let end = i + 1;
      while (end < to && text.charCodeAt(end) !== c) end++;
      out.push({ start, end: Math.min(to, end + 1), valueStart: i + 1, valueEnd: end });
      i = end + 1;
      continue;
    }
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    out.push({ start, end: i, valueStart: start, valueEnd: i });
  }
  return out;
}

/** The tool a token names (`C:\Tools\PsExec64.exe`, `"sqlcmd"`), lower-case, or null. */
function toolNamed(text: string, t: Token): string | null {
  // The base name is at most 20 characters (New-ItemProperty.exe): find it without cutting the token out.
  let s = t.valueEnd;
  while (s > t.valueStart && t.valueEnd - s <= 20) {
    const c = text.charCodeAt(s - 1);
    if (c === 92 || c === 47) break;
    s--;
  }
  if (t.valueEnd - s > 20 || t.valueEnd - s < 2) return null;
  if (s > t.valueStart && text.charCodeAt(s - 1) !== 92 && text.charCodeAt(s - 1) !== 47) return null;
  let name = text.slice(s, t.valueEnd).toLowerCase();
  if (name.endsWith('.exe')) name = name.slice(0, -4);
  return Object.hasOwn(TOOLS, name) ? name : null;
}

function emitSlot(slot: Slot, text: string, start: number, end: number, from: number, emit: EmitCredential): void {
  if (end <= start) return;
  if (slot === 'user:pass' || slot === 'user%pass') {
    const sep = text.indexOf(slot === 'user:pass' ? ':' : '%', start);
    if (sep < 0 || sep >= end) {
      emit('user', start, end, from);
      return;
    }
    if (sep > start) emit('user', start, sep, from);
    if (sep + 1 < end) emit('secret', sep + 1, end, from);
    return;
  }
  emit(slot, start, end, from);
}

/** Flag name as the tool's table spells it, or null (`--user`, `-U`, `/RP`; `/RP:x` and `--user=x` carry the value). */
function flagOf(text: string, t: Token, rule: ToolRule): { slot: Slot; inline: number } | null {
  const c = text.charCodeAt(t.valueStart);
  if (c !== 45 && c !== 47) return null;
  let s = t.valueStart + 1;
  if (c === 45 && text.charCodeAt(s) === 45) s++;
  let e = s;
  while (e < t.valueEnd && e - s < 32) {
    const k = text.charCodeAt(e);
    if (k === 58 || k === 61) break;
    e++;
  }
  if (e === s) return null;
  const name = text.slice(s, e);
  const slot = rule.flags[rule.caseSensitive ? name : name.toLowerCase()];
  if (slot !== undefined && Object.hasOwn(rule.flags, rule.caseSensitive ? name : name.toLowerCase()))
    return { slot, inline: e < t.valueEnd ? e + 1 : -1 };
  // A glued value: `-pSecret` (one dash, a letter the tool glues, then the value).
  const letter = text[s]!;
  if (c === 45 && s === t.valueStart + 1 && rule.glued && Object.hasOwn(rule.glued, letter) && t.valueEnd > s + 1)
    return { slot: rule.glued[letter]!, inline: s + 1 };
  return null;
}

/** Reads one command's tokens from a tool's name on; returns where the tokens it read end. */
function readCommand(text: string, list: Token[], at: number, emit: EmitCredential): number {
  const tool = toolNamed(text, list[at]!)!;
  const rule = TOOLS[tool]!;
  let i = at + 1;
  let sub = '';
  if (rule.positional && tool === 'net' && i < list.length) {
    sub = text.slice(list[i]!.valueStart, list[i]!.valueEnd).toLowerCase();
    i++;
  }
  if (rule.subcommands) {
    const word = i < list.length ? text.slice(list[i]!.valueStart, list[i]!.valueEnd).toLowerCase() : '';
    if (!rule.subcommands.includes(word)) return i;
    i++;
  }
  let position = 0;
  let name: Token | null = null;
  let value: Token | null = null;
  const end = (at: number): number => {
    if (name && value && classifyKey(text.slice(name.valueStart, name.valueEnd), EMPTY) === 'secret')
      emit('secret', value.valueStart, value.valueEnd, name.start);
    return at;
  };
  for (; i < list.length; i++) {
    const t = list[i]!;
    if (toolNamed(text, t)) return end(i); // another tool runs from here (psexec \\host sqlcmd -U ...)
    const c = text.charCodeAt(t.valueStart);
    if (rule.named) {
      if (rule.named.name === '') {
        // setx NAME VALUE
        if (position === 0) name = t;
        else if (position === 1) value = t;
        position++;
        continue;
      }
      if ((c === 45 || c === 47) && i + 1 < list.length) {
        const flag = text.slice(t.valueStart + 1, t.valueEnd).toLowerCase();
        if (flag === rule.named.name) name = list[++i]!;
        else if (flag === rule.named.value) value = list[++i]!;
      }
      continue;
    }
    const flag = flagOf(text, t, rule);
    if (flag) {
      if (flag.inline >= 0) emitSlot(flag.slot, text, flag.inline, t.valueEnd, t.start, emit);
      else if (i + 1 < list.length) {
        const v = list[i + 1]!;
        const vc = text.charCodeAt(v.valueStart);
        if (v.start === v.valueStart && (vc === 45 || vc === 47) && v.valueEnd - v.valueStart > 1) continue;
        emitSlot(flag.slot, text, v.valueStart, v.valueEnd, t.start, emit);
        i++;
      }
      continue;
    }
    if (!rule.positional) continue;
    // Switches, drives (Z:, *), UNC paths and $variables are no positional values.
    if (t.start === t.valueStart && (c === 47 || c === 45 || c === 36)) continue;
    const v = text.slice(t.valueStart, t.valueEnd);
    if (v === '*' || /^[A-Za-z]:$|^LPT\d:$|^\\\\/i.test(v)) continue;
    const slot = rule.positional(position++, sub);
    if (slot) emitSlot(slot, text, t.valueStart, t.valueEnd, list[at]!.start, emit);
  }
  return end(i);
}

const EMPTY: ReadonlySet<string> = new Set();

/** End of the command segment that starts at `from`: the line's end, or `&`/`|` outside quotes. */
function segmentEnd(text: string, from: number, lineEnd: number): number {
  let quote = -1;
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (quote !== -1) {
      if (c === quote) quote = -1;
    } else if (c === 34) quote = c;
    else if (c === 38 || c === 124) return i;
  }
  return lineEnd;
}

/** Reads every command of the segment [from, to) that starts with a known tool. */
function readSegment(text: string, from: number, to: number, emit: EmitCredential): void {
  const list = tokens(text, from, to);
  for (let i = 0; i < list.length;) {
    if (toolNamed(text, list[i]!)) i = readCommand(text, list, i, emit);
    else i++;
  }
}

/**
 * What every such command carries, in one scan (each alternative starts with a literal the engine skips to fast): a
 * short flag after a space or quote (`-p`, `/RP`, `--user`, `-pSecret`), ` use`/` user` (of `net use`, `net user`,
 * checked by hand), `rasdial`, or `setx ` (`setx API_TOKEN value` needs no flag).
 */
const ANCHOR = /[ \t"'](?:--?|\/)[A-Za-z]| [Uu][Ss][Ee][Rr]?[ \t]|[Rr][Aa][Ss][Dd][Ii][Aa][Ll]|[Ss][Ee][Tt][Xx][ \t]/g;
/** How far back from an anchor the command's start is looked for (a command line longer than this is read in parts). */
const MAX_COMMAND = 4096;

/** ` use` / ` user` preceded by `net` or `net.exe`. */
function afterNet(text: string, space: number): boolean {
  const head = text.slice(Math.max(0, space - 8), space).toLowerCase();
  return /(?:^|[^a-z])net(?:\.exe)?$/.test(head);
}

/** Credentials of command lines: each segment (a line's part between `&`/`|`) with an anchor is read once, whole. */
export function findCommandCredentials(text: string, emit: EmitCredential): void {
  let done = 0; // segments before this index were read
  let newline = -1; // the next newline at or after the last anchor (the text's length when none)
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const at = m.index;
    if (at < done) continue;
    if (text.charCodeAt(at + 1) === 85 || text.charCodeAt(at + 1) === 117) {
      if (!afterNet(text, at)) continue;
    }
    let start = at;
    while (start > done && at - start < MAX_COMMAND) {
      const c = text.charCodeAt(start - 1);
      if (c === 10 || c === 13 || c === 38 || c === 124) break;
      start--;
    }
    if (newline < at) {
      newline = text.indexOf('\n', at);
      if (newline < 0) newline = text.length;
    }
    const end = segmentEnd(text, at + 1, Math.min(newline, at + MAX_COMMAND));
    readSegment(text, start, end, emit);
    done = end + 1;
    if (ANCHOR.lastIndex < done) ANCHOR.lastIndex = done;
  }
}

const CREDENTIAL_CALL = new LiteralSearch('Credential(');

/** `NetworkCredential('user', 'pass'[, 'domain'])` and `PSCredential('user', ...)`: quoted arguments by position. */
export function findCredentialObjects(text: string, emit: EmitCredential): void {
  for (let at = CREDENTIAL_CALL.indexIn(text); at >= 0; at = CREDENTIAL_CALL.indexIn(text, at + 11)) {
    const slots: KeyClass[] = ['user', 'secret', 'domain'];
    let i = at + 11;
    const stop = Math.min(text.length, i + 1024);
    for (const slot of slots) {
      while (i < stop && isSpace(text.charCodeAt(i))) i++;
      const q = text.charCodeAt(i);
      if (!isQuote(q)) break;
      let close = i + 1;
      while (close < stop && text.charCodeAt(close) !== q) close++;
      if (close >= stop) break;
      emit(slot, i + 1, close, at);
      i = close + 1;
      while (i < stop && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 44) break;
      i++;
    }
  }
}

/** `scheme://user:pass@host` and `scheme://user@host`: the user and the password of a URL. */
export function findUrlCredentials(text: string, emit: EmitCredential): void {
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    const start = at + 3;
    let i = start;
    let colon = -1;
    let atSign = -1;
    while (i < text.length && i - start < 256) {
      const c = text.charCodeAt(i);
      if (c === 64)
        atSign = i; // the last @ before the host: a password may hold one
      else if (c === 58 && colon < 0) colon = i;
      else if (c === 47 || c === 63 || c === 35 || c <= 32 || c === 34 || c === 39 || c === 60 || c === 62) break;
      i++;
    }
    if (atSign <= start) continue;
    const userEnd = colon > start && colon < atSign ? colon : atSign;
    if (userEnd > start) emit('user', start, userEnd, at);
    if (userEnd === colon && colon + 1 < atSign) emit('secret', colon + 1, atSign, at);
    at = atSign;
  }
}

/** The FTP verbs that carry credentials, and what their tokens are (`user NAME [PASSWORD]`, `pass PASSWORD`). */
const FTP_VERBS: ReadonlyArray<[verb: string, slots: KeyClass[]]> = [
  ['user ', ['user', 'secret']],
  ['USER ', ['user', 'secret']],
  ['pass ', ['secret']],
  ['PASS ', ['secret']],
];

/**
 * `user NAME [PASSWORD]` and `pass PASSWORD` where FTP reads them: at a line's start (an `ftp -s:` script), after the
 * `ftp>` prompt or the `--->` echo of `ftp -d`, and the protocol's upper-case `USER x` / `PASS x` after a log prefix.
 * The verb must be followed by exactly its tokens to the line's end, so prose ("user account created") is no command.
 */
export function findFtpCommands(text: string, emit: EmitCredential): void {
  for (const [verb, slots] of FTP_VERBS) {
    const upper = verb.charCodeAt(0) < 97;
    for (let at = text.indexOf(verb); at >= 0; at = text.indexOf(verb, at + verb.length)) {
      if (!ftpCommandStart(text, at, upper)) continue;
      const tokens: Array<[number, number]> = [];
      let i = at + verb.length;
      const stop = Math.min(text.length, i + 512);
      while (i < stop && tokens.length <= slots.length) {
        while (i < stop && isSpace(text.charCodeAt(i))) i++;
        if (i >= stop || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) break;
        const s = i;
        while (i < stop && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        tokens.push([s, i]);
      }
      const lineEnds = i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
      if (!lineEnds || tokens.length === 0 || tokens.length > slots.length) continue;
      tokens.forEach(([s, e], n) => emit(slots[n]!, s, e, at));
    }
  }
}

/** FTP's own command words: a line holding one of these after `open host` is the script going on, not a login. */
const FTP_COMMANDS = new Set(
  'user pass binary bin ascii type put get mput mget send recv append cd lcd cdup pwd dir ls mkdir rmdir delete mdelete rename prompt hash bell verbose debug status quote literal close disconnect bye quit open glob trace'.split(
    ' ',
  ),
);

/** The whitespace-free token that makes up the line starting at `at` (spaces around it allowed), or null. */
function soleToken(text: string, at: number): [number, number, number] | null {
  let s = at;
  while (s < text.length && isSpace(text.charCodeAt(s))) s++;
  let e = s;
  while (
    e < text.length &&
    e - s < 256 &&
    !isSpace(text.charCodeAt(e)) &&
    text.charCodeAt(e) !== 10 &&
    text.charCodeAt(e) !== 13
  )
    e++;
  let next = e;
  while (next < text.length && (isSpace(text.charCodeAt(next)) || text.charCodeAt(next) === 13)) next++;
  if (e === s || (next < text.length && text.charCodeAt(next) !== 10)) return null;
  return [s, e, next + 1];
}

/**
 * An `ftp -s:` script that logs in without the `user` command: `open HOST`, then the user name and the password on
 * lines of their own (each a single token that is no FTP command word).
 */
export function findFtpScriptLogins(text: string, emit: EmitCredential): void {
  for (let at = text.startsWith('open ') ? 0 : text.indexOf('\nopen '); at >= 0; at = text.indexOf('\nopen ', at + 6)) {
    const open = at === 0 && text.charCodeAt(0) !== 10 ? 0 : at + 1;
    const host = soleToken(text, open + 5);
    const user = host && soleToken(text, host[2]);
    const pass = user && soleToken(text, user[2]);
    if (!user || !pass) continue;
    const words = [text.slice(user[0], user[1]), text.slice(pass[0], pass[1])].map((w) => w.toLowerCase());
    if (words.some((w) => FTP_COMMANDS.has(w))) continue;
    emit('user', user[0], user[1], open);
    emit('secret', pass[0], pass[1], open);
  }
}

/** A verb at a line's start or after FTP's prompt or echo; an upper-case protocol verb also after a log prefix. */
function ftpCommandStart(text: string, at: number, upper: boolean): boolean {
  let i = at;
  while (i > 0 && at - i < 8 && isSpace(text.charCodeAt(i - 1))) i--;
  if (i === 0 || text.charCodeAt(i - 1) === 10) return true;
  if (text.startsWith('ftp>', i - 4) || text.startsWith('--->', i - 4)) return true;
  return upper && i < at;
}
