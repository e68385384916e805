// Every regular-expression literal of the app's own code (shared/, electron/, renderer/) is checked for catastrophic
// and polynomial backtracking by recheck (a ReDoS checker: automata theory plus fuzzing). Exponential fails at once.
// Polynomial is confirmed on recheck's own attack string: eight times the pumped input must cost under 24x (linear
// reads 8x, quadratic 64x); bounded repetitions such as `.{0,80}`, which recheck reports as polynomial, pass there.
// A pattern whose input is bounded by how it is used is listed below with the reason. Patterns built at run time
// (`new RegExp(...)`) are listed too: checked the same way from the constants they are built from, or with the reason
// they cannot backtrack; a new call site that is not listed fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { checkSync, type AttackPattern } from 'recheck';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * Vulnerable by recheck's reading, safe by how they are used. Keyed by file and pattern source, so any edit of the
 * pattern is checked again. Each reason says why the input is bounded or the engine cannot retry.
 */
const BOUNDED: Record<string, string> = {
  'shared/deploylog/command-line.ts /^[/-](?:l[iwearucmopvx+!]*[*v][iwearucmopvx+!*]*|log)$/i':
    'tested only on command-line tokens of at most 16 characters (msiLogPathOf)',
  'shared/report/redaction/address-patterns.ts /(?:version\\S{0,10}|version\\s*[:=]?\\s*[\'"]?|\\bver\\.?\\s*|\\bv|\\bbuild\\s*)$/i':
    'tested only on the few characters before a candidate address (a bounded look-behind window)',
  'electron/system/probes/sddl.ts /\\(([^)]*)\\)/g':
    "SDDL read from Windows' own security descriptor (bounded by the 64 KB ACL size), never free text",
  'electron/system/probes/event-xml.ts /<!--[\\s\\S]*?-->/g':
    'XML written by Get-WinEvent: text inside events is XML-escaped, so tags and comments come only from its structure',
  'electron/system/probes/event-xml.ts /<Event[\\s>][\\s\\S]*?<\\/Event>/g':
    'XML written by Get-WinEvent: text inside events is XML-escaped, so "<Event" opens only real elements, each closed',
  'electron/system/probes/event-xml.ts /<EventID[^>]*>\\s*(\\d+)\\s*<\\/EventID>/':
    'one event element of Get-WinEvent XML (escaped text): one "<EventID" per event',
  'electron/system/probes/event-xml.ts /<EventData>([\\s\\S]*?)<\\/EventData>/':
    'one event element of Get-WinEvent XML (escaped text): one "<EventData>" per event',
  'electron/system/probes/event-xml.ts /<Data(?:\\s[^>]*)?(?:\\/>|>([\\s\\S]*?)<\\/Data>)/g':
    'Get-WinEvent XML (escaped text): every "<Data" opens a real element that is closed',
  'electron/system/simulated/handlers/script-batch.ts /# msi-doctor:part=(\\S+)\\r?\\n([\\s\\S]*?)\\r?\\n# msi-doctor:end-part/g':
    "the simulated machine reads the app's own batch script, never user text",
  'electron/system/simulated/handlers/deployment-logs.ts /(-\\d{8}-\\d{6}\\.log|\\.lo_|_\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}\\.log|_\\d{8}T\\d{6}[^\\\\]*\\.log)$/im':
    'tested only on a file name (at most 255 characters on NTFS), never on file contents',
  'electron/system/simulated/repair-handlers/icacls.ts /\\(([^)]*)\\)|[A-Z]+$/gi':
    "the simulated machine reads the app's own icacls arguments (validated permission strings)",
};

/** A `new RegExp(...)` call site: the patterns it builds (to check like literals), or why it cannot backtrack. */
interface Constructed {
  patterns?: () => Promise<RegExp[]>;
  reason?: string;
}

/** Every RegExp reachable from a value (a catalog's nested objects and arrays). */
function regExpsIn(value: unknown, out: RegExp[] = []): RegExp[] {
  if (value instanceof RegExp) out.push(value);
  else if (Array.isArray(value)) for (const v of value) regExpsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) regExpsIn(v, out);
  return out;
}

/**
 * Keyed by file and the call's text up to its first line break (backslashes left out, so keys need no escaping), so a
 * changed call is looked at again.
 */
const CONSTRUCTED: Record<string, Constructed> = {
  'shared/report/redaction/identity-patterns.ts new RegExp(': {
    patterns: async () => [(await import('../shared/report/redaction/identity-patterns.ts')).PROFILE_PATH],
  },
  "shared/knowledge/known-products.ts new RegExp(source, 'i')": {
    patterns: async () => regExpsIn((await import('../shared/knowledge/known-products.ts')).KNOWN_PRODUCTS),
  },
  "electron/system/probes/msi-log-head.ts new RegExp(MSI_LOG_HEAD, 'im')": {
    patterns: async () => [new RegExp((await import('../electron/system/probes/msi-log-head.ts')).MSI_LOG_HEAD, 'im')],
  },
  ...Object.fromEntries(
    ['ccmNames', 'imeNames', 'rotated', 'deployHead', 'msiHead'].map((name) => [
      `electron/system/simulated/handlers/deployment-logs.ts new RegExp(DEPLOY_LOG_RULES.${name}, '${/Head/.test(name) ? 'im' : 'i'}')`,
      {
        patterns: async () => {
          const rules = (await import('../electron/system/probes/deployment-logs.ts')).DEPLOY_LOG_RULES;
          return [new RegExp(rules[name as keyof typeof rules] as string, 'im')];
        },
      },
    ]),
  ),
  'electron/services/report/text-regions.ts new RegExp(`[${UNEXPECTED}]`)': {
    reason: 'one character class: a single step per start position',
  },
  'electron/services/report/text-regions.ts new RegExp(`[${UNEXPECTED}]|[${pairs}]{4}|[${swapped}]{2}`)': {
    reason: 'character classes with fixed counts ({4}, {2}): at most four steps per start position',
  },
  "electron/system/repairs/repair-msiserver-registration.ts new RegExp(`^\"?(?:${roots.join('|')})(?:system32|syswow64)msiexec.exe\"?(?: /v)?$`, 'i')":
    { reason: 'anchored at ^; escaped folder names and literals, no repetition: one attempt, linear' },
  'electron/system/repairs/command-guard.ts new RegExp(`(?<![0-9-])${s}(?![0-9-])`)': {
    reason: 'a well-known SID literal between two look-arounds: no repetition',
  },
  'electron/system/repairs/command-guard.ts new RegExp(`-ids+${pid}(?![0-9])`)': {
    reason: 'a literal, a run of spaces and a number: the run is read once after each "-id"',
  },
  "shared/text/literal-search.ts new RegExp(list.map(literalPattern).join('|'), 'g')": {
    reason:
      'fixed strings only: every code unit written as uXXXX (the last as a one-character class), joined by |; no repetition',
  },
  "electron/system/run/powershell-prelude.ts new RegExp(`${start}r?n([sS]*?)${end}`, 'g')": {
    reason: "runs only on the app's own generated scripts (escaped marker lines around each prelude block)",
  },
};

function constructedCallSites(): string[] {
  const out: string[] = [];
  for (const file of appSourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(REPO + file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && node.expression.getText(source) === 'RegExp')
        out.push(`${file} ${node.getText(source).split('\n')[0]!.replaceAll('\\', '')}`);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

interface Literal {
  key: string;
  source: string;
  flags: string;
}

/** The app's own sources: shared/, electron/, renderer/ without tests, test support and fixtures. */
function appSourceFiles(): string[] {
  return execFileSync('git', ['ls-files', 'shared', 'electron', 'renderer'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f) && !/\.d\.ts$|\.test\.tsx?$|test-support|\/fixtures\//.test(f));
}

function regexLiterals(): Literal[] {
  const out: Literal[] = [];
  for (const file of appSourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(REPO + file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        out.push({ key: `${file} ${text}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

// No overall time limit: a check ends as safe or vulnerable, never as "timeout" on a loaded machine. recheck's
// per-phase limits stay (without them one pattern took 16 GB); under load they can only make fuzzing find less.
const OPTIONS = { timeout: null, randomSeed: 0 } as const;

/** CPU time of this process in ms (not wall time: other processes on the cores do not count). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU ms of one whole search of `s` (every match for a global pattern, as the code's matchAll/replace do). */
function searchCost(pattern: RegExp, s: string): number {
  const re = new RegExp(pattern.source, pattern.flags);
  const started = cpuMs();
  if (re.global) for (const m of s.matchAll(re)) void m;
  else re.exec(s);
  return cpuMs() - started;
}

const attackString = (attack: AttackPattern, n: number): string =>
  attack.pumps.map((p) => p.prefix + p.pump.repeat(Math.max(1, n + p.bias))).join('') + attack.suffix;

/**
 * Growth of the search cost on recheck's attack when the pumped part is eight times longer, measured where one search
 * takes at least 20 ms of CPU; 1 when even a 2-million-character attack stays under that (fast enough to ignore).
 */
function attackGrowth(pattern: RegExp, attack: AttackPattern): number {
  let n = 64;
  while (searchCost(pattern, attackString(attack, n)) < 20) {
    if (attackString(attack, n * 2).length > 2_000_000) return 1;
    n *= 2;
  }
  const growth = (): number =>
    searchCost(pattern, attackString(attack, n * 8)) / Math.max(searchCost(pattern, attackString(attack, n)), 1);
  const first = growth();
  // A loaded machine can stretch one measurement, never both: a linear pattern passes the second time.
  return first < 24 ? first : Math.min(first, growth());
}

test('every regular-expression literal of the app is free of catastrophic and polynomial backtracking', async () => {
  const literals = regexLiterals();
  // Patterns built at run time join the literals (from the constants they are built from).
  const sites = constructedCallSites();
  assert.ok(sites.length >= 10, `only ${sites.length} new RegExp call sites found: the scan itself is broken`);
  assert.deepEqual(
    sites.filter((site) => !(site in CONSTRUCTED)),
    [],
    'new RegExp(...) call sites must be listed in CONSTRUCTED: give the patterns they build, or why they cannot backtrack',
  );
  assert.deepEqual(
    Object.keys(CONSTRUCTED).filter((key) => !sites.includes(key)),
    [],
    'CONSTRUCTED lists call sites that are gone: remove them',
  );
  for (const site of sites) {
    const { patterns, reason } = CONSTRUCTED[site]!;
    assert.ok(patterns || reason, `${site}: neither patterns nor a reason`);
    for (const re of patterns ? await patterns() : [])
      literals.push({ key: `${site.split(' ')[0]} /${re.source}/${re.flags}`, source: re.source, flags: re.flags });
  }
  assert.ok(literals.length > 300, `only ${literals.length} literals found: the scan itself is broken`);
  const vulnerable: string[] = [];
  const seen = new Set<string>();
  for (const { key, source, flags } of literals) {
    if (seen.has(key)) continue;
    seen.add(key);
    // recheck checks a search from every start position; the confirmation below runs the pattern with its own flags.
    const result = checkSync(source, flags.replace(/[gdy]/g, ''), OPTIONS);
    if (result.status === 'safe' || key in BOUNDED) continue;
    if (result.status !== 'vulnerable') {
      vulnerable.push(`${key}: ${result.status}: ${JSON.stringify(result.error)}`);
      continue;
    }
    if (result.complexity.type === 'exponential') {
      vulnerable.push(`${key}: exponential: ${result.attack.pattern.slice(0, 80)}`);
      continue;
    }
    const growth = attackGrowth(new RegExp(source, flags), result.attack);
    if (growth >= 24)
      vulnerable.push(
        `${key}: polynomial, 8x the attack costs ${growth.toFixed(0)}x: ${result.attack.pattern.slice(0, 80)}`,
      );
  }
  console.log(`regex safety: ${seen.size} distinct literals checked, ${Object.keys(BOUNDED).length} bounded by use`);
  assert.deepEqual(vulnerable, []);
  // An entry whose pattern no longer exists would let a new pattern of the same text pass unchecked elsewhere.
  assert.deepEqual(
    Object.keys(BOUNDED).filter((key) => !seen.has(key)),
    [],
    'BOUNDED lists patterns that are gone: remove them',
  );
});
