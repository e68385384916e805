// Tests: the guard refuses every never-automated action (architecture §6), in argv, cmd and PowerShell forms, and lets catalog commands pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandSpec } from '../run/command-runner.ts';
import { powerShellSpec } from '../run/powershell.ts';
import { forbiddenAction, guardCommand, ForbiddenCommandError } from './command-guard.ts';
import { buildSpec } from './command-builder.ts';
import { REPAIR_CATALOG } from './catalog.ts';
import { REPAIR_IDS } from '../../../shared/contract/ids.ts';
import { context, fullEvidence, PROFILE, USER_SID } from './repair-fixtures.test-support.ts';
import { ALL_PROBES, logReadCommand } from '../probes/index.ts';
import type { ProbeContext } from '../probes/probe.ts';
import type { RepairParams } from '../../../shared/contract/repair.ts';

/** A command by program name, as the catalog names it: the absolute System32 path. */
const spec = (file: string, ...args: string[]): CommandSpec => ({
  file: file.includes('\\') ? file : `C:\\Windows\\System32\\${/\.(exe|com)$/i.test(file) ? file : `${file}.exe`}`,
  args,
  encoding: 'oem',
});
const ps = (script: string): CommandSpec => powerShellSpec(script);

const FORBIDDEN: Array<[string, CommandSpec, string]> = [
  [
    'icacls grant Everyone F by SID',
    spec('icacls.exe', 'C:\\Windows\\Temp', '/grant', '*S-1-1-0:F'),
    'broad-full-control',
  ],
  [
    'icacls grant Everyone (OI)(CI)F',
    spec('icacls', 'C:\\Windows\\Temp', '/grant:r', '*S-1-1-0:(OI)(CI)F'),
    'broad-full-control',
  ],
  ['icacls grant Users (F)', spec('icacls.exe', 'C:\\Windows\\Temp', '/grant', 'Users:(F)'), 'broad-full-control'],
  [
    'icacls grant Users (OI)(CI)(M)',
    spec('icacls.exe', 'C:\\Windows\\Temp', '/grant', '*S-1-5-32-545:(OI)(CI)(M)'),
    'broad-full-control',
  ],
  [
    'icacls grant Everyone by name, German',
    spec('icacls.exe', 'C:\\Windows\\Temp', '/grant', 'Jeder:(OI)(CI)F'),
    'broad-full-control',
  ],
  ['icacls grant Authenticated Users F', spec('icacls.exe', 'D:\\Apps', '/grant', '*S-1-5-11:F'), 'broad-full-control'],
  ['icacls inside cmd /c', spec('cmd.exe', '/c', 'icacls C:\\Windows\\Temp /grant Everyone:F'), 'broad-full-control'],
  [
    'PowerShell Set-Acl Everyone FullControl',
    ps(
      "$r = New-Object System.Security.AccessControl.FileSystemAccessRule('Everyone','FullControl','Allow'); $a = Get-Acl C:\\x; $a.AddAccessRule($r); Set-Acl C:\\x $a",
    ),
    'broad-full-control',
  ],
  ['msizap', spec('msizap.exe', 'TW!', '{11111111-2222-3333-4444-555555555555}'), 'msizap'],
  ['msizap in PowerShell', ps('& C:\\Tools\\MsiZap.Exe G!'), 'msizap'],
  [
    'rd Windows\\Installer',
    spec('cmd.exe', '/d', '/c', 'rd', '/s', '/q', 'C:\\Windows\\Installer'),
    'windows-installer-folder',
  ],
  [
    'del in %windir%\\Installer',
    spec('cmd.exe', '/c', 'del /q %windir%\\Installer\\*.msp'),
    'windows-installer-folder',
  ],
  [
    'Remove-Item $env:windir\\Installer',
    ps('Remove-Item -Recurse -Force "$env:windir\\Installer\\*"'),
    'windows-installer-folder',
  ],
  [
    'Remove-Item c:/windows/installer',
    ps("Remove-Item -LiteralPath 'c:/windows/installer/1a2b.msi'"),
    'windows-installer-folder',
  ],
  [
    'reg delete InProgress',
    spec('reg.exe', 'delete', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer\\InProgress', '/f'),
    'delete-inprogress-key',
  ],
  [
    'Remove-Item InProgress',
    ps("Remove-Item 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer\\InProgress'"),
    'delete-inprogress-key',
  ],
  ['taskkill /IM msiexec.exe', spec('taskkill.exe', '/IM', 'msiexec.exe', '/F'), 'kill-installer-service'],
  ['Stop-Process -Name msiexec', ps('Stop-Process -Name msiexec -Force'), 'kill-installer-service'],
  ['Get-Process msiexec | Stop-Process', ps('Get-Process msiexec | Stop-Process -Force'), 'kill-installer-service'],
  ['sc stop msiserver', spec('sc.exe', 'stop', 'msiserver'), 'kill-installer-service'],
  ['net stop msiserver', spec('net.exe', 'stop', 'msiserver'), 'kill-installer-service'],
  [
    'EnableLUA 0 via reg add',
    spec(
      'reg.exe',
      'add',
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System',
      '/v',
      'EnableLUA',
      '/t',
      'REG_DWORD',
      '/d',
      '0',
      '/f',
    ),
    'disable-uac',
  ],
  [
    'EnableLUA 0 via PowerShell',
    ps(
      "Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System' -Name EnableLUA -Value 0",
    ),
    'disable-uac',
  ],
  ['takeown', spec('takeown.exe', '/f', 'C:\\Windows\\Temp', '/r', '/d', 'y'), 'takeown'],
  ['takeown in cmd', spec('cmd.exe', '/c', 'takeown /f C:\\Windows\\System32\\msiexec.exe'), 'takeown'],
  ['icacls /reset on C:\\Windows', spec('icacls.exe', 'C:\\Windows', '/reset', '/T'), 'reset-windows-acl'],
];

for (const [name, command, action] of FORBIDDEN) {
  test(`guard refuses: ${name}`, () => {
    assert.equal(forbiddenAction(command), action);
    assert.throws(() => guardCommand(command), ForbiddenCommandError);
  });
}

test('guard refuses ending the service by PID when the service PID is known', () => {
  assert.equal(
    forbiddenAction(spec('taskkill.exe', '/PID', '812', '/F'), { servicePid: 812 }),
    'kill-installer-service',
  );
  assert.equal(forbiddenAction(ps('Stop-Process -Id 812 -Force'), { servicePid: 812 }), 'kill-installer-service');
  // A client PID that merely starts with the same digits is fine.
  assert.equal(forbiddenAction(spec('taskkill.exe', '/PID', '8120', '/F'), { servicePid: 812 }), null);
  assert.equal(forbiddenAction(ps('Stop-Process -Id 8120 -Force'), { servicePid: 812 }), null);
});

test('guard lets the safe forms through', () => {
  const ok = [
    spec(
      'icacls.exe',
      'C:\\Windows\\Temp',
      '/grant:r',
      '*S-1-5-18:(OI)(CI)F',
      '*S-1-5-32-544:(OI)(CI)F',
      '*S-1-5-32-545:(CI)(S,WD,AD,X)',
      '*S-1-3-0:(OI)(CI)(IO)F',
    ),
    spec('icacls.exe', 'C:\\Windows\\Temp', '/remove:g', '*S-1-1-0'),
    spec(
      'reg.exe',
      'add',
      'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer',
      '/v',
      'Logging',
      '/t',
      'REG_SZ',
      '/d',
      'voicewarmupx',
      '/f',
    ),
    spec('sc.exe', 'config', 'msiserver', 'start=', 'demand'),
    spec('taskkill.exe', '/PID', '4242', '/F'),
    spec(
      'msiexec.exe',
      '/i',
      'C:\\Users\\张伟\\Downloads\\go1.23 (x64) & more.msi',
      '/L*v',
      'C:\\logs\\a.log',
      '/passive',
      '/norestart',
    ),
  ];
  for (const s of ok) assert.equal(forbiddenAction(s), null, [s.file, ...s.args].join(' '));
});

test('read-only probe commands that merely look at protected places pass (the guard also covers verification steps)', async () => {
  const { ALL_PROBES } = await import('../probes/index.ts');
  const context = {
    symptom: { input: '', exitCodes: [], messageNumbers: [], sources: [], unknown: true, notes: [] },
    msiPath: 'C:\\Users\\zhang.wei\\Downloads\\a.msi',
    logPaths: [],
    user: { sid: 'S-1-5-21-1-2-3-1001', profile: 'C:\\Users\\zhang.wei', temp: null },
    now: new Date('2026-11-21T12:00:00Z'),
  };
  for (const probe of ALL_PROBES)
    for (const s of probe.commands(context))
      assert.equal(forbiddenAction(s), null, `${probe.id}: ${s.label ?? s.file}`);
  assert.equal(
    forbiddenAction(
      ps("Test-Path -LiteralPath 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer\\InProgress'"),
    ),
    null,
  );
  assert.equal(forbiddenAction(ps("(Get-Acl -LiteralPath 'C:\\Windows\\Installer').Sddl")), null);
  assert.equal(
    forbiddenAction(
      spec(
        'reg.exe',
        'query',
        'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System',
        '/v',
        'EnableLUA',
      ),
    ),
    null,
  );
});

test('buildSpec is the one door: it throws for a forbidden command', () => {
  assert.throws(() => buildSpec('msizap.exe', ['G!']), ForbiddenCommandError);
  assert.throws(
    () => buildSpec('icacls.exe', ['C:\\Windows\\Temp', '/grant', '*S-1-1-0:(OI)(CI)F']),
    ForbiddenCommandError,
  );
});

/** Every command the catalog builds, plan and undo (rebuilt from the plan's recorded data). */
function everyRepairCommand(): Array<{ id: string; spec: CommandSpec }> {
  const params: Record<string, RepairParams> = {
    'retry-install-elevated-logged': { msiPath: 'C:\\Users\\zhang.wei\\Downloads\\tool-1.0.msi' },
    'wait-for-installer': { msiPath: 'C:\\Users\\zhang.wei\\Downloads\\tool-1.0.msi' },
    'restart-computer': { restartInMinutes: 5 },
  };
  const out: Array<{ id: string; spec: CommandSpec }> = [];
  for (const id of REPAIR_IDS) {
    const definition = REPAIR_CATALOG[id];
    const built = definition.build(context(params[id] ?? {}, fullEvidence()));
    for (const step of built.steps) if (step.spec) out.push({ id, spec: step.spec });
    let undo: ReturnType<NonNullable<typeof definition.undo>> = [];
    try {
      undo =
        definition.undo?.({
          data: definition.dataSchema.parse(built.data) as Record<string, unknown>,
          user: { sid: USER_SID, profile: PROFILE },
          windowsDir: 'C:\\Windows',
          backupDir: 'C:\\ProgramData\\MSI Doctor\\backups\\j1',
        }) ?? [];
    } catch {
      // a previous value the repair will not write back (refused): no command at all
    }
    for (const action of undo) for (const spec of action.specs) out.push({ id: `${id} (undo)`, spec });
  }
  return out;
}

/** Every command of every probe, in a session with an .msi and logs (so every probe applies). */
function everyProbeCommand(): Array<{ id: string; spec: CommandSpec }> {
  const ctx: ProbeContext = {
    symptom: { input: '1603', exitCodes: [1603], messageNumbers: [], sources: [], unknown: false, notes: [] },
    msiPath: 'C:\\Users\\zhang.wei\\Downloads\\tool-1.0.msi',
    logPaths: ['C:\\Users\\zhang.wei\\AppData\\Local\\Temp\\MSI1.LOG'],
    user: { sid: USER_SID, profile: PROFILE, temp: `${PROFILE}\\AppData\\Local\\Temp` },
    now: new Date('2026-11-21T12:00:00Z'),
  };
  const out: Array<{ id: string; spec: CommandSpec }> = ALL_PROBES.flatMap((p) =>
    p.commands(ctx).map((spec) => ({ id: p.id as string, spec })),
  );
  out.push({ id: 'recent-logs (read)', spec: logReadCommand('C:\\Windows\\Temp\\MSI1.LOG', 1024) });
  return out;
}

test('no catalog repair builds a forbidden command, in its plan or its undo', () => {
  const all = everyRepairCommand();
  for (const { id, spec } of all)
    assert.equal(forbiddenAction(spec, { servicePid: 812 }), null, `${id}: ${[spec.file, ...spec.args].join(' ')}`);
  assert.ok(all.length >= 25, `checked ${all.length} commands`);
});

/** An absolute program path under C:\Windows (what the guard requires; kept literal here on purpose). */
const ABSOLUTE_WINDOWS_PROGRAM =
  /^C:\\Windows\\(?:System32|Sysnative)\\(?:[^\\/:*?"<>|]+\\)*[^\\/:*?"<>|]+\.(?:exe|com)$/i;
const isWindowsProgramPath = (file: string): boolean => ABSOLUTE_WINDOWS_PROGRAM.test(file);

test('every built command of every repair and probe names its program by an absolute path under the Windows folder', () => {
  const all = [...everyRepairCommand(), ...everyProbeCommand()];
  for (const { id, spec } of all) {
    assert.ok(isWindowsProgramPath(spec.file), `${id}: ${spec.file}`);
    assert.equal(forbiddenAction(spec), null, `${id}: ${spec.file}`);
  }
  assert.ok(all.length >= 40, `checked ${all.length} commands`);
});

test('the guard refuses a program that is not an absolute path under the Windows folder', () => {
  for (const file of [
    'reg.exe',
    'reg',
    '.\\reg.exe',
    'System32\\reg.exe',
    'C:\\Users\\Public\\Downloads\\reg.exe',
    'C:\\Windows\\..\\Users\\Public\\reg.exe',
    'C:\\Windows\\System32\\reg.exe:evil.exe',
    'C:\\Windows\\System32\\reg.exe ',
    'C:/Windows/System32/reg.exe',
    '\\\\server\\share\\reg.exe',
    '%SystemRoot%\\System32\\reg.exe',
    'C:\\WindowsApps\\reg.exe',
    'C:\\Windows\\System32\\evil.bat',
  ]) {
    assert.equal(forbiddenAction({ file, args: ['query', 'HKLM\\x'], encoding: 'oem' }), 'program-not-absolute', file);
  }
  assert.equal(
    forbiddenAction({ file: 'C:\\Windows\\System32\\reg.exe', args: ['query', 'HKLM\\x'], encoding: 'oem' }),
    null,
  );
  assert.equal(
    forbiddenAction({ file: 'C:\\WINDOWS\\Sysnative\\reg.exe', args: ['query', 'HKLM\\x'], encoding: 'oem' }),
    null,
  );
});
