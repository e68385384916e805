// The prelude: every Windows primitive the app's scripts touch (registry, services, CIM, ACLs, the installer mutex, the
// event log, the WindowsInstaller COM object, files, the clock) behind ONE named PowerShell function, so the PowerShell
// checks can swap this block for stubs that answer from the simulated machine (a .NET static call cannot be stubbed).
// Script bodies call only these functions for anything Windows-specific (tested on the AST: electron/system/pwsh).

/** First and last line of the block the test harness swaps (electron/system/pwsh/stub-prelude.ps1). */
export const PRELUDE_START = '# msi-doctor:prelude';
export const PRELUDE_END = '# msi-doctor:end-prelude';

/** Per-call CIM timeout: one hung WMI provider must not eat the whole script's time (the process has its own limit). */
export const CIM_TIMEOUT_SEC = 8;
/** ConfigMgr's DetermineIfRebootPending can hang for minutes on a broken client: it runs in its own process. */
export const CONFIGMGR_TIMEOUT_SEC = 15;

/**
 * Windows PowerShell 5.1 definitions. Arrays come back whole (`,$value`) where the caller needs the array itself
 * (REG_MULTI_SZ values, byte buffers, COM results that PowerShell might try to enumerate).
 */
export const PRELUDE_FUNCTIONS: Readonly<Record<string, string>> = {
  // ---------------------------------------------------------------- clock and identity
  'Get-MdNow': 'function Get-MdNow { Get-Date }',
  'Get-MdCurrentSid': 'function Get-MdCurrentSid { [Security.Principal.WindowsIdentity]::GetCurrent().User.Value }',
  // True only when the token really is elevated (UAC on) or the account is an administrator without a split token.
  'Test-MdAdministrator': String.raw`function Test-MdAdministrator {
  ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}`,
  // ---------------------------------------------------------------- registry (provider paths: 'HKLM:\...', 'Registry::HKEY_USERS\...')
  'Test-MdRegistryKey': 'function Test-MdRegistryKey($Path) { Test-Path -LiteralPath $Path }',
  // Raw data, never expanded: REG_EXPAND_SZ as stored, REG_MULTI_SZ as the string array .GetValue() returns (empty
  // items kept, unlike reg.exe's text where "\0" inside a path cannot be told from the separator).
  'Get-MdRegistryValue': String.raw`function Get-MdRegistryValue($Path, $Name) {
  $k = Get-Item -LiteralPath $Path -ErrorAction SilentlyContinue
  if (-not $k) { return $null }
  $v = $k.GetValue($Name, $null, 'DoNotExpandEnvironmentNames')
  if ($v -is [array]) { , $v } else { $v }
}`,
  'Get-MdRegistrySubKeyName': String.raw`function Get-MdRegistrySubKeyName($Path) {
  @(Get-ChildItem -LiteralPath $Path -ErrorAction SilentlyContinue | ForEach-Object { $_.PSChildName })
}`,
  // Every value of a key with its kind as the REG_* name and its raw (unexpanded) text; REG_MULTI_SZ items joined by
  // NUL. Null when the key does not exist; throws when it exists but cannot be opened (another account's hive).
  'Get-MdRegistryValueList': String.raw`function Get-MdRegistryValueList($Path) {
try { $k = Get-Item -LiteralPath $Path -ErrorAction Stop } catch [Management.Automation.ItemNotFoundException] { return $null }
$t = @{ 1 = 'SZ'; 2 = 'EXPAND_SZ'; 3 = 'BINARY'; 4 = 'DWORD'; 7 = 'MULTI_SZ'; 11 = 'QWORD' }
, @(foreach ($n in $k.GetValueNames()) {
$i = [int]$k.GetValueKind($n); $v = $k.GetValue($n, $null, 'DoNotExpandEnvironmentNames')
[pscustomobject]@{ name = [string]$n; type = 'REG_' + $(if ($t[$i]) { $t[$i] } else { $i }); raw = $(if ($v -is [array]) { @($v | ForEach-Object { [string]$_ }) -join [char]0 } else { [string]$v }) } })
}`,
  // Writes one value (Kind: REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_QWORD, REG_MULTI_SZ), creating the key if needed.
  'Set-MdRegistryValue': String.raw`function Set-MdRegistryValue($Path, $Name, $Value, $Kind) {
  $types = @{ REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_DWORD = 'DWord'; REG_QWORD = 'QWord'; REG_MULTI_SZ = 'MultiString' }
  if (-not (Test-Path -LiteralPath $Path)) { [void](New-Item -Path $Path -Force -ErrorAction Stop) }
  [void](New-ItemProperty -LiteralPath $Path -Name $Name -Value $Value -PropertyType $types[[string]$Kind] -Force -ErrorAction Stop)
}`,
  // Deletes one value; nothing when it is absent.
  'Remove-MdRegistryValue': String.raw`function Remove-MdRegistryValue($Path, $Name) {
  if (Test-Path -LiteralPath $Path) { Remove-ItemProperty -LiteralPath $Path -Name $Name -ErrorAction SilentlyContinue }
}`,
  // The Add/Remove Programs entries the user sees: the machine's (64- and 32-bit views) and the given user's hive.
  'Get-MdUninstallEntry': String.raw`function Get-MdUninstallEntry($Sid) {
$u = '\Microsoft\Windows\CurrentVersion\Uninstall'
foreach ($r in @('machine', "HKLM:\SOFTWARE$u"), @('machine', "HKLM:\SOFTWARE\WOW6432Node$u"), @('user', "Registry::HKEY_USERS\$Sid\Software$u")) {
foreach ($k in @(Get-ChildItem -LiteralPath $r[1] -ErrorAction SilentlyContinue)) {
$o = @{}; foreach ($n in 'DisplayName', 'DisplayVersion', 'Publisher', 'InstallLocation') { $v = $k.GetValue($n, $null); $o[$n] = $(if ($null -eq $v) { $null } else { [string]$v }) }
[pscustomobject]@{ key = $k.PSChildName; scope = $r[0]; name = $o.DisplayName; version = $o.DisplayVersion; publisher = $o.Publisher; installLocation = $o.InstallLocation } } }
}`,
  // ---------------------------------------------------------------- services, CIM, processes
  'Get-MdService': 'function Get-MdService($Name) { Get-Service -Name $Name -ErrorAction SilentlyContinue }',
  'Get-MdCimInstance': String.raw`function Get-MdCimInstance($ClassName, $Filter, $Namespace = 'root/cimv2') {
  $a = @{ ClassName = $ClassName; Namespace = $Namespace; ErrorAction = 'SilentlyContinue' }
  if ($Filter) { $a.Filter = $Filter }
  Get-CimInstance @a -OperationTimeoutSec ${CIM_TIMEOUT_SEC}
}`,
  'Invoke-MdCimMethod': String.raw`function Invoke-MdCimMethod($Namespace, $ClassName, $MethodName) {
  Invoke-CimMethod -Namespace $Namespace -ClassName $ClassName -MethodName $MethodName -OperationTimeoutSec ${CONFIGMGR_TIMEOUT_SEC} -ErrorAction Stop
}`,
  'Get-MdProcess': 'function Get-MdProcess($Name) { Get-Process -Name $Name -ErrorAction SilentlyContinue }',
  // The effective AppLocker policy as XML (RuleCollection Type="Msi"); throws when AppLocker cannot be asked.
  'Get-MdAppLockerPolicyXml':
    'function Get-MdAppLockerPolicyXml { Get-AppLockerPolicy -Effective -Xml -ErrorAction Stop }',
  // ---------------------------------------------------------------- ACLs
  'Get-MdSddl': String.raw`function Get-MdSddl($Path) {
  try { (Get-Acl -LiteralPath $Path -ErrorAction Stop).Sddl } catch { $null }
}`,
  // ---------------------------------------------------------------- the installer mutex (PSADT's test, side-effect free)
  // 'free' (absent, or taken and released at once), 'busy' (held), 'denied' (exists, no access: unelevated), 'unknown'.
  'Get-MdInstallerMutexState': String.raw`function Get-MdInstallerMutexState {
  try {
    $m = $null
    if (-not [Threading.Mutex]::TryOpenExisting('Global\_MSIExecute', [ref]$m)) { return 'free' }
    try { if ($m.WaitOne(0)) { $m.ReleaseMutex(); 'free' } else { 'busy' } }
    catch [Threading.AbandonedMutexException] { $m.ReleaseMutex(); 'free' }
    finally { $m.Dispose() }
  } catch [UnauthorizedAccessException] { 'denied' } catch { 'unknown' }
}`,
  // ---------------------------------------------------------------- event log
  // "No events" is an error for Get-WinEvent (locale-free id NoMatchingEventsFound): none; any other error is thrown.
  'Get-MdEvent': String.raw`function Get-MdEvent($LogName, $XPath, $MaxEvents) {
  try { Get-WinEvent -LogName $LogName -FilterXPath $XPath -MaxEvents $MaxEvents -ErrorAction Stop }
  catch { if ("$($_.FullyQualifiedErrorId)" -notlike 'NoMatchingEventsFound*') { throw } }
}`,
  // ---------------------------------------------------------------- COM (late-bound: PS 5.1 lacks the Installer's type info)
  'New-MdComObject': 'function New-MdComObject($ProgId) { New-Object -ComObject $ProgId }',
  'Invoke-MdComMember': String.raw`function Invoke-MdComMember($Object, $Name, $Kind, $Arguments) {
  , ($Object.GetType().InvokeMember($Name, [Reflection.BindingFlags]$Kind, $null, $Object, $Arguments))
}`,
  // ---------------------------------------------------------------- files and folders
  'Test-MdPath': String.raw`function Test-MdPath($Path, [switch]$Container, [switch]$Leaf) {
  if ($Container) { Test-Path -LiteralPath $Path -PathType Container }
  elseif ($Leaf) { Test-Path -LiteralPath $Path -PathType Leaf }
  else { Test-Path -LiteralPath $Path }
}`,
  // Files in a folder (and Depth folders below it); throws when a folder cannot be listed (users cannot list
  // C:\Windows\Temp).
  'Get-MdChildFile': String.raw`function Get-MdChildFile($Path, $Filter, $Depth = 0) {
  if ($Depth -gt 0) { Get-ChildItem -LiteralPath $Path -Filter $Filter -File -Force -Recurse -Depth $Depth -ErrorAction Stop }
  else { Get-ChildItem -LiteralPath $Path -Filter $Filter -File -Force -ErrorAction Stop }
}`,
  'Get-MdChildName': String.raw`function Get-MdChildName($Path) {
  @(Get-ChildItem -LiteralPath $Path -Force -ErrorAction Stop | ForEach-Object { $_.Name })
}`,
  'Read-MdFileHead': String.raw`function Read-MdFileHead($Path, $Count) {
  $fs = [IO.File]::Open($Path, 'Open', 'Read', 'ReadWrite')
  try { $buf = New-Object byte[] $Count; $n = $fs.Read($buf, 0, $Count); [Array]::Resize([ref]$buf, $n); , $buf }
  finally { $fs.Dispose() }
}`,
  // At most MaxBytes of the END of a file, from an even offset (a UTF-16LE log stays aligned on characters).
  'Read-MdFileTail': String.raw`function Read-MdFileTail($Path, $MaxBytes) {
  $fs = [IO.File]::Open($Path, 'Open', 'Read', 'ReadWrite')
  try {
    $len = $fs.Length; $take = [Math]::Min($len, [long]$MaxBytes); $start = $len - $take
    if ($start % 2 -eq 1) { $start += 1; $take -= 1 }
    if ($start -gt 0) { [void]$fs.Seek($start, 'Begin') }
    $buf = New-Object byte[] $take; $n = 0
    while ($n -lt $take) { $r = $fs.Read($buf, $n, $take - $n); if ($r -le 0) { break }; $n += $r }
    [pscustomobject]@{ size = [double]$len; offset = [double]$start; base64 = [Convert]::ToBase64String($buf, 0, $n) }
  } finally { $fs.Dispose() }
}`,
  'Write-MdTextFile': 'function Write-MdTextFile($Path, $Text) { [IO.File]::WriteAllText($Path, $Text) }',
  'Remove-MdItem': 'function Remove-MdItem($Path) { Remove-Item -LiteralPath $Path -Force -ErrorAction Stop }',
  'New-MdDirectory': 'function New-MdDirectory($Path) { [void][IO.Directory]::CreateDirectory($Path) }',
  // DriveType as a number (3 = fixed local disk), null when the root cannot be read (UNC, removed drive).
  'Get-MdDriveType': String.raw`function Get-MdDriveType($Path) {
  try { [int]([IO.DriveInfo]::new([IO.Path]::GetPathRoot($Path)).DriveType) } catch { $null }
}`,
  // The long form of an existing path: each component through a directory listing, which matches 8.3 names too
  // (C:\Users\JOHNSM~1 -> C:\Users\John Smith). Null when a component cannot be found or listed.
  'Resolve-MdLongPath': String.raw`function Resolve-MdLongPath($Path) {
  try {
    $parts = $Path.TrimEnd('\').Split([char]'\')
    if ($parts.Count -lt 1 -or $parts[0] -notmatch '^[A-Za-z]:$') { return $null }
    $long = $parts[0].ToUpperInvariant()
    for ($i = 1; $i -lt $parts.Count; $i++) {
      $hit = @([IO.Directory]::GetFileSystemEntries($long + '\', $parts[$i]))
      if ($hit.Count -ne 1) { return $null }
      $long = $hit[0]
    }
    $long
  } catch { $null }
}`,
  // A variable of the environment this process started with (as old as the process: not the registry's current one).
  'Get-MdEnvironmentVariable':
    'function Get-MdEnvironmentVariable($Name) { [Environment]::GetEnvironmentVariable($Name) }',
  // Starts a program with exactly the given environment block (not this process's), no window, stdin closed, output
  // read asynchronously, ended after TimeoutMs; .cmd/.bat through the absolute cmd.exe. Exit code null = not ended.
  'Invoke-MdProgram': String.raw`function Invoke-MdProgram($Program, $Arguments, $Environment, $WorkingDirectory, $TimeoutMs) {
$r = [ordered]@{ exitCode = $null; stdout = ''; stderr = ''; timedOut = $false }
$a = @($Arguments) -join ' '
$i = New-Object Diagnostics.ProcessStartInfo
if ($Program -match '\.(cmd|bat)$') { $i.FileName = "$env:SystemRoot\System32\cmd.exe"; $i.Arguments = '/d /s /c ""' + $Program + '" ' + $a + '"' } else { $i.FileName = $Program; $i.Arguments = $a }
$i.UseShellExecute = $false; $i.CreateNoWindow = $true; $i.RedirectStandardOutput = $true; $i.RedirectStandardError = $true; $i.RedirectStandardInput = $true
$i.WorkingDirectory = if ($WorkingDirectory) { $WorkingDirectory } else { $env:SystemRoot }
$i.EnvironmentVariables.Clear(); foreach ($k in $Environment.Keys) { $i.EnvironmentVariables[$k] = [string]$Environment[$k] }
try {
$p = [Diagnostics.Process]::Start($i); $p.StandardInput.Close()
$o = $p.StandardOutput.ReadToEndAsync(); $e = $p.StandardError.ReadToEndAsync()
if ($p.WaitForExit($TimeoutMs)) { $p.WaitForExit(); $r.exitCode = $p.ExitCode } else { try { $p.Kill() } catch { }; $r.timedOut = $true }
if ($o.Wait(2000)) { $r.stdout = $o.Result }; if ($e.Wait(2000)) { $r.stderr = $e.Result }
} catch { $r.stderr = '0x{0:X8}' -f $_.Exception.GetBaseException().HResult }
[pscustomobject]$r
}`,
  // The PATH Explorer (the shell of this session: GetShellWindow) hands the programs it starts, read from its own
  // environment block (PEB -> process parameters -> Environment, same user: no elevation). Null when it cannot be read
  // (no shell, another bitness, access refused); '' when the block has no Path.
  'Get-MdShellEnvironmentPath': String.raw`function Get-MdShellEnvironmentPath {
try {
if (-not ('MsiDoctorShellEnvironment' -as [type])) {
Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class MsiDoctorShellEnvironment {
  [DllImport("user32.dll")] static extern IntPtr GetShellWindow();
  [DllImport("user32.dll")] static extern uint GetWindowThreadProcessId(IntPtr window, out uint pid);
  [DllImport("kernel32.dll")] static extern IntPtr OpenProcess(uint access, bool inherit, uint pid);
  [DllImport("kernel32.dll")] static extern bool CloseHandle(IntPtr handle);
  [DllImport("kernel32.dll")] static extern bool ReadProcessMemory(IntPtr handle, IntPtr address, byte[] buffer, IntPtr size, out IntPtr read);
  [DllImport("ntdll.dll")] static extern int NtQueryInformationProcess(IntPtr handle, int infoClass, IntPtr[] info, int length, out int returned);
  static long Pointer(IntPtr h, long address) {
    byte[] b = new byte[IntPtr.Size]; IntPtr n;
    if (!ReadProcessMemory(h, new IntPtr(address), b, new IntPtr(b.Length), out n)) return 0;
    return IntPtr.Size == 8 ? BitConverter.ToInt64(b, 0) : BitConverter.ToInt32(b, 0);
  }
  public static string Block() {
    uint pid; GetWindowThreadProcessId(GetShellWindow(), out pid);
    if (pid == 0) return null;
    IntPtr h = OpenProcess(0x1010, false, pid); // PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ
    if (h == IntPtr.Zero) return null;
    try {
      IntPtr[] basic = new IntPtr[6]; int returned; bool x64 = IntPtr.Size == 8;
      if (NtQueryInformationProcess(h, 0, basic, IntPtr.Size * 6, out returned) != 0) return null;
      long parameters = Pointer(h, basic[1].ToInt64() + (x64 ? 0x20 : 0x10));
      if (parameters == 0) return null;
      long environment = Pointer(h, parameters + (x64 ? 0x80 : 0x48));
      long size = Pointer(h, parameters + (x64 ? 0x3F0 : 0x290));
      if (environment == 0 || size <= 0 || size > 4194304) return null;
      byte[] block = new byte[size]; IntPtr n;
      if (!ReadProcessMemory(h, new IntPtr(environment), block, new IntPtr(size), out n)) return null;
      return System.Text.Encoding.Unicode.GetString(block, 0, (int)n.ToInt64());
    } finally { CloseHandle(h); }
  }
}
'@
}
$block = [MsiDoctorShellEnvironment]::Block()
if ($null -eq $block) { return $null }
foreach ($v in $block.Split([char]0)) { if ($v -match '^Path=') { return $v.Substring(5) } }
''
} catch { $null }
}`,
  // %VAR% of the environment this process started with (the user's own when unelevated).
  'Expand-MdEnvironment': 'function Expand-MdEnvironment($Text) { [Environment]::ExpandEnvironmentVariables($Text) }',
  // Explorer (and any .msi double-clicked from it) re-reads HKCU\Environment only on WM_SETTINGCHANGE "Environment":
  // setting and removing a throwaway user variable through .NET broadcasts it (reg.exe does not).
  'Send-MdEnvironmentChange': String.raw`function Send-MdEnvironmentChange {
  [Environment]::SetEnvironmentVariable('MSIDOCTOR_REFRESH', '1', 'User')
  [Environment]::SetEnvironmentVariable('MSIDOCTOR_REFRESH', $null, 'User')
}`,
};

export type PreludeFunction = keyof typeof PRELUDE_FUNCTIONS;

const CALL = /\b(?:Get|Set|Test|Invoke|New|Read|Write|Remove|Resolve|Expand|Send)-Md[A-Za-z]+\b/g;

/** The prelude functions a script body calls (and those they call), in the prelude's own order. */
export function preludeFunctionsOf(body: string): string[] {
  const wanted = new Set<string>();
  const visit = (text: string): void => {
    for (const m of text.matchAll(CALL)) {
      const name = m[0];
      if (!(name in PRELUDE_FUNCTIONS)) throw new Error(`unknown prelude function ${name}`);
      if (wanted.has(name)) continue;
      wanted.add(name);
      visit(PRELUDE_FUNCTIONS[name]!.replace(/^function \S+/, ''));
    }
  };
  visit(body);
  return Object.keys(PRELUDE_FUNCTIONS).filter((n) => wanted.has(n));
}

/** The prelude block a body needs (empty when it calls none of the primitives). */
export function preludeFor(body: string): string {
  const names = preludeFunctionsOf(body);
  if (names.length === 0) return '';
  return [PRELUDE_START, ...names.map((n) => PRELUDE_FUNCTIONS[n]!), PRELUDE_END].join('\n');
}

/** Replaces every prelude block of a script (a batch has one per part) with `replacement(names)`. */
export function swapPrelude(script: string, replacement: (names: string[]) => string): string {
  const start = PRELUDE_START.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const end = PRELUDE_END.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return script.replace(new RegExp(`${start}\\r?\\n([\\s\\S]*?)${end}`, 'g'), (_whole, block: string) => {
    const names = [...block.matchAll(/^function ([\w-]+)/gm)].map((m) => m[1]!);
    return replacement(names);
  });
}
