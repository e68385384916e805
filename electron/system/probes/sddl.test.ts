// SDDL parsing and the ACL judgements of temp-folders (by SID and mask).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WINDOWS_TEMP_SDDL } from '../simulated/model.ts';
import {
  broadGroupsCanCreate,
  effectiveFileMask,
  FILE,
  hasFullControl,
  isDangerousGrant,
  parseSddl,
  rightsToMask,
} from './sddl.ts';
import { analyzeWindowsTemp } from './temp-folders.ts';

test('parseSddl: owner, DACL flags, aliases and masks', () => {
  const sd = parseSddl(DEFAULT_WINDOWS_TEMP_SDDL)!;
  assert.equal(sd.owner, 'S-1-5-18');
  assert.equal(sd.daclFlags, 'P');
  assert.equal(sd.dacl.length, 6);
  assert.deepEqual(sd.dacl[0], {
    type: 'allow',
    flags: ['CI'],
    rights: '0x100026',
    mask: 0x100026,
    sid: 'S-1-5-32-545',
  });
  assert.equal(parseSddl('not sddl'), null);
  assert.equal(
    parseSddl('O:S-1-5-21-1-2-3-1001G:S-1-5-21-1-2-3-513D:(A;OICI;FA;;;S-1-5-21-1-2-3-1001)')!.owner,
    'S-1-5-21-1-2-3-1001',
  );
});

test('rights: symbolic, hex and generic rights map to file masks', () => {
  assert.equal(rightsToMask('FA'), 0x1f01ff);
  assert.equal(rightsToMask('0x1301bf'), 0x1301bf);
  assert.equal(rightsToMask('CCDCLCSWRPWPDTLOCRSDRCWDWO'), 0xf01ff);
  assert.equal(effectiveFileMask(rightsToMask('GA')) & FILE.full, FILE.full);
});

test('default C:\\Windows\\Temp: users can create, nothing missing, nothing dangerous', () => {
  const wt = analyzeWindowsTemp(
    { path: 'C:\\Windows\\Temp', exists: true, isDirectory: true, sddl: DEFAULT_WINDOWS_TEMP_SDDL },
    null,
  );
  assert.equal(wt.usersCanCreate, true);
  assert.deepEqual(wt.missingDefaults, []);
  assert.deepEqual(wt.overPermissive, []);
  assert.deepEqual(wt.denies, []);
});

test('Users ACE removed, a deny for Users, Everyone Modify: each detected', () => {
  const noUsers = parseSddl('O:SYG:SYD:P(A;;FA;;;BA)(A;;FA;;;SY)(A;OICIIO;FA;;;CO)')!;
  assert.equal(broadGroupsCanCreate(noUsers), false);
  const denied = parseSddl(DEFAULT_WINDOWS_TEMP_SDDL.replace('D:P', 'D:P(D;;0x2;;;BU)'))!;
  assert.equal(broadGroupsCanCreate(denied), false);
  const wt = analyzeWindowsTemp(
    {
      path: 'C:\\Windows\\Temp',
      exists: true,
      isDirectory: true,
      sddl: DEFAULT_WINDOWS_TEMP_SDDL + '(A;OICI;0x1301bf;;;WD)',
    },
    null,
  );
  assert.deepEqual(
    wt.overPermissive.map((a) => a.sid),
    ['S-1-1-0'],
  );
  assert.equal(isDangerousGrant(parseSddl('D:(A;OICI;FA;;;SY)')!.dacl[0]!), false);
  assert.equal(hasFullControl(noUsers, 'S-1-5-18'), true);
  // The user's own SID counts (a per-user grant on their TEMP folder).
  assert.equal(broadGroupsCanCreate(parseSddl('D:(A;OICI;FA;;;S-1-5-21-1-2-3-1107)')!, 'S-1-5-21-1-2-3-1107'), true);
});
