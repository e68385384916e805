// One source of knowledge: every error number the log analyzer, the diagnosis and the knowledge tables use has an entry
// in the error catalog (error-codes.ts), and the analyzer's tables are the catalog's own links (derived, never restated).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { allErrorCodes, causesOf, linkedCauses, lookupErrorCode } from './error-codes.ts';
import { allCauses } from './causes.ts';
import { allMyths } from './myths.ts';
import { FOLLOW_ON, NOTE_ONLY_NOISE, INFORMATIONAL, ALWAYS_NOISE } from '../msilog/noise.ts';
import { exitCodeCauses, messageCauses, REFINED, SPECIFIC_WEIGHT } from '../msilog/cause-rules.ts';
import { WINGET_CODES } from './winget-codes.ts';
import { TOOL_EXIT_CODES } from './deploy-exit-codes.ts';

const shared = fileURLToPath(new URL('..', import.meta.url));

/**
 * Numbers in code that are not error numbers: sizes and caps, minutes in a day, a language id, years in examples, the
 * length limit of the PATH variable (2047).
 */
const NOT_CODES = new Set([1000, 1024, 1440, 2000, 1033, 1252, 2024, 2026, 2047]);

/** Code (not comments or strings) of the non-test sources of a folder, recursively. */
function sources(folder: string): Array<{ file: string; code: string }> {
  const out: Array<{ file: string; code: string }> = [];
  for (const entry of readdirSync(join(shared, folder), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.includes('.test')) continue;
    const file = join(entry.parentPath, entry.name);
    out.push({ file: file.slice(shared.length), code: stripCommentsAndStrings(readFileSync(file, 'utf8')) });
  }
  return out;
}

function stripCommentsAndStrings(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && code[i + 1] === '*') {
      i += 2;
      while (i < code.length && !(code[i] === '*' && code[i + 1] === '/')) i++;
      i++;
    } else if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < code.length && code[i] !== c) i += code[i] === '\\' ? 2 : 1;
      out += '""';
    } else out += c;
  }
  return out;
}

test('every error number written in the analyzer and the diagnosis has a catalog entry', () => {
  const missing: string[] = [];
  for (const folder of ['msilog', 'diagnosis']) {
    for (const { file, code } of sources(folder)) {
      // Windows Installer message numbers and msiexec exit codes live in 1100-3999 (and 3010).
      for (const m of code.matchAll(/(?<![\w.])(1[1-9]\d\d|2\d\d\d|3010)(?![\w.])/g)) {
        const n = Number(m[1]);
        if (!NOT_CODES.has(n) && !lookupErrorCode(n)) missing.push(`${file}: ${n}`);
      }
    }
  }
  assert.deepEqual([...new Set(missing)], []);
});

test('every number in the analyzer tables, the cause and myth catalogs and the WinGet table has an entry', () => {
  const used = new Map<number, string>();
  const use = (codes: Iterable<number>, where: string) => {
    for (const c of codes) if (!used.has(c)) used.set(c, where);
  };
  use(FOLLOW_ON, 'noise FOLLOW_ON');
  use(NOTE_ONLY_NOISE, 'noise NOTE_ONLY_NOISE');
  use(INFORMATIONAL, 'noise INFORMATIONAL');
  use(ALWAYS_NOISE, 'noise ALWAYS_NOISE');
  for (const [name, r] of Object.entries(REFINED)) use(r.codes, `cause-rules REFINED.${name}`);
  for (const cause of allCauses()) use(cause.codes, `cause ${cause.id}`);
  for (const myth of allMyths()) use(myth.codes, `myth ${myth.id}`);
  for (const w of WINGET_CODES.values()) if (w.win32 !== undefined) use([w.win32], `winget ${w.meaning}`);
  // A deployment tool's own codes (PSADT 60001...) are in that tool's table (deploy-exit-codes.ts).
  const toolCodes = new Set(TOOL_EXIT_CODES.map((e) => e.code));
  const missing = [...used]
    .filter(([code]) => !lookupErrorCode(code) && !toolCodes.has(code))
    .map(([code, where]) => `${where}: ${code}`);
  assert.deepEqual(missing, []);
});

test('REFINED only ever picks a cause the catalog links to the number', () => {
  for (const [name, r] of Object.entries(REFINED))
    for (const code of r.codes)
      assert.ok(
        linkedCauses(code).includes(r.cause),
        `REFINED.${name}: the catalog does not link ${code} to ${r.cause}`,
      );
});

test("the analyzer's tables are the catalog's links: every specific number, its causes in the catalog's order", () => {
  for (const info of allErrorCodes()) {
    for (const [role, table] of [
      ['message', messageCauses],
      ['exit-code', exitCodeCauses],
    ] as const) {
      const catalog = causesOf(info.code, role).filter((c) => c.weight > 0 && c.id !== 'unknown');
      const derived = table(info.code);
      const specific = catalog.length > 0 && catalog[0]!.weight >= SPECIFIC_WEIGHT;
      assert.deepEqual(
        derived.map((c) => c.id),
        specific ? catalog.map((c) => c.id) : [],
        `${info.code} as ${role}`,
      );
      if (derived.length) assert.equal(derived[0]!.share, 1, `${info.code}: the strongest cause has the full weight`);
    }
  }
  // The known disagreements are gone: the analyzer reads the catalog.
  assert.equal(messageCauses(1308)[0]?.id, 'source-missing');
  assert.ok(!messageCauses(1921).some((c) => c.id === 'service-start-failed'));
  assert.equal(exitCodeCauses(1260)[0]?.id, 'policy-blocked');
  assert.equal(exitCodeCauses(3)[0]?.id, 'package-path-invalid');
  assert.deepEqual(exitCodeCauses(1603), [], '1603 alone names no cause');
});

test("the analyzer's noise agrees with the catalog: what it ignores is noise there, or names no cause", () => {
  for (const code of ALWAYS_NOISE) {
    const meaning = lookupErrorCode(code)?.asMessage ?? lookupErrorCode(code);
    assert.equal(meaning?.noise, true, `${code} is ignored by the analyzer but not noise in the catalog`);
  }
  // Summaries ("Installation failed", "Removal completed") say how it ended, never why.
  for (const code of INFORMATIONAL) {
    const meaning = lookupErrorCode(code)?.asMessage ?? lookupErrorCode(code);
    const names = (meaning?.causes ?? []).filter((c) => c.weight > 0 && c.id !== 'unknown');
    assert.ok(
      meaning?.noise || names.length === 0,
      `${code} names ${names.map((c) => c.id)} but the analyzer ignores it`,
    );
  }
});
