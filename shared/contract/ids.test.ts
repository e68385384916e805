// Guards the shared vocabularies: no duplicates, and the cause ids the analyzer issue requires are all present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAUSE_IDS, PROBE_IDS, REPAIR_IDS, isCauseId, isRepairId } from './ids.ts';

test('id lists have no duplicates', () => {
  for (const list of [CAUSE_IDS, PROBE_IDS, REPAIR_IDS]) assert.equal(new Set(list).size, list.length);
});

test('the required cause ids exist', () => {
  const required = [
    'custom-action-failed',
    'service-start-failed',
    'service-install-failed',
    'insufficient-privileges',
    'another-install-in-progress',
    'installer-service-unavailable',
    'source-missing',
    'package-invalid',
    'package-path-invalid',
    'newer-version-installed',
    'other-version-installed',
    'patch-not-applicable',
    'launch-condition-failed',
    'files-in-use',
    'pending-reboot',
    'installer-folders-access',
    'unsupported-drive',
    'user-cancelled',
    'policy-blocked',
    'disk-full',
    'unknown',
  ];
  for (const id of required) assert.ok(isCauseId(id), id);
  assert.equal(isCauseId('made-up'), false);
  assert.ok(isRepairId('restart-computer'));
  assert.equal(isRepairId('msizap'), false);
});
