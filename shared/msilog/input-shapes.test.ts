// The shapes logs really come in (fixtures written after real pastes): wrapped behind a repeated prefix, flattened onto
// one line, JSON-escaped, wrapped in a tool's output, errors-only, basic and verbose in other languages, grep fragments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFixture, analyzeIn, assertReason } from './fixture.test-support.ts';
import { learnPrefix, matchPrefix, splitRecords, unescapeText } from './input-shape.ts';
import { parseActionLine } from './action-line.ts';
import { parseStatusLine, parseProductMessage } from './status-line.ts';

test('wrapped: "> " quotes learned and stripped; winget\'s own code and the MSI code it carries', () => {
  const a = analyzeFixture('wrapped-quote-winget.log.txt');
  assert.equal(a.format, 'msi-verbose');
  assert.equal(a.outcome, 'failure');
  assert.equal(a.exitCode, 1603, 'the installer code winget reports');
  assert.deepEqual(a.wrapper, {
    tool: 'winget',
    exitCode: -1978335226, // 0x8A150006, APPINSTALLER_CLI_ERROR_SHELLEXEC_INSTALL_FAILED
    exitCodeText: '-1978335226',
    installerExitCode: 1603,
    line: 2,
  });
  assert.equal(a.failedAction?.name, 'ResolveDataFolder');
  assert.equal(a.causes[0]?.id, 'custom-action-failed');
  assertReason(a, 8, 'Could not read HKCU\\Software\\Contoso\\Sync\\DataRoot');
});

test('wrapped: a "> 9:41:02 AM: " prefix on every line; a CAQuietExec64 culprit quoted in its own words', () => {
  const a = analyzeFixture('wrapped-clock-prefix.log.txt');
  assert.equal(a.format, 'msi-verbose');
  assert.equal(a.exitCode, 1603);
  assert.deepEqual(a.product, { name: 'Ledger Node', version: '2.0.3', productCode: null });
  assert.equal(a.failedAction?.name, 'RegisterLedgerService', 'the custom action that scheduled the command');
  assert.equal(a.failedAction?.sequenceAction, 'InstallFinalize');
  assert.equal(a.causes[0]?.id, 'custom-action-failed');
  assertReason(a, 8, 'CreateService LedgerSvc failed: 0x80070431 (The specified service already exists.)');
});

test('wrapped: CI timestamps ("2024-05-08T10:11:12.1234567Z ") before each line', () => {
  const a = analyzeFixture('ci-iso-prefix.log.txt');
  assert.equal(a.outcome, 'failure');
  assert.equal(a.exitCode, 1603);
  assert.equal(a.failedAction?.name, 'StartServices');
  assert.equal(a.primaryError, 1920);
  assert.equal(a.causes[0]?.id, 'service-start-failed');
  assertReason(a, 4, "Service 'Fabrikam Agent' (FabrikamAgent) failed to start");
});

test('flattened: a whole log joined by spaces on one line (the winget validation bot)', () => {
  const a = analyzeFixture('flattened-spaces.log.txt');
  assert.equal(a.lineCount, 1);
  assert.equal(a.outcome, 'failure');
  assert.equal(a.exitCode, 1603);
  assert.equal(a.primaryError, 1335);
  assert.equal(a.failedAction?.name, 'InstallFiles');
  assert.equal(a.causes[0]?.id, 'package-invalid');
  assert.equal(a.wrapper?.tool, 'winget');
  assertReason(a, 1, "The cabinet file 'data1.cab' required for this installation is corrupt");
  for (const e of a.evidence) assert.equal(e.line, 1, 'every record comes from line 1 of the file');
});

test('flattened: Ansible output with the log as a JSON string (literal \\r\\n, doubled backslashes); 2755 + 1632', () => {
  const a = analyzeFixture('flattened-escaped-ansible.log.txt');
  assert.equal(a.format, 'msi-verbose');
  assert.equal(a.exitCode, 1603);
  assert.equal(a.primaryError, 2755);
  assert.equal(a.failedAction?.name, 'InstallInitialize');
  assert.equal(a.causes[0]?.id, 'installer-folders-access', 'server status 1632: the temp folder');
  assert.equal(a.wrapper?.tool, 'ansible');
  assert.equal(a.wrapper?.installerExitCode, 1603);
  assertReason(a, 2, 'Server returned unexpected error 1632', 'C:\\Users\\builder\\AppData\\Local\\Temp\\agent.msi');
});

test('errors-only (/le) logs: dates without a year or in another order; outcome from the errors alone', () => {
  const numbered = analyzeFixture('errors-only.log.txt');
  assert.equal(numbered.format, 'msi-basic');
  assert.equal(numbered.outcome, 'failure');
  assert.equal(numbered.primaryError, 1722);
  assert.equal(numbered.causes[0]?.id, 'custom-action-failed');
  assertReason(numbered, 2, 'Action InstallDriverStore');
  const condition = analyzeFixture('errors-only-launch-condition.log.txt');
  assert.equal(condition.outcome, 'failure');
  assert.equal(condition.causes[0]?.id, 'prerequisite-missing');
  assertReason(condition, 2, 'requires .NET Framework 4.8');
});

test('grep fragments: three lines still give outcome, code, failing action, error and cause', () => {
  const a = analyzeFixture('grep-fragment.log.txt');
  assert.equal(a.outcome, 'failure');
  assert.equal(a.exitCode, 1603);
  assert.equal(a.failedAction?.name, 'InstallValidate');
  assert.equal(a.primaryError, 1925);
  assert.ok(['not-elevated', 'insufficient-privileges'].includes(a.causes[0]!.id));
  // Two lines: an error and the status.
  const two = analyzeIn(
    Buffer.from(
      'Error 1303. The installer has insufficient privileges to access this directory: C:\\Program Files\\Litware.\n' +
        'Installation success or error status: 1603.\n',
    ),
    1 << 20,
  );
  assert.deepEqual([two.outcome, two.exitCode, two.primaryError], ['failure', 1603, 1303]);
});

test('localized logs found by structure: French basic, Japanese, Portuguese, Arabic and German (action lines, status, errors)', () => {
  const fr = analyzeFixture('fr-basic.log.txt');
  assert.deepEqual(
    [fr.format, fr.outcome, fr.exitCode, fr.failedAction?.name, fr.primaryError],
    ['msi-basic', 'failure', 1603, 'InstallFiles', 1310],
  );
  assert.deepEqual(fr.product, { name: 'Outil Contoso', version: '4.2.0', productCode: null });
  assert.equal(fr.operation, 'install');
  const ja = analyzeFixture('ja-verbose.log.txt');
  assert.deepEqual(
    [ja.outcome, ja.exitCode, ja.failedAction?.name, ja.causes[0]?.id],
    ['failure', 1603, 'ConfigureIndexer', 'custom-action-failed'],
  );
  assert.equal(ja.product.name, 'Tailspin Search');
  assertReason(ja, 8, 'アクセスが拒否されました');
  const pt = analyzeFixture('pt-verbose.log.txt');
  assert.deepEqual(
    [pt.exitCode, pt.failedAction?.name, pt.primaryError, pt.causes[0]?.id],
    [1603, 'StartServices', 1920, 'service-start-failed'],
  );
  assert.equal(pt.product.version, '6.0.1');
  const ar = analyzeFixture('ar-verbose.log.txt');
  assert.deepEqual(
    [ar.outcome, ar.exitCode, ar.primaryError],
    ['cancelled', 1602, null],
    '"معلومات 1603" is information',
  );
  assert.ok(ar.causes.some((c) => c.id === 'files-in-use' && c.reason?.text.includes('Name: viewer, Id: 7312')));
  const de = analyzeFixture('de-basic-german-status.log.txt');
  assert.deepEqual(
    [de.exitCode, de.failedAction?.name, de.primaryError, de.causes[0]?.id],
    [1603, 'InstallFiles', 1335, 'package-invalid'],
  );
});

test('action lines in any language: words, a time (12-hour markers either side), a name, a number', () => {
  const cases: Array<[string, string, number | null]> = [
    ['Action ended 12:34:56: InstallFinalize. Return value 3.', 'InstallFinalize', 3],
    ['Action terminée 15:09:00 : PublishProduct. Valeur de retour 1.', 'PublishProduct', 1],
    ['操作結束 23:49:51: InstallFinalize。戻り値 3。', 'InstallFinalize', 3],
    ['操作结束 下午 4:25:27: INSTALL。返回值 1。', 'INSTALL', 1],
    ['Action start 4:25:27 PM: CostInitialize.', 'CostInitialize', null],
    ['انتهاء الإجراء 10:04:09: InstallValidate. قيمة الإرجاع 2.', 'InstallValidate', 2],
    ['Action ended 1:00:00: Foo.Bar. Return value 3.', 'Foo.Bar', 3],
  ];
  for (const [line, name, value] of cases) {
    const a = parseActionLine(line);
    assert.ok(a, line);
    assert.equal(a.name, name, line);
    assert.equal(a.returnValue, value, line);
  }
  for (const line of [
    'Action 14:07:26: LaunchConditions. Evaluating launch conditions',
    'InstallShield 12:47:57: No related products for UpgradeCode {0889B815-E98F-43F6-AFCA-3E4ABB07F58B} found',
    'MSI (s) (98:50) [12:48:33:982]: Note: 1: 2205 2:  3: Error',
    'aa 12:34:56: X. ' + ' '.repeat(190) + '1' + ' '.repeat(190) + 'x',
  ])
    assert.equal(parseActionLine(line), null, line);
});

test('status lines and product messages in any language, by structure', () => {
  const fr = parseStatusLine(
    'Windows Installer a installé le produit. Nom du produit : Nextcloud. Version du produit : 4.0.1.20251027. Langue du produit : 1033. Fabricant : Nextcloud GmbH. Réussite de l’installation ou état d’erreur : 1603.',
  );
  assert.deepEqual(fr, {
    verb: 'installed',
    code: 1603,
    codeText: '1603',
    productName: 'Nextcloud',
    productVersion: '4.0.1.20251027',
  });
  const zh = parseStatusLine(
    'Windows Installer 已安装产品。产品名称: 示例。产品版本: 3.1。产品语言: 2052。制造商: 示例公司。安装成功或错误状态: 0。',
  );
  assert.equal(zh?.code, 0);
  assert.equal(zh?.productName, '示例');
  const rewrapped = parseStatusLine('7.1.30514. Product Language: 1033. Removal success or error status: 0.');
  assert.equal(rewrapped?.code, 0);
  assert.equal(parseStatusLine('Counter after increment: 0'), null);
  assert.equal(parseStatusLine('Note: 1: 1402 2: HKEY_LOCAL_MACHINE\\Software 3: 2'), null);
  assert.deepEqual(
    parseProductMessage('Produit : Nextcloud -- Erreur 1714. La version précédente ne peut pas être supprimée.'),
    {
      productName: 'Nextcloud',
      text: 'Erreur 1714. La version précédente ne peut pas être supprimée.',
      errorCode: 1714,
    },
  );
  assert.equal(parseProductMessage('製品: Tailspin -- エラー 1603。')?.errorCode, 1603);
});

test('the prefix learner: repeated shapes only when removing them makes more records; never an engine line head', () => {
  const quoted = learnPrefix(['> MSI (s) (08:88) [03:24:20:656]: x', '> Action start 1:00:00: A.', '> hello']);
  assert.ok(quoted);
  assert.equal(matchPrefix(quoted, '> Action start 1:00:00: A.', 0, 26), 2);
  const clock = learnPrefix([
    '12:26:46 PM: Action start 12:26:46: A.',
    '9:05:01 AM: MSI (s) (08:88) [03:24:20:656]: x',
  ]);
  assert.ok(clock);
  assert.equal(matchPrefix(clock, '9:05:01 AM: CustomAction X returned actual error code 3', 0, 56), 12);
  const plain = learnPrefix([
    'MSI (s) (D0:A0) [21:24:32:284]: Note: 1: 2205 2:  3: Error',
    'MSI (s) (D0:A0) [21:24:32:285]: Doing action: InstallFiles',
    'MSI (s) (D0:A0) [21:24:32:286]: Skipping action: X (condition is false)',
  ]);
  assert.equal(plain, null, 'the engine line head is part of the record');
});

test('flattened and escaped text is cut back into records; a header stays whole; real paths keep their "\\n"', () => {
  assert.deepEqual(
    splitRecords('=== Logging started: 2018/04/24  11:24:41 === Error 1722. X. === Logging stopped: 1 ==='),
    ['=== Logging started: 2018/04/24  11:24:41 ===', 'Error 1722. X.', '=== Logging stopped: 1 ==='],
  );
  assert.deepEqual(
    splitRecords(
      'MSI (s) (14:04) [21:34:27:343]: Product: Orca -- Error 1311. Source MSI (s) (14:04) [21:34:28:000]: x',
    ),
    ['MSI (s) (14:04) [21:34:27:343]: Product: Orca -- Error 1311. Source', 'MSI (s) (14:04) [21:34:28:000]: x'],
  );
  assert.equal(unescapeText('C:\\\\Windows\\\\Temp\\r\\n\\"x\\" \\u00e9'), 'C:\\Windows\\Temp\r\n"x" é');
  assert.deepEqual(splitRecords('MSI (s) (D0:A0) [21:24:32:284]: File: C:\\Program Files\\nodejs\\node.exe'), [
    'MSI (s) (D0:A0) [21:24:32:284]: File: C:\\Program Files\\nodejs\\node.exe',
  ]);
});

test('a flattened log longer than a line may be (64 Ki characters) is read to its end', () => {
  const filler = Array.from({ length: 3000 }, (_, i) => `MSI (s) (D0:A0) [10:00:00:000]: Doing action: Step${i}`).join(
    ' ',
  );
  const tail =
    " MSI (s) (D0:A0) [10:00:09:000]: Product: Big -- Error 1920. Service 'Big' (BigSvc) failed to start." +
    ' Action ended 10:00:09: StartServices. Return value 3. MSI (s) (D0:A0) [10:00:09:100]: MainEngineThread is returning 1603';
  const a = analyzeIn(Buffer.from(filler + tail, 'utf8'), 1 << 16);
  assert.ok(filler.length > 64 * 1024);
  assert.deepEqual([a.lineCount, a.exitCode, a.failedAction?.name, a.primaryError], [1, 1603, 'StartServices', 1920]);
});

test('wrapper output: winget codes that stand for an installer code, Chocolatey and PSADT lines around an MSI log', () => {
  const reboot = analyzeIn(
    Buffer.from(
      '> Installation failed with exit code -1978334967\n' +
        '> MSI (s) (08:88) [03:24:20:656]: Note: 1: 2205 2:  3: Error \n' +
        '> MSI (s) (08:88) [03:24:20:657]: Doing action: InstallFinalize\n',
    ),
    1 << 20,
  );
  // 0x8A150109 (APPINSTALLER_CLI_ERROR_INSTALL_REBOOT_REQUIRED_TO_FINISH) is 3010.
  assert.deepEqual(
    [reboot.outcome, reboot.exitCode, reboot.wrapper?.tool, reboot.wrapper?.installerExitCode],
    ['reboot-required', 3010, 'winget', 3010],
  );
  const hresult = analyzeIn(
    Buffer.from('Installation failed with exit code 0x80070643\nAction ended 1:00:00: X. Return value 3.\n'),
    1 << 20,
  );
  assert.deepEqual([hresult.exitCode, hresult.wrapper?.installerExitCode], [1603, 1603], '0x80070643 is 1603');
  const choco = analyzeIn(
    Buffer.from(
      [
        'Installing contoso-agent...',
        'MSI (s) (1C:30) [10:11:50:400]: Product: Contoso Agent -- Error 1618. Another installation is already in progress. Complete that installation before proceeding with this install.',
        'ERROR: Running ["C:\\Windows\\System32\\msiexec.exe" /i "C:\\Users\\a\\AppData\\Local\\Temp\\chocolatey\\contoso-agent\\agent.msi" /qn] was not successful. Exit code was \'1618\'. See log for possible error messages.',
        'The install of contoso-agent was NOT successful.',
      ].join('\r\n'),
    ),
    1 << 20,
  );
  assert.deepEqual(
    [choco.exitCode, choco.wrapper?.tool, choco.causes[0]?.id],
    [1618, 'chocolatey', 'another-install-in-progress'],
  );
  const psadt = analyzeIn(
    Buffer.from(
      [
        '[10-02-2024 08:00:01.123] [Installation] [Execute-MSI] [Info] :: Executing MSI action [Install]...',
        "MSI (s) (1C:30) [08:00:20:400]: Product: Fabrikam Agent -- Error 1920. Service 'Fabrikam Agent' (FabrikamAgent) failed to start.",
        '[10-02-2024 08:00:40.000] [Installation] [Execute-Process] [Error] :: Execution failed with exit code [1603].',
      ].join('\n'),
    ),
    1 << 20,
  );
  assert.deepEqual([psadt.exitCode, psadt.wrapper?.tool, psadt.causes[0]?.id], [1603, 'psadt', 'service-start-failed']);
});
