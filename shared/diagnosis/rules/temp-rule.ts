// Rule: Windows Installer's working folders (C:\Windows\Temp ACL, C:\Windows\Installer) and the user's TEMP/TMP, plus disk space.
import type { DiagnosisContext } from '../context.ts';
import type { UserTempInfo } from '../../contract/evidence-data.ts';
import { against, probeFact, probeRef, type Signal } from '../signal.ts';

function userTempSignals(t: UserTempInfo): Signal[] {
  const path = t.value ?? t.registryValue ?? `%${t.variable}%`;
  if (!t.exists || !t.isDirectory)
    return [
      probeFact('user-temp-broken', 0.8, 'temp-folders', 'user-temp-missing', { path }, { alwaysRelevant: true }),
    ];
  const out: Signal[] = [];
  if (t.writable === false)
    out.push(
      probeFact('user-temp-broken', 0.8, 'temp-folders', 'user-temp-not-writable', { path }, { alwaysRelevant: true }),
    );
  if (t.notLocal) out.push(probeFact('user-temp-broken', 0.45, 'temp-folders', 'user-temp-not-local', { path }));
  return out;
}

export function tempRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('temp-folders');
  if (!d) return [];
  const signals: Signal[] = [];
  const wt = d.windowsTemp;
  const aclRepairs = { repairs: ['restore-windows-temp-acl', 'retry-install-elevated-logged'] as const };
  if (!wt.exists || !wt.isDirectory) {
    signals.push(
      probeFact(
        'installer-folders-access',
        0.8,
        'temp-folders',
        'windows-temp-missing',
        {},
        { ...aclRepairs, repairs: [...aclRepairs.repairs] },
      ),
    );
  } else if (wt.aclChecked) {
    if (wt.usersCanCreate === false)
      signals.push(
        probeFact(
          'installer-folders-access',
          0.75,
          'temp-folders',
          'windows-temp-users-cannot-create',
          {},
          { repairs: [...aclRepairs.repairs] },
        ),
      );
    for (const deny of wt.denies)
      signals.push(
        probeFact(
          'installer-folders-access',
          0.7,
          'temp-folders',
          'windows-temp-deny',
          { sid: deny.sid },
          { repairs: [...aclRepairs.repairs] },
        ),
      );
    if (wt.missingDefaults.length > 0)
      signals.push(
        probeFact(
          'installer-folders-access',
          0.4,
          'temp-folders',
          'windows-temp-missing-defaults',
          { sids: wt.missingDefaults.join(', ') },
          { repairs: [...aclRepairs.repairs] },
        ),
      );
    if (wt.overPermissive.length > 0) {
      // Not a failure cause, a weakness left by an earlier "fix": shown as security whatever the symptom.
      signals.push(
        probeFact(
          'installer-folders-access',
          0.35,
          'temp-folders',
          'windows-temp-over-permissive',
          { sids: wt.overPermissive.map((a) => a.sid).join(', ') },
          { repairs: ['restore-windows-temp-acl'], security: true, alwaysRelevant: true },
        ),
      );
    }
  }
  const inst = d.installerFolder;
  if (!inst.exists || !inst.isDirectory)
    signals.push(
      probeFact(
        'installer-folders-access',
        0.6,
        'temp-folders',
        'installer-folder-missing',
        {},
        { repairs: ['retry-install-elevated-logged'] },
      ),
    );
  else {
    if (inst.ownerOk === false)
      signals.push(
        probeFact(
          'installer-folders-access',
          0.55,
          'temp-folders',
          'installer-folder-owner',
          { owner: inst.owner ?? '?' },
          { repairs: ['retry-install-elevated-logged'] },
        ),
      );
    if (inst.systemFullControl === false)
      signals.push(
        probeFact(
          'installer-folders-access',
          0.5,
          'temp-folders',
          'installer-folder-system-access',
          {},
          { repairs: ['retry-install-elevated-logged'] },
        ),
      );
  }
  signals.push(...userTempSignals(d.userTemp));
  // TMP usually equals TEMP: count the same folder once (independent signals only).
  const sameFolder = d.userTmp.value !== null && d.userTmp.value === d.userTemp.value;
  if (!sameFolder) signals.push(...userTempSignals(d.userTmp));
  if (d.lowSpaceDrives.length > 0)
    signals.push(
      probeFact('disk-full', 0.5, 'temp-folders', 'low-disk-space', { drives: d.lowSpaceDrives.join(', ') }),
    );

  const windowsTempOk =
    wt.exists &&
    wt.isDirectory &&
    wt.aclChecked &&
    wt.usersCanCreate !== false &&
    wt.denies.length === 0 &&
    wt.missingDefaults.length === 0;
  const installerOk = inst.exists && inst.isDirectory && inst.ownerOk !== false && inst.systemFullControl !== false;
  if (windowsTempOk && installerOk)
    signals.push(against('installer-folders-access', 0.7, probeRef('temp-folders', 'windows-temp-ok')));
  const userOk = (t: UserTempInfo) => t.exists && t.isDirectory && t.writable !== false && !t.notLocal;
  if (userOk(d.userTemp) && userOk(d.userTmp))
    signals.push(against('user-temp-broken', 0.75, probeRef('temp-folders', 'user-temp-ok')));
  return signals;
}
