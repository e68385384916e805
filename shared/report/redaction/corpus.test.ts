// Redacts every real MSI log of the shared corpus: user SIDs, profile names, computer names and e-mails vanish,
// the log keeps its lines and its Windows Installer structure. Skips when ../shared/corpus is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redactor } from './redactor.ts';
import { StreamRedactor } from './stream-redactor.ts';

const CORPUS = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'msi-logs');

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  let zeroOdd = 0;
  for (let i = 1; i < Math.min(bytes.length, 4096); i += 2) if (bytes[i] === 0) zeroOdd++;
  return zeroOdd > Math.min(bytes.length, 4096) / 6 ? bytes.toString('utf16le') : bytes.toString('utf8');
}

const logs = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.log')) : [];
if (logs.length === 0) test(`corpus redaction: ${CORPUS} not found, skipped`, { skip: true }, () => {});

for (const name of logs) {
  test(`corpus redaction: ${name}`, () => {
    const text = decode(readFileSync(join(CORPUS, name)));
    const redactor = new Redactor();
    redactor.learn(text);
    // Streamed the way the ZIP writer does it, in uneven chunks.
    const stream = new StreamRedactor(redactor);
    let out = '';
    for (let i = 0; i < text.length; i += 65_537) out += stream.push(text.slice(i, i + 65_537));
    out += stream.flush();

    assert.equal(out.split('\n').length, text.split('\n').length, 'same number of lines');
    assert.doesNotMatch(out, /S-1-5-21(?:-\d+){3,4}/, 'a user SID survived');
    assert.doesNotMatch(out, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/, 'an e-mail survived');
    const profiles = [...out.matchAll(/[A-Za-z]:\\(?:Users|Documents and Settings)\\([^\\\r\n"']+)\\/gi)].map((m) =>
      m[1]!.toLowerCase(),
    );
    for (const folder of profiles)
      assert.ok(
        /^<user-\d+>$|^(public|default|all users|default user)$/.test(folder),
        `profile folder kept: ${folder}`,
      );
    for (const m of text.matchAll(/Property\([SC]\): (?:ComputerName|LogonUser|UserSID|USERNAME) = ([^\r\n]+)/g)) {
      assert.ok(!out.includes(m[0]), `${m[0]} survived`);
      // a specific (non-generic) value is gone everywhere, not only from its property line
      const value = m[1]!.trim();
      if (value.length > 5 && !/^(user|admin|administrator)$/i.test(value))
        assert.ok(!out.includes(value), `${value} survived`);
    }
    // Structure stays: the failing action and return values are still there for whoever reads the report.
    for (const marker of ['Return value 3', 'MainEngineThread is returning', '=== Verbose logging started']) {
      assert.equal(out.includes(marker), text.includes(marker), marker);
    }
  });
}
