// Probe path-environment: would a NEW terminal find the installed products? Machine + user Path from the registry
// (REG_EXPAND_SZ expanded with the registry's current variables), length limit, duplicates, missing folders, older
// copies earlier in PATH, and the products' own version commands run with that fresh environment (never elevated).
import { z } from 'zod';
import type {
  PathEntry,
  PathEnvironmentData,
  PathScope,
  ProductPathState,
  ProductReach,
  VersionRun,
} from '../../../shared/contract/evidence-data.ts';
import { askedRunSchema, versionRunSchema } from '../../../shared/contract/evidence-data.ts';
import {
  KNOWN_PRODUCTS,
  compareVersions,
  isKnownProductId,
  knownProduct,
  readVersionOutput,
  recogniseProduct,
  type KnownProduct,
} from '../../../shared/knowledge/known-products.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import type { ProbeContext, ProbeDefinition, ProbeVerdict } from './probe.ts';
import {
  errorVerdict,
  probeProcessScriptSpec,
  probeScriptSpec,
  psStringList,
  readScriptJson,
  verdict,
} from './probe-kit.ts';
import { trimChars, trimEndChars } from '../../../shared/text/trim-end.ts';

const TIMEOUT_MS = 30_000;
/** Per version command: a tool that hangs (waits for input, a licence prompt) is ended. */
export const VERSION_COMMAND_TIMEOUT_MS = 5_000;
/** All version commands together stop being started after this long (the probe must answer within its timeout). */
export const VERSION_COMMANDS_BUDGET_MS = 18_000;
/**
 * The PATH length a new process reliably gets: REG_EXPAND_SZ values whose expansion passes 2,047 characters are not
 * expanded by the environment builder, editors and `setx` cut long values; entries past it are treated as unreachable.
 */
export const PATH_LENGTH_LIMIT = 2047;
/** Output kept per stream of a version command. */
export const MAX_RUN_OUTPUT = 2000;

// Variables a new process inherits from the profile and the system rather than from the Environment keys.
export const BASE_VARIABLES = [
  'SystemRoot',
  'windir',
  'SystemDrive',
  'ProgramFiles',
  'ProgramFiles(x86)',
  'ProgramW6432',
  'CommonProgramFiles',
  'ProgramData',
  'ALLUSERSPROFILE',
  'PUBLIC',
  'USERPROFILE',
  'USERNAME',
  'HOMEDRIVE',
  'HOMEPATH',
  'LOCALAPPDATA',
  'APPDATA',
] as const;

// PowerShell 5.1. Values are read unexpanded ('DoNotExpandEnvironmentNames') and expanded here with the registry's
// current variables, because the app's own environment is as old as the app. Programs run only unelevated, with
// UseShellExecute off, a fresh environment block, no window, a timeout, and output read asynchronously. Written
// compactly (no indentation): the whole script with its prelude and parameters must fit -EncodedCommand (32,767).
const SCRIPT = String.raw`
$elevated = [bool](Test-MdAdministrator)
$sid = if ($params.userSid) { $params.userSid } else { Get-MdCurrentSid }
function Read-Env($path) { $l = $null; try { $l = Get-MdRegistryValueList $path } catch { }; , @($l | Where-Object { $null -ne $_ }) }
$machine = Read-Env 'Registry::HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
$user = Read-Env ('Registry::HKEY_USERS\' + $sid + '\Environment')
$vars = @{}
foreach ($n in $params.baseVariables) { $v = Get-MdEnvironmentVariable $n; if ($v) { $vars[$n] = $v } }
function Expand-Text([string]$text) {
[regex]::Replace($text, '%([^%;]{1,255})%', { param($m) $n = $m.Groups[1].Value; if ($vars.ContainsKey($n)) { $vars[$n] } else { $m.Value } })
}
foreach ($v in @($machine) + @($user)) { if ($v.name -ne 'Path') { $vars[$v.name] = Expand-Text $v.raw } }
function Path-Value($list) {
$v = @($list | Where-Object { $_.name -eq 'Path' })[0]
if ($v) { [pscustomobject]@{ raw = $v.raw; type = $v.type; expanded = (Expand-Text $v.raw) } } else { [pscustomobject]@{ raw = $null; type = $null; expanded = '' } }
}
$machinePath = Path-Value $machine
$userPath = Path-Value $user
$fresh = (@($machinePath.expanded, $userPath.expanded) | Where-Object { $_ }) -join ';'
$searched = if ($fresh.Length -gt $params.limit) { $fresh.Substring(0, $params.limit) } else { $fresh }
$exes = @($params.products | ForEach-Object { $_.executable } | Select-Object -Unique)
function Join-Folder([string]$folder, [string]$name) { $folder.TrimEnd('\') + '\' + $name }
function Test-File([string]$file) { try { [bool](Test-MdPath $file -Leaf) } catch { $false } }
function Test-Folder([string]$folder) { try { $folder -and [bool](Test-MdPath $folder -Container) } catch { $false } }
$entries = @()
foreach ($scope in 'machine', 'user') {
$pv = if ($scope -eq 'machine') { $machinePath } else { $userPath }
foreach ($raw in ([string]$pv.raw -split ';')) {
if ($raw.Trim() -eq '') { continue }
$exp = (Expand-Text $raw).Trim().Trim('"')
$exists = Test-Folder $exp
$has = @(if ($exists) { foreach ($e in $exes) { if (Test-File (Join-Folder $exp $e)) { $e } } })
$entries += [pscustomobject]@{ scope = $scope; raw = $raw; expanded = $exp; exists = $exists; executables = $has }
} }
$openPath = @(([string](Get-MdEnvironmentVariable 'Path')) -split ';' | Where-Object { $_ -ne '' })
$openHas = @()
foreach ($e in $exes) { foreach ($f in $openPath) { $d = $f.Trim().Trim('"'); if (Test-File (Join-Folder $d $e)) { $openHas += [pscustomobject]@{ executable = $e; folder = $d }; break } } }
$inst = $null
try { $inst = New-MdComObject 'WindowsInstaller.Installer' } catch { }
function Key-Files($pr, [string]$folder) { foreach ($s in @($pr.subs)) { $d = if ($s) { Join-Folder $folder $s } else { $folder }; Join-Folder $d $pr.executable } }
$arp = @()
foreach ($a in @(Get-MdUninstallEntry $sid)) {
if ($null -eq $a -or -not $a.name -or $a.name.Length -gt 260) { continue }
$code = $null; $state = $null
if ([string]$a.key -match '^\{[0-9A-Fa-f-]{36}\}$') { $code = [string]$a.key; if ($inst) { try { $state = [int](Invoke-MdComMember $inst 'ProductState' 'GetProperty' @($code)) } catch { } } }
$loc = if ($a.installLocation) { (Expand-Text $a.installLocation).Trim().Trim('"') } else { '' }
$files = @(if (Test-Folder $loc) { foreach ($pr in $params.products) { Key-Files $pr $loc | Where-Object { Test-File $_ } } })
$arp += [pscustomobject]@{ name = [string]$a.name; version = $a.version; publisher = $a.publisher; installLocation = $a.installLocation; scope = $a.scope; productCode = $code; productState = $state; keyFiles = $files }
}
$block = $vars.Clone()
$block['Path'] = $searched
function Resolve-Command([string]$name) {
foreach ($f in ($searched -split ';')) {
$f = $f.Trim().Trim('"'); if (-not $f) { continue }
foreach ($ext in '.exe', '.cmd', '.bat') { $c = Join-Folder $f ($name + $ext); if (Test-File $c) { return $c } }
}
}
function Cut([string]$text) { if ($text.Length -gt $params.maxOutput) { $text.Substring(0, $params.maxOutput) } else { $text } }
$products = @()
$started = Get-MdNow
foreach ($pr in $params.products) {
$keyFiles = @(foreach ($f in @($pr.folders)) { Key-Files $pr (Expand-Text $f) | Where-Object { Test-File $_ } })
$runs = @()
foreach ($c in $pr.commands) {
$program = Resolve-Command $c.command
if (-not $program -and -not $pr.addsToPath -and $keyFiles.Count -gt 0) { $program = $keyFiles[0] }
$run = [ordered]@{ command = ((@($c.command) + @($c.args)) -join ' '); program = $program; ran = $false; notRun = $null; exitCode = $null; stdout = ''; stderr = '' }
if (-not $program) { $run.notRun = 'not-found' }
elseif ($elevated) { $run.notRun = 'elevated' }
elseif (-not $params.runCommands) { $run.notRun = 'not-asked' }
elseif (((Get-MdNow) - $started).TotalMilliseconds -gt $params.budgetMs) { $run.notRun = 'time-limit' }
else {
$o = Invoke-MdProgram $program @($c.args) $block $vars['USERPROFILE'] $params.commandTimeoutMs
$run.ran = $true; $run.exitCode = $o.exitCode; $run.stdout = Cut $o.stdout; $run.stderr = Cut $o.stderr
if ($o.timedOut) { $run.notRun = 'timed-out' }
}
$runs += [pscustomobject]$run
}
$products += [pscustomobject]@{ id = $pr.id; keyFiles = $keyFiles; runs = $runs }
}
$asked = $null
if ($params.asked) {
$q = $params.asked; $e = Test-File $q.program
$asked = [ordered]@{ program = $q.program; exists = $e; ran = $false; notRun = $null; exitCode = $null; stdout = ''; stderr = '' }
if (-not $e) { $asked.notRun = 'not-found' } elseif ($elevated) { $asked.notRun = 'elevated' }
else { $o = Invoke-MdProgram $q.program @($q.args) $block $vars['USERPROFILE'] $params.commandTimeoutMs; $asked.ran = $true; $asked.exitCode = $o.exitCode; $asked.stdout = Cut $o.stdout; $asked.stderr = Cut $o.stderr; if ($o.timedOut) { $asked.notRun = 'timed-out' } }
$asked = [pscustomobject]$asked
}
[pscustomobject]@{ elevated = $elevated; machinePath = $machinePath; userPath = $userPath; entries = $entries; openPathHas = $openHas; arp = $arp; products = $products; asked = $asked } | ConvertTo-Json -Compress -Depth 6
`;

// Explorer's PATH, the one the terminals it starts get: read from Explorer's own environment block, in a process of
// its own (the reader is compiled with Add-Type; a failure there must not cost the PATH check above).
const SHELL_SCRIPT = String.raw`
$p = Get-MdShellEnvironmentPath
[pscustomobject]@{ read = ($null -ne $p); path = $(if ($null -ne $p) { [string]$p } else { '' }) } | ConvertTo-Json -Compress
`;
const SHELL_TIMEOUT_MS = 20_000;
export const shellEnvironmentOutputSchema = z.object({ read: z.boolean(), path: z.string() });

const pathValueOut = z.object({ raw: z.string().nullable(), type: z.string().nullable(), expanded: z.string() });
export const pathEnvironmentOutputSchema = z.object({
  elevated: z.boolean(),
  machinePath: pathValueOut,
  userPath: pathValueOut,
  entries: z.array(
    z.object({
      scope: z.enum(['machine', 'user']),
      raw: z.string(),
      expanded: z.string(),
      exists: z.boolean(),
      executables: psStringList,
    }),
  ),
  /** Per executable, the first folder of the app's own (inherited) PATH holding it. */
  openPathHas: z
    .union([
      z.array(z.object({ executable: z.string(), folder: z.string() })),
      z.object({ executable: z.string(), folder: z.string() }),
      z.null(),
    ])
    .transform((v) => (v === null ? [] : Array.isArray(v) ? v : [v])),
  arp: z.array(
    z.object({
      name: z.string(),
      version: z.string().nullable(),
      publisher: z.string().nullable(),
      installLocation: z.string().nullable(),
      scope: z.enum(['machine', 'user']),
      /** The entry's key when it is a product code (an MSI install), and Installer.ProductState of it (5 installed). */
      productCode: z.string().nullable().default(null),
      productState: z.number().int().nullable().default(null),
      /** Known executables found under InstallLocation (the products' bin subfolders). */
      keyFiles: psStringList.default([]),
    }),
  ),
  /** The program the user asked to run (verify --run-key-file), null otherwise. */
  asked: askedRunSchema.nullable().default(null),
  products: z.array(
    z.object({
      id: z.string(),
      keyFiles: psStringList,
      // What the script prints of each run: the contract's VersionRun before the version is read from it.
      runs: z.array(versionRunSchema.omit({ read: true })),
    }),
  ),
});
export type PathEnvironmentOutput = z.infer<typeof pathEnvironmentOutputSchema>;

/**
 * A program the user asked to run (any product, known or not): its key file, with `--version` or `/?` only. Never part
 * of a scan: only `msi-doctor verify --run-key-file` builds a probe that carries it (pathEnvironmentProbeAsking).
 */
import { ASKED_ARGUMENTS, type AskedArgument } from '../../../shared/contract/evidence-data.ts';
export { ASKED_ARGUMENTS, type AskedArgument };

/** An absolute path to an .exe (no quotes, wildcards or control characters), or null. */
export function askedProgram(path: string): string | null {
  const p = path.trim();
  if (p.length > 260 || !/^[A-Za-z]:\\/.test(p) || !p.toLowerCase().endsWith('.exe')) return null;
  for (const ch of p) if ('"<>|?*'.includes(ch) || ch.charCodeAt(0) < 32) return null;
  return p;
}

/** The products worth checking: the session's package when it is a known product, otherwise all of them. */
export function productsToCheck(context: ProbeContext): KnownProduct[] {
  const pkg = context.msiPackage?.ok ? context.msiPackage.package : null;
  const known = pkg ? recogniseProduct({ name: pkg.productName, publisher: pkg.manufacturer }) : null;
  return known ? [known] : [...KNOWN_PRODUCTS];
}

/** The script's parameters (exported for the simulated machine, which answers the same request). */
export function pathEnvironmentParams(context: ProbeContext, products: readonly KnownProduct[], runCommands = true) {
  return {
    userSid: context.user.sid,
    baseVariables: BASE_VARIABLES,
    limit: PATH_LENGTH_LIMIT,
    commandTimeoutMs: VERSION_COMMAND_TIMEOUT_MS,
    budgetMs: VERSION_COMMANDS_BUDGET_MS,
    maxOutput: MAX_RUN_OUTPUT,
    runCommands,
    // Compact (the script must fit -EncodedCommand): the script joins folders x subfolders x executable into key
    // files (also under every ARP InstallLocation) and each command with its arguments into the line shown.
    products: products.map((p) => ({
      id: p.id,
      executable: p.executable,
      addsToPath: p.addsToPath,
      folders: p.defaultInstallFolders,
      subs: p.binSubfolders,
      commands: p.commands.map((c) => ({ command: c.command, args: c.args })),
    })),
  };
}

const folderKey = (folder: string): string => trimEndChars(folder.trim(), '\\/').toLowerCase();

/** Marks duplicates and entries past the length limit, numbering positions as a new terminal's PATH has them. */
function analyseEntries(output: PathEnvironmentOutput): PathEntry[] {
  const seen = new Set<string>();
  let offset = 0;
  return output.entries.map((e, position) => {
    const key = folderKey(e.expanded);
    const duplicate = seen.has(key);
    seen.add(key);
    const pastLimit = offset + e.expanded.length > PATH_LENGTH_LIMIT;
    offset += e.expanded.length + 1;
    return { ...e, executables: e.executables.map((x) => x.toLowerCase()), position, duplicate, pastLimit };
  });
}

/**
 * The per-user App Execution Alias folder (%LOCALAPPDATA%\\Microsoft\\WindowsApps): Windows puts placeholder python.exe
 * and python3.exe there that only open the Microsoft Store. Recognised by its path, which no locale changes.
 */
export function isAppAliasFolder(folder: string): boolean {
  return /\\Microsoft\\WindowsApps\\?$/i.test(folder.trim());
}

function productState(p: Omit<ProductReach, 'state'>, runs: VersionRun[], product: KnownProduct): ProductPathState {
  const main = runs[0];
  // Listed in Add/Remove Programs as an MSI product, but Windows Installer does not have it installed (ProductState 5).
  const msi = p.installed.filter((a) => a.productState !== null && a.productState !== undefined);
  if (msi.length > 0 && msi.every((a) => a.productState !== 5)) return 'not-registered';
  if (p.binFolder === null && p.resolved === null) return 'missing-files';
  if (p.entry?.pastLimit) return 'past-limit';
  // The Store's placeholder answers first (and an installed copy exists, else the product is not listed at all).
  if (p.resolved && isAppAliasFolder(p.resolved.folder) && !(p.binFolder && isAppAliasFolder(p.binFolder)))
    return 'store-alias';
  if (p.resolved === null) return p.binFolder && !product.addsToPath && main?.read ? 'works' : 'not-on-path';
  // An older copy earlier in PATH answers instead of the installed version.
  if (p.binFolder && folderKey(p.resolved.folder) !== folderKey(p.binFolder)) return 'shadowed';
  if (main?.ran && main.read === null) return 'fails';
  if (main?.read && p.installedVersion && compareVersions(main.read, p.installedVersion) < 0) return 'shadowed';
  // The registry leads to it but Explorer's own PATH does not: the change was written without WM_SETTINGCHANGE, so a
  // terminal started from the Start menu or Explorer does not find it either (until the broadcast or a sign-out).
  if (product.addsToPath && p.inShellPath === false) return 'not-broadcast';
  if (!p.inOpenProcessPath && product.addsToPath) return 'new-terminal';
  return 'works';
}

/** The app's own PATH (as old as the app, like a terminal opened with it) runs the same copy a new terminal runs. */
function sameProgramInOpenPath(o: PathEnvironmentOutput, product: KnownProduct, fresh: string | null): boolean {
  const open = o.openPathHas.find((x) => x.executable.toLowerCase() === product.executable.toLowerCase());
  return open !== undefined && fresh !== null && folderKey(open.folder) === folderKey(fresh);
}

/** Explorer's PATH entries (folder keys), or null when it could not be read (the check is then not made). */
function shellFolders(output: CommandOutput | undefined): Set<string> | null {
  if (!output) return null;
  const shell = readScriptJson(output, shellEnvironmentOutputSchema);
  if (!shell.ok || !shell.value.read) return null;
  return new Set(
    shell.value.path
      .split(';')
      .map((f) => folderKey(trimChars(f, '"')))
      .filter((f) => f !== ''),
  );
}

export function parsePathEnvironment(outputs: CommandOutput[]): ProbeVerdict<'path-environment'> {
  const parsed = readScriptJson(outputs[0], pathEnvironmentOutputSchema);
  if (!parsed.ok) return errorVerdict('path-environment', parsed.error);
  const o = parsed.value;
  const shell = shellFolders(outputs[1]);
  const entries = analyseEntries(o);
  const freshLength = [o.machinePath.expanded, o.userPath.expanded].filter((x) => x !== '').join(';').length;
  const products: ProductReach[] = [];
  for (const checked of o.products) {
    if (!isKnownProductId(checked.id)) continue;
    const product = knownProduct(checked.id);
    const recognised = o.arp.filter((a) => recogniseProduct(a)?.id === product.id);
    const installed = recognised.map((a) => ({
      name: a.name,
      version: a.version,
      scope: a.scope,
      installLocation: a.installLocation,
      productCode: a.productCode,
      productState: a.productState,
    }));
    const withExe = entries.filter((e) => e.exists && e.executables.includes(product.executable.toLowerCase()));
    // The installed copy's folder: where its Add/Remove Programs InstallLocation holds the executable, else the first
    // default install location holding it.
    const exe = `\\${product.executable.toLowerCase()}`;
    const fromArp = recognised.flatMap((a) => a.keyFiles).find((f) => f.toLowerCase().endsWith(exe));
    const keyFile = fromArp ?? checked.keyFiles[0] ?? null;
    const binFolder = keyFile?.replace(/\\[^\\]+$/, '') ?? null;
    if (installed.length === 0 && binFolder === null && withExe.length === 0) continue;
    // Only the Store's placeholder (every Windows 10/11 has one): Python is not installed, nothing to say about it.
    if (installed.length === 0 && binFolder === null && withExe.every((e) => isAppAliasFolder(e.expanded))) continue;
    const reachable = withExe.filter((e) => !e.pastLimit);
    const first = reachable[0] ?? null;
    const binEntry = binFolder ? (entries.find((e) => folderKey(e.expanded) === folderKey(binFolder)) ?? null) : null;
    const runs: VersionRun[] = checked.runs.map((r, i) => {
      const command = product.commands[i];
      return { ...r, read: command && r.ran ? readVersionOutput(command, r) : null };
    });
    const versions = installed.map((a) => a.version).filter((v): v is string => Boolean(v));
    const installedVersion = versions.sort((a, b) => compareVersions(b, a))[0] ?? null;
    const base = {
      id: product.id,
      installed,
      installedVersion,
      binFolder,
      // Per-machine ARP entry -> the machine's PATH; otherwise (per-user, or not registered for this user at all)
      // the user's own PATH, which needs no administrator.
      intendedScope: (installed.some((a) => a.scope === 'machine') ? 'machine' : 'user') as PathScope,
      resolved: first ? { folder: first.expanded, scope: first.scope, position: first.position } : null,
      entry: binEntry ? { scope: binEntry.scope, position: binEntry.position, pastLimit: binEntry.pastLimit } : null,
      inOpenProcessPath: sameProgramInOpenPath(o, product, first?.expanded ?? null),
      // Explorer's PATH leads to the folder a new process would run it from (null: Explorer's PATH not read).
      inShellPath: shell && first ? shell.has(folderKey(first.expanded)) : null,
      runs,
    };
    products.push({ ...base, state: productState(base, runs, product) });
  }
  const data: PathEnvironmentData = {
    machinePath: { raw: o.machinePath.raw, type: o.machinePath.type, expandedLength: o.machinePath.expanded.length },
    userPath: { raw: o.userPath.raw, type: o.userPath.type, expandedLength: o.userPath.expanded.length },
    freshLength,
    limit: PATH_LENGTH_LIMIT,
    overLimit: freshLength > PATH_LENGTH_LIMIT,
    entries,
    missingEntries: entries.filter((e) => !e.exists).map((e) => ({ scope: e.scope, raw: e.raw })),
    products,
    commandsRan: !o.elevated,
    shellPathRead: shell !== null,
    asked: o.asked,
  };
  return pathVerdict(data);
}

const PROBLEM_ORDER: ProductPathState[] = [
  'past-limit',
  'store-alias',
  'shadowed',
  'not-broadcast',
  'not-on-path',
  'fails',
  'not-registered',
  'missing-files',
];

function pathVerdict(data: PathEnvironmentData): ProbeVerdict<'path-environment'> {
  const p = 'path-environment';
  for (const state of PROBLEM_ORDER) {
    const hit = data.products.find((x) => x.state === state);
    if (hit) return verdict('problem', p, state, data, productParams(hit));
  }
  if (data.overLimit) return verdict('warning', p, 'over-limit', data, { length: data.freshLength, limit: data.limit });
  const fresh = data.products.find((x) => x.state === 'new-terminal');
  if (fresh) return verdict('warning', p, 'new-terminal', data, productParams(fresh));
  const works = data.products.find((x) => x.state === 'works');
  if (works) return verdict('ok', p, 'works', data, productParams(works));
  return verdict('ok', p, 'none', data);
}

function productParams(p: ProductReach): Record<string, string> {
  const product = isKnownProductId(p.id) ? knownProduct(p.id) : null;
  const main = p.runs[0];
  return {
    product: product ? `@${product.nameKey}` : p.id,
    command: main?.command ?? '',
    folder: p.binFolder ?? '',
    version: main?.read ?? '',
    installed: p.installedVersion ?? '',
    shadow: p.resolved?.folder ?? '',
  };
}

/**
 * The path-environment probe that also runs one program the user asked for (its key file with --version or /?), with
 * the same fresh environment, timeout and never-elevated rule as the known products' version commands.
 */
export function pathEnvironmentProbeAsking(program: string, argument: AskedArgument): ProbeDefinition {
  return {
    ...pathEnvironmentProbe,
    commands: (context) => {
      const [, ...rest] = pathEnvironmentProbe.commands(context);
      const params = {
        ...pathEnvironmentParams(context, productsToCheck(context)),
        asked: { program, args: [...ASKED_ARGUMENTS[argument]] },
      };
      return [probeScriptSpec('path-environment', SCRIPT, params, TIMEOUT_MS), ...rest];
    },
  };
}

export const pathEnvironmentProbe: ProbeDefinition<'path-environment'> = {
  id: 'path-environment',
  // Never elevated: the version commands run programs from folders the user may write; run as administrator they
  // would be a way up for anything planted there. Other users' hives are the other-user-path probe's job.
  elevation: 'never',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: (context) => [
    probeScriptSpec('path-environment', SCRIPT, pathEnvironmentParams(context, productsToCheck(context)), TIMEOUT_MS),
    probeProcessScriptSpec('shell-environment', SHELL_SCRIPT, {}, SHELL_TIMEOUT_MS),
  ],
  parse: (outputs) => parsePathEnvironment(outputs),
};
