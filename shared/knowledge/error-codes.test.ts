// Checks the error-number catalog: coverage of the numbers users meet, the overlaps, noise/follow-on flags, ids and links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allErrorCodes, isExitCode, isMessageNumber, lookupErrorCode, meaningOf } from './error-codes.ts';
import { CAUSE_IDS, REPAIR_IDS } from '../contract/ids.ts';

const REQUIRED_EXIT = [
  0,
  3010,
  1641,
  1707,
  ...Array.from({ length: 61 }, (_, i) => 1601 + i).filter((c) => c !== 1658 && c !== 1659),
];
const REQUIRED_MESSAGES = [
  1303, 1304, 1305, 1306, 1308, 1309, 1310, 1311, 1316, 1317, 1321, 1325, 1327, 1334, 1335, 1402, 1404, 1406, 1407,
  1409, 1603, 1606, 1704, 1706, 1708, 1712, 1714, 1719, 1720, 1721, 1722, 1723, 1724, 1725, 1726, 1727, 1728, 1729,
  1732, 1733, 1734, 1909, 1911, 1913, 1918, 1919, 1920, 1921, 1922, 1923, 1924, 1925, 1926, 1927, 1928, 1929, 1931,
  1935, 2101, 2203, 2205, 2228, 2262, 2265, 2318, 2324, 2350, 2502, 2503, 2715, 2738, 2739, 2755, 2762, 2769, 2774,
  2896, 2908, 2911, 2932, 2935,
];

test('every exit code 1601-1661 (except the undefined 1658/1659) plus 0, 1641, 1707, 3010 is present', () => {
  for (const code of REQUIRED_EXIT) {
    const info = lookupErrorCode(code);
    assert.ok(info, `missing exit code ${code}`);
    assert.notEqual(info.kind, 'message', `${code} must be usable as an exit code`);
  }
  assert.equal(lookupErrorCode(1658), undefined);
});

test('the message numbers users meet are present and usable as messages', () => {
  for (const code of REQUIRED_MESSAGES) {
    assert.ok(meaningOf(code, 'message'), `missing message ${code}`);
  }
});

test('overlapping numbers keep both meanings: Info 1603 is a file in use, exit 1603 is the fatal error', () => {
  const info = lookupErrorCode(1603)!;
  assert.equal(info.kind, 'both');
  assert.equal(info.name, 'ERROR_INSTALL_FAILURE');
  assert.equal(meaningOf(1603, 'exit-code')!.noise, false);
  assert.equal(meaningOf(1603, 'message')!.noise, true);
  assert.match(meaningOf(1603, 'message')!.title.en, /in use/i);
  assert.match(meaningOf(1601, 'message')!.title.en, /disk space/i);
  assert.match(meaningOf(1601, 'exit-code')!.title.en, /service/i);
});

test('noise, follow-on and success flags match the documented traps', () => {
  for (const code of [2205, 2228, 2262, 2318, 2911, 1402, 2203])
    assert.equal(lookupErrorCode(code)!.noise, true, `${code} noise`);
  for (const code of [2502, 2503]) assert.equal(lookupErrorCode(code)!.followOn, true, `${code} follow-on`);
  for (const code of [1603, 1618, 1722, 1920]) assert.equal(lookupErrorCode(code)!.noise, false, `${code} not noise`);
  for (const code of [0, 1641, 3010, 1707]) assert.equal(lookupErrorCode(code)!.success, true, `${code} success`);
  assert.equal(lookupErrorCode(2774)!.documented, false);
});

test('key codes map to the right causes and safe repairs', () => {
  assert.deepEqual(lookupErrorCode(1618)!.repairs.slice(0, 2), ['wait-for-installer', 'restart-computer']);
  const ids = (code: number) => lookupErrorCode(code)!.causes.map((c) => c.id);
  assert.ok(ids(1618).includes('another-install-in-progress'));
  assert.ok(ids(2503).includes('installer-folders-access'));
  assert.equal(ids(1638)[0], 'other-version-installed');
  assert.equal(ids(1642)[0], 'patch-not-applicable');
  assert.equal(ids(1625)[0], 'policy-blocked');
  assert.equal(ids(1920)[0], 'service-start-failed');
  assert.equal(ids(1923)[0], 'service-install-failed');
  assert.equal(ids(1620)[0], 'package-invalid');
  // The disagreements the analyzer once had with this catalog: 1308 is "source file not found", 1921 a service that
  // could not be stopped (not started), 1260 and exit code 3 exist.
  assert.equal(ids(1308)[0], 'source-missing');
  assert.ok(!ids(1921).includes('service-start-failed'));
  assert.equal(ids(1260)[0], 'policy-blocked');
  assert.equal(ids(3)[0], 'package-path-invalid');
  // The message meaning of an overlapping number has its own causes: "Info 1603" is a file in use.
  assert.deepEqual(
    meaningOf(1603, 'message')!.causes.map((c) => c.id),
    ['files-in-use'],
  );
});

test('every entry is complete: both languages, valid ids, learn.microsoft.com links', () => {
  const causes = new Set<string>(CAUSE_IDS);
  const repairs = new Set<string>(REPAIR_IDS);
  for (const info of allErrorCodes()) {
    for (const text of [
      info.title,
      info.explanation,
      ...info.check,
      ...info.manualSteps,
      ...(info.asMessage ? [info.asMessage.title, info.asMessage.explanation] : []),
    ]) {
      assert.ok(text.en.trim() && text['zh-CN'].trim(), `${info.code}: empty text`);
      assert.match(text['zh-CN'], /[\u4e00-\u9fff]/, `${info.code}: zh-CN text has no Chinese`);
    }
    for (const c of [...info.causes, ...(info.asMessage?.causes ?? [])]) {
      assert.ok(causes.has(c.id), `${info.code}: bad cause ${c.id}`);
      assert.ok(c.weight >= 0 && c.weight <= 1, `${info.code}: weight ${c.weight}`);
    }
    // Strongest first: the order is what the analyzer and the diagnosis read.
    const weights = info.causes.filter((c) => c.id !== 'unknown' && c.weight > 0).map((c) => c.weight);
    assert.deepEqual(
      weights,
      [...weights].sort((a, b) => b - a),
      `${info.code}: causes not strongest first`,
    );
    for (const r of info.repairs) assert.ok(repairs.has(r), `${info.code}: bad repair ${r}`);
    assert.ok(info.docs.length > 0, `${info.code}: no docs`);
    for (const url of info.docs)
      assert.match(url, /^https:\/\/(learn\.microsoft\.com|devblogs\.microsoft\.com)\//, `${info.code}: ${url}`);
    if (info.kind === 'both') assert.ok(info.asMessage, `${info.code}: 'both' needs asMessage`);
  }
});

test('number-space helpers', () => {
  assert.equal(isExitCode(1618), true);
  assert.equal(isExitCode(2503), false);
  assert.equal(isMessageNumber(2503), true);
  assert.equal(isMessageNumber(1618), false);
  assert.equal(isMessageNumber(1603), true);
  assert.equal(isMessageNumber(2999), true);
  assert.equal(lookupErrorCode(424242), undefined);
});
