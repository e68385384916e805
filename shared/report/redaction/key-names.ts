// What a key's name says about its value (the one place that knows): a secret, a user, a computer/server or a domain.
// Used for MSI/Burn properties, `key=value;` lists, `Key: value` lines and command-line flags alike.
import { detached } from '../../text/detached.ts';

import { LiteralSearch } from '../../text/literal-search.ts';

export type KeyClass = 'secret' | 'user' | 'computer' | 'domain';

/** Name fragments that mark a value as secret (case-insensitive), as Windows Installer practice and vendors name them. */
const SECRET_FRAGMENT =
  /PASSW|PASSPHRASE|PASSCODE|PASS$|PWD|PSWD|PWORD|PASWD|[A-Z]PW$|(?:^|[_.-])PW(?:[_.-]|$)|SECRET|TOKEN|KEY|CREDENTIAL|APIKEY|PIN$|^SIG$|^SAS$|AUTHCODE/i;

/**
 * The word "password" in the Latin-script languages of Windows and of vendors' tools (German Kennwort/Passwort, Dutch,
 * French, Spanish, Portuguese, Italian, Polish, Czech, Hungarian, Finnish, Swedish, Norwegian, Danish, Turkish), as
 * they are spelled in key names without accents (`Kennwort=x`, `mot_de_passe: x`), and licence serials and activation
 * codes (a product's key is personal to its buyer: `SERIALNUMBER`, `LICENSE_KEY`). Also for labels (`Kennwort: x`).
 * Chinese keys are read elsewhere (assignments.ts).
 */
export const OTHER_SECRET_NAME =
  /(?:KENNWORT|PASSWORT|WACHTWOORD|MOT[ _-]?DE[ _-]?PASSE|CONTRASEN{1,2}A|SENHA|HASLO|HESLO|JELSZO|SALASANA|LOSENORD|PASSORD|ADGANGSKODE|SIFRE)$|SERIAL(?:[_ -]?(?:NUMBER|NO|KEY|CODE))?$|LICEN[CS]E[_ -]?(?:KEY|CODE|NUMBER)$|ACTIVATION[_ -]?CODE/i;
/** Whole names that are secret though they carry no fragment above. */
const SECRET_WORD = /^(?:PASS|PW|P|DBPASS|SQLPASS|ADMINPASS|AUTH|AUTHORIZATION|COOKIE)$/i;
/**
 * Names that contain KEY or TOKEN but are not secrets: registry / component / file columns of "Executing op:" lines,
 * assembly public key tokens, and Windows Installer's own bookkeeping ids (seen in real logs).
 */
const NOT_SECRET = new Set(
  [
    'Key',
    'KeyPath',
    'KeyFile',
    'KeyName',
    'KeyCount',
    'KeyType',
    'SourceCabKey',
    'PublicKeyToken',
    'PackageKey',
    'MsiRestartManagerSessionKey',
    'RegistryKey',
    'RootKey',
    'SubKey',
    'ParentKey',
    'Hotkey',
    'ActionKey',
    'KeyboardLayout',
    'InProgressKey',
    'FilteredToken',
    'Keywords', // an event's keyword mask (<Keywords>0x8000000000000000</Keywords> in wevtutil's XML)
    'Keyword',
  ].map((k) => k.toUpperCase()),
);

const USER_KEY =
  /^(?:UID|USR|LOGIN|LOGON|RUNAS|UPN)$|(?:^|[_. -]|DB|SQL|SVC|SERVICE|ADMIN|LOGON|CURRENT|RUNAS|TARGET|PROXY|DOMAIN|AD|LDAP|BIND|SMTP|MAIL|FTP|WEB|APP|POOL|INSTALL|OWNER)(?:USER(?:[_ ]?(?:NAME|ID))?|LOGIN(?:[_ ]?NAME)?|ACCOUNT(?:[_ ]?NAME)?)$|(?:SAM ?ACCOUNT(?:[_ ]?NAME)?|LOGGED ?ON ?(?:SAM ?)?USER|LOG(?:ON|IN) ?NAME|PRINCIPAL ?NAME)$/i;
const COMPUTER_KEY =
  /(?:SERVER|HOST|SRV)(?:[_ ]?NAME)?$|^(?:DATA ?SOURCE|(?:NETWORK ?)?ADDRESS|ADDR|COMPUTER(?:[_ ]?NAME)?|MACHINE(?:[_ ]?NAME)?|WORKSTATION|CLIENT ?NAME|CSNAME|PSCOMPUTERNAME|DNSHOSTNAME|FQDN|LOGONSERVER)$/i;
const DOMAIN_KEY = /DOMAIN(?:[_ ]?NAME)?$|^(?:DC|USERDOMAIN_ROAMINGPROFILE|NETBIOSNAME)$/i;

const cache = new Map<string, KeyClass | null>();

/**
 * The class of a key name ("DBPASSWORD", "User Id", "Server", "USERDOMAIN"), or null for ordinary keys. Names listed
 * in MsiHiddenProperties (upper-case) are secret. Cached: the same few hundred keys repeat millions of times in a log.
 */
export function classifyKey(name: string, hidden: ReadonlySet<string>): KeyClass | null {
  if (hidden.size > 0 && hidden.has(name.toUpperCase())) return 'secret';
  let known = cache.get(name);
  if (known !== undefined) return known;
  known = computeClass(name);
  if (cache.size > 8192) cache.clear();
  cache.set(detached(name), known); // a key cut from a piece must not keep the piece alive
  return known;
}

function computeClass(name: string): KeyClass | null {
  const bare = name.replace(/^[-/]+/, '');
  if (bare === '') return null;
  const upper = bare.toUpperCase();
  if (NOT_SECRET.has(upper)) return null;
  if (SECRET_WORD.test(bare) || SECRET_FRAGMENT.test(bare) || OTHER_SECRET_NAME.test(bare)) return 'secret';
  if (DOMAIN_KEY.test(bare)) return 'domain';
  if (USER_KEY.test(bare)) return 'user';
  if (COMPUTER_KEY.test(bare)) return 'computer';
  return null;
}

const CLASSES: Array<KeyClass | null> = [null, 'secret', 'user', 'computer', 'domain'];

/** FNV-1a over a key's characters from its last to its first (the order a scan back from `=` reads them). */
export const KEY_HASH_SEED = 0x811c9dc5;
export const KEY_HASH_PRIME = 0x01000193;

/**
 * classifyKey (or another reading of key names) for a key read in place (text[start, end)) without cutting it out: a
 * small table of recent keys is compared character by character, so the same few hundred keys repeated millions of
 * times cost no allocation.
 */
export class KeyClassifier {
  private readonly keys: Array<string | undefined> = new Array<string | undefined>(4096);
  private readonly classes = new Int8Array(4096);
  private hiddenSize = 0;
  private hiddenSet: ReadonlySet<string> | null = null;

  /** `classify`: what a key's name says (classifyKey, or a stricter reading such as a `Key: value` label's). */
  constructor(
    private readonly classify: (name: string, hidden: ReadonlySet<string>) => KeyClass | null = classifyKey,
  ) {}

  /** The class of text[start, end), whose hash `h` the caller took (KEY_HASH_SEED/PRIME, from the end backwards). */
  classifyHashed(text: string, start: number, end: number, hidden: ReadonlySet<string>, h: number): KeyClass | null {
    // Another set (another redactor, another thread's copy) or a grown one: the remembered classes may be wrong.
    if (hidden !== this.hiddenSet || hidden.size !== this.hiddenSize) {
      this.keys.fill(undefined);
      this.hiddenSize = hidden.size;
      this.hiddenSet = hidden;
    }
    const slot = (h >>> 0) & 4095;
    const known = this.keys[slot];
    if (known !== undefined && known.length === end - start) {
      let same = true;
      for (let i = 0; i < known.length && same; i++) same = known.charCodeAt(i) === text.charCodeAt(start + i);
      if (same) return CLASSES[this.classes[slot]!]!;
    }
    // A copy, not a slice: a slice of 13 characters or more keeps the whole piece of text it was cut from alive for as
    // long as the table (and classifyKey's cache) holds the key.
    const name = detached(text.slice(start, end));
    const cls = this.classify(name, hidden);
    this.keys[slot] = name;
    this.classes[slot] = CLASSES.indexOf(cls);
    return cls;
  }
}

/** The characters a `KEY=` key is made of (letters, digits, `_`, `.`, `-`), numbered for ReversedKeyTrie's table. */
const KEY_CHAR_INDEX = new Int8Array(128).fill(-1);
[...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.-'].forEach(
  (c, i) => (KEY_CHAR_INDEX[c.charCodeAt(0)] = i),
);
const KEY_CHAR_COUNT = 65;
/** Nodes of the trie (about 400 keys of ten characters) before it starts again from nothing. */
const TRIE_NODES = 4096;

/**
 * classifyKey for keys read backwards from their `=` (findPairs reads one at every `=`): a trie of the keys met so
 * far, spelled from their last character, is walked while the key is read, so a known key is recognised on that one
 * read, with no hash and no second pass to compare it (that second pass cost as much as the read). An unknown key is
 * cut out, classified and added; the trie starts again from nothing when full or when the hidden names change.
 */
export class ReversedKeyTrie {
  /** Node n's child for key character k is next[n * KEY_CHAR_COUNT + k]; 0 is none, 1 the root. */
  readonly next = new Uint16Array(TRIE_NODES * KEY_CHAR_COUNT);
  /** 1 + the index in CLASSES of the key that ends at a node, 0 when no key ends there. */
  private readonly classes = new Int8Array(TRIE_NODES);
  private nodes = 2;
  private hiddenSize = 0;
  private hiddenSet: ReadonlySet<string> | null = null;

  static readonly ROOT = 1;

  /** The node reached from `node` by key character `c` (0 once off the trie). */
  step(node: number, c: number): number {
    return node === 0 ? 0 : this.next[node * KEY_CHAR_COUNT + KEY_CHAR_INDEX[c]!]!;
  }

  /**
   * The class of text[start, end), a key whose characters (all key characters) led from the root to `node`, read
   * with these hidden names.
   */
  classify(text: string, start: number, end: number, node: number, hidden: ReadonlySet<string>): KeyClass | null {
    // Another set (another redactor, another thread's copy) or a grown one: the remembered classes may be wrong.
    if (hidden !== this.hiddenSet || hidden.size !== this.hiddenSize) {
      this.clear();
      this.hiddenSize = hidden.size;
      this.hiddenSet = hidden;
      node = 0;
    }
    if (node !== 0 && this.classes[node] !== 0) return CLASSES[this.classes[node]! - 1]!;
    const cls = classifyKey(detached(text.slice(start, end)), hidden);
    if (this.nodes + (end - start) > TRIE_NODES) this.clear();
    let at = ReversedKeyTrie.ROOT;
    for (let i = end - 1; i >= start; i--) {
      const slot = at * KEY_CHAR_COUNT + KEY_CHAR_INDEX[text.charCodeAt(i)]!;
      if (this.next[slot] === 0) this.next[slot] = this.nodes++;
      at = this.next[slot]!;
    }
    this.classes[at] = CLASSES.indexOf(cls) + 1;
    return cls;
  }

  private clear(): void {
    this.next.fill(0);
    this.classes.fill(0);
    this.nodes = 2;
  }
}

/** True for a name that holds a secret (kept for the callers that only ask that). */
export function isSecretName(name: string, hidden: ReadonlySet<string>): boolean {
  return classifyKey(name, hidden) === 'secret';
}

/** A value not worth hiding: empty, already masked by Windows Installer ("**********"), or an unexpanded reference. */
export function isMaskedOrEmpty(value: string): boolean {
  const v = value.trim();
  return v === '' || /^\*+$/.test(v) || /^\[[A-Za-z_][\w.]*\]$/.test(v) || /^%[A-Za-z_]\w*%$/.test(v);
}

/**
 * The hidden property names a text declares: "MsiHiddenProperties = A;B" in any of the property forms, and every
 * property whose value Windows Installer itself logged masked (`Property(S): X = **********`, `Adding X property. Its
 * value is '**********'`): such a property is hidden, so its value is secret wherever the log shows it unmasked
 * (`CustomActionData=X=value` of a deferred action whose own property the author forgot to hide).
 */
export function hiddenPropertyNames(text: string): string[] {
  const names: string[] = [];
  if (HIDDEN_PROPERTIES.foundIn(text)) {
    const re = /MsiHiddenProperties(?: property\. Its (?:current )?value is '|[ \t]*=[ \t]*|' to value ')([^\r\n']*)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      for (const name of (m[1] ?? '').split(/[;,\s]+/))
        if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) names.push(name.toUpperCase());
    }
  }
  for (let at = text.indexOf(MASK); at >= 0; at = text.indexOf(MASK, at + MASK.length)) {
    const name = maskedPropertyAt(text, at);
    if (name) names.push(name.toUpperCase());
    while (text.charCodeAt(at + MASK.length) === 42) at++;
  }
  return names;
}

const HIDDEN_PROPERTIES = new LiteralSearch('MsiHiddenProperties');

/** What Windows Installer logs instead of a hidden property's value. */
const MASK = '**********';

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
}

/** The property name before a mask at `at`, read by hand: `Property(S): NAME = ` or `NAME property. Its … '`. */
function maskedPropertyAt(text: string, at: number): string | null {
  if (text.startsWith(' = ', at - 3)) {
    let s = at - 3;
    while (s > 0 && at - s < 80 && isNameChar(text.charCodeAt(s - 1))) s--;
    const ok = s < at - 3 && text.startsWith('): ', s - 3) && text.startsWith('Property(', s - 13);
    return ok ? text.slice(s, at - 3) : null;
  }
  if (text.charCodeAt(at - 1) !== 39) return null;
  const head = text.slice(Math.max(0, at - 160), at);
  const marker = head.lastIndexOf(' property. Its ');
  if (marker < 0 || !(head.endsWith("value is '") || head.endsWith("value: '"))) return null;
  let s = marker;
  while (s > 0 && marker - s < 80 && isNameChar(head.charCodeAt(s - 1))) s--;
  return s < marker && head.charCodeAt(s - 1) === 32 ? head.slice(s, marker) : null;
}
