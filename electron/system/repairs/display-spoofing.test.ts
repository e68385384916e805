// Display spoofing: bidi overrides and line separators are refused in parameters and shown escaped wherever a path or
// command line reaches the user (plan, its texts, the CLI), so what the user approves reads as what runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translate } from '../../../shared/knowledge/texts.ts';
import { REPAIR_CATALOG } from './catalog.ts';
import { renderCommandLine } from './command-builder.ts';
import { validateRepairParams } from './params.ts';
import { RepairRefusal } from './repair-definition.ts';
import { context, installLock } from './repair-fixtures.test-support.ts';

const SPOOFS = [
  '\u202E',
  '\u202D',
  '\u2066',
  '\u2069',
  '\u200F',
  '\u061C',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u001B',
  '\u007F',
];
// eslint-disable-next-line no-control-regex
const UNSAFE_RAW = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u2028\u2029\u0085\u001B\u007F]/;

test('parameters with bidi or line-separator characters are refused, with a reason that shows them escaped', async () => {
  for (const ch of SPOOFS) {
    const path = `C:\\Users\\zhang.wei\\Downloads\\invoice${ch}gpj.msi`;
    await assert.rejects(
      validateRepairParams({ msiPath: path }, async () => 'file'),
      (e: unknown) =>
        e instanceof RepairRefusal &&
        e.reason.key === 'repair.refusal.msi-spoofing' &&
        !UNSAFE_RAW.test(translate(e.reason, 'en')) &&
        translate(e.reason, 'zh-CN').includes('<U+'),
      `U+${ch.codePointAt(0)!.toString(16)}`,
    );
  }
  // Ordinary non-ASCII names (and the joiners real scripts need) are fine.
  for (const ok of ['C:\\Users\\张伟\\下载\\工具.msi', 'C:\\Users\\علي\\setup.msi', 'C:\\x\\ab\u200Dc.msi'])
    assert.equal((await validateRepairParams({ msiPath: ok }, async () => 'file')).msiPath, ok);
});

test('escapeForDisplay makes every unsafe character visible and leaves the rest alone', async () => {
  const { escapeForDisplay, hasUnsafeDisplayChars } = await import('../../../shared/knowledge/display-safe.ts');
  assert.equal(escapeForDisplay('a\u202Eb\u2028c\u0085d'), 'a<U+202E>b<U+2028>c<U+0085>d');
  assert.equal(escapeForDisplay('张伟 (x64) & more.msi'), '张伟 (x64) & more.msi');
  for (const ch of SPOOFS) assert.equal(hasUnsafeDisplayChars(escapeForDisplay(`x${ch}y`)), false);
});

test('a hostile process command line (another user can start one) is shown escaped in the plan, its texts and its command', () => {
  const hostile = 'C:\\Users\\Public\\setup\u202Etxt.exe\u2028/V';
  const lock = installLock();
  lock.clients[0] = { ...lock.clients[0]!, packagePath: hostile, commandLine: `msiexec /i "${hostile}"` };
  const plan = REPAIR_CATALOG['end-stuck-client-install'].build(context({}, { 'install-in-progress': lock }));
  const texts = [
    ...plan.warnings.map((w) => translate(w, 'en')),
    ...plan.warnings.map((w) => translate(w, 'zh-CN')),
    ...plan.steps.map((s) => translate(s.step.description, 'en')),
  ];
  assert.ok(
    texts.some((t) => t.includes('setup<U+202E>txt.exe<U+2028>/V')),
    texts.join('\n'),
  );
  for (const t of texts) assert.doesNotMatch(t, UNSAFE_RAW);
  const spec = {
    file: 'C:\\Windows\\System32\\icacls.exe',
    args: [`C:\\Temp\\a\u202Eb`, '/save', 'x'],
    encoding: 'oem' as const,
  };
  assert.equal(renderCommandLine(spec), 'C:\\Windows\\System32\\icacls.exe C:\\Temp\\a<U+202E>b /save x');
});
