// Findings about a package before it is installed: custom-action rollback and sequencing mistakes, actions that run
// at the wrong time or with the wrong rights, per-machine installs that need elevation, VBScript/JScript actions,
// and (with the machine's installed products) what Windows Installer will say: maintenance mode, 1638, downgrade.
import type { InstalledProductRef, MsiPackage, PackageCustomAction, PackageFinding } from '../contract/msi-package.ts';
import { runsCode } from './custom-action-type.ts';
import { conditionFacts } from './condition-facts.ts';
import { compareMsiVersions } from './msi-version.ts';

const EXECUTE = 'InstallExecuteSequence';

/** Machine-wide locations and tools in a command line or target (heuristic: case-insensitive, linear patterns). */
const MACHINE_LOCATION =
  /HKLM\\|HKEY_LOCAL_MACHINE|\[(?:SystemFolder|System64Folder|System16Folder|WindowsFolder|WindowsVolume|ProgramFilesFolder|ProgramFiles64Folder|ProgramFiles6432Folder|CommonFilesFolder|CommonFiles64Folder|CommonAppDataFolder)\]|%(?:SystemRoot|windir|ProgramFiles|ProgramData|CommonProgramFiles)%|[A-Z]:\\(?:Windows|Program Files|ProgramData)\\/i;
const ADMIN_TOOL =
  /(?:^|[\s"\\/\]])(?:sc|reg|regsvr32|netsh|icacls|cacls|takeown|schtasks|bcdedit|dism|msiexec|installutil|certutil|net|wevtutil|pnputil|setx|wmic|vssadmin)(?:\.exe)?(?=["\s]|$)/i;
/** DLL entry points whose names say they change the system (a DLL's code cannot be read from the table). */
const CHANGING_ENTRY =
  /^(?:Install|Uninstall|Register|Unregister|Create|Delete|Remove|Write|Add|Configure|Config|Start|Stop|Copy|Move|Grant|Update|Exec|Schedule|Sched|Apply|Set(?!Prop|Var|Up|CustomActionData))/i;
/** Entry points that only look (checks, searches, property setters). */
const LOOKING_ENTRY = /Check|Detect|Find|Validate|Verify|Search|Query|Read|Get|Propert|CustomActionData|Log/i;

export function changesMachine(ca: PackageCustomAction, perMachine: boolean): boolean {
  const text = `${ca.source ?? ''} ${ca.target ?? ''}`;
  if (MACHINE_LOCATION.test(text) || ADMIN_TOOL.test(ca.target ?? '')) return true;
  if (ca.kind === 'dll' && perMachine) {
    const entry = (ca.target ?? '').trim();
    return CHANGING_ENTRY.test(entry) && !LOOKING_ENTRY.test(entry);
  }
  return false;
}

interface Scheduled {
  ca: PackageCustomAction | null;
  action: string;
  sequence: number;
  condition: string | null;
}

function executeSequence(pkg: MsiPackage): Scheduled[] {
  const list: Scheduled[] = [];
  for (const ca of pkg.customActions)
    for (const s of ca.sequences)
      if (s.table === EXECUTE && s.sequence !== null)
        list.push({ ca, action: ca.name, sequence: s.sequence, condition: s.condition });
  return list.sort((a, b) => a.sequence - b.sequence || a.action.localeCompare(b.action));
}

const caRow = (name: string) => ({ table: 'CustomAction', key: name });
const seqRow = (name: string) => ({ table: EXECUTE, key: name });

/** Names that pair a rollback action with the action it undoes: "RollbackInstallFoo" / "InstallFoo_Rollback". */
function baseName(name: string): string {
  return name
    .replace(/rollback|undo|rb(?=[A-Z_.])|^rb|rb$/gi, '')
    .replace(/[_.]/g, '')
    .toLowerCase();
}

function undoneBy(rollback: PackageCustomAction, deferred: PackageCustomAction[]): PackageCustomAction | null {
  const base = baseName(rollback.name);
  const exact = deferred.find((d) => baseName(d.name) === base);
  if (exact) return exact;
  // "RbConfigure" undoes "ConfigureService" rather than "UnconfigureService": the closest name wins.
  const similar = deferred
    .filter((d) => {
      const other = baseName(d.name);
      return base.length >= 3 && other.length >= 3 && (base.includes(other) || other.includes(base));
    })
    .sort((a, b) => Math.abs(baseName(a.name).length - base.length) - Math.abs(baseName(b.name).length - base.length));
  if (similar[0]) return similar[0];
  // Otherwise the one deferred action running the same DLL or EXE (with another entry point) is its pair.
  const sameCode = deferred.filter(
    (d) => d.kind === rollback.kind && d.source !== null && d.source === rollback.source,
  );
  return sameCode.length === 1 ? sameCode[0]! : null;
}

function rollbackFindings(pkg: MsiPackage): PackageFinding[] {
  const findings: PackageFinding[] = [];
  const schedule = executeSequence(pkg);
  const deferred = schedule.filter((s) => s.ca?.execution === 'deferred' && runsCode(s.ca.kind));
  const rollbacks = schedule.filter((s) => s.ca?.execution === 'rollback');
  const late = new Set<string>();
  const misplaced = new Set<string>();
  for (const r of rollbacks) {
    const target = undoneBy(
      r.ca!,
      deferred.map((d) => d.ca!),
    );
    const targetAt = target ? deferred.find((d) => d.ca === target) : undefined;
    if (target && targetAt && r.sequence > targetAt.sequence) {
      late.add(target.name);
      misplaced.add(r.action);
      findings.push({
        id: 'rollback-after-action',
        severity: 'problem',
        heuristic: false,
        rows: [caRow(r.action), seqRow(r.action), caRow(target.name), seqRow(target.name)],
        params: { rollback: r.action, rollbackSequence: r.sequence, action: target.name, sequence: targetAt.sequence },
      });
    }
  }
  // Pair in sequence order: each rollback action sequenced earlier can cover one later deferred action.
  let pool = 0;
  for (const s of schedule) {
    if (s.ca?.execution === 'rollback') pool += misplaced.has(s.action) ? 0 : 1;
    else if (s.ca?.execution === 'deferred' && runsCode(s.ca.kind)) {
      if (pool > 0 && !late.has(s.action)) pool--;
      else
        findings.push({
          id: 'deferred-without-rollback',
          severity: 'warning',
          heuristic: false,
          rows: [caRow(s.action), seqRow(s.action)],
          params: { action: s.action, sequence: s.sequence },
        });
    }
  }
  return findings;
}

function timingFindings(pkg: MsiPackage): PackageFinding[] {
  const findings: PackageFinding[] = [];
  const perMachine = pkg.scope !== 'per-user';
  for (const s of executeSequence(pkg)) {
    const ca = s.ca!;
    if (!runsCode(ca.kind) || ca.execution === 'rollback' || ca.execution === 'commit') continue;
    const facts = conditionFacts(s.condition);
    const changing = ca.execution === 'deferred' || (ca.kind !== 'nested' && changesMachine(ca, perMachine));
    const params = { action: s.action, sequence: s.sequence, condition: s.condition ?? '' };
    if (changing && !facts.distinguishesInstallFromRemoval)
      findings.push({
        id: 'runs-on-install-and-uninstall',
        severity: 'warning',
        heuristic: ca.execution === 'immediate',
        rows: [caRow(s.action), seqRow(s.action)],
        params,
      });
    if (facts.uninstallTime && !facts.excludesUpgradeRemoval)
      findings.push({
        id: 'uninstall-action-on-upgrade',
        severity: 'warning',
        heuristic: false,
        rows: [caRow(s.action), seqRow(s.action)],
        params,
      });
  }
  return findings;
}

function rightsFindings(pkg: MsiPackage): PackageFinding[] {
  const findings: PackageFinding[] = [];
  const perMachine = pkg.scope !== 'per-user';
  for (const ca of pkg.customActions) {
    const executes = ca.sequences.filter((s) => s.table === EXECUTE || s.table === 'AdminExecuteSequence');
    if (ca.kind === 'nested' || !runsCode(ca.kind)) continue;
    const params = { action: ca.name, target: ca.target ?? '', source: ca.source ?? '' };
    if (ca.execution === 'immediate' && executes.length > 0 && changesMachine(ca, perMachine))
      findings.push({
        id: 'immediate-changes-system',
        severity: 'warning',
        heuristic: true,
        rows: [caRow(ca.name), ...executes.map((s) => ({ table: s.table, key: ca.name }))],
        params,
      });
    if (ca.execution !== 'immediate' && ca.impersonate && perMachine && changesMachine(ca, perMachine))
      findings.push({
        id: 'impersonated-deferred-needs-admin',
        severity: 'problem',
        heuristic: true,
        rows: [caRow(ca.name)],
        params,
      });
  }
  return findings;
}

function packageWideFindings(pkg: MsiPackage): PackageFinding[] {
  const findings: PackageFinding[] = [];
  if (pkg.scope === 'per-machine')
    findings.push({
      id: 'per-machine-needs-elevation',
      // Claiming "elevation not required" on a per-machine package means Windows will not even ask for consent.
      severity: pkg.summary.elevationNotRequired ? 'problem' : 'info',
      heuristic: false,
      rows: [{ table: 'Property', key: 'ALLUSERS' }],
      params: { allUsers: pkg.allUsers ?? '', uacFlag: pkg.summary.elevationNotRequired ? 'yes' : 'no' },
    });
  for (const ca of pkg.customActions)
    if (ca.kind === 'script' && ca.sequences.length > 0)
      findings.push({
        id: 'script-custom-action',
        severity: 'warning',
        heuristic: false,
        rows: [caRow(ca.name)],
        params: { action: ca.name, engine: ca.scriptEngine === 'jscript' ? 'JScript' : 'VBScript' },
      });
  return findings;
}

/** What Windows Installer will do with this package given what is installed (1638, maintenance, downgrade). */
export function installedFindings(pkg: MsiPackage, installed: readonly InstalledProductRef[]): PackageFinding[] {
  const findings: PackageFinding[] = [];
  const same = (a: string | null | undefined, b: string | null | undefined) =>
    Boolean(a && b && a.toUpperCase() === b.toUpperCase());
  const version = pkg.productVersion ?? '';
  for (const p of installed) {
    const params = {
      product: p.name ?? pkg.productName ?? p.productCode,
      installed: p.version ?? '?',
      package: version || '?',
      productCode: p.productCode,
      scope: p.scope,
    };
    const rows = [{ table: 'Property', key: 'ProductCode' }];
    if (same(p.productCode, pkg.productCode)) {
      const sameBuild =
        (p.version ?? '') === version && (!p.packageCode || !pkg.packageCode || same(p.packageCode, pkg.packageCode));
      findings.push({
        id: sameBuild ? 'already-installed' : 'same-product-other-package',
        severity: sameBuild ? 'warning' : 'problem',
        heuristic: false,
        rows,
        params,
      });
    } else if (
      same(p.upgradeCode, pkg.upgradeCode) &&
      p.version &&
      version &&
      compareMsiVersions(p.version, version) > 0
    )
      findings.push({
        id: 'newer-installed',
        severity: 'problem',
        heuristic: false,
        rows: [
          { table: 'Property', key: 'UpgradeCode' },
          { table: 'Upgrade', key: pkg.upgradeCode ?? '' },
        ],
        params,
      });
  }
  return findings;
}

/** Every finding about the package itself (installed products add theirs through installedFindings). */
export function packageFindings(pkg: MsiPackage): PackageFinding[] {
  return [...packageWideFindings(pkg), ...rollbackFindings(pkg), ...timingFindings(pkg), ...rightsFindings(pkg)];
}
