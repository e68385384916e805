// Every text key exists in en and zh-CN with the same {placeholders}; every key the code and the findings use exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allTextKeys, hasText, lookupText, textTables, translate, nestedParam } from './texts.ts';
import { REPAIR_IDS, CAUSE_IDS } from '../contract/ids.ts';
import { diagnose } from '../diagnosis/diagnose.ts';
import { parseSymptom } from '../diagnosis/symptom.ts';
import { machine } from '../diagnosis/testing/evidence-builders.ts';
import type { Finding } from '../contract/finding.ts';
import { formatFindings } from '../diagnosis/format-findings.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const here = dirname(fileURLToPath(import.meta.url));

test('every table entry has en and zh-CN with identical placeholders', () => {
  let count = 0;
  for (const { name, table } of textTables()) {
    for (const [key, text] of Object.entries(table)) {
      count++;
      assert.ok(text.en && text.en.trim(), `${name}:${key} has no English`);
      assert.ok(text['zh-CN'] && text['zh-CN'].trim(), `${name}:${key} has no Chinese`);
      assert.deepEqual(placeholders(text['zh-CN']), placeholders(text.en), `${name}:${key} placeholders differ`);
    }
  }
  assert.ok(count > 500, `expected a large table, got ${count}`);
});

test('no key is defined by two tables', () => {
  const seen = new Map<string, string>();
  for (const { name, table } of textTables()) {
    for (const key of Object.keys(table)) {
      assert.ok(!seen.has(key), `${key} defined in ${seen.get(key)} and ${name}`);
      seen.set(key, name);
    }
  }
});

test('keys named in the knowledge and diagnosis sources exist', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(full);
    }
  };
  walk(join(here, '..', 'diagnosis'));
  walk(here);
  const missing: string[] = [];
  let found = 0;
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/['"`]((?:fact|symptom\.note|format|value|winget|repair)\.[a-z0-9.-]+)['"`]/g)) {
      const key = m[1]!;
      if (key.endsWith('.') || /\.(ts|msi|exe)$/.test(key)) continue;
      found++;
      if (!hasText(key)) missing.push(`${file.split('/').slice(-2).join('/')}: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(found > 80, `scanned ${found} key literals`);
});

test('every repair has a title, every cause a title/explanation, in both languages', () => {
  for (const r of REPAIR_IDS) assert.ok(lookupText(`repair.${r}.title`), `repair.${r}.title`);
  for (const c of CAUSE_IDS) {
    assert.ok(lookupText(`cause.${c}.title`), c);
    assert.ok(lookupText(`cause.${c}.explanation`), c);
  }
});

function refsOf(f: Finding) {
  return [f.title, f.explanation, ...f.reasons, ...f.manualSteps];
}

test('every text a finding carries resolves fully in both languages', () => {
  const inputs = ['', '1603', '1618', '2503', '0x80070643', '1638', '1625', '1920', '3010', 'garbage'];
  const machines = [
    machine(),
    machine({
      'temp-folders': { windowsTemp: { usersCanCreate: false }, userTemp: { exists: false, writable: null } },
    }),
    machine({
      policies: { alwaysInstallElevatedActive: true, alwaysInstallElevated: { hklm: 1, hkcu: 1 }, disableMsi: 2 },
    }),
    machine({
      'pending-reboot': {
        pending: true,
        indicators: [{ id: 'wu-reboot-required', present: true, detail: null }],
        msiFileRenames: 2,
      },
    }),
    machine({ 'installer-service': { startType: 'disabled', startValue: 4 } }),
    machine({
      'install-in-progress': {
        mutex: 'busy',
        mutexDefinitive: false,
        serviceBusy: true,
        inProgressKey: true,
        clients: [
          {
            pid: 9,
            parentPid: null,
            sessionId: 1,
            packagePath: null,
            commandLine: null,
            startedAt: null,
            ageMinutes: null,
            kind: 'unknown',
          },
        ],
        unmatchedBegin: [{ time: '2026-11-21T09:00:00Z', packagePath: null, clientPid: 9 }],
        backgroundInstallers: [{ name: 'CcmExec', kind: 'service', present: true, active: true }],
      },
    }),
  ];
  let checked = 0;
  for (const text of inputs) {
    for (const evidence of machines) {
      for (const f of diagnose({ symptom: parseSymptom(text), evidence, logs: [] })) {
        for (const ref of refsOf(f)) {
          assert.ok(hasText(ref.key), `missing key ${ref.key}`);
          for (const lang of ['en', 'zh-CN'] as const) {
            const out = translate(ref, lang);
            assert.doesNotMatch(out, /\{\w+\}/, `${ref.key} (${lang}) left a placeholder: ${out}`);
            assert.doesNotMatch(out, /@[a-z]+\.[a-z]/, `${ref.key} (${lang}) nested value not resolved: ${out}`);
            checked++;
          }
        }
        for (const lang of ['en', 'zh-CN'] as const) {
          for (const line of formatFindings([f], lang))
            assert.doesNotMatch(line, /\{\w+\}|^(fact|cause|repair|format)\.[a-z]/, line);
        }
      }
    }
  }
  assert.ok(checked > 200, `checked ${checked}`);
});

test('translate falls back to English, then to the key; nested params translate', () => {
  assert.equal(translate({ key: 'no.such.key', params: {} }, 'zh-CN'), 'no.such.key');
  assert.equal(translate({ key: 'value.age.hours', params: { count: 3 } }, 'zh-CN'), '3 小时');
  assert.equal(
    translate(
      {
        key: 'fact.client-install-running',
        params: { package: 'X.msi', age: nestedParam('value.age.hours', { count: 3 }), pid: 42 },
      },
      'en',
    ),
    'X.msi has been running for 3 hours (msiexec process 42).',
  );
  assert.ok(allTextKeys().includes('error.1603.title'));
});
