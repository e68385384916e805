// The in-place key readers (KeyClassifier, ReversedKeyTrie) answer exactly what classifyKey answers, whatever they
// remembered before: across many distinct keys (the trie fills and starts again), suffixes of known keys, and a
// change of the hidden names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KEY_HASH_PRIME,
  KEY_HASH_SEED,
  KeyClassifier,
  ReversedKeyTrie,
  classifyKey,
  type KeyClass,
} from './key-names.ts';

const KEY_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.-';
const WORDS = [
  'Password',
  'SourceName',
  'Name',
  'DBPWD',
  'DBUSER',
  'SERVER',
  'User',
  'TOKEN',
  'SourceCabKey',
  'HOSTNAME',
  'USERDOMAIN',
];

/** Keys as findPairs meets them: known words, their suffixes, and random keys of 1-63 key characters. */
function keys(count: number): string[] {
  let seed = 17;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[rnd(WORDS.length)]!;
    if (rnd(3) === 0) out.push(word);
    else if (rnd(2) === 0) out.push(word.slice(rnd(word.length)));
    else {
      let key = '';
      for (let n = 1 + rnd(rnd(8) === 0 ? 63 : 12); n > 0; n--) key += KEY_CHARS[rnd(KEY_CHARS.length)];
      out.push(rnd(4) === 0 ? key + word : key);
    }
  }
  return out;
}

/** How findPairs reads a key with the trie: backwards from its end, walking the trie, then classifying. */
function trieClass(trie: ReversedKeyTrie, text: string, hidden: ReadonlySet<string>): KeyClass | null {
  let node = ReversedKeyTrie.ROOT;
  for (let i = text.length - 1; i >= 0; i--) node = trie.step(node, text.charCodeAt(i));
  return trie.classify(`(${text}=`, 1, text.length + 1, node, hidden);
}

/** How findLabels reads a key with the classifier: hashed backwards, then looked up in place. */
function tableClass(table: KeyClassifier, text: string, hidden: ReadonlySet<string>): KeyClass | null {
  let hash = KEY_HASH_SEED;
  for (let i = text.length - 1; i >= 0; i--) hash = Math.imul(hash ^ text.charCodeAt(i), KEY_HASH_PRIME);
  return table.classifyHashed(`(${text}:`, 1, text.length + 1, hidden, hash);
}

test('ReversedKeyTrie and KeyClassifier classify as classifyKey does, over 20,000 keys and a change of hidden names', () => {
  const trie = new ReversedKeyTrie();
  const table = new KeyClassifier();
  let hidden: ReadonlySet<string> = new Set(['DBUSER']);
  const all = keys(20_000);
  const seen = { secret: 0, user: 0, computer: 0, domain: 0, none: 0 };
  all.forEach((key, i) => {
    // The same set grown, then another set: what either remembered may be wrong after that.
    if (i === 5_000) hidden = new Set([...hidden, 'NAME']);
    if (i === 12_000) hidden = new Set(['SOURCENAME']);
    const expected = classifyKey(key, hidden);
    seen[expected ?? 'none']++;
    assert.equal(trieClass(trie, key, hidden), expected, `trie: ${key} (#${i})`);
    assert.equal(tableClass(table, key, hidden), expected, `table: ${key} (#${i})`);
  });
  // Not vacuous: every answer occurs, and a hidden name turned an ordinary key into a secret.
  for (const [cls, count] of Object.entries(seen)) assert.ok(count > 0, `no key classified ${cls}`);
  assert.equal(trieClass(trie, 'SourceName', hidden), 'secret');
  assert.equal(trieClass(trie, 'SourceName', new Set()), null);
});
