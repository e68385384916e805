// The answer's headline names this machine's cause specifically (the process, the folder, the marker, the policy),
// in both languages, from the typed evidence; without specific facts the finding has no headline (general words).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from './diagnose.ts';
import { parseSymptom } from './symptom.ts';
import { machine } from './testing/evidence-builders.ts';
import type { Finding } from '../contract/finding.ts';
import { translate } from '../knowledge/texts.ts';
import { HEADLINES } from '../knowledge/headlines.ts';
import { FACTS, type FactId } from '../knowledge/facts.ts';
import { restatesHeadline } from '../knowledge/headline-keys.ts';
import { rebootIndicatorIdSchema } from '../contract/evidence-data.ts';

type Overrides = Parameters<typeof machine>[0];

function top(symptom: string, overrides: Overrides): Finding {
  const findings = diagnose({ symptom: parseSymptom(symptom), evidence: machine(overrides), logs: [] });
  assert.ok(findings[0], 'a finding');
  return findings[0];
}

function headline(f: Finding, lang: 'en' | 'zh-CN'): string {
  assert.ok(f.headline, `${f.cause} has a headline`);
  const text = translate(f.headline, lang);
  assert.doesNotMatch(text, /\{\w+\}|@value\./, `${lang}: every placeholder filled: ${text}`);
  assert.notEqual(text, translate(f.explanation, lang), 'not the general explanation');
  return text;
}

const CASES: Array<{ name: string; symptom: string; machine: Overrides; cause: string; en: RegExp[]; zh: RegExp[] }> = [
  {
    name: '1618: the stuck process, its PID, its package and how long it has run',
    symptom: '1618',
    machine: {
      'install-in-progress': {
        mutex: 'busy',
        mutexDefinitive: true,
        clients: [
          {
            pid: 4242,
            parentPid: 900,
            sessionId: 1,
            packagePath: 'C:\\Users\\ana\\Downloads\\FinanceSuite-5.1.msi',
            commandLine: 'msiexec.exe /i "C:\\Users\\ana\\Downloads\\FinanceSuite-5.1.msi"',
            startedAt: '2026-11-21T10:00:00Z',
            ageMinutes: 190,
            kind: 'install',
          },
        ],
      },
    },
    cause: 'another-install-in-progress',
    en: [/msiexec\.exe/, /4242/, /FinanceSuite-5\.1\.msi/, /3 hours/],
    zh: [/msiexec\.exe/, /4242/, /FinanceSuite-5\.1\.msi/, /3 小时/, /您的安装/],
  },
  {
    name: '2503: the folder and what is wrong with its permissions',
    symptom: '2503',
    machine: { 'temp-folders': { windowsTemp: { usersCanCreate: false, missingDefaults: ['S-1-5-32-545'] } } },
    cause: 'installer-folders-access',
    en: [/C:\\Windows\\Temp/, /Users/, /can no longer create files/],
    zh: [/C:\\Windows\\Temp/, /Users/, /不能再在其中创建文件/],
  },
  {
    name: '2503: the user TEMP folder by its path',
    symptom: '2503',
    machine: {
      'temp-folders': {
        userTemp: {
          variable: 'TEMP',
          value: 'C:\\Users\\ana\\AppData\\Local\\Temp',
          registryValue: null,
          exists: false,
          isDirectory: false,
          writable: null,
          writeError: null,
          nonAscii: false,
          notLocal: false,
        },
      },
    },
    cause: 'user-temp-broken',
    en: [/C:\\Users\\ana\\AppData\\Local\\Temp/, /does not exist/],
    zh: [/C:\\Users\\ana\\AppData\\Local\\Temp/, /不存在/],
  },
  {
    name: 'pending reboot: which marker, named for a person',
    symptom: '1603',
    machine: {
      'pending-reboot': {
        pending: true,
        indicators: [{ id: 'wu-reboot-required', present: true, detail: null }],
        fileRenames: [],
        msiFileRenames: 0,
      },
    },
    cause: 'pending-reboot',
    en: [/Windows Update needs a restart/],
    zh: [/Windows 更新需要重启/],
  },
  {
    name: 'installer service disabled: its state',
    symptom: '1601',
    machine: { 'installer-service': { startType: 'disabled', startValue: 4, state: 'stopped' } },
    cause: 'installer-service-disabled',
    en: [/Disabled/, /now stopped/],
    zh: [/禁用/, /已停止/],
  },
  {
    name: 'policy: which policy and its value',
    symptom: '1625',
    machine: { policies: { disableMsi: 2 } },
    cause: 'policy-blocked',
    en: [/DisableMSI/, /value 2/, /all applications/],
    zh: [/DisableMSI/, /2/, /所有应用程序/],
  },
];

for (const c of CASES) {
  test(`headline: ${c.name} (en, zh-CN)`, () => {
    const f = top(c.symptom, c.machine);
    assert.equal(f.cause, c.cause);
    const en = headline(f, 'en');
    for (const re of c.en) assert.match(en, re);
    const zh = headline(f, 'zh-CN');
    for (const re of c.zh) assert.match(zh, re);
    // The line of evidence shown under it says something else.
    assert.ok(!restatesHeadline(f.reasons.find((r) => !restatesHeadline(r, f.headline)) ?? f.reasons[0]!, f.headline));
  });
}

test('headline: without a specific fact (the reported code alone) there is none: the page shows the general words', () => {
  const findings = diagnose({ symptom: parseSymptom('1618'), evidence: [], logs: [] });
  const busy = findings.find((f) => f.cause === 'another-install-in-progress');
  assert.ok(busy, 'the code alone still names the cause');
  assert.equal(busy.headline, undefined);
});

test('headline: a headline restates its fact: the reason it came from is recognised, another reason is not', () => {
  const f = top('1618', CASES[0]!.machine);
  const source = f.reasons.find((r) => r.key === 'fact.client-install-running');
  assert.ok(source && f.headline);
  assert.ok(restatesHeadline(source, f.headline));
  assert.ok(!restatesHeadline({ key: 'fact.mutex-busy', params: {} }, f.headline));
});

test('headline: every headline belongs to a fact and names the same values (no placeholder its fact lacks)', () => {
  // service-disabled's state and the reboot marker are params of the fact that its short sentence leaves out.
  const extra: Partial<Record<FactId, string[]>> = { 'service-disabled': ['state'] };
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [fact, text] of Object.entries(HEADLINES) as Array<[FactId, { en: string }]>) {
    assert.ok(Object.hasOwn(FACTS, fact), `${fact} is a fact`);
    const allowed = new Set([...names(FACTS[fact].text.en), ...(extra[fact] ?? [])]);
    for (const name of names(text.en))
      assert.ok(allowed.has(name!), `headline.${fact}: {${name}} is a param of the fact`);
  }
});

test('headline: every pending-restart marker has a name in both languages (the ids never show)', () => {
  for (const id of rebootIndicatorIdSchema.options) {
    for (const lang of ['en', 'zh-CN'] as const) {
      const text = translate({ key: `value.reboot-marker.${id}`, params: {} }, lang);
      assert.notEqual(text, `value.reboot-marker.${id}`, `${id} (${lang})`);
      assert.ok(!text.includes(id), `${id} (${lang}): ${text}`);
    }
  }
});
