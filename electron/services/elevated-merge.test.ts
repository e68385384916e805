// Issue 15 #2: accepting the administrator prompt must not hide the classic 2503 (the user's TEMP lost the user's own
// entry but keeps Administrators:F). The scan keeps the user-TEMP facts of the user's own token and takes only the
// system folders' ACLs from the elevated run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSystem, systemScanOptions } from './system-factory.ts';
import { runScan } from './scan-service.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { combineElevated } from './probe-execution.ts';
import { tempFoldersProbe } from '../system/probes/temp-folders.ts';

async function scan(name: string) {
  const system = await createSystem({ simulate: name });
  return runScan({ symptom: '2503' }, { ...(await systemScanOptions(system)), parseSymptom, diagnose });
}

test('issue 15 #2: after the prompt, the user TEMP stays "not writable for you" and the ACLs come from the elevated run', async () => {
  const result = await scan('2503-user-temp-acl');
  assert.equal(result.elevation, 'granted');
  const evidence = result.evidence.find((e) => e.probe === 'temp-folders')!;
  assert.equal(evidence.elevated, true);
  assert.equal(evidence.status, 'problem');
  const data = evidence.data!;
  assert.equal(data.userTemp.writable, false, 'the administrator could write there; the user cannot');
  assert.equal(data.userTemp.writeError, '0x80070005');
  assert.notEqual(data.windowsTemp.sddl, null, "C:\\Windows\\Temp's ACL is only readable elevated");
  assert.equal(result.findings[0]?.cause, 'user-temp-broken');
});

test('issue 15 #2: an elevated error keeps the unelevated answer; a probe without mergeElevated takes the elevated one', async () => {
  const result = await scan('healthy');
  const ok = result.evidence.find((e) => e.probe === 'temp-folders')!;
  const failed = { ...ok, status: 'error' as const, data: null, error: 'x', elevated: true };
  const context = { user: { sid: null, profile: null, temp: null } } as never;
  assert.equal(combineElevated(tempFoldersProbe, ok, failed, context), ok);
  const { mergeElevated: _merge, ...plain } = tempFoldersProbe;
  assert.equal(combineElevated(plain, ok, { ...ok, elevated: true }, context).elevated, true);
});
