// The answer's headline names this machine's cause specifically (the process, the folder, the marker, the policy),
// in both languages, from the typed evidence; without specific facts the finding has no headline (general words).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from './diagnose.ts';
import { parseSymptom } from './symptom.ts';
import { machine } from './testing/evidence-builders.ts';
import type { Finding } from '../contract/finding.ts';
import type { MsiClient } from '../contract/evidence-data.ts';
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

/** A 1618 machine whose one running install is `client` (its pid 4242, 190 minutes old), plus other evidence. */
function runningInstall(client: Partial<MsiClient>, overrides: Overrides = {}): Overrides {
  return {
    'install-in-progress': {
      mutex: 'busy',
      mutexDefinitive: true,
      clients: [{ ...(CASES[0]!.machine?.['install-in-progress']?.clients?.[0] as MsiClient), ...client }],
    },
    ...overrides,
  };
}

test('1618 headline: the product by its display name and version when the scan read the running package', () => {
  const f = top('1618', runningInstall({ product: { name: 'Contoso Finance Suite', version: '5.1.0' } }));
  const en = headline(f, 'en');
  assert.match(en, /has been running Contoso Finance Suite 5\.1\.0 for 3 hours/);
  assert.doesNotMatch(en, /FinanceSuite-5\.1\.msi/, 'the file only when nothing better is known');
  assert.match(headline(f, 'zh-CN'), /运行 Contoso Finance Suite 5\.1\.0 已经 3 小时/);
  // A name that already carries its version is not repeated.
  const named = top('1618', runningInstall({ product: { name: 'Contoso Ledger 4.6.2', version: '4.6.2' } }));
  assert.match(headline(named, 'en'), /running Contoso Ledger 4\.6\.2 for/);
});

test('1618 headline: msiexec /x {product code} names the installed product (installed versions, else its events)', () => {
  const code = '{6E2B7F0A-4C1D-4E8B-9F3A-2D7C51B0A946}';
  const removing = { packagePath: code, commandLine: `msiexec.exe /x ${code}`, kind: 'uninstall' as const };
  const installed = top(
    '1618',
    runningInstall(removing, {
      'installed-products': {
        installed: [
          {
            productCode: code.toLowerCase(),
            name: 'Contoso Ledger',
            version: '4.6.2',
            scope: 'machine',
            userSid: null,
            relation: 'same-version',
          },
        ],
      },
    }),
  );
  assert.match(headline(installed, 'en'), /running Contoso Ledger 4\.6\.2 for/);
  const fromEvents = top(
    '1618',
    runningInstall(removing, {
      'installer-events': {
        events: [
          {
            id: 11707,
            kind: 'install-result',
            time: '2026-11-01T10:00:00Z',
            recordId: 1,
            product: 'Contoso Ledger',
            version: '4.6.2',
            productCode: code,
            status: null,
            messageNumber: null,
            packagePath: null,
            pid: null,
            outcome: 'success',
            userSid: null,
            text: null,
          },
        ],
      },
    }),
  );
  assert.match(headline(fromEvents, 'zh-CN'), /运行 Contoso Ledger 4\.6\.2 已经/);
  // Nothing knows the code: the code is what there is (never an empty name).
  assert.match(
    headline(top('1618', runningInstall(removing)), 'en'),
    /running \{6E2B7F0A-4C1D-4E8B-9F3A-2D7C51B0A946\} for/,
  );
});

test('1618 headline: the .msi the user gave is the running one: its product name from the package read', () => {
  const f = top(
    '1618',
    runningInstall(
      {},
      {
        'installed-products': {
          msiPath: 'c:\\users\\ana\\downloads\\financesuite-5.1.msi',
          package: {
            readable: true,
            error: null,
            productCode: null,
            upgradeCode: null,
            productVersion: '5.1.0',
            productName: 'Contoso Finance Suite',
            manufacturer: null,
            allUsers: '1',
          },
        },
      },
    ),
  );
  assert.match(headline(f, 'en'), /running Contoso Finance Suite 5\.1\.0 for/);
});

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
