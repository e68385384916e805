// The redactor: learns identities and secrets from text, then replaces them (and addresses found by shape) in any text
// with stable placeholders (<user-1>...). Every rule reports findings on the original text; overlaps are merged, so a
// placeholder is never matched again and no character two rules flagged survives between them.
import type { RedactionPreview } from '../../contract/api.ts';
import { type Identities, type RedactionKind, REDACTION_KINDS, placeholderOf } from './redaction-kinds.ts';
import type { KeyClass } from './key-names.ts';
import { findAssignments, valueFindings } from './assignments.ts';
import { scanForLearning, type LearningScan } from './learning-scan.ts';
import { findAddressesAndSids } from './address-patterns.ts';
import {
  type AccountPair,
  findMachineNames,
  findOrganisationFolders,
  findProfileNames,
  hostLabelsBefore,
  isDomainName,
  standsAsDomain,
} from './identity-patterns.ts';
import {
  GENERIC_USERS,
  NOT_DOMAINS,
  SHARED_PROFILES,
  WELL_KNOWN_ACCOUNTS,
  shortNames,
  splitAccount,
} from './identity-rules.ts';
import { LiteralMatcher, foldCase, MAX_LITERAL_LENGTH } from './literal-matcher.ts';
import { escapeHtml } from '../html/template.ts';
import { applyFindings, finding, resolveFindings, type Finding } from './findings.ts';
import { unpackFindings, unpackPlaces, type KnownFindings, type NamedPlace } from './packed-findings.ts';
import { trimEndChars } from '../../text/trim-end.ts';
import { detached } from '../../text/detached.ts';

type LiteralKind = 'user' | 'computer' | 'domain' | 'secret';

/**
 * What another thread needs to find exactly what this redactor finds (redact pass): the hidden property names and every
 * literal in the order it was added (replaying the additions rebuilds the same matcher and canonical forms).
 */
export interface RedactorSnapshot {
  version: number;
  hidden: string[];
  literals: Array<[kind: LiteralKind, value: string, canonical: string, domainWord: boolean]>;
}

interface Literal {
  kind: LiteralKind;
  canonical: string;
  /** A NetBIOS domain word ("CONTOSO"): replaced only where it stands as a domain, never as a vendor name. */
  domainWord: boolean;
}
interface Seen {
  kind: RedactionKind;
  placeholder: string;
  sample: string;
  count: number;
}

/** Secrets shorter than this are hidden where they are assigned, but not searched for everywhere (too many false hits). */
const MIN_LITERAL_SECRET = 4;
/** Names learned from text shorter than this are replaced where they stand, not everywhere ("sa", "db"). */
const MIN_LEARNED_NAME = 3;
/** Bounds on what a log can teach, so a hostile log cannot grow memory or the matcher without limit. */
const MAX_NAMES = 50_000;
const MAX_SECRETS = 10_000;
const MAX_REMEMBERED_PROPERTIES = 20_000;
const MAX_PENDING_ACCOUNTS = 20_000;
const PRIORITY: Record<LiteralKind, number> = { secret: 0, user: 1, computer: 2, domain: 3 };

export class Redactor {
  private readonly matcher = new LiteralMatcher<Literal>();
  /** kind + folded value -> canonical, for every learned literal (placeholders of in-place findings use it too). */
  private readonly canonicals = new Map<string, string>();
  private readonly sids = new Set<string>();
  private readonly hidden = new Set<string>();
  /** The hidden names in the order they were learned (a scanning thread is sent the ones it has not seen yet). */
  private readonly hiddenOrder: string[] = [];
  /** Every literal added, in order (see RedactorSnapshot). */
  private readonly literals: RedactorSnapshot['literals'] = [];
  /** Bumped by every change of what findings() depends on, so a stale snapshot is never used. */
  private version = 0;
  private readonly remembered = new Map<string, Set<string>>();
  /** DOMAIN\name pairs whose name is not (yet) a known user: the domain is learned once the user is. */
  private readonly pendingAccounts = new Map<string, Set<string>>();
  private pendingDirty = false;
  private readonly seen = new Map<string, Seen>();
  private readonly counters = Object.fromEntries(REDACTION_KINDS.map((k) => [k, 0])) as Record<RedactionKind, number>;
  private names = 0;
  private secrets = 0;

  constructor(identities: Partial<Identities> = {}) {
    this.addIdentities(identities);
  }

  /** Adds known identities (from the scan, the environment or the OS). Accounts like CONTOSO\zhang.wei are split. */
  addIdentities(identities: Partial<Identities>): void {
    for (const account of identities.users ?? []) {
      const { user, domain } = splitAccount(account);
      this.addUser(user, 2);
      if (domain) this.addDomain(domain);
    }
    for (const computer of identities.computers ?? []) this.addComputer(computer, 2);
    for (const domain of identities.domains ?? []) this.addDomain(domain);
    for (const sid of identities.sids ?? [])
      if (/^S-1-(?:5-21|12-1)-/i.test(sid.trim())) this.sids.add(sid.trim().toUpperCase());
    for (const secret of identities.secrets ?? []) this.addSecret(secret);
  }

  /** The identities known so far (for tests and for passing on to another redactor). */
  identities(): Identities {
    this.resolvePending();
    const out: Identities = { users: [], computers: [], domains: [], sids: [...this.sids], secrets: [] };
    const lists = { user: out.users, computer: out.computers, domain: out.domains, secret: out.secrets };
    const listed = new Set<string>();
    for (const [key, canonical] of this.canonicals) {
      const kind = key.slice(0, key.indexOf('\u0000')) as LiteralKind;
      if (listed.has(`${kind}\u0000${canonical}`)) continue;
      listed.add(`${kind}\u0000${canonical}`);
      lists[kind].push(canonical);
    }
    return out;
  }

  /**
   * Learns from a piece of text without changing it: hidden property names, secret values, user, computer and server
   * names, domains. Feed it whole lines (the stream helpers do).
   */
  learn(text: string): void {
    this.absorb(
      text,
      scanForLearning(text, (names) => {
        this.learnHidden(names);
        return this.hidden;
      }),
    );
  }

  /** What learn(text) would read, without learning it yet (absorb it later, in text order). */
  read(text: string): LearningScan {
    return scanForLearning(text, (names) =>
      names.every((name) => this.hidden.has(name)) ? this.hidden : new Set([...this.hidden, ...names]),
    );
  }

  /**
   * Learns what scanForLearning read from a piece of text, possibly on another thread: exactly what learn(text) would
   * have learned. A scan made with other hidden names than this redactor's (hiddenSize differs) is done again here
   * (the text may be given as a function: it is then made only in that case).
   */
  absorb(text: string | (() => string), scan: LearningScan): LearningScan {
    this.learnHidden(scan.hiddenNames);
    const valid = scan.hiddenSize === this.hidden.size;
    const read = valid ? scan : scanForLearning(typeof text === 'string' ? text : text(), () => this.hidden);
    for (const [name, value] of read.seen) this.rememberProperty(name, value);
    for (const f of read.found) this.learnFinding(f.kind, f.sample);
    for (const name of read.profiles) this.addUser(name, 2);
    for (const account of read.accounts) this.rememberAccount(account);
    return read;
  }

  /** How many hidden property names findings() classifies keys with (findings kept by the learning pass carry the count they saw). */
  get hiddenSize(): number {
    return this.hidden.size;
  }

  /** Hidden property names learned so far, from the index-th on (in the order they were learned). */
  hiddenNamesFrom(index: number): string[] {
    return this.hiddenOrder.slice(index);
  }

  get hiddenCount(): number {
    return this.hiddenOrder.length;
  }

  /** Everything findings() depends on, for a redactor on another thread (Redactor.fromSnapshot). */
  snapshot(): RedactorSnapshot {
    this.resolvePending();
    return { version: this.version, hidden: [...this.hiddenOrder], literals: this.literals.slice() };
  }

  /** The version of what findings() depends on (a snapshot with another version is stale). */
  get stateVersion(): number {
    this.resolvePending();
    return this.version;
  }

  /** A redactor that finds exactly what the snapshot's redactor finds (placeholders are numbered by the original). */
  static fromSnapshot(snapshot: RedactorSnapshot): Redactor {
    const redactor = new Redactor();
    redactor.learnHidden(snapshot.hidden);
    for (const [kind, value, canonical, domainWord] of snapshot.literals)
      redactor.addLiteral(kind, value, canonical, domainWord);
    return redactor;
  }

  private learnHidden(names: readonly string[]): void {
    for (const name of names) {
      if (this.hidden.has(name)) continue;
      const copy = detached(name);
      this.hidden.add(copy);
      this.hiddenOrder.push(copy);
      this.version++;
      for (const value of this.remembered.get(name) ?? []) this.addSecret(value);
    }
  }

  private learnFindings(found: Finding[]): void {
    for (const f of found) this.learnFinding(f.kind, f.sample);
  }

  private learnFinding(kind: RedactionKind, sample: string): void {
    if (kind === 'secret') this.addSecret(sample);
    else if (kind === 'user') this.addUser(sample, MIN_LEARNED_NAME);
    else if (kind === 'computer') this.addComputer(sample, MIN_LEARNED_NAME);
    else if (kind === 'domain') this.addDomain(sample);
  }

  /** Replaces every known identity, secret and address in the text. */
  redact(text: string): string {
    if (text === '') return text;
    return this.apply(text, this.findings(text));
  }

  /** redact() as pieces (slices of the text and placeholders), for streams that write them out one by one. */
  redactPieces(text: string): string[] {
    if (text === '') return [];
    return this.applyPieces(text, this.findings(text));
  }

  /**
   * Learns a value whose key says what it is (JSON `"domain": "CONTOSO"`, `"userName": "zhang.wei"`): the value is then
   * known as that kind wherever it stands.
   */
  learnValue(cls: KeyClass, text: string): void {
    const found: Finding[] = [];
    valueFindings(cls, text, 0, text.length, 0, found, true);
    this.learnFindings(found);
    this.learn(text);
  }

  /** Redacts a value whose key says what it is (see learnValue). */
  redactValue(cls: KeyClass, text: string): string {
    const found = this.collect(text);
    valueFindings(cls, text, 0, text.length, 0, found, true);
    return this.apply(text, resolveFindings(found));
  }

  /**
   * Every region of the text to replace, resolved (sorted, overlaps merged). `known`: what the assignment rules (with
   * the same hidden names), machine names and profile folders found in this very text (packed by the learning pass),
   * so they are not run again.
   */
  findings(text: string, known: KnownFindings | null = null): Finding[] {
    return resolveFindings(this.collect(text, known));
  }

  private collect(text: string, known: KnownFindings | null = null): Finding[] {
    this.resolvePending();
    const found: Finding[] = known ? unpackFindings(text, known.assignments) : [];
    if (!known) findAssignments(text, this.hidden, found);
    findAddressesAndSids(text, found);
    if (known) for (const f of unpackFindings(text, known.machines)) found.push(f);
    else findMachineNames(text, found);
    // Replaced where they stand, never learned: a learned organisation would make `Org\Documents` an account.
    findOrganisationFolders(text, found);
    let profiles: NamedPlace[] = [];
    if (known) profiles = unpackPlaces(text, known.profiles);
    else findProfileNames(text, profiles);
    for (const p of profiles) {
      const name = p.name.trim();
      if (name === '' || name.startsWith('<') || SHARED_PROFILES.has(name.toLowerCase())) continue;
      found.push(finding('user', text, p.start, p.end, this.canonicalOf('user', name)));
    }
    this.matcher.scan(
      text,
      (literal, start, end, t) => !literal.domainWord || standsAsDomain(t, start, end),
      (literal, start, end) => {
        found.push(finding(literal.kind, text, start, end, literal.canonical));
        if (literal.kind !== 'domain') return;
        const host = hostLabelsBefore(text, start);
        if (host) found.push(finding('computer', text, host[0], host[1], text.slice(host[0], host[1]).toLowerCase()));
      },
    );
    return found;
  }

  /** The text with the given (resolved) findings replaced by their placeholders. */
  apply(text: string, resolved: Finding[]): string {
    return this.applyPieces(text, resolved).join('');
  }

  /** apply() as pieces (slices of the text and placeholders). */
  applyPieces(text: string, resolved: Finding[]): string[] {
    return applyFindings(text, resolved, (f) => this.placeholderFor(f));
  }

  /** The placeholder a finding is replaced by (counted: call it once per replacement, in text order). */
  placeholderFor(f: Finding): string {
    return this.placeholder(f.kind, this.canonicalOf(f.kind, f.canonical), f.sample);
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
      entry = { kind, placeholder: placeholderOf(kind, this.counters[kind]), sample: detached(sample), count: 0 };
      this.seen.set(key, entry);
    }
    entry.count += 1;
    return entry.placeholder;
  }

  /** A learned name's canonical form (8.3 short names and NetBIOS domains map to their long forms). */
  private canonicalOf(kind: RedactionKind, value: string): string {
    if (kind === 'secret') return value;
    if (kind !== 'user' && kind !== 'computer' && kind !== 'domain') return value;
    return this.canonicals.get(`${kind}\u0000${foldCase(value)}`) ?? value.toLowerCase();
  }

  private addUser(raw: string, minLength: number): void {
    const user = raw.trim();
    const lower = user.toLowerCase();
    // Two characters are a whole name in Chinese (张伟), a fragment in Latin script.
    if (
      user.length < (/[^ -~]/.test(user) ? 2 : minLength) ||
      user.startsWith('<') ||
      SHARED_PROFILES.has(lower) ||
      GENERIC_USERS.has(lower)
    )
      return;
    if (WELL_KNOWN_ACCOUNTS.has(lower) || /^\d+$/.test(user)) return;
    if (this.addLiteral('user', user, lower, false) !== 'added') return;
    this.pendingDirty = this.pendingDirty || this.pendingAccounts.size > 0;
    // Short names resolve to the same placeholder as the long name.
    if (!user.includes('~')) for (const short of shortNames(user)) this.addLiteral('user', short, lower, false);
  }

  private addComputer(raw: string, minLength: number): void {
    const computer = raw.trim().replace(/\$$/, '');
    if (computer.length < minLength || computer.startsWith('<') || /^[\d.]+$/.test(computer)) return;
    const lower = computer.toLowerCase();
    if (lower === 'localhost' || lower === 'local') return;
    // contoso.local / fabrikam.com is the organisation's domain: its first label is its NetBIOS name, a vendor's too.
    if (isDomainName(computer)) {
      this.addDomain(computer);
      return;
    }
    this.addLiteral('computer', computer, lower, false);
    // A fully qualified name also teaches its host label (fs01 of fs01.contoso.local).
    const label = computer.split('.')[0] ?? '';
    if (label !== computer && label.length >= MIN_LEARNED_NAME && !/^\d+$/.test(label))
      this.addLiteral('computer', label, label.toLowerCase(), false);
  }

  private addDomain(raw: string): void {
    const domain = trimEndChars(raw.trim(), '\\');
    if (domain.length < 2 || NOT_DOMAINS.has(domain.toLowerCase()) || domain.startsWith('<')) return;
    if (!/^[A-Za-z0-9][\w.-]*$/.test(domain)) return;
    const netbios = domain.split('.')[0] ?? '';
    const canonical = domain.toLowerCase();
    // The DNS form (contoso.local) and its NetBIOS form (CONTOSO) are the same organisation.
    this.pendingDirty = this.pendingDirty || this.pendingAccounts.size > 0;
    if (domain.includes('.')) this.addLiteral('domain', domain, canonical, false);
    if (netbios.length >= 2 && !NOT_DOMAINS.has(netbios.toLowerCase()))
      this.addLiteral('domain', netbios, this.canonicals.get(`domain\u0000${foldCase(netbios)}`) ?? canonical, true);
  }

  private addSecret(raw: string): void {
    const secret = raw.trim();
    if (secret.length < MIN_LITERAL_SECRET || secret.startsWith('<') || this.secrets >= MAX_SECRETS) return;
    this.addLiteral('secret', secret, secret, false);
    // The same secret written inside JSON or HTML (a journal, a config dump) is the same secret.
    for (const variant of [jsonEscaped(secret), escapeHtml(secret)])
      if (variant !== secret) this.addLiteral('secret', variant, secret, false);
  }

  /** Adds a literal to the matcher: 'added', 'known' (already there) or 'refused' (too long, or the bound is reached). */
  private addLiteral(
    kind: LiteralKind,
    value: string,
    canonical: string,
    domainWord: boolean,
  ): 'added' | 'known' | 'refused' {
    if (value.length > MAX_LITERAL_LENGTH) return 'refused';
    // Stored for the whole export: copies, so no learned name keeps its piece of log alive (see detached).
    value = detached(value);
    canonical = detached(canonical);
    const key = `${kind}\u0000${foldCase(value)}`;
    if (this.canonicals.has(key)) return 'known';
    if (kind === 'secret' ? this.secrets >= MAX_SECRETS : this.names >= MAX_NAMES) return 'refused';
    const added = this.matcher.add(value, {
      value: { kind, canonical, domainWord },
      bounded: kind !== 'secret',
      priority: PRIORITY[kind],
    });
    if (!added) return 'refused';
    this.canonicals.set(key, canonical);
    this.literals.push([kind, value, canonical, domainWord]);
    this.version++;
    if (kind === 'secret') this.secrets++;
    else if (canonical === value.toLowerCase()) this.names++; // derived forms (8.3 names) do not count
    return 'added';
  }

  private rememberProperty(name: string, value: string): void {
    const upper = detached(name.toUpperCase());
    if (this.hidden.has(upper)) {
      this.addSecret(value);
      return;
    }
    let set = this.remembered.get(upper);
    if (!set) {
      if (this.remembered.size >= MAX_REMEMBERED_PROPERTIES) return;
      set = new Set();
      this.remembered.set(upper, set);
    }
    if (value.length <= 1024 && set.size < 16) set.add(detached(value));
  }

  /** DOMAIN\name: a known user teaches the domain, a known domain teaches the user; else wait for either. */
  private rememberAccount({ domain, user, shaped }: AccountPair): void {
    // An account by its shape teaches its domain, and so (below) its user; a group (no user) only its domain.
    if (shaped) this.addDomain(domain);
    if (user === '') return;
    const lower = user.toLowerCase();
    if (this.canonicals.has(`user\u0000${foldCase(user)}`)) {
      this.addDomain(domain);
      return;
    }
    if (this.canonicals.has(`domain\u0000${foldCase(domain)}`)) {
      this.addUser(user, MIN_LEARNED_NAME);
      return;
    }
    let set = this.pendingAccounts.get(lower);
    if (!set) {
      if (this.pendingAccounts.size >= MAX_PENDING_ACCOUNTS) return;
      set = new Set();
      this.pendingAccounts.set(detached(lower), set);
    }
    if (set.size < 8) set.add(detached(domain));
  }

  /** DOMAIN\name pairs seen before either side was known. */
  private resolvePending(): void {
    if (!this.pendingDirty) return;
    this.pendingDirty = false;
    for (const [user, domains] of this.pendingAccounts) {
      if (this.canonicals.has(`user\u0000${foldCase(user)}`)) {
        for (const domain of domains) this.addDomain(domain);
        this.pendingAccounts.delete(user);
      } else if ([...domains].some((d) => this.canonicals.has(`domain\u0000${foldCase(d)}`))) {
        this.pendingAccounts.delete(user);
        this.addUser(user, MIN_LEARNED_NAME);
      }
    }
  }
}

function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

function maskSecret(value: string): string {
  const visible = value.length > 8 ? value.slice(0, 2) : value.slice(0, 1);
  return visible + '•'.repeat(Math.min(8, Math.max(3, value.length - visible.length)));
}
