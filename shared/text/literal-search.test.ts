// LiteralSearch gives exactly what String.prototype.indexOf / includes give, for any literal and any start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiteralSearch } from './literal-search.ts';

/** The first index of any of the literals at or after `from` (what indexIn promises for several). */
function firstOf(text: string, literals: string[], from: number): number {
  const found = literals.map((l) => text.indexOf(l, from)).filter((i) => i >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
}

test('indexIn and foundIn agree with indexOf and includes (special characters, two-byte text, every start)', () => {
  const literals = [
    'Property(',
    'eyJ',
    ' is [',
    '**********',
    '\\Users\\',
    '-1-12-1-',
    'a',
    '密码：',
    '$^.|?+)]',
    '\ud83d\ude00',
  ];
  const text =
    'x Property(S): A = 1\r\nProperty Property(\n eyJ eyJhb is [x] is [ ***** ********** *********** ' +
    'C:\\Users\\zhang\\ S-1-12-1-5 -1-12-1- 用户 密码：p $^.|?+)] end 😀 ' +
    'Property(';
  for (const literal of literals) {
    const search = new LiteralSearch(literal);
    assert.equal(search.foundIn(text), text.includes(literal), literal);
    assert.equal(search.foundIn('nothing here'), false, literal);
    for (let from = -2; from <= text.length + 2; from++)
      assert.equal(search.indexIn(text, from), text.indexOf(literal, from), `${literal} from ${from}`);
  }
});

test('several literals: the first of any, of equal or different lengths', () => {
  const text = 'a ECURESTRING b ecureString c ecurestring d';
  for (const literals of [
    ['ecureString', 'ECURESTRING', 'ecurestring'],
    ['ring', 'ecure', 'd'],
  ]) {
    const search = new LiteralSearch(literals);
    assert.equal(search.foundIn(text), true);
    for (let from = 0; from <= text.length + 1; from++)
      assert.equal(search.indexIn(text, from), firstOf(text, literals, from), `${literals.join('|')} from ${from}`);
  }
  assert.equal(new LiteralSearch(['x1', 'y2']).foundIn(text), false);
});

test('an empty literal or list is refused', () => {
  assert.throws(() => new LiteralSearch(''));
  assert.throws(() => new LiteralSearch([]));
});
