// Tests of the redactor: identities, generic patterns, secret MSI properties, stable placeholders, what must survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Redactor } from './redactor.ts';
import { StreamRedactor } from './stream-redactor.ts';

const LOG = [
  "MSI (s) (18:A8) [09:12:53:835]: PROPERTY CHANGE: Adding MsiLogFileLocation property. Its value is 'C:\\Users\\zhang.wei\\Downloads\\msi.log'.",
  'Property(S): DBPASSWORD = Hunter2!',
  "MSI (s) (18:A8) [09:12:53:836]: PROPERTY CHANGE: Adding SVC_SECRET property. Its value is 'Svc-S3cret-42'.",
  'Property(S): MsiHiddenProperties = SVC_SECRET;OTHER',
  'Property(S): SVC_SECRET = Svc-S3cret-42',
  'Command Line: DBPASSWORD="Hunter2!" API_TOKEN=tok_9f8e7d6c5b CURRENTDIRECTORY=C:\\Users\\ZHANG~1.WEI\\Downloads',
  'Property(S): UserSID = S-1-5-21-1004336348-1177238915-682003330-1001 next to S-1-5-18 and S-1-5-32-544',
  'Property(S): LogonUser = zhang.wei',
  'Property(S): USERNAME = 张伟',
  'Property(S): ComputerName = WS-FIN-042',
  'Property(S): ProductVersion = 3.1.0.0',
  'mail zhang.wei@contoso.com from 10.20.30.40 and fe80::1c2d:3e4f:5a6b:7c8d mac 00-1A-2B-3C-4D-5E at 09:12:53:784',
  'CONTOSO\\zhang.wei ran it; 用户张伟的安装; echo Svc-S3cret-42 {12345678-1234-1234-1234-123456789ABC} CA::Add',
  'Executing op: ServiceInstall(Name=X,Password=**********,Description=Keeps it,,)',
].join('\r\n');

const SECRETS = [
  'zhang.wei',
  'ZHANG~1.WEI',
  '张伟',
  'WS-FIN-042',
  'CONTOSO',
  'S-1-5-21-1004336348',
  'zhang.wei@contoso.com',
  '10.20.30.40',
  'fe80::1c2d',
  '00-1A-2B-3C-4D-5E',
  'Hunter2!',
  'Svc-S3cret-42',
  'tok_9f8e7d6c5b',
];

function learned(): Redactor {
  const redactor = new Redactor();
  redactor.learn(LOG);
  return redactor;
}

test('learns identities and secrets from an MSI log', () => {
  const ids = learned().identities();
  assert.deepEqual(ids.users.sort(), ['zhang.wei', '张伟']);
  assert.deepEqual(ids.computers, ['ws-fin-042']);
  assert.deepEqual(ids.domains, ['contoso']);
  assert.ok(
    ids.secrets.includes('Hunter2!') && ids.secrets.includes('Svc-S3cret-42') && ids.secrets.includes('tok_9f8e7d6c5b'),
  );
});

test('no identity or secret survives, in any form', () => {
  const out = learned().redact(LOG);
  for (const secret of SECRETS)
    assert.ok(!out.toLowerCase().includes(secret.toLowerCase()), `${secret} leaked:\n${out}`);
});

test('keeps well-known SIDs, versions, times, GUIDs and code', () => {
  const out = learned().redact(LOG);
  for (const keep of [
    'S-1-5-18',
    'S-1-5-32-544',
    '3.1.0.0',
    '09:12:53:784',
    '{12345678-1234-1234-1234-123456789ABC}',
    'CA::Add',
    'Password=**********',
    '(18:A8)',
  ]) {
    assert.ok(out.includes(keep), `${keep} was changed`);
  }
});

test('placeholders are stable: the same value always gets the same placeholder', () => {
  const redactor = learned();
  const out = redactor.redact(LOG);
  assert.match(out, /C:\\Users\\<user-1>\\Downloads\\msi\.log/);
  // the 8.3 short name and the DOMAIN\user form resolve to the same user
  assert.match(out, /CURRENTDIRECTORY=C:\\Users\\<user-1>\\Downloads/);
  assert.match(out, /<domain-1>\\<user-1> ran it/);
  assert.match(out, /DBPASSWORD = <secret-1>/);
  assert.match(out, /DBPASSWORD="<secret-1>"/);
  assert.equal(redactor.redact('again zhang.wei'), 'again <user-1>');
  const second = redactor.redact('Property(S): SVC_SECRET = Svc-S3cret-42');
  assert.equal(second, 'Property(S): SVC_SECRET = <secret-2>');
});

test('preview lists each distinct value once with its count, secrets masked', () => {
  const redactor = learned();
  redactor.redact(LOG);
  const items = redactor.preview().items;
  const user = items.find((i) => i.placeholder === '<user-1>');
  assert.ok(user && user.kind === 'user' && user.count >= 3);
  const secret = items.find((i) => i.kind === 'secret');
  assert.ok(secret && !secret.sample.includes('Hunter2!') && secret.sample.includes('•'));
  assert.ok(items.some((i) => i.kind === 'sid' && i.sample.startsWith('S-1-5-21-')));
  assert.ok(
    items.some((i) => i.kind === 'mac') && items.some((i) => i.kind === 'ip') && items.some((i) => i.kind === 'email'),
  );
});

test('known identities from the environment are redacted before any learning', () => {
  const redactor = new Redactor({
    users: ['CONTOSO\\zhang.wei'],
    computers: ['WS-FIN-042'],
    sids: ['S-1-5-21-1-2-3-1001'],
  });
  // contoso.local ends in a suffix only private networks use: the whole name is the domain.
  assert.equal(redactor.redact('WS-FIN-042\\ZHANG.WEI on contoso.local'), '<computer-1>\\<user-1> on <domain-1>');
});

test('generic account names are redacted inside profile paths but not as words', () => {
  const redactor = new Redactor();
  redactor.learn('C:\\Users\\User\\AppData');
  assert.equal(
    redactor.redact('User policy for C:\\Users\\User\\AppData and C:\\Users\\Public'),
    'User policy for C:\\Users\\<user-1>\\AppData and C:\\Users\\Public',
  );
});

test('version-like dotted quads are not taken for IP addresses', () => {
  const redactor = new Redactor();
  assert.equal(
    redactor.redact('version 1.2.0.0 / v2.0.0.1 / host 172.16.0.9'),
    'version 1.2.0.0 / v2.0.0.1 / host <ip-1>',
  );
});

test('hidden properties declared after their value are still caught', () => {
  const redactor = new Redactor();
  const log =
    "PROPERTY CHANGE: Adding CONNSTR property. Its value is 'server;pw'.\r\nProperty(S): MsiHiddenProperties = CONNSTR\r\n";
  redactor.learn(log);
  assert.ok(!redactor.redact(log).includes("'server;pw'"));
});

test('streamed redaction gives the same text whatever the chunk boundaries', () => {
  const text = LOG + '\r\n';
  for (const size of [1, 7, 64, 1000]) {
    const redactor = learned();
    const stream = new StreamRedactor(redactor);
    let out = '';
    for (let i = 0; i < text.length; i += size) out += stream.push(text.slice(i, i + size));
    out += stream.flush();
    assert.equal(out, learned().redact(text), `chunk size ${size}`);
  }
});

test('false positives seen in real logs stay readable: version strings, public key tokens, installer bookkeeping keys', () => {
  const redactor = new Redactor();
  const lines = [
    'Executing op: ProductRegister(UpgradeCode={20BDC255-ECAE-478C-9663-1C58E9449E95},VersionString=1.0.0.0,,,,Publisher=Dust)',
    'Executing op: RegRemoveValue(Name=DisplayVersion,Value=1.0.0.0,)',
    'AssemblyName=Dell.RPC.Transport,Version="1.0.0.0",PublicKeyToken="31bf3856ad364e35"',
    'Property(S): MsiRestartManagerSessionKey = 0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d',
    'Property(S): PackageKey = {F5C1A06A-56B1-4114-BFEC-93C726720DDC}',
  ].join('\n');
  assert.equal(redactor.redact(lines), lines);
  assert.equal(redactor.redact('Property(S): ProductKey = ABCDE-12345'), 'Property(S): ProductKey = <secret-1>');
  assert.equal(redactor.redact('Property(S): LogonUser = User'), 'Property(S): LogonUser = <user-1>');
});

test('folders after a variable are not UNC servers: AppData and System32 survive, real servers do not', () => {
  const text = [
    'TEMP REG_EXPAND_SZ %USERPROFILE%\\AppData\\Local\\Temp',
    '{"registryValue":"%USERPROFILE%\\\\AppData\\\\Local\\\\Temp","ps":"%SystemRoot%\\\\System32\\\\WindowsPowerShell"}',
    'raw: "%windir%\\\\\\\\System32\\\\\\\\msiexec.exe" $(TargetDir)\\\\bin ..\\\\Setup\\\\x ${env:ProgramData}\\\\Contoso',
    'copy from \\\\fileserver01\\share$\\setup.msi and "\\\\\\\\buildhost7\\\\drop\\\\app.msi"',
  ].join('\n');
  const redactor = new Redactor();
  redactor.learn(text);
  const out = redactor.redact(text);
  for (const kept of ['AppData', 'System32', 'bin', 'Setup', 'Contoso'])
    assert.ok(out.includes(kept), `${kept}: ${out}`);
  for (const gone of ['fileserver01', 'buildhost7']) assert.ok(!out.toLowerCase().includes(gone), `${gone}: ${out}`);
});

test('a text (or a piece of a stream) that starts with a SID marker still has its later SIDs redacted', () => {
  const text = '-1-5-21-1-2-3 cut here; owner S-1-5-21-1004336348-1177238915-682003330-1107 and S-1-12-1-11-22-33-44';
  const out = new Redactor().redact(text);
  assert.doesNotMatch(out, /1004336348|S-1-12-1-11/, out);
});

test('what the redactor learns does not keep the pieces of log it learned from in memory', () => {
  // A full collection, without starting node with --expose-gc (the flag is set for this test only).
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const filler = 'MSI (s) (A4:B8) [10:11:12:123]: Doing action: InstallFiles with ordinary text\r\n'.repeat(6600);
  gc();
  const before = process.memoryUsage().heapUsed;
  const redactor = new Redactor();
  for (let i = 0; i < 40; i++) {
    // A fresh flat piece of about 512 KiB, as a file piece is, with a distinct name, secret and property in it.
    const piece = Buffer.from(
      `${filler}Property(S): USERPROFILE = C:\\Users\\longusername${String(i).padStart(8, '0')}\r\n` +
        `Property(S): DBPASSWORD = SecretValueNumber${i}xyz\r\nProperty(S): SOMEPROPERTYNAME${i} = ordinary value ${i}\r\n`,
    ).toString();
    redactor.learn(piece);
  }
  gc();
  const retainedMb = (process.memoryUsage().heapUsed - before) / 1048576;
  assert.equal(redactor.identities().users.length, 40);
  // The 40 pieces are 20 MB; the names, secrets and properties learned from them are a few KB.
  assert.ok(retainedMb < 8, `${retainedMb.toFixed(1)} MB retained after learning from 40 pieces of 512 KiB`);
});

test('Korean key names: 비밀번호, 사용자, 서버 (in text; Korean in a file is decoded as doubtful, see text-regions.ts)', () => {
  const text = 'CAQuietExec64:  비밀번호=Hangang#5521 사용자: kim.minjun 서버=SEOUL-SQL-03\r\n';
  const redactor = new Redactor();
  redactor.learn(text);
  const out = redactor.redact(text);
  assert.doesNotMatch(out, /Hangang|kim\.minjun|SEOUL-SQL/, out);
});
