// The redactor: learns identities and secrets, then replaces them in any text with stable placeholders (<user-1>...).
import type { RedactionPreview } from '../../contract/api.ts';
import { type Identities, type RedactionKind, REDACTION_KINDS, placeholderOf } from './redaction-kinds.ts';
import {
  PROPERTY_PATTERNS,
  hiddenPropertyNames,
  isMaskedOrEmpty,
  isSecretName,
  secretPartsOf,
} from './secret-properties.ts';
import {
  GENERIC_USERS,
  NOT_DOMAINS,
  SHARED_PROFILES,
  escapeRegExp,
  shortNamePatterns,
  splitAccount,
} from './identity-rules.ts';

interface Literal {
  kind: RedactionKind;
  canonical: string;
  source: string;
  test: RegExp;
}
interface Seen {
  kind: RedactionKind;
  placeholder: string;
  sample: string;
  count: number;
}

/** Secrets shorter than this are hidden where they are assigned, but not searched for everywhere (too many false hits). */
const MIN_LITERAL_SECRET = 4;
/** Bound on remembered non-secret property values (needed when MsiHiddenProperties is logged after the values). */
const MAX_REMEMBERED_PROPERTIES = 20_000;
/** Bound on literal secrets searched everywhere, so a log with endless distinct secrets cannot grow the pattern forever. */
const MAX_LITERAL_SECRETS = 1_000;

const PROFILE = String.raw`[A-Za-z]:(?:\\{1,2}|/)(?:Users|Documents and Settings)(?:\\{1,2}|/)`;
const PROFILE_NAME = String.raw`[^\\/:*?"<>|\r\n]+(?=[\\/])|[^\\/:*?"<>|\r\n\s,;'()[\]]+`;
/**
 * Generic patterns, each its own regex: one big alternation defeats the regex engine's prefilters and was 3x slower
 * on large logs. Order matters only for overlaps (e-mail before user names); placeholders never match a later pass.
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PROFILE_PATH = new RegExp(String.raw`(${PROFILE})(${PROFILE_NAME})`, 'gi');
const SID = /(?<![\w-])S-1-(?:5-21|12-1)(?:-\d+){3,4}(?!\d)/gi;
const MAC = /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])/g;
const IPV6 = /(?<![0-9A-Fa-f:.\w])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:.])/g;
const IPV6_HINT = /::|(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]/g;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/g;

/**
 * Applies fn to the lines that contain a hint (a cheap regex), leaving the others untouched: the e-mail and IPv6
 * patterns are slow per position, and their hints ('@', '::') are rare in logs.
 */
function mapHintedLines(text: string, hint: RegExp, fn: (line: string) => string): string {
  let out = '';
  let at = 0;
  hint.lastIndex = 0;
  for (let m = hint.exec(text); m; m = hint.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    const newline = text.indexOf('\n', m.index);
    const end = newline < 0 ? text.length : newline;
    out += text.slice(at, start) + fn(text.slice(start, end));
    at = end;
    hint.lastIndex = end;
  }
  return at === 0 ? text : out + text.slice(at);
}

function isRealIpv6(text: string): boolean {
  if (text.includes(':::') || text === '::1') return false;
  const double = text.indexOf('::');
  if (double !== text.lastIndexOf('::')) return false;
  const groups = text.split(':');
  const filled = groups.filter((g) => g !== '');
  if (double < 0) return groups.length === 8 && filled.length === 8;
  // "CA::Add" or "Foo::Bar" are code, not addresses: a compressed address has a digit somewhere.
  return filled.length >= 2 && /\d/.test(text) && groups.length <= 8;
}

function isRealIpv4(text: string, before: string): boolean {
  if (text.startsWith('127.') || text === '0.0.0.0' || text === '255.255.255.255') return false;
  // "ProductVersion = 1.2.0.0", "VersionString=1.0.0.0", "Name=DisplayVersion,Value=1.0.0.0", "v2.0.0.1" are versions.
  const line = before.slice(before.lastIndexOf('\n') + 1);
  return !/(?:version\S{0,10}|version\s*[:=]?\s*['"]?|\bver\.?\s*|\bv)$/i.test(line);
}

export class Redactor {
  private readonly literals = new Map<string, Literal>();
  private readonly hidden = new Set<string>();
  private readonly remembered = new Map<string, Set<string>>();
  private readonly seen = new Map<string, Seen>();
  private readonly counters = Object.fromEntries(REDACTION_KINDS.map((k) => [k, 0])) as Record<RedactionKind, number>;
  private compiled: { secrets: RegExp | null; identities: RegExp | null } | null = null;
  private literalList: Literal[] = [];
  private secretLiterals = 0;

  constructor(identities: Partial<Identities> = {}) {
    this.addIdentities(identities);
  }

  /** Adds known identities (from the scan, the environment or the OS). Accounts like CONTOSO\zhang.wei are split. */
  addIdentities(identities: Partial<Identities>): void {
    for (const account of identities.users ?? []) {
      const { user, domain } = splitAccount(account);
      this.addUser(user);
      if (domain) this.addDomain(domain);
    }
    for (const computer of identities.computers ?? []) this.addLiteral('computer', computer.trim(), 2);
    for (const domain of identities.domains ?? []) this.addDomain(domain);
    for (const sid of identities.sids ?? [])
      if (/^S-1-(?:5-21|12-1)-/i.test(sid.trim())) this.addLiteral('sid', sid.trim().toUpperCase(), 8);
    for (const secret of identities.secrets ?? []) this.addLiteral('secret', secret, MIN_LITERAL_SECRET);
  }

  /** The identities known so far (for tests and for passing on to another redactor). */
  identities(): Identities {
    const out: Identities = { users: [], computers: [], domains: [], sids: [], secrets: [] };
    for (const literal of this.literals.values()) {
      if (literal.source.includes('~')) continue;
      const bucket = {
        user: out.users,
        computer: out.computers,
        domain: out.domains,
        sid: out.sids,
        secret: out.secrets,
      }[literal.kind as 'user' | 'computer' | 'domain' | 'sid' | 'secret'];
      bucket?.push(literal.canonical);
    }
    return out;
  }

  /**
   * Learns from a piece of text without changing it: hidden property names, secret property values, user names from
   * profile paths and MSI properties (LogonUser, USERNAME, ComputerName, UserSID), domains in DOMAIN\user.
   * Feed it whole lines (the stream redactor does).
   */
  learn(text: string): void {
    for (const name of hiddenPropertyNames(text)) {
      if (this.hidden.has(name)) continue;
      this.hidden.add(name);
      for (const value of this.remembered.get(name) ?? []) this.addLiteral('secret', value, MIN_LITERAL_SECRET);
    }
    PROPERTY_PATTERNS.forEach((pattern, index) => {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const name = m[2] ?? '';
        const value = m[4] ?? '';
        if (m[0].length === 0) pattern.lastIndex++;
        const secret = isSecretName(name, this.hidden);
        // NAME=value pairs (index 4) are everywhere in "Executing op:" lines: only secret ones matter for learning.
        if ((!secret && index > 3) || isMaskedOrEmpty(value)) continue;
        const parts = secretPartsOf(index, value)
          .map((p) => value.slice(p.start, p.end).trim())
          .filter((p) => p !== '');
        if (secret) {
          for (const part of parts) this.addLiteral('secret', part, MIN_LITERAL_SECRET);
          continue;
        }
        this.rememberProperty(name, parts);
        const upper = name.toUpperCase();
        const last = parts[parts.length - 1];
        if (!last) continue;
        if (upper === 'LOGONUSER' || upper === 'USERNAME') {
          const { user, domain } = splitAccount(last);
          this.addUser(user);
          if (domain) this.addDomain(domain);
        } else if (upper === 'COMPUTERNAME') this.addLiteral('computer', last, 2);
        else if (upper === 'USERDOMAIN' || upper === 'USERDNSDOMAIN') this.addDomain(last);
      }
    });
    const profile = new RegExp(`${PROFILE}(${PROFILE_NAME})`, 'gi');
    for (let m = profile.exec(text); m; m = profile.exec(text)) this.addUser(m[1] ?? '');
    const users = [...this.literals.values()].filter((l) => l.kind === 'user').map((l) => l.source);
    if (users.length > 0) {
      // Anchored on the user name (a literal the engine finds fast); the domain before it is read by a lookbehind.
      const account = new RegExp(
        String.raw`(?<=(?<![\w\\:.-])([A-Za-z][\w.-]{0,62}|NT AUTHORITY)\\)(?:${users.join('|')})(?![\w])`,
        'gi',
      );
      for (let m = account.exec(text); m; m = account.exec(text)) this.addDomain(m[1] ?? '');
    }
  }

  /** Replaces every known identity, secret and generic pattern (e-mail, IP, MAC, user SID) in the text. */
  redact(text: string): string {
    if (text === '') return text;
    let out = text;
    PROPERTY_PATTERNS.forEach((pattern, index) => {
      out = out.replace(
        pattern,
        (whole: string, pre: string, name: string, mid: string, value: string, post: string) => {
          if (isMaskedOrEmpty(value)) return whole;
          if (!isSecretName(name, this.hidden)) {
            // Identity properties lose their value even when it is a generic word ("LogonUser = User").
            const identity = index <= 3 ? this.identityValue(name, value) : null;
            return identity === null ? whole : pre + name + mid + identity + post;
          }
          let masked = '';
          let at = 0;
          for (const part of secretPartsOf(index, value)) {
            const secret = value.slice(part.start, part.end);
            masked +=
              value.slice(at, part.start) +
              (secret.trim() === '' ? secret : this.placeholder('secret', secret, secret));
            at = part.end;
          }
          return pre + name + mid + masked + value.slice(at) + post;
        },
      );
    });
    const { secrets, identities } = this.compile();
    if (secrets) out = out.replace(secrets, (whole) => this.literal(whole));
    out = mapHintedLines(out, /@/g, (line) =>
      line.replace(EMAIL, (m) => this.placeholder('email', m.toLowerCase(), m)),
    );
    out = out.replace(PROFILE_PATH, (_whole, pre: string, name: string) => pre + this.profileName(name));
    out = out.replace(SID, (m) => this.placeholder('sid', m.toUpperCase(), m));
    out = out.replace(MAC, (m) => this.placeholder('mac', m.toLowerCase().replace(/-/g, ':'), m));
    out = mapHintedLines(out, IPV6_HINT, (line) =>
      line.replace(IPV6, (m) => (isRealIpv6(m) ? this.placeholder('ip', m.toLowerCase(), m) : m)),
    );
    out = out.replace(IPV4, (m, offset: number, input: string) =>
      isRealIpv4(m, input.slice(Math.max(0, offset - 40), offset)) ? this.placeholder('ip', m, m) : m,
    );
    if (identities) out = out.replace(identities, (whole) => this.literal(whole));
    return out;
  }

  private literal(whole: string): string {
    const literal = this.literalList.find((l) => l.test.test(whole));
    return literal ? this.placeholder(literal.kind, literal.canonical, whole) : whole;
  }

  /** What has been redacted so far, one item per distinct value (secrets shown masked). */
  preview(): RedactionPreview {
    const items = [...this.seen.values()]
      .sort(
        (a, b) =>
          REDACTION_KINDS.indexOf(a.kind) - REDACTION_KINDS.indexOf(b.kind) ||
          a.placeholder.localeCompare(b.placeholder, 'en', { numeric: true }),
      )
      .map((s) => ({
        kind: s.kind,
        placeholder: s.placeholder,
        sample: s.kind === 'secret' ? maskSecret(s.sample) : s.sample,
        count: s.count,
      }));
    return { items };
  }

  /** The placeholder of a value (stable: the same canonical value always gets the same placeholder). */
  placeholder(kind: RedactionKind, canonical: string, sample: string): string {
    const key = `${kind}\u0000${canonical}`;
    let entry = this.seen.get(key);
    if (!entry) {
      this.counters[kind] += 1;
      entry = { kind, placeholder: placeholderOf(kind, this.counters[kind]), sample, count: 0 };
      this.seen.set(key, entry);
    }
    entry.count += 1;
    return entry.placeholder;
  }

  /** The redacted value of LogonUser / USERNAME / ComputerName / USERDOMAIN (a single value up to the line end), else null. */
  private identityValue(name: string, value: string): string | null {
    const upper = name.toUpperCase();
    const trimmed = value.trim();
    if (!/^[^'\r\n]+$/.test(trimmed) || trimmed.startsWith('<')) return null;
    if (upper === 'LOGONUSER' || upper === 'USERNAME') {
      const { user, domain } = splitAccount(trimmed);
      const userPart = this.placeholder('user', user.toLowerCase(), user);
      return domain ? `${this.placeholder('domain', domain.toLowerCase(), domain)}\\${userPart}` : userPart;
    }
    if (upper === 'COMPUTERNAME') return this.placeholder('computer', trimmed.toLowerCase(), trimmed);
    if (upper === 'USERDOMAIN') return this.placeholder('domain', trimmed.toLowerCase(), trimmed);
    return null;
  }

  private profileName(name: string): string {
    const lower = name.trim().toLowerCase();
    if (SHARED_PROFILES.has(lower)) return name;
    const literal = this.literalList.find((l) => l.kind === 'user' && l.test.test(name));
    return this.placeholder('user', literal ? literal.canonical : lower, name);
  }

  private addUser(raw: string): void {
    const user = raw.trim();
    const lower = user.toLowerCase();
    if (user.length < 2 || SHARED_PROFILES.has(lower) || GENERIC_USERS.has(lower) || user.startsWith('<')) return;
    this.addLiteral('user', user, 2);
    // Short names resolve to the same placeholder as the long name.
    for (const source of shortNamePatterns(user))
      this.putLiteral({ kind: 'user', canonical: lower, source, test: anchored(source) });
  }

  private addDomain(raw: string): void {
    const domain = raw.trim();
    if (NOT_DOMAINS.has(domain.toLowerCase()) || domain.startsWith('<')) return;
    const netbios = domain.split('.')[0] ?? '';
    // The DNS form (contoso.local) and its NetBIOS form (CONTOSO) are the same organisation.
    if (domain.includes('.')) this.addLiteral('domain', domain, 2);
    if (netbios && !NOT_DOMAINS.has(netbios.toLowerCase()))
      this.addLiteral('domain', netbios, 2, domain.includes('.') ? domain : undefined);
  }

  private addLiteral(kind: RedactionKind, value: string, minLength: number, canonicalOf?: string): void {
    if (value.length < minLength || value.startsWith('<')) return;
    if (kind === 'secret' && this.secretLiterals >= MAX_LITERAL_SECRETS) return;
    const canonical = kind === 'secret' ? value : (canonicalOf ?? value).toLowerCase();
    const source = escapeRegExp(value);
    this.putLiteral({ kind, canonical, source, test: anchored(source) });
  }

  private putLiteral(literal: Literal): void {
    const key = `${literal.kind}\u0000${literal.source.toLowerCase()}`;
    if (this.literals.has(key)) return;
    this.literals.set(key, literal);
    if (literal.kind === 'secret') this.secretLiterals++;
    this.compiled = null;
  }

  private rememberProperty(name: string, values: string[]): void {
    const upper = name.toUpperCase();
    let set = this.remembered.get(upper);
    if (!set) {
      if (this.remembered.size >= MAX_REMEMBERED_PROPERTIES) return;
      set = new Set();
      this.remembered.set(upper, set);
    }
    for (const value of values) if (value.length <= 1024 && set.size < 16) set.add(value);
  }

  private compile(): { secrets: RegExp | null; identities: RegExp | null } {
    if (this.compiled) return this.compiled;
    // Longest first so "zhang.wei" wins over "zhang", and secrets before identities they may contain.
    const order: RedactionKind[] = ['secret', 'sid', 'user', 'computer', 'domain'];
    this.literalList = [...this.literals.values()].sort(
      (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.source.length - a.source.length,
    );
    const secrets = this.literalList.filter((l) => l.kind === 'secret').map((l) => l.source);
    const others = this.literalList.filter((l) => l.kind !== 'secret').map((l) => l.source);
    this.compiled = {
      // Secrets are matched anywhere (a password inside a connection string has no word boundary).
      secrets: secrets.length ? new RegExp(secrets.join('|'), 'gi') : null,
      identities: others.length
        ? new RegExp(String.raw`(?<![A-Za-z0-9_])(?:${others.join('|')})(?![A-Za-z0-9_])`, 'gi')
        : null,
    };
    return this.compiled;
  }
}

function anchored(source: string): RegExp {
  return new RegExp(`^(?:${source})$`, 'i');
}

function maskSecret(value: string): string {
  const visible = value.length > 8 ? value.slice(0, 2) : value.slice(0, 1);
  return visible + '•'.repeat(Math.min(8, Math.max(3, value.length - visible.length)));
}
