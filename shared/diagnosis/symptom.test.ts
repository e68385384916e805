// Table-driven tests of parseSymptom on real-world phrasings (English and Chinese): codes, HRESULTs, dialogs, tools.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSymptom } from './symptom.ts';
import { parsedSymptomSchema } from '../contract/symptom.ts';
import { translate } from '../knowledge/texts.ts';

interface Case {
  input: string;
  exit?: number[];
  messages?: number[];
  sources?: string[];
  unknown?: boolean;
  note?: string;
}

const CASES: Case[] = [
  { input: '2503', messages: [2503], exit: [] },
  { input: '2502', messages: [2502], exit: [] },
  { input: '1618', exit: [1618], messages: [] },
  { input: '0x80070643', exit: [1603], sources: ['hresult'], note: 'symptom.note.hresult' },
  { input: '80070643', exit: [1603], sources: ['hresult'] },
  { input: '-2147023293', exit: [1603], sources: ['hresult'], note: 'symptom.note.negative-hresult' },
  { input: '0x643', exit: [1603], note: 'symptom.note.short-hex' },
  { input: '0x80070652', exit: [1618], sources: ['hresult'] },
  { input: '错误 2503', messages: [2503] },
  { input: 'Error 1618', exit: [1618] },
  { input: '错误代码 1603', exit: [1603] },
  { input: '错误代码：１６０３', exit: [1603] },
  {
    input:
      'Error 1722. There is a problem with this Windows Installer package. A program run as part of the setup did not finish as expected.',
    messages: [1722],
  },
  {
    input:
      'The installer has encountered an unexpected error installing this package. This may indicate a problem with this package. The error code is 2503.',
    messages: [2503],
    exit: [],
  },
  {
    input: '安装程序在安装此程序包时遇到一个意外错误。这可能表示此程序包有问题。错误代码是 2503。',
    messages: [2503],
    exit: [],
  },
  { input: '安装程序在安装此程序包时遇到一个意外错误... 错误代码是 2502', messages: [2502] },
  {
    input:
      'Another installation is already in progress. Complete that installation before proceeding with this install.',
    exit: [1618],
  },
  { input: '另一个程序正在安装。请等待该安装完成，然后再尝试安装此软件。', exit: [1618] },
  { input: 'Fatal error during installation.', exit: [1603] },
  { input: '安装时发生严重错误', exit: [1603] },
  {
    input: 'Installer failed with exit code: 1603',
    exit: [1603],
    sources: ['winget'],
    note: 'symptom.note.winget-exit',
  },
  {
    input: 'Installation failed with error 0x8A150102',
    exit: [1618],
    sources: ['winget'],
    note: 'symptom.note.winget',
  },
  { input: '0x8A15010C', exit: [1602], sources: ['winget'] },
  {
    input:
      'ERROR: Running ["C:\\Windows\\System32\\msiexec.exe" /i ...] was not successful. Exit code was \'1603\'. See log for possible error messages.',
    exit: [1603],
    sources: ['chocolatey'],
  },
  { input: "Exit code was '1618'", exit: [1618], sources: ['chocolatey'] },
  {
    input: 'Intune: Error code 0x80070643 (Fatal error during installation)',
    exit: [1603],
    sources: ['hresult', 'intune'],
  },
  {
    input: 'The application was not detected after installation completed successfully (0x87D1041C)',
    exit: [],
    messages: [],
    sources: ['intune'],
    unknown: true,
    note: 'symptom.note.intune-detection',
  },
  {
    input: '[0A2C:1F34][2024-01-12T10:22:31]e000: Error 0x80070643: Failed to install MSI package.',
    exit: [1603],
    sources: ['hresult', 'burn'],
  },
  {
    input: 'Apply complete, result: 0x80070643, restart: None, ba requested restart:  No',
    exit: [1603],
    sources: ['hresult', 'burn'],
  },
  { input: 'MainEngineThread is returning 1603', exit: [1603] },
  { input: 'Installation success or error status: 1625.', exit: [1625] },
  {
    input:
      'Info 1603. The file C:\\Program Files\\X\\x.dll is being held in use by the following process: Name: x, Id: 4242',
    messages: [1603],
    exit: [],
  },
  {
    input:
      "Error 1920. Service 'Datadog Agent' (datadogagent) failed to start. Verify that you have sufficient privileges to start system services.",
    messages: [1920],
  },
  { input: '服务“X”(x)无法启动。请确认你有足够的权限启动系统服务。', messages: [1920] },
  { input: 'This installation is forbidden by system policy. Contact your system administrator.', exit: [1625] },
  { input: '系统管理员已经设置策略，禁止进行此安装。', exit: [1625] },
  { input: '服务“Contoso”(contoso)启动失败。请确认你有足够的权限启动系统服务。', messages: [1920] },
  { input: '已经安装了该产品的另一个版本。无法继续安装此版本。', exit: [1638] },
  { input: '无法访问 Windows Installer 服务。', messages: [1719] },
  { input: 'Another version of this product is already installed.', exit: [1638] },
  {
    input: 'A newer version of Foo is already installed.',
    exit: [],
    unknown: false,
    note: 'symptom.note.newer-version-text',
  },
  { input: 'exit code 3010', exit: [3010], note: 'symptom.note.success-code' },
  { input: 'error 1935 and then 1603', messages: [1935], exit: [1603] },
  { input: 'msiexec returned 2', exit: [2] },
  { input: '', unknown: true, note: 'symptom.note.empty' },
  { input: '   ', unknown: true, note: 'symptom.note.empty' },
  { input: 'not sure, it just failed', unknown: true, note: 'symptom.note.unrecognized' },
  { input: '不知道，安装失败了', unknown: true, note: 'symptom.note.unrecognized' },
  // Numbers that are not codes must not be taken as codes.
  {
    input: 'Microsoft Visual C++ 2015-2022 Redistributable 14.38.33130 at 13:21:22',
    exit: [],
    messages: [],
    unknown: true,
  },
  { input: 'Return value 3.', exit: [], messages: [], unknown: true },
  { input: 'It fails with error 2999', messages: [2999], note: 'symptom.note.unknown-number' },
  {
    input: 'ProductCode {C64CA371-1603-473C-A1603-82B8B313C846} version 5.0.22621.1618',
    exit: [],
    messages: [],
    unknown: true,
  },
  { input: 'Installation failed (exit code 1603) after 2503', exit: [1603], messages: [2503] },
];

for (const c of CASES) {
  test(`parseSymptom(${JSON.stringify(c.input.slice(0, 60))})`, () => {
    const parsed = parseSymptom(c.input);
    assert.ok(parsedSymptomSchema.safeParse(parsed).success, 'matches the contract schema');
    if (c.exit) assert.deepEqual(parsed.exitCodes, c.exit);
    if (c.messages) assert.deepEqual(parsed.messageNumbers, c.messages);
    for (const s of c.sources ?? [])
      assert.ok(parsed.sources.includes(s), `source ${s} in ${JSON.stringify(parsed.sources)}`);
    if (c.unknown !== undefined) assert.equal(parsed.unknown, c.unknown);
    else assert.equal(parsed.unknown, false);
    if (c.note)
      assert.ok(
        parsed.notes.some((n) => n.key === c.note),
        `note ${c.note} in ${JSON.stringify(parsed.notes.map((n) => n.key))}`,
      );
  });
}

test('notes translate to finished sentences in both languages (no leftover placeholders or keys)', () => {
  for (const c of CASES) {
    for (const note of parseSymptom(c.input).notes) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const text = translate(note, lang);
        assert.doesNotMatch(text, /\{\w+\}/, `${note.key} (${lang}): ${text}`);
        assert.doesNotMatch(text, /@[a-z]+\./, `${note.key} (${lang}) nested param not resolved: ${text}`);
        assert.notEqual(text, note.key);
      }
    }
  }
  const zh = translate(parseSymptom('0x80070643').notes[0]!, 'zh-CN');
  assert.match(zh, /1603/);
  const en = translate(parseSymptom('2503').notes[0]!, 'en');
  assert.match(en, /RunScript/);
});

test('bad input never throws', () => {
  for (const input of [
    '\u0000\u0001',
    'x'.repeat(50_000),
    '0x',
    '-',
    '0xFFFFFFFF',
    '-9999999999',
    '９９９９',
    '\uD800',
  ]) {
    const parsed = parseSymptom(input);
    assert.ok(parsedSymptomSchema.safeParse(parsed).success);
  }
  // @ts-expect-error: callers from JavaScript may pass anything
  assert.equal(parseSymptom(undefined).unknown, true);
});
