// `msi-doctor analyze` on deployment-tool logs: format detection, the attempt block, the joined finding with the MSI
// log given alongside, JSON with deployments, both languages, and a foreign CMTrace log refused in one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localTime } from '../../../shared/knowledge/local-time.ts';
import { analyzeCommand } from './analyze.ts';
import { logAnalysisSchema } from '../../../shared/contract/log-analysis.ts';
import { fakeIo } from '../cli-test-io.test-support.ts';

const deployFixtures = fileURLToPath(new URL('../../../shared/deploylog/fixtures/', import.meta.url));
const msiFixture = fileURLToPath(
  new URL('../../../shared/msilog/fixtures/verbose-deferred-ca.log.txt', import.meta.url),
);
const appEnforce = join(deployFixtures, 'configmgr-appenforce.log');

test('a ConfigMgr log alone: the attempt, its exit code as the tool reads it, where the MSI log is', async () => {
  const f = fakeIo();
  assert.equal(await analyzeCommand([appEnforce], f.io), 0);
  const out = f.out();
  assert.match(out, /\[configmgr, utf-8\]/);
  assert.match(
    out,
    /Deployment:\s+Configuration Manager — "Adatum Reader 5 - Windows Installer \(\*\.msi file\)" — FAILED/,
  );
  assert.match(out, /Console shows:\s+0x87D01106/);
  assert.match(out, /Attempts:\s+4 in this log \(2 not successful\)/);
  assert.match(out, /Findings/);
  assert.ok(!/\{\w+\}|deploy\.[a-z]/.test(out), 'no placeholder or key shown');
});

test('the deployment log with the MSI log it names: one joined finding, in English and Chinese', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-chain-'));
  try {
    const msi = join(dir, 'LitwareAgent-install.log'); // the relative /l*v name of the Litware attempt
    copyFileSync(msiFixture, msi);
    const en = fakeIo();
    assert.equal(await analyzeCommand([appEnforce, msi], en.io), 0);
    assert.match(
      en.out(),
      /Configuration Manager ran `"C:\\WINDOWS\\system32\\msiexec\.exe" \/i "LitwareAgent-2\.0\.msi" \/qn \/l\*v LitwareAgent-install\.log` as SYSTEM at [^;]+; it returned 1603 because custom action ConfigureDatabase failed: "/,
    );
    const zh = fakeIo();
    assert.equal(await analyzeCommand(['--lang', 'zh-CN', appEnforce, msi], zh.io), 0);
    assert.ok(en.out().includes(` at ${localTime('2026-07-02T07:00:01.100+02:00', 'en')};`), 'a local readable time');
    assert.ok(
      zh
        .out()
        .includes(
          `Configuration Manager 于 ${localTime('2026-07-02T07:00:01.100+02:00', 'zh-CN')} 以 SYSTEM 身份运行了`,
        ),
    );
    assert.match(zh.out(), /因为自定义操作 ConfigureDatabase 失败了/);
    assert.match(zh.out(), /部署:|部署：/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--json: log-analysis@1 with format and deployments', async () => {
  const f = fakeIo();
  assert.equal(await analyzeCommand(['--json', join(deployFixtures, 'intune-appworkload.log')], f.io), 0);
  const a = logAnalysisSchema.parse(JSON.parse(f.out()));
  assert.equal(a.format, 'intune');
  assert.equal(a.deployments?.length, 5);
  assert.equal(a.deployments?.[2]?.outcome, 'failure');
});

test('a CMTrace log of another program: one line on stderr, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-other-'));
  try {
    const other = join(dir, 'agent.log');
    writeFileSync(
      other,
      '<![LOG[Service started]LOG]!><time="10:00:00.000+000" date="01-02-2026" component="FooAgent" context="" type="1" thread="1" file="">\n',
    );
    const f = fakeIo();
    assert.equal(await analyzeCommand([other], f.io), 2);
    assert.equal(f.err().trim().split('\n').length, 1);
    assert.match(
      f.err(),
      /agent\.log: this CMTrace log is not from Configuration Manager, Intune or PSAppDeployToolkit/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
