// The trailing-run trimmers give what the regular expressions they replace gave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trimChars, trimEndChars, trimEndNonWord } from './trim-end.ts';

test('trimEndChars removes only the trailing run', () => {
  assert.equal(trimEndChars('C:\\Temp\\\\', '\\'), 'C:\\Temp');
  assert.equal(trimEndChars('a/b\\/', '\\/'), 'a/b');
  assert.equal(trimEndChars('\\\\', '\\'), '');
  assert.equal(trimEndChars('abc', '\\'), 'abc');
  assert.equal(trimEndChars('', '\\'), '');
});

test('trimEndChars on a long run followed by another character (the regex was quadratic there)', () => {
  const s = '\\'.repeat(200_000) + 'x';
  assert.equal(trimEndChars(s, '\\'), s);
  assert.equal(trimEndChars(s + '\\\\', '\\'), s);
});

test('trimChars trims both ends', () => {
  assert.equal(trimChars('__a_b__', '_'), 'a_b');
  assert.equal(trimChars('____', '_'), '');
});

test('trimEndNonWord matches /\\W+$/', () => {
  for (const s of ['Success.', 'Failed!!', 'abc', 'a b ', '...', '', 'é.', 'x_ ,'])
    assert.equal(trimEndNonWord(s), s.replace(/\W+$/, ''), JSON.stringify(s));
});
