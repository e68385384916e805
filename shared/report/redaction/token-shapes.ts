// Secrets known by their shape alone, wherever they stand (free text, headers, URLs): JSON Web Tokens, cloud and
// service tokens with a fixed published prefix (AWS access keys and the secret next to them, GitHub, GitLab, Slack,
// Google API keys, Stripe, npm, PyPI, Hugging Face, OpenAI/Anthropic `sk-`), DPAPI-protected SecureString dumps,
// Windows product keys (five groups of five), and the credential after `Bearer`/`Basic` in free text.
// Each family is found by a literal (a prefix or a separator the engine skips to fast), then read by hand: linear.
import { finding, type Finding } from './findings.ts';
import { LiteralSearch } from '../../text/literal-search.ts';

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** base64url, the alphabet of JWT parts and most service tokens. */
function isUrlSafe(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 95;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/** End of the run of characters `ok` accepts from `at`, looking at most `max` characters. */
function runEnd(text: string, at: number, ok: (c: number) => boolean, max = 4096): number {
  let i = at;
  while (i < text.length && i - at < max && ok(text.charCodeAt(i))) i++;
  return i;
}
function gluedBefore(text: string, at: number): boolean {
  return at > 0 && isUrlSafe(text.charCodeAt(at - 1));
}

/** What follows a token's prefix: its alphabet and how long it is at least. */
interface Body {
  ok: (c: number) => boolean;
  min: number;
}
const GITHUB: Body = { ok: isAlnum, min: 30 };
const STRIPE: Body = { ok: isAlnum, min: 16 };
/**
 * Published token prefixes that end in `_`, by the word before the `_`: GitHub's personal, OAuth, user-to-server,
 * server-to-server and refresh tokens and fine-grained personal tokens, Stripe keys and webhook secrets, npm.
 */
const UNDERSCORE_PREFIXES = new Map<string, Body>([
  ['ghp', GITHUB],
  ['gho', GITHUB],
  ['ghu', GITHUB],
  ['ghs', GITHUB],
  ['ghr', GITHUB],
  ['github_pat', { ok: (c: number) => isAlnum(c) || c === 95, min: 30 }],
  ['sk_live', STRIPE],
  ['rk_live', STRIPE],
  ['sk_test', STRIPE],
  ['rk_test', STRIPE],
  ['whsec', STRIPE],
  ['npm', { ok: isAlnum, min: 30 }],
  ['hf', { ok: isAlnum, min: 30 }], // Hugging Face access tokens
]);
/** ...and those that end in `-`: GitLab, Slack, PyPI. */
const DASH_PREFIXES = new Map<string, Body>([
  ['glpat', { ok: isUrlSafe, min: 20 }],
  ...['xoxb', 'xoxp', 'xoxa', 'xoxr', 'xoxs', 'xoxe', 'xapp'].map((p): [string, Body] => [
    p,
    { ok: isUrlSafe, min: 10 },
  ]),
  ['pypi', { ok: isUrlSafe, min: 30 }],
  // OpenAI and Anthropic API keys (`sk-…`, `sk-proj-…`, `sk-ant-api03-…`): long enough never to be a word.
  ['sk', { ok: isUrlSafe, min: 32 }],
]);
/** The longest prefix word, and the letters prefix words end with (a cheap first check at each separator). */
const MAX_PREFIX = 10;
const PREFIX_LAST = new Set([...'pousrtecmbaikf'].map((c) => c.charCodeAt(0)));

/** AWS access key ids (AKIA… long-term, ASIA… temporary): 16 more upper-case letters and digits. */
const AWS_KEY_PREFIXES = ['AKIA', 'ASIA'];
/** How far from an AWS key id its secret access key (40 base64 characters) is looked for on the same line. */
const AWS_SECRET_REACH = 400;
/** `Bearer` and `Basic` after their first letter (either case). */
const SCHEME_TAIL_WORDS = ['earer', 'asic'];
/** The fixed head of a DPAPI blob, as ConvertFrom-SecureString prints it (hex). */
const DPAPI_HEAD = '01000000d08c9ddf0115d1118c7a00c04fc297eb';

/** What the JWT, Google, AWS, DPAPI and Bearer/Basic families are found from (each searches its own again). */
const FAMILY_LITERALS = new LiteralSearch([
  'eyJ',
  'AIza',
  ...AWS_KEY_PREFIXES,
  DPAPI_HEAD,
  DPAPI_HEAD.toUpperCase(),
  ...SCHEME_TAIL_WORDS,
]);

/** Every secret known by its shape. */
export function findTokenShapes(text: string, out: Finding[]): void {
  // Most pieces of a log hold none of the literals the families below start from: one search for any of them
  // (measured 21 ms per 25 M characters of the bench log, 6 on the corpus) instead of one each (27 and 10).
  const anyLiteral = FAMILY_LITERALS.foundIn(text);
  if (anyLiteral) findJwts(text, out);
  findPrefixed(text, '_', UNDERSCORE_PREFIXES, out);
  findPrefixed(text, '-', DASH_PREFIXES, out);
  if (!anyLiteral) return;
  findGoogleKeys(text, out);
  findAwsKeys(text, out);
  findDpapiBlobs(text, out);
  findSchemeCredentials(text, out);
}

/** A character of an opaque bearer token (RFC 6750's b64token) or of base64. */
function isTokenChar(c: number): boolean {
  return isUrlSafe(c) || c === 46 || c === 126 || c === 43 || c === 47 || c === 61;
}

/** The scheme names after their first letter (either case), each with its search. */
const SCHEME_TAILS: ReadonlyArray<[string, LiteralSearch]> = SCHEME_TAIL_WORDS.map((tail) => [
  tail,
  new LiteralSearch(tail),
]);

/**
 * `Bearer <token>` and `Basic <base64>` outside an Authorization header (`sending bearer x`, `auth Basic x`): the
 * credential after the scheme's name, when it looks like one (eight characters or more, with a digit or a symbol, so
 * "the Bearer of this" and "Basic authentication" are words).
 */
function findSchemeCredentials(text: string, out: Finding[]): void {
  for (const [tail, search] of SCHEME_TAILS) {
    for (let at = search.indexIn(text); at >= 1; at = search.indexIn(text, at + tail.length)) {
      const b = text.charCodeAt(at - 1);
      if ((b !== 66 && b !== 98) || gluedBefore(text, at - 1)) continue;
      let v = at + tail.length;
      if (isUrlSafe(text.charCodeAt(v))) continue;
      while (
        v < text.length &&
        v - at < 16 &&
        (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9 || text.charCodeAt(v) === 58)
      )
        v++;
      const end = runEnd(text, v, isTokenChar, 8192);
      if (end - v < 8) continue;
      let symbol = false;
      for (let i = v; i < end && !symbol; i++) {
        const c = text.charCodeAt(i);
        symbol = !((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
      }
      if (!symbol) continue;
      out.push(finding('secret', text, v, end, text.slice(v, end), at - 1));
      at = end - tail.length;
    }
  }
}

/**
 * Tokens whose prefix ends in `separator`: one native scan for the separator, then the word before it is compared
 * with the prefixes (far cheaper than one scan per prefix). The `-` scan also finds Windows product keys.
 */
function findPrefixed(text: string, separator: string, prefixes: ReadonlyMap<string, Body>, out: Finding[]): void {
  let done = 0; // the end of the last token found: separators inside it are not read again
  for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
    if (at < done) continue;
    if (separator === '-' && productKeyAt(text, at, out)) {
      done = at + 24;
      continue;
    }
    if (!PREFIX_LAST.has(text.charCodeAt(at - 1))) continue;
    let w = at;
    while (w > 0 && at - w <= MAX_PREFIX && (isAlnum(text.charCodeAt(w - 1)) || text.charCodeAt(w - 1) === 95)) w--;
    // The prefix is the end of the word before the separator, from a boundary or an `_` (`x github_pat_`, `ghp_`).
    let body: Body | undefined;
    let start = w;
    for (; start < at; start++) {
      if (start > w && text.charCodeAt(start - 1) !== 95) continue;
      body = prefixes.get(text.slice(start, at));
      if (body) break;
    }
    if (!body || (start === w && gluedBefore(text, start))) continue;
    const end = runEnd(text, at + 1, body.ok);
    if (end - at - 1 < body.min || isUrlSafe(text.charCodeAt(end))) continue;
    out.push(finding('secret', text, start, end, text.slice(start, end)));
    done = end;
  }
}

/** Google API keys: `AIza` and 35 more base64url characters. */
function findGoogleKeys(text: string, out: Finding[]): void {
  for (let at = text.indexOf('AIza'); at >= 0; at = text.indexOf('AIza', at + 4)) {
    if (gluedBefore(text, at)) continue;
    const end = runEnd(text, at + 4, isUrlSafe);
    if (end - at - 4 < 30 || isUrlSafe(text.charCodeAt(end))) continue;
    out.push(finding('secret', text, at, end, text.slice(at, end)));
    at = end - 4;
  }
}

const JWT_HEAD = new LiteralSearch('eyJ');

/** `eyJ…` header `.` `eyJ…` payload `.` signature (the signature may be missing: an unsigned token). */
function findJwts(text: string, out: Finding[]): void {
  let scanned = -1; // the end of the last run read: an `eyJ` inside it ends where it did, so it is not read again
  for (let at = JWT_HEAD.indexIn(text); at >= 0; at = JWT_HEAD.indexIn(text, at + 3)) {
    if (at < scanned || gluedBefore(text, at)) continue;
    const header = runEnd(text, at, isUrlSafe);
    scanned = header;
    if (header - at < 10 || text.charCodeAt(header) !== 46 || !text.startsWith('eyJ', header + 1)) continue;
    const payload = runEnd(text, header + 1, isUrlSafe, 65_536);
    if (payload - header < 10) continue;
    const end = text.charCodeAt(payload) === 46 ? runEnd(text, payload + 1, isUrlSafe) : payload;
    out.push(finding('secret', text, at, end, text.slice(at, end)));
    scanned = end;
    at = end - 3;
  }
}

function findAwsKeys(text: string, out: Finding[]): void {
  let scanned = 0; // where the search for secret access keys has got to: each character is read for it once
  for (const prefix of AWS_KEY_PREFIXES) {
    for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 4)) {
      if (gluedBefore(text, at)) continue;
      const end = runEnd(text, at + 4, (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90), 17);
      if (end - at !== 20 || isUrlSafe(text.charCodeAt(end))) continue;
      out.push(finding('secret', text, at, end, text.slice(at, end)));
      // Its secret access key is 40 base64 characters written near it, on its line (`aws configure`, a dump).
      let from = Math.max(scanned, at - AWS_SECRET_REACH);
      for (let i = at; i > from; i--) if (text.charCodeAt(i - 1) === 10) from = i;
      let to = Math.min(text.length, end + AWS_SECRET_REACH);
      for (let i = end; i < to; i++) if (text.charCodeAt(i) === 10) to = i;
      findAwsSecrets(text, from, to, out);
      scanned = Math.max(scanned, to);
    }
  }
}

function isBase64(c: number): boolean {
  return isAlnum(c) || c === 43 || c === 47;
}

/** 40 base64 characters with a digit or `/` `+`, and both cases, standing alone in [from, to). */
function findAwsSecrets(text: string, from: number, to: number, out: Finding[]): void {
  for (let i = from; i < to;) {
    if (!isBase64(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const e = runEnd(text, i, isBase64, 64);
    const s = text.slice(i, e);
    if (
      e - i === 40 &&
      !gluedBefore(text, i) &&
      !isUrlSafe(text.charCodeAt(e)) &&
      /[0-9/+]/.test(s) &&
      /[a-z]/.test(s) &&
      /[A-Z]/.test(s)
    )
      out.push(finding('secret', text, i, e, s));
    i = e;
  }
}

/** `ConvertFrom-SecureString` output: a hex DPAPI blob, whose content can be decrypted on the user's machine. */
function findDpapiBlobs(text: string, out: Finding[]): void {
  for (const head of [DPAPI_HEAD, DPAPI_HEAD.toUpperCase()]) {
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + head.length)) {
      const end = runEnd(text, at, isHex, 1 << 20);
      out.push(finding('secret', text, at, end, text.slice(at, end)));
      at = end - head.length;
    }
  }
}

/** Five upper-case letters or digits from `at`. */
function groupAt(text: string, at: number): boolean {
  for (let i = at; i < at + 5; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/**
 * `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX` whose first `-` is at `dash`: upper-case letters and digits, with both (a Windows
 * product key, whatever key name or flag carries it).
 */
function productKeyAt(text: string, dash: number, out: Finding[]): boolean {
  const start = dash - 5;
  if (start < 0 || gluedBefore(text, start) || !groupAt(text, start)) return false;
  for (let g = 1; g < 5; g++)
    if (text.charCodeAt(start + 6 * g - 1) !== 45 || !groupAt(text, start + 6 * g)) return false;
  const end = start + 29;
  if (isUrlSafe(text.charCodeAt(end))) return false;
  const key = text.slice(start, end);
  if (!/[A-Z]/.test(key) || !/[0-9]/.test(key)) return false;
  out.push(finding('secret', text, start, end, key));
  return true;
}
