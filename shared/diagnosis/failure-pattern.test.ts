// The failed step's own lines read as a known pattern: numbers in any language first, the system's phrases last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesIn, matchFailurePattern } from './failure-pattern.ts';
import { FAILURE_PATTERNS } from '../knowledge/failure-patterns.ts';
import { translate } from '../knowledge/texts.ts';

const idOf = (texts: string[], msiErrors: number[] = []) =>
  matchFailurePattern({ texts, msiErrors })?.pattern.id ?? null;

test('codesIn: HRESULT 0x8007xxxx gives its Win32 code, other HRESULTs stay whole, marked decimals are codes', () => {
  assert.deepEqual(codesIn('CreateService failed: 0x80070431'), { win32: [1073], hresults: [] });
  assert.deepEqual(codesIn('hr = 0x80131700'), { win32: [], hresults: [0x80131700] });
  assert.deepEqual(codesIn('GetLastError=32').win32, [32]);
  assert.deepEqual(codesIn('OpenFile 失败，错误 5').win32, [5]);
  assert.deepEqual(codesIn('status 0x00000005').win32, [5]);
  // "Return value 3" is the custom action's verdict, not Win32 error 3 (path not found).
  assert.deepEqual(codesIn('Action ended 10:00:00: CA_X. Return value 3.').win32, []);
});

test('service exists, from the HRESULT whatever the language of the message', () => {
  assert.equal(
    idOf(['RegisterService: CreateService LedgerSvc failed: 0x80070431 (指定的服务已存在。)']),
    'service-exists',
  );
  assert.equal(idOf(['CreateService a échoué : erreur 1073']), 'service-exists');
  assert.equal(idOf(['OpenService: Fehler 1072']), 'service-marked-for-deletion');
});

test('access denied, file in use and a missing prerequisite from Win32 codes, HRESULTs and message numbers', () => {
  assert.equal(idOf(['WriteConfig: CreateFile C:\\ProgramData\\X\\a.cfg error 5']), 'access-denied');
  assert.equal(idOf(['copy failed, GetLastError=32']), 'file-in-use');
  assert.equal(idOf(['Error 1306. Another application has exclusive access to the file'], [1306]), 'file-in-use');
  assert.equal(idOf(['Error 1925.'], [1925]), 'access-denied');
  assert.equal(idOf(['LoadLibrary(helper.dll) failed: 0x8007007E']), 'prerequisite-missing');
  assert.equal(idOf(['CLR: 0x80131700']), 'prerequisite-missing');
});

test("the step's own line wins over the log's other error lines; numbers win over phrases", () => {
  assert.equal(idOf(['Open failed: 0x80070020', 'Error 1925.'], [1925]), 'file-in-use');
  assert.equal(idOf(['Access is denied. (0x80070431)']), 'service-exists');
});

test("phrases are the system's own text (English or Chinese), a fallback only; unknown text is no pattern", () => {
  assert.equal(idOf(['Exception: Access is denied.']), 'access-denied');
  assert.equal(idOf(['异常：拒绝访问。']), 'access-denied');
  assert.equal(
    idOf(['The process cannot access the file because it is being used by another process.']),
    'file-in-use',
  );
  assert.equal(idOf(['Zugriff verweigert']), null);
  assert.equal(idOf(['Action ended 10:00:00: CA_X. Return value 3.']), null);
  assert.equal(idOf([]), null);
});

test('every pattern has a headline naming the custom action and a next step, in both languages', () => {
  for (const p of FAILURE_PATTERNS) {
    for (const lang of ['en', 'zh-CN'] as const) {
      const headline = translate({ key: `failure.${p.id}.headline`, params: { action: 'CA_Test' } }, lang);
      assert.match(headline, /CA_Test/, `${p.id} ${lang}`);
      assert.ok(translate({ key: `failure.${p.id}.step`, params: {} }, lang).length > 20, `${p.id} ${lang}`);
    }
    assert.ok(p.win32.length + p.hresults.length + p.msiErrors.length > 0, `${p.id} has numbers to match`);
  }
});
