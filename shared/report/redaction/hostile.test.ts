// Redaction of hostile logs: every leak-prone form of a secret, name or address (see fixtures/hostile-log.ts) is gone
// in any case, vendor names equal to the domain survive, and a secret across a forced cut of a long line is redacted.
// (How the cost grows with hostile input is measured by `npm run bench:redaction-growth`, with the load.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor } from './redactor.ts';
import { LearningChunker, MAX_LINE, StreamRedactor } from './stream-redactor.ts';
import { HOSTILE_CASES, HOSTILE_LOG, keyMaterialLines } from '../fixtures/hostile-log.ts';

function redactedLog(): { out: string; redactor: Redactor } {
  const redactor = new Redactor();
  redactor.learn(HOSTILE_LOG);
  return { out: redactor.redact(HOSTILE_LOG), redactor };
}

for (const c of HOSTILE_CASES) {
  test(`hostile: ${c.name}`, () => {
    const { out } = redactedLog();
    const lower = out.toLowerCase();
    for (const secret of c.secrets) assert.ok(!lower.includes(secret.toLowerCase()), `${secret} leaked:\n${out}`);
    for (const keep of c.keep ?? []) assert.ok(out.includes(keep), `${keep} was redacted:\n${out}`);
  });
}

test('hostile: each case alone, without the others to learn from, leaks nothing', () => {
  for (const c of HOSTILE_CASES) {
    const text = c.lines.join('\n') + '\n';
    const redactor = new Redactor();
    redactor.learn(text);
    const out = redactor.redact(text).toLowerCase();
    for (const secret of c.secrets)
      assert.ok(!out.includes(secret.toLowerCase()), `${c.name}: ${secret} leaked:\n${out}`);
  }
});

test('learned secrets and names are redacted wherever they appear again, in any case', () => {
  const { redactor } = redactedLog();
  const again = 'echo SQLPA55WORD! cadpassw0rd5 QUOTED WHOLE 77 desktop-7qx9z2a ARCHIVE-sql Build-Srv-7';
  const out = redactor.redact(again);
  assert.doesNotMatch(out, /sqlpa55|cadpassw0rd5|quoted whole|desktop-7qx9z2a|archive-sql|build-srv/i, out);
});

test('streamed in any chunk size, the result is the same as at once', () => {
  const { out: whole } = redactedLog();
  for (const size of [1, 13, 4096]) {
    const redactor = new Redactor();
    redactor.learn(HOSTILE_LOG);
    const stream = new StreamRedactor(redactor);
    let out = '';
    for (let i = 0; i < HOSTILE_LOG.length; i += size) out += stream.push(HOSTILE_LOG.slice(i, i + size));
    out += stream.flush();
    assert.equal(out.replace(/<(\w+)-\d+>/g, '<$1>'), whole.replace(/<(\w+)-\d+>/g, '<$1>'), `chunk size ${size}`);
  }
});

test('a secret straddling the forced cut of an over-long line is redacted', () => {
  for (const offset of [-9000, -8200, -40, -5, 0, 3, 5000]) {
    const head = 'x'.repeat(MAX_LINE - 8192 + offset);
    const line = `${head} Password=Straddle-Secret-91;User Id=straddle_user; ${'y'.repeat(MAX_LINE)}`;
    const redactor = new Redactor();
    redactor.learn(line);
    const stream = new StreamRedactor(redactor);
    let out = '';
    for (let i = 0; i < line.length; i += 65_536) out += stream.push(line.slice(i, i + 65_536));
    out += stream.flush();
    assert.ok(!out.includes('Straddle-Secret-91') && !out.includes('straddle_user'), `offset ${offset}`);
    assert.equal(out.length, line.length - 'Straddle-Secret-91straddle_user'.length + '<secret-1><user-1>'.length);
  }
});

test('a secret value longer than the long-line window is replaced all the way', () => {
  const value = 'Q'.repeat(3 * MAX_LINE);
  const line = `Property(S): LICENSE_SECRET = ${value}\nnext line`;
  const redactor = new Redactor();
  const stream = new StreamRedactor(redactor);
  let out = '';
  for (let i = 0; i < line.length; i += 1 << 19) out += stream.push(line.slice(i, i + (1 << 19)));
  out += stream.flush();
  assert.ok(!out.includes('QQQQQQQQ'), 'part of the huge secret survived');
  assert.ok(out.endsWith('\nnext line'));
});

/** Learns and redacts text as a file stream does: pieces of `size` characters, whole lines, long lines cut. */
function streamed(text: string, size: number): string {
  const redactor = new Redactor();
  const chunker = new LearningChunker();
  for (let i = 0; i < text.length; i += size) redactor.learn(chunker.push(text.slice(i, i + size)));
  redactor.learn(chunker.flush());
  const stream = new StreamRedactor(redactor);
  let out = '';
  for (let i = 0; i < text.length; i += size) out += stream.push(text.slice(i, i + size));
  return out + stream.flush();
}

test('a private key block cut between two pieces of a stream is redacted in both (PEM, encrypted PEM, PGP)', () => {
  const blocks = [
    ['-----BEGIN RSA PRIVATE KEY-----', ...keyMaterialLines('rsa', 12), 'Qk9X', '-----END RSA PRIVATE KEY-----'],
    [
      '-----BEGIN RSA PRIVATE KEY-----',
      'Proc-Type: 4,ENCRYPTED',
      'DEK-Info: AES-128-CBC,1F2E3D4C5B6A79880F1E2D3C4B5A6978',
      '',
      ...keyMaterialLines('enc', 8),
      '-----END RSA PRIVATE KEY-----',
    ],
    [
      '-----BEGIN PGP PRIVATE KEY BLOCK-----',
      'Version: Keybase OpenPGP v2',
      '',
      ...keyMaterialLines('pgp', 8),
      '=Zx9q',
      '-----END PGP PRIVATE KEY BLOCK-----',
    ],
  ];
  for (const block of blocks) {
    const material = block.filter((l) => /^[A-Za-z0-9+/=]{4,}$/.test(l));
    const head = 'MSI (s) (44:48) [10:01:05:117]: Executing op: ActionStart(Name=InstallCert,,)\r\n'.repeat(3);
    const text = `${head}CAQuietExec64:  writing key\r\n${block.join('\r\n')}\r\nMSI (s) (44:48) [10:01:06:000]: done\r\n`;
    const begin = text.indexOf('-----BEGIN');
    // Every cut point from the BEGIN marker's line to the END marker's line, with pieces as large as the text.
    for (let cut = begin - 3; cut < text.indexOf('-----END') + 40; cut += 7) {
      const redactor = new Redactor();
      const pieces = [text.slice(0, cut), text.slice(cut)];
      const chunker = new LearningChunker();
      for (const piece of pieces) redactor.learn(chunker.push(piece));
      redactor.learn(chunker.flush());
      const stream = new StreamRedactor(redactor);
      const out = pieces.map((p) => stream.push(p)).join('') + stream.flush();
      for (const line of material) assert.ok(!out.includes(line), `cut at ${cut - begin}: ${line} leaked:\n${out}`);
      assert.ok(out.includes(block.at(-1)!) && out.includes('Executing op: ActionStart(Name=InstallCert,,)'), out);
      if (block[1]!.startsWith('Proc-Type')) assert.ok(out.includes('Proc-Type: 4,ENCRYPTED'), out);
    }
  }
});

test('a private key block across the forced cut of an over-long line is redacted (own lines, or inline)', () => {
  const lines = keyMaterialLines('long', 20);
  for (const offset of [-9000, -8200, -600, -40, 0, 300, 5000]) {
    const head = 'x'.repeat(MAX_LINE - 8192 + offset);
    // The key on its own lines after an over-long line, and written inline (a JSON dump) inside one.
    const ownLines = `${head} -----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\nnext\n`;
    const inline = `${head} "private_key": "-----BEGIN PRIVATE KEY-----\\n${lines.join('\\n')}\\n-----END PRIVATE KEY-----\\n", ${'y'.repeat(MAX_LINE)}\n`;
    for (const text of [ownLines, inline])
      for (const size of [65_536, 1 << 19]) {
        const out = streamed(text, size);
        for (const line of lines) assert.ok(!out.includes(line), `offset ${offset}, pieces of ${size}: leaked`);
        if (text === ownLines) assert.ok(out.includes('-----END PRIVATE KEY-----\nnext\n'), `offset ${offset}`);
      }
  }
});

test('key material is read only in a block: base64 lines elsewhere and headers stay', () => {
  const text = [
    'MSI (s) (44:48) [10:01:05:117]: File hash: 5D41402ABC4B2A76B9719D911017C592',
    'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=',
    'Proc-Type: 4,ENCRYPTED',
    '-----END CERTIFICATE-----',
    'PuTTY-User-Key-File-3: ssh-ed25519',
    'Encryption: none',
    'Public-Lines: 2',
    'AAAAC3NzaC1lZDI1NTE5AAAAIPublicPartStaysVisible1',
    'AAAAC3NzaC1lZDI1NTE5AAAAIPublicPartStaysVisible2',
    'Private-Lines: 1',
    'AAAAIPuttyPrivatePartMustGoAway0123456789abcdefXYZ',
    'Private-MAC: 8a1f',
  ].join('\r\n');
  const redactor = new Redactor();
  redactor.learn(text);
  const out = redactor.redact(text);
  assert.ok(!out.includes('PuttyPrivatePartMustGoAway'), out);
  for (const keep of ['QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=', 'PublicPartStaysVisible1', 'Private-MAC: 8a1f'])
    assert.ok(out.includes(keep), `${keep} was redacted:\n${out}`);
});
