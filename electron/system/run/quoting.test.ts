// Tests of quoting.ts against hostile inputs, checked by oracles that model cmd.exe's parse phases and CommandLineToArgvW.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_COMMAND_LINE,
  QuotingError,
  joinCmdArgv,
  joinWindowsArgv,
  parseWindowsCommandLine,
  powerShellStringArray,
  quoteCmdArg,
  quoteCmdPath,
  quotePowerShellLiteral,
  quoteWindowsArg,
} from './quoting.ts';

const longDir = 'C:\\' + Array.from({ length: 30 }, (_, i) => `dir-${i}-张伟 & Łódź`).join('\\');
const HOSTILE = [
  'plain',
  '',
  'with space',
  'C:\\Program Files\\My App\\setup.msi',
  'a&b|c^d%e!f"g\'h',
  '<in>out',
  '%PATH%',
  '%%',
  '!USERNAME!',
  'C:\\Users\\张伟\\AppData\\Local\\Temp',
  'D:\\Łódź\\instalator.msi',
  'trailing\\',
  'trailing space\\',
  'C:\\dir with space\\\\',
  'quote"inside',
  'back\\"slash-quote',
  '\\\\server\\share\\x y\\',
  '"',
  '\\',
  '   ',
  'tab\there',
  '^^^',
  '(paren) [brackets] {braces}',
  "it's",
  '\u2018smart\u2019',
  longDir,
];

/** Oracle for cmd.exe: phase 1 (percent), phase 2 (quotes and carets), phase 5 (delayed !), per the documented parser. */
function cmdParse(
  line: string,
  opts: { batch: boolean; delayedExpansion?: boolean; env: Record<string, string> },
): string {
  // Phase 1: percent expansion.
  let p1 = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch !== '%') {
      p1 += ch;
      continue;
    }
    if (opts.batch && line[i + 1] === '%') {
      p1 += '%';
      i++;
      continue;
    }
    const end = line.indexOf('%', i + 1);
    if (end === -1) {
      if (!opts.batch) p1 += ch; // a lone % is kept on the command line, dropped in a batch file
      continue;
    }
    const name = line.slice(i + 1, end);
    const value = opts.env[name.toUpperCase()];
    if (value !== undefined) {
      p1 += value;
      i = end;
    } else if (opts.batch) {
      i = end; // undefined variables expand to nothing in a batch file
    } else {
      p1 += ch; // command line: left as is, scanning resumes after this %
    }
  }
  // Phase 2: quote mode and carets; unescaped operators outside quotes would split the command.
  let p2 = '';
  let quoted = false;
  for (let i = 0; i < p1.length; i++) {
    const ch = p1[i]!;
    if (ch === '"') {
      quoted = !quoted;
      p2 += ch;
    } else if (!quoted && ch === '^') {
      i++;
      if (i < p1.length) p2 += p1[i];
    } else if (!quoted && /[&|<>]/.test(ch)) {
      throw new Error(`cmd would treat ${ch} as an operator in: ${line}`);
    } else p2 += ch;
  }
  if (!opts.delayedExpansion || !p2.includes('!')) return p2;
  // Phase 5: carets escape again (even inside quotes), !VAR! expands, lone ! is removed.
  let p5 = '';
  for (let i = 0; i < p2.length; i++) {
    const ch = p2[i]!;
    if (ch === '^') {
      i++;
      if (i < p2.length) p5 += p2[i];
    } else if (ch === '!') {
      const end = p2.indexOf('!', i + 1);
      if (end === -1) continue;
      p5 += opts.env[p2.slice(i + 1, end).toUpperCase()] ?? '';
      i = end;
    } else p5 += ch;
  }
  return p5;
}

// (A variable whose name ends in ^, e.g. 'PATH^', would defeat ^% on a command line: cmd has no real % escape there.)
const ENV = { PATH: 'C:\\Windows', USERNAME: 'zhang.wei' };

test('Windows argv: every hostile argument round-trips through CommandLineToArgvW', () => {
  for (const arg of HOSTILE) {
    assert.deepEqual(parseWindowsCommandLine(quoteWindowsArg(arg)), [arg], `arg ${JSON.stringify(arg)}`);
  }
  assert.deepEqual(parseWindowsCommandLine(joinWindowsArgv(HOSTILE)), HOSTILE);
});

test('Windows argv: simple args stay bare, trailing backslashes are doubled only before the closing quote', () => {
  assert.equal(quoteWindowsArg('/qn'), '/qn');
  assert.equal(quoteWindowsArg('C:\\a\\b\\'), 'C:\\a\\b\\');
  assert.equal(quoteWindowsArg('C:\\a b\\'), '"C:\\a b\\\\"');
  assert.equal(quoteWindowsArg('say "hi"'), '"say \\"hi\\""');
  assert.equal(quoteWindowsArg(''), '""');
});

test('Windows argv: the oracle follows the documented backslash rules', () => {
  assert.deepEqual(parseWindowsCommandLine('"a\\\\\\"b" c\\\\d "e f"""g'), ['a\\"b', 'c\\\\d', 'e f"g']);
});

test('Windows argv: ~32k-character paths pass, longer command lines are refused', () => {
  const longPath = 'C:\\' + 'x'.repeat(32_000) + '\\setup.msi';
  assert.ok(longPath.length > 260);
  assert.deepEqual(parseWindowsCommandLine(joinWindowsArgv(['/i', longPath])), ['/i', longPath]);
  assert.throws(() => joinWindowsArgv(['/i', 'y'.repeat(MAX_COMMAND_LINE)]), QuotingError);
  assert.throws(() => quoteWindowsArg('nul\0byte'), QuotingError);
});

test('cmd command line: hostile args reach the program unchanged (no expansion, no operator)', () => {
  for (const arg of HOSTILE) {
    if (arg === longDir) continue; // too long for a cmd line on its own with the rest; checked below
    const line = joinCmdArgv(['prog.exe', arg], { batch: false });
    assert.deepEqual(parseWindowsCommandLine(cmdParse(line, { batch: false, env: ENV })), ['prog.exe', arg], line);
  }
});

test('cmd batch line: % doubled, hostile args reach the program unchanged', () => {
  for (const arg of HOSTILE) {
    const line = joinCmdArgv(['prog.exe', arg], { batch: true });
    assert.deepEqual(parseWindowsCommandLine(cmdParse(line, { batch: true, env: ENV })), ['prog.exe', arg], line);
  }
  assert.equal(quoteCmdArg('50%', { batch: true }), '50%%');
});

test('cmd with delayed expansion: ! and ^ survive phase 5', () => {
  for (const arg of ['!USERNAME!', 'wow!', 'a^b!c', 'x ! y', '^!^']) {
    for (const batch of [true, false]) {
      const line = joinCmdArgv(['prog.exe', arg], { batch, delayedExpansion: true });
      const argv = parseWindowsCommandLine(cmdParse(line, { batch, delayedExpansion: true, env: ENV }));
      assert.deepEqual(argv, ['prog.exe', arg], line);
    }
  }
});

test('cmd refuses what it cannot carry: line breaks, NUL, over-long lines', () => {
  assert.throws(() => quoteCmdArg('a\r\nb', { batch: true }), QuotingError);
  assert.throws(() => quoteCmdArg('a\0b', { batch: false }), QuotingError);
  assert.throws(() => joinCmdArgv(['prog', 'z'.repeat(9000)], { batch: true }), QuotingError);
});

test('cmd quoted path inside a batch line: & | ^ ( ) stay literal, % doubled, non-ASCII untouched', () => {
  const paths = [
    'C:\\Users\\张伟\\Setup & Tools\\a.msi',
    'D:\\Łódź\\50% off (final)\\b|c^d.msi',
    'C:\\Temp\\',
    'C:\\a!b\\c.msi',
    longDir + '\\setup.msi',
  ];
  for (const path of paths) {
    const line = `msiexec.exe /i ${quoteCmdPath(path, { batch: true })} /qn`;
    assert.deepEqual(
      parseWindowsCommandLine(cmdParse(line, { batch: true, env: ENV })),
      ['msiexec.exe', '/i', path, '/qn'],
      line,
    );
  }
  const withBang = `x ${quoteCmdPath('C:\\a^b!c', { batch: true, delayedExpansion: true })}`;
  assert.deepEqual(parseWindowsCommandLine(cmdParse(withBang, { batch: true, delayedExpansion: true, env: ENV })), [
    'x',
    'C:\\a^b!c',
  ]);
  assert.equal(quoteCmdPath('C:\\Temp\\', { batch: false }), '"C:\\Temp\\\\"');
  assert.throws(() => quoteCmdPath('C:\\%PATH%\\x', { batch: false }), QuotingError);
  assert.throws(() => quoteCmdPath('C:\\a"b', { batch: true }), QuotingError);
});

/** Oracle for a PowerShell single-quoted literal: returns its value, or throws if the token does not end where it should. */
function psLiteralValue(token: string): string {
  const isQuote = (c: string | undefined): boolean => c !== undefined && /['\u2018\u2019\u201A\u201B]/.test(c);
  assert.ok(isQuote(token[0]));
  let value = '';
  let i = 1;
  for (; i < token.length; i++) {
    const ch = token[i]!;
    if (isQuote(ch)) {
      if (isQuote(token[i + 1])) {
        value += ch;
        i++;
        continue;
      }
      break;
    }
    value += ch;
  }
  assert.equal(i, token.length - 1, `literal ends early: ${token}`);
  return value;
}

test('PowerShell literal: hostile strings cannot break out, $ and ` do not expand', () => {
  const values = [...HOSTILE, '$env:TEMP', '`n$(Remove-Item C:\\ -Recurse)', "'; Remove-Item C:\\ #", '\u2019; calc #'];
  for (const v of values) assert.equal(psLiteralValue(quotePowerShellLiteral(v)), v);
  assert.equal(quotePowerShellLiteral("it's"), "'it''s'");
  assert.equal(powerShellStringArray(['a', "b'c"]), "@('a','b''c')");
});
