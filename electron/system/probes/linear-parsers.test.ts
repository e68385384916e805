// The parsers rewritten for linear time (regex-safety) read ordinary and edge-case inputs exactly as the patterns they
// replaced did; the old patterns are the oracle here, on inputs too short for their backtracking to matter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRegQuery, parseScQuery } from './console-parsers.ts';
import { productOfText } from './installer-events.ts';

const OLD_REG_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

test('reg query value lines: the same name, type and data as the old pattern', () => {
  const lines = [
    '    Path    REG_EXPAND_SZ    %SystemRoot%\\system32;C:\\Go\\bin',
    '    (Default)    REG_SZ',
    '    Two  Words    REG_DWORD    0x1',
    '    Name    REG_SZ     five blanks before the data',
    '    A    REG_SZ    data    REG_DWORD    0x2',
    '    REG_SZ    REG_SZ    x',
    '    X    REG_SZx    y',
    '    NoType    here',
    'HKEY_CURRENT_USER\\Environment',
  ];
  for (const line of lines) {
    const old = OLD_REG_LINE.exec(line);
    const parsed = parseRegQuery(`HKEY_CURRENT_USER\\Environment\r\n${line}\r\n`, 0).values;
    if (!old) {
      assert.deepEqual(parsed, [], line);
      continue;
    }
    assert.equal(parsed.length, 1, line);
    assert.equal(parsed[0]!.name, old[1], line);
    assert.equal(parsed[0]!.type, old[2], line);
    if (old[2] === 'REG_SZ' || old[2] === 'REG_EXPAND_SZ') assert.equal(parsed[0]!.data, old[3] ?? '', line);
  }
});

test('reg query: a long hostile value is read in one pass and keeps its data', () => {
  const data = '    REG_G    '.repeat(20_000);
  const values = parseRegQuery(`HKEY_CURRENT_USER\\Environment\r\n    V    REG_SZ    ${data}\r\n`, 0).values;
  assert.equal(values.length, 1);
  assert.equal(values[0]!.data, data);
});

test('sc query fields: "LABEL   : value" lines only (whitespace before the colon)', () => {
  const text = [
    'SERVICE_NAME: msiserver',
    '        TYPE               : 20  WIN32_SHARE_PROCESS',
    '        STATE              : 4  RUNNING',
    '                                (STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
    '        WIN32_EXIT_CODE    : 0  (0x0)',
    '        SERVICE_EXIT_CODE  : 0  (0x0)',
    '        CHECKPOINT         : 0x0',
    '        WAIT_HINT          : 0x0',
    '        PID                : 1234',
  ].join('\r\n');
  const q = parseScQuery(text, 0);
  assert.equal(q.state, 4);
  assert.equal(q.pid, 1234);
  assert.equal(q.win32ExitCode, 0);
});

const OLD_PRODUCT = /^[^:：]{1,40}[:：]\s*(.+?)\s+--\s/;

test('productOfText: the same product as the old pattern', () => {
  const texts = [
    'Product: Go Programming Language amd64 go1.21.5 -- Error 1603.',
    '产品: 某某 软件 -- 错误 1603。',
    'Produkt: Contoso App 2.0 -- Installation erfolgreich.',
    'Product: X --Error',
    'Product: Two -- dashes -- here',
    'No colon here -- at all',
    'Product:\r\n -- Error',
    'Product: A\r\nB -- C',
    'A very long label that goes on past forty characters: X -- y',
  ];
  for (const text of texts) assert.equal(productOfText(text), OLD_PRODUCT.exec(text)?.[1]!.trim() ?? null, text);
});

test('productOfText: a hostile run of blanks without a separator is read in one pass', () => {
  assert.equal(productOfText('Product:\t' + '\t'.repeat(200_000) + 'x'), null);
  assert.equal(productOfText('Product: ' + 'a '.repeat(100_000) + '-- y'), 'a '.repeat(100_000).trim());
});

test('PSADT mutex wait: the same lines as the old pattern, and hostile ones in one pass', async () => {
  const { isMutexWait } = await import('../../../shared/deploylog/psadt.ts');
  const old = /mutex \[[^\]]*\] is available\. Wait up to/i;
  for (const msg of [
    'Check to see if mutex [Global\\_MSIExecute] is available. Wait up to [10] seconds for the mutex to become available.',
    'check to see if MUTEX [x] IS AVAILABLE. WAIT UP TO [1]',
    'mutex [a] b] is available. Wait up to',
    'mutex [] is available. Wait up to',
    'Mutex [Global\\_MSIExecute] is not available',
    'mutex [x [y] is available. Wait up to',
  ])
    assert.equal(isMutexWait(msg), old.test(msg), msg);
  assert.equal(isMutexWait('mutex ['.repeat(100_000) + '] is available. Wait up to'), true);
});
