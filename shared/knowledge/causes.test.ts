// Checks the cause catalog and myths: every CauseId has a complete bilingual entry; repairs, facts and myths are valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAUSE_IDS, REPAIR_IDS } from '../contract/ids.ts';
import { allCauses, causeInfo, hasCauseInfo } from './causes.ts';
import { allMyths, isMythId, mythsFor } from './myths.ts';
import { isFactId } from './facts.ts';

const zh = /[\u4e00-\u9fff]/;

test('every cause id has an entry with en + zh-CN texts', () => {
  for (const id of CAUSE_IDS) {
    assert.ok(hasCauseInfo(id), `missing cause ${id}`);
    const info = causeInfo(id);
    assert.equal(info.id, id);
    for (const text of [info.title, info.explanation, ...info.confirmedBy, ...info.ruledOutBy, ...info.nextSteps]) {
      assert.ok(text.en.trim(), `${id}: empty en`);
      assert.match(text['zh-CN'], zh, `${id}: zh-CN missing`);
    }
    assert.ok(info.nextSteps.length > 0, `${id}: no next steps`);
  }
  assert.equal(allCauses().length, CAUSE_IDS.length);
});

test('cause repairs, facts and myths reference real ids', () => {
  for (const info of allCauses()) {
    for (const r of info.repairs) assert.ok((REPAIR_IDS as readonly string[]).includes(r), `${info.id}: ${r}`);
    for (const f of [...info.confirmFacts, ...info.ruleOutFacts]) assert.ok(isFactId(f), `${info.id}: fact ${f}`);
    for (const m of info.myths) assert.ok(isMythId(m), `${info.id}: myth ${m}`);
  }
});

test('repair order is safest first: waiting and restarting come before system changes', () => {
  assert.deepEqual(causeInfo('another-install-in-progress').repairs, [
    'wait-for-installer',
    'restart-computer',
    'end-stuck-client-install',
  ]);
  assert.deepEqual(causeInfo('windows-update-busy').repairs, ['wait-for-installer']);
  assert.equal(causeInfo('pending-reboot').repairs[0], 'restart-computer');
  assert.equal(causeInfo('always-install-elevated').kind, 'security');
  // The dangerous "fixes" are never repairs: the closed repair vocabulary has none of them.
  for (const info of allCauses()) assert.ok(!info.repairs.some((r) => /zap|delete|takeown/.test(r)));
});

test('myths: complete bilingual entries, shown on the paths that touch them', () => {
  for (const myth of allMyths()) {
    for (const text of [myth.advice, myth.whyWrong, myth.instead]) {
      assert.ok(text.en.trim(), myth.id);
      assert.match(text['zh-CN'], zh, myth.id);
    }
    assert.ok(myth.codes.length + myth.causes.length > 0, `${myth.id}: never shown`);
  }
  const on1618 = mythsFor([1618], ['another-install-in-progress']);
  assert.ok(on1618.includes('kill-msiexec'));
  assert.ok(on1618.includes('delete-inprogress-key'));
  const on2503 = mythsFor([2503], ['installer-folders-access']);
  assert.ok(on2503.includes('everyone-full-control-temp'));
  assert.ok(on2503.includes('msiexec-a-as-admin'));
  assert.ok(on2503.includes('delete-installer-cache'));
  assert.deepEqual(mythsFor([], []), []);
});
