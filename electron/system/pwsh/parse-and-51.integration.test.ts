// PowerShell checks 1 and 2 (issue 15): every script the app can emit, built with ordinary and hostile parameters, is
// parsed by the real PowerShell parser ([Parser]::ParseInput): zero errors; and its AST holds no construct Windows
// PowerShell 5.1 lacks (windows-powershell-51.test-support.ts, one list with sources). Also: script bodies reach
// Windows only through the prelude (so check 3 can stub every primitive), and every CIM call carries a timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { swapPrelude } from '../run/powershell-prelude.ts';
import { runDriver, skipReason, type DriverJob, type ParseResult, powerShell } from './powershell-host.test-support.ts';
import { scriptCatalog } from './script-catalog.test-support.ts';
import { ps51Findings, WINDOWS_POWERSHELL_51_RULES } from './windows-powershell-51.test-support.ts';
import { AWAITING_PRELUDE, awaitsPrelude } from './stub-layer.test-support.ts';

const skip = skipReason();

/** Cmdlets and .NET types that touch Windows: allowed only inside the prelude (run/powershell-prelude.ts). */
const PRIMITIVE_COMMANDS = [
  'get-item',
  'get-itemproperty',
  'get-childitem',
  'test-path',
  'get-service',
  'get-ciminstance',
  'invoke-cimmethod',
  'get-wmiobject',
  'get-winevent',
  'get-acl',
  'get-process',
  'get-applockerpolicy',
  'new-item',
  'remove-item',
  'join-path',
  'split-path',
  'get-date',
  'new-object',
];
const PRIMITIVE_TYPES =
  /^(System\.)?(Security\.Principal\.|Threading\.Mutex|IO\.(File|Directory|DriveInfo|Path)$|Environment$|Runtime\.InteropServices\.)/i;

test('the list of Windows PowerShell 5.1 constructs names a source for every entry', () => {
  assert.ok(WINDOWS_POWERSHELL_51_RULES.length >= 20);
  for (const rule of WINDOWS_POWERSHELL_51_RULES) {
    assert.match(rule.source, /https:\/\//, rule.id);
    assert.match(rule.since, /\d/, rule.id);
  }
  assert.equal(new Set(WINDOWS_POWERSHELL_51_RULES.map((r) => r.id)).size, WINDOWS_POWERSHELL_51_RULES.length);
});

test(
  'PowerShell checks 1 and 2: every script the app can emit parses with zero errors and uses nothing Windows PowerShell 5.1 lacks',
  { skip },
  () => {
    const { scripts, refusals } = scriptCatalog();
    // The prelude-free bodies of the probe/repair/log-read scripts: what must not touch Windows directly.
    const bodies = scripts
      .filter((s) => ['probe', 'batch', 'repair', 'log-read'].includes(s.kind) && !awaitsPrelude(s.script))
      .map((s) => ({ ...s, id: `${s.id} (body)`, script: swapPrelude(s.script, () => '') }));
    // Known-bad snippets prove the rules and the parser still catch what they should (the check cannot pass vacuously).
    const canaries = [
      { id: 'canary ternary', script: '$a = $b ? 1 : 2' },
      { id: 'canary pipeline chain', script: 'Get-Thing && Get-Other' },
      { id: 'canary ?? and ?.', script: '$a = $b ?? 1; ${c}?.d' },
      { id: 'canary -Parallel', script: '1..3 | % -Parallel { $_ }' },
      { id: 'canary -AsHashtable', script: "'{}' | ConvertFrom-Json -AsHashtable -Depth 3" },
      { id: 'canary $IsWindows', script: 'if ($IsWindows) { }' },
      { id: 'canary clean', script: 'function f { process { } clean { } }' },
      { id: 'canary Get-Service 6+', script: '(Get-Service msiserver).StartupType' },
      { id: 'canary Split', script: "'a,b'.Split(', ')" },
      { id: 'canary syntax error', script: 'if ($a { }' },
    ];
    const jobs: DriverJob[] = [
      ...scripts.map((s) => ({ kind: 'parse' as const, id: s.id, script: s.script, facts: true })),
      ...bodies.map((s) => ({ kind: 'parse' as const, id: s.id, script: s.script, facts: true })),
      ...canaries.map((s) => ({ kind: 'parse' as const, id: s.id, script: s.script, facts: true })),
    ];
    const results = new Map(runDriver(jobs).map((r) => [r.id, r as ParseResult]));
    const problems: string[] = [];
    for (const s of scripts) {
      const r = results.get(s.id)!;
      for (const e of r.errors) problems.push(`${s.id}: parse error line ${e.line}:${e.column}: ${e.message}`);
      for (const f of ps51Findings(r.facts)) problems.push(`${s.id}: Windows PowerShell 5.1 lacks ${f}`);
      // Every CIM call has its own timeout (issue 15 #8): one hung WMI provider must not eat the script's time.
      for (const f of r.facts)
        if (
          f.kind === 'command' &&
          /^(get-ciminstance|invoke-cimmethod)$/i.test(f.name) &&
          !/OperationTimeoutSec/i.test(f.detail ?? '')
        )
          problems.push(`${s.id}: ${f.name} without -OperationTimeoutSec (line ${f.line})`);
    }
    for (const b of bodies) {
      const r = results.get(b.id)!;
      for (const f of r.facts) {
        if (f.kind === 'command' && PRIMITIVE_COMMANDS.includes(f.name.toLowerCase()))
          problems.push(`${b.id}: calls ${f.name} outside the prelude (line ${f.line})`);
        if (f.kind === 'member' && /static=True/.test(f.detail ?? '')) {
          const type = /type=([^;]*)/.exec(f.detail ?? '')?.[1] ?? '';
          if (PRIMITIVE_TYPES.test(type))
            problems.push(`${b.id}: calls [${type}]::${f.name} outside the prelude (line ${f.line})`);
        }
      }
    }
    const canary = (id: string): ParseResult => results.get(id)!;
    assert.ok(canary('canary syntax error').errors.length > 0, 'the parser reports a syntax error');
    for (const c of canaries.filter((c) => c.id !== 'canary syntax error'))
      assert.ok(ps51Findings(canary(c.id).facts).length > 0, `${c.id} is caught`);

    const parsed = scripts.length;
    const byKind = Object.entries(
      scripts.reduce<Record<string, number>>((n, s) => ({ ...n, [s.kind]: (n[s.kind] ?? 0) + 1 }), {}),
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    const found = powerShell();
    console.log(
      `PowerShell checks 1+2 (${found.ok ? found.command.label : ''}): ${parsed} scripts parsed (${byKind}), ${bodies.length} bodies checked for primitives (${scripts.filter((x) => awaitsPrelude(x.script)).length} scripts await the prelude: ${AWAITING_PRELUDE.join(', ')}), 0 expected errors; ${refusals.length} builds refused with a message`,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(AWAITING_PRELUDE, [], 'every script goes through the prelude: nothing may join AWAITING_PRELUDE');
    // A refusal is one of the app's refusals (a repair.refusal.* key with its texts, or a command line too long for
    // Windows), matched by key, never by words in the message: a crash ("Cannot read properties…") is not a refusal.
    for (const r of refusals) assert.notEqual(r.key, null, `${r.id} failed instead of refusing: ${r.message}`);
    assert.ok(parsed >= 90, `${parsed} scripts`);
  },
);
