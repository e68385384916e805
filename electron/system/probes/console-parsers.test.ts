// Console-tool parsers on the recorded real outputs (en, zh-CN, de-DE, es-ES, fr-FR) of ../shared/corpus/windows-outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIcacls, parseRegQuery, parseScQc, parseScQuery, parseWhoamiGroups } from './console-parsers.ts';
import { CORPUS_SKIP, corpusFile, corpusSection } from './test-support/corpus.ts';

/** Drops the corpus' "# SOURCE" comment lines. */
const body = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');

test('sc queryex (en, stopped, exit code 1077): state 1, ignores shutdown', { skip: CORPUS_SKIP }, () => {
  const r = parseScQuery(body(corpusFile('sc_query_msiserver.en.stopped_exitcode1077.txt')), 0);
  assert.equal(r.found, true);
  assert.equal(r.state, 1);
  assert.equal(r.serviceType, 0x10);
  assert.equal(r.win32ExitCode, 1077);
  assert.equal(r.acceptsShutdown, false);
  assert.deepEqual(r.controls, ['NOT_STOPPABLE', 'NOT_PAUSABLE', 'IGNORES_SHUTDOWN']);
});

test(
  'sc query (zh-CN): only the first service block counts (the second is `sc start` output)',
  { skip: CORPUS_SKIP },
  () => {
    const text = body(corpusFile('sc_query_msiserver.zh-CN.stopped_and_start.txt'));
    const r = parseScQuery(text, 0);
    assert.equal(r.state, 1);
    assert.equal(r.win32ExitCode, 0);
    assert.equal(r.pid, null);
    assert.equal(r.acceptsShutdown, false);
    // The second block on its own: START_PENDING with its PID.
    const second = text.slice(text.indexOf('C:\\Users\\123>sc start'));
    const s = parseScQuery(second, 0);
    assert.equal(s.state, 2);
    assert.equal(s.pid, 11324);
  },
);

test('sc queryex (en, running): ACCEPTS_SHUTDOWN flag and PID', { skip: CORPUS_SKIP }, () => {
  const r = parseScQuery(body(corpusFile('sc_queryex_running_flags.en.txt')), 0);
  assert.equal(r.state, 4);
  assert.equal(r.acceptsShutdown, true);
  assert.equal(r.pid, 3876);
});

test('sc query (es-ES, translated labels and state words): numbers still parse', { skip: CORPUS_SKIP }, () => {
  const running = body(corpusFile('sc_query.es-ES.localized_labels.txt')).split('---- stopped')[0]!;
  const r = parseScQuery(running, 0);
  assert.equal(r.found, true);
  assert.equal(r.state, 4);
  assert.equal(r.serviceType, 0x30);
  assert.equal(r.acceptsShutdown, true);
  const stopped = parseScQuery(corpusSection('sc_query.es-ES.localized_labels.txt', 'stopped variant'), 0);
  assert.equal(stopped.state, 1);
});

test('sc qc msiserver (en, two layouts): demand start, msiexec /V, LocalSystem', { skip: CORPUS_SKIP }, () => {
  for (const title of ['A', 'B']) {
    const r = parseScQc(corpusSection('sc_qc_msiserver.en.txt', ` ${title} `), 0);
    assert.equal(r.found, true, title);
    assert.equal(r.startType, 3, title);
    assert.match(r.binaryPath ?? '', /system32\\msiexec\.exe \/V$/i, title);
    assert.equal(r.startName, 'LocalSystem', title);
  }
  assert.equal(parseScQc(corpusSection('sc_qc_msiserver.en.txt', ' B '), 0).serviceType, 0x20);
});

test('sc qc (zh-CN 成功 / de-DE ERFOLG headers): start types by number', { skip: CORPUS_SKIP }, () => {
  const zh = parseScQc(corpusSection('sc_qc.zh-CN_and_de-DE_headers_errors.txt', 'zh-CN ----'), 0);
  assert.equal(zh.startType, 3);
  assert.equal(zh.binaryPath, 'C:\\Windows\\System32\\svchost.exe -k netsvcs -p');
  const de = parseScQc(corpusSection('sc_qc.zh-CN_and_de-DE_headers_errors.txt', 'de-DE ----'), 0);
  assert.equal(de.startType, 2);
});

test('sc errors (de FEHLER 1060, fr ÉCHEC 1060, zh 失败 5): the Win32 error number', { skip: CORPUS_SKIP }, () => {
  const file = 'sc_qc.zh-CN_and_de-DE_headers_errors.txt';
  assert.equal(parseScQuery(corpusSection(file, 'de-DE service missing'), 1060).win32Error, 1060);
  assert.equal(parseScQuery(corpusSection(file, 'de-DE service missing'), 1060).found, false);
  assert.equal(parseScQc(corpusSection(file, 'fr-FR service missing'), 1060).win32Error, 1060);
  assert.equal(parseScQuery(corpusSection(file, 'zh-CN access denied'), 5).win32Error, 5);
});

test('whoami /groups (en, elevated): High integrity by SID', { skip: CORPUS_SKIP }, () => {
  const r = parseWhoamiGroups(corpusFile('whoami_groups.en.high.txt'));
  assert.equal(r.integritySid, 'S-1-16-12288');
  assert.equal(r.integrityRid, 12288);
});

test('whoami /groups (zh-CN): medium + deny-only admin vs high, by SID only', { skip: CORPUS_SKIP }, () => {
  const file = 'whoami_groups.zh-CN.medium_and_high.txt';
  const medium = parseWhoamiGroups(corpusSection(file, '普通权限'));
  assert.equal(medium.integrityRid, 8192);
  assert.equal(medium.hasAdministrators, true);
  const high = parseWhoamiGroups(corpusSection(file, '管理员权限'));
  assert.equal(high.integrityRid, 12288);
  assert.equal(high.hasAdministrators, true);
});

test('reg query PendingFileRenameOperations: REG_MULTI_SZ split on the literal \\0', { skip: CORPUS_SKIP }, () => {
  const file = 'reg_query_PendingFileRenameOperations.en_zh-CN.txt';
  const r = parseRegQuery(corpusSection(file, '(a)'), 0);
  assert.equal(r.found, true);
  assert.equal(r.key, 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager');
  assert.deepEqual(r.values, [
    {
      name: 'PendingFileRenameOperations',
      type: 'REG_MULTI_SZ',
      data: ['\\??\\C:\\temp\\file1.txt', '\\??\\C:\\backup\\file1.txt'],
    },
  ]);
  // Value absent: en and zh-CN messages differ, exit code 1 does not.
  assert.equal(parseRegQuery(corpusSection(file, '(c) en-US'), 1).found, false);
  assert.equal(parseRegQuery(corpusSection(file, '(c) zh-CN'), 1).found, false);
});

test('reg query InProgress (constructed shape): existence from the exit code only', { skip: CORPUS_SKIP }, () => {
  const text = corpusFile('reg_query_Installer_InProgress.CONSTRUCTED.txt');
  const present = text
    .split('\n')
    .filter((l) => l.startsWith('(exit 0)') || l.startsWith('    (Default)'))
    .map((l) => l.replace(/^\(exit 0\) /, '').replace(/\s+<-.*$/, ''))
    .join('\n');
  const r = parseRegQuery(present, 0);
  assert.equal(r.found, true);
  assert.equal(r.values[0]?.name, '(Default)');
  assert.equal(parseRegQuery('', 1).found, false);
});

test(
  'icacls C:\\Windows\\Temp default ACL (en): principals resolved to SIDs, rights and flags',
  { skip: CORPUS_SKIP },
  () => {
    const file = 'icacls_C_Windows_Temp.en_de_zh.txt';
    const a = parseIcacls(corpusSection(file, '(a) default'));
    assert.deepEqual(
      a.entries.map((e) => [e.sid, e.flags.join(''), e.rights.join(',')]),
      [
        ['S-1-5-32-545', 'CI', 'S,WD,AD,X'],
        ['S-1-5-32-544', '', 'F'],
        ['S-1-5-32-544', 'OICIIO', 'F'],
        ['S-1-5-18', '', 'F'],
        ['S-1-5-18', 'OICIIO', 'F'],
        ['S-1-3-0', 'OICIIO', 'F'],
      ],
    );
  },
);

test(
  'icacls with path prefix and an extra grant (en): continuation column, unknown principal, summary numbers',
  { skip: CORPUS_SKIP },
  () => {
    const b = parseIcacls(corpusSection('icacls_C_Windows_Temp.en_de_zh.txt', '(b) with an extra explicit grant'));
    assert.equal(b.entries.length, 7);
    assert.equal(b.entries[0]!.principal, 'BUILTIN\\Users');
    assert.deepEqual(b.entries[6], {
      principal: 'NANOCORP\\web_svc',
      sid: null,
      flags: ['OI', 'CI'],
      rights: ['F'],
      deny: false,
    });
    assert.equal(b.processed, 1);
    assert.equal(b.failed, 0);
  },
);

test('icacls localized summary and principal lines (zh-CN, de-DE, fr-FR)', { skip: CORPUS_SKIP }, () => {
  const c = corpusSection('icacls_C_Windows_Temp.en_de_zh.txt', '(c) summary lines');
  const zh = c
    .split('\n')
    .find((l) => l.startsWith('zh-CN:'))!
    .slice('zh-CN: '.length);
  assert.deepEqual([parseIcacls(zh).processed, parseIcacls(zh).failed], [1, 0]);
  const de = c
    .split('\n')
    .find((l) => l.startsWith('de-DE principal'))!
    .replace(/^.*example: /, '');
  assert.deepEqual(parseIcacls(de).entries[0], {
    principal: 'VORDEFINIERT\\Administratoren',
    sid: 'S-1-5-32-544',
    flags: ['I'],
    rights: ['F'],
    deny: false,
  });
  const fr = c
    .split('\n')
    .find((l) => l.startsWith('fr-FR principal'))!
    .replace(/^.*example: /, '');
  assert.equal(parseIcacls(fr).entries[0]?.sid, 'S-1-5-18');
});
