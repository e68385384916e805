# The stub layer of the PowerShell checks: the same functions as the real prelude (electron/system/run/powershell-prelude.ts),
# answering from $__md_sim, a snapshot of the simulated machine as one process token sees it (stub-snapshot.test-support.ts).
# Written for Windows PowerShell 5.1 too (the checks also run under powershell.exe on Windows CI).
# Helpers (Md-Stub*) come first; every other function replaces the real one of the same name.

function Md-StubKey([string]$Path) {
  $p = $Path -replace '^Registry::', ''
  $p = $p -replace '^HKLM:\\?', 'HKLM\' -replace '^HKCU:\\?', 'HKCU\' -replace '^HKEY_LOCAL_MACHINE\\?', 'HKLM\'
  $p = $p -replace '^HKEY_CURRENT_USER\\?', 'HKCU\' -replace '^HKEY_USERS\\?', 'HKU\'
  $p.TrimEnd('\')
}

function Md-StubPath([string]$Path) {
  $p = $Path.Replace('/', '\')
  if ($p.StartsWith('\\?\')) { $p = $p.Substring(4) }
  while ($p.Length -gt 3 -and $p.EndsWith('\')) { $p = $p.Substring(0, $p.Length - 1) }
  if ($p -match '^[A-Za-z]:$') { $p += '\' }
  $p
}

function Md-StubEntry($Table, [string]$Key) {
  if ($null -eq $Table) { return $null }
  $prop = $Table.PSObject.Properties[$Key]
  # The comma keeps an empty list a list (a function's output would unroll it to nothing).
  if ($prop) { , $prop.Value } else { $null }
}

function Md-StubDate([string]$Iso) {
  [datetime]::Parse($Iso, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)
}

# A .NET call that throws for an HRESULT: PowerShell wraps it in MethodInvocationException exactly like a failing
# [IO.File]::WriteAllText or InvokeMember, so the scripts' GetBaseException().HResult is tested for real.
function Md-StubFail([int]$HResult) { [Runtime.InteropServices.Marshal]::ThrowExceptionForHR($HResult) }

function Md-StubEffect($Op, $Path) { $__md_effects.Add([pscustomobject]@{ op = $Op; path = $Path }) }

# ------------------------------------------------------------------ clock and identity
function Get-MdNow { (Md-StubDate $__md_sim.now).ToLocalTime() }
function Get-MdCurrentSid { [string]$__md_sim.sid }
function Test-MdAdministrator { [bool]$__md_sim.admin }

# ------------------------------------------------------------------ registry
function Test-MdRegistryKey($Path) { $null -ne (Md-StubEntry $__md_sim.registry (Md-StubKey $Path)) }

function Get-MdRegistryValue($Path, $Name) {
  $key = Md-StubEntry $__md_sim.registry (Md-StubKey $Path)
  if ($null -eq $key) { return $null }
  $v = @($key.values | Where-Object { $_.name -eq [string]$Name }) | Select-Object -First 1
  if ($null -eq $v) { return $null }
  switch ([string]$v.type) {
    'REG_DWORD' { $n = [long]$v.data; if ($n -gt 2147483647) { $n -= 4294967296 }; [int]$n }
    'REG_QWORD' { [long]$v.data }
    'REG_MULTI_SZ' { , [string[]]@($v.data | ForEach-Object { [string]$_ }) }
    'REG_BINARY' { $hex = [string]$v.data; , [byte[]]@(for ($i = 0; $i -lt $hex.Length; $i += 2) { [Convert]::ToByte($hex.Substring($i, 2), 16) }) }
    default { [string]$v.data }
  }
}

function Get-MdRegistrySubKeyName($Path) {
  $key = Md-StubEntry $__md_sim.registry (Md-StubKey $Path)
  if ($null -eq $key) { return @() }
  @($key.subkeys | ForEach-Object { [string]$_ })
}

# Another account's hive (HKU\S-1-5-21-...) opens only for an administrator token, as on Windows.
function Get-MdRegistryValueList($Path) {
  $p = Md-StubKey $Path
  if (-not $__md_sim.admin -and $p -match '^HKU\\(S-1-5-21-[0-9-]+)' -and $Matches[1] -ne [string]$__md_sim.sid) { Md-StubFail 0x80070005 }
  $key = Md-StubEntry $__md_sim.registry $p
  if ($null -eq $key) { return $null }
  $out = @(foreach ($v in @($key.values)) {
      $raw = if ([string]$v.type -eq 'REG_MULTI_SZ') { @($v.data | ForEach-Object { [string]$_ }) -join [string][char]0 } else { [string]$v.data }
      [pscustomobject]@{ name = [string]$v.name; type = [string]$v.type; raw = $raw }
    })
  , $out
}

# Writes are recorded as effects (the harness applies them to a copy of the model); HKLM needs an administrator.
function Set-MdRegistryValue($Path, $Name, $Value, $Kind) {
  $p = Md-StubKey $Path
  if (-not $__md_sim.admin -and $p -like 'HKLM\*') { Md-StubFail 0x80070005 }
  $__md_effects.Add([pscustomobject]@{ op = 'reg-set'; path = $p; name = [string]$Name; value = [string]$Value; kind = [string]$Kind })
}

function Remove-MdRegistryValue($Path, $Name) {
  $p = Md-StubKey $Path
  if (-not $__md_sim.admin -and $p -like 'HKLM\*') { Md-StubFail 0x80070005 }
  $__md_effects.Add([pscustomobject]@{ op = 'reg-delete'; path = $p; name = [string]$Name })
}

function Get-MdUninstallEntry($Sid) {
  foreach ($e in @($__md_sim.uninstall)) {
    if ($null -eq $e) { continue }
    if ($e.scope -eq 'machine' -or $e.userSid -eq [string]$Sid) {
      [pscustomobject]@{ key = $e.key; scope = $e.scope; name = $e.name; version = $e.version; publisher = $e.publisher; installLocation = $e.installLocation }
    }
  }
}

# ------------------------------------------------------------------ services, CIM, processes
function Get-MdService($Name) {
  $s = Md-StubEntry $__md_sim.services ([string]$Name)
  if ($null -eq $s) { return $null }
  [pscustomobject]@{ Name = $Name; Status = [int]$s.status; StartType = [int]$s.startType; CanStop = [bool]$s.canStop; CanShutdown = [bool]$s.canShutdown }
}

function Get-MdCimInstance($ClassName, $Filter, $Namespace = 'root/cimv2') {
  $key = "$Namespace|$ClassName|$Filter"
  $rows = Md-StubEntry $__md_sim.cim $key
  if ($null -eq $rows) { throw "the simulated machine has no answer for the CIM query $key" }
  foreach ($r in @($rows)) {
    $o = [ordered]@{}
    foreach ($p in $r.PSObject.Properties) {
      $o[$p.Name] = if ($p.Name -in 'CreationDate', 'LastBootUpTime' -and $null -ne $p.Value) { Md-StubDate $p.Value } else { $p.Value }
    }
    [pscustomobject]$o
  }
}

function Invoke-MdCimMethod($Namespace, $ClassName, $MethodName) {
  $r = Md-StubEntry $__md_sim.cimMethods "$Namespace|$ClassName|$MethodName"
  if ($null -eq $r) { Md-StubFail 0x80041010 }
  $r
}

function Get-MdProcess($Name) {
  $n = [int](Md-StubEntry $__md_sim.processes ([string]$Name))
  for ($i = 0; $i -lt $n; $i++) { [pscustomobject]@{ Name = $Name; Id = 1000 + $i } }
}

# ------------------------------------------------------------------ ACLs, AppLocker, the installer mutex
function Get-MdSddl($Path) {
  $f = Md-StubEntry $__md_sim.files (Md-StubPath $Path)
  if ($null -eq $f) { return $null }
  $f.sddl
}

function Get-MdAppLockerPolicyXml { [string]$__md_sim.applockerXml }

function Get-MdInstallerMutexState { [string]$__md_sim.mutex }

# ------------------------------------------------------------------ event log
function Get-MdEvent($LogName, $XPath, $MaxEvents) {
  $rows = Md-StubEntry $__md_sim.events "$LogName|$XPath"
  if ($null -eq $rows) { throw "the simulated machine has no answer for the event query $XPath" }
  foreach ($e in @($rows) | Select-Object -First $MaxEvents) {
    $o = [pscustomobject]@{
      Id = [int]$e.id
      RecordId = [long]$e.recordId
      TimeCreated = (Md-StubDate $e.time).ToLocalTime()
      UserId = [pscustomobject]@{ Value = [string]$e.userSid }
      Properties = @($e.data | ForEach-Object { [pscustomobject]@{ Value = [string]$_ } })
    }
    Add-Member -InputObject $o -MemberType NoteProperty -Name __xml -Value ([string]$e.xml)
    Add-Member -InputObject $o -MemberType ScriptMethod -Name ToXml -Value { $this.__xml }
    $o
  }
}

# ------------------------------------------------------------------ COM: WindowsInstaller.Installer
function New-MdComObject($ProgId) {
  if ($ProgId -ne 'WindowsInstaller.Installer') { Md-StubFail 0x80040154 }
  [pscustomobject]@{ __com = 'Installer' }
}

function Invoke-MdComMember($Object, $Name, $Kind, $Arguments) {
  $com = $__md_sim.com
  $args0 = if ($Arguments) { @($Arguments)[0] } else { $null }
  $product = { param($code) @($com.products | Where-Object { $_.productCode -eq $code }) | Select-Object -First 1 }
  switch ("$($Object.__com).$Name") {
    'Installer.ProductState' { $p = & $product $args0; if (-not $p) { -1 } elseif ($null -ne $p.state) { [int]$p.state } else { 5 } }
    'Installer.RelatedProducts' {
      # A StringList: enumerating it yields this object itself, as PowerShell may do with the real COM object.
      $codes = @($com.products | Where-Object { $_.upgradeCode -eq $args0 } | ForEach-Object { [string]$_.productCode })
      , ([pscustomobject]@{ __com = 'StringList'; items = $codes })
    }
    'StringList.Count' { @($Object.items).Count }
    'StringList.Item' { [string]@($Object.items)[[int]$args0] }
    'Installer.ProductInfo' {
      $p = & $product $args0
      if (-not $p) { Md-StubFail 0x80070645 }
      $v = Md-StubEntry $p.info ([string]@($Arguments)[1])
      if ($null -eq $v) { Md-StubFail 0x8007066F }
      [string]$v
    }
    'Installer.OpenDatabase' {
      $f = Md-StubEntry $com.msiFiles (Md-StubPath ([string]$args0))
      if ($null -eq $f -or $f.hresult) { Md-StubFail ([Convert]::ToInt32($(if ($f) { $f.hresult } else { '0x80070002' }), 16)) }
      , ([pscustomobject]@{ __com = 'Database'; properties = $f.properties })
    }
    'Database.OpenView' {
      $prop = ([regex]::Match([string]$args0, "Property='([^']+)'")).Groups[1].Value
      , ([pscustomobject]@{ __com = 'View'; value = (Md-StubEntry $Object.properties $prop) })
    }
    'View.Execute' { $null }
    'View.Fetch' { if ($null -ne $Object.value) { , ([pscustomobject]@{ __com = 'Record'; value = $Object.value }) } else { $null } }
    'View.Close' { $null }
    'Record.StringData' { [string]$Object.value }
    default { throw "the simulated WindowsInstaller object has no member $($Object.__com).$Name" }
  }
}

# ------------------------------------------------------------------ files and folders
function Test-MdPath($Path, [switch]$Container, [switch]$Leaf) {
  $f = Md-StubEntry $__md_sim.files (Md-StubPath $Path)
  if ($null -eq $f) { return $false }
  if ($Container) { $f.kind -eq 'dir' } elseif ($Leaf) { $f.kind -eq 'file' } else { $true }
}

function Get-MdChildFile($Path, $Filter, $Depth = 0) {
  $folder = Md-StubPath $Path
  $f = Md-StubEntry $__md_sim.files $folder
  if ($null -eq $f -or $f.kind -ne 'dir') { Md-StubFail 0x80070003 }
  if (-not $f.canList) { Md-StubFail 0x80070005 }
  foreach ($name in @($f.children)) {
    $full = $folder.TrimEnd('\') + '\' + $name
    $c = Md-StubEntry $__md_sim.files $full
    if ($c -and $c.kind -eq 'file' -and $name -like $Filter) {
      [pscustomobject]@{ Name = $name; FullName = $full; Length = [long]$c.size; LastWriteTime = (Md-StubDate $c.modified).ToLocalTime() }
    }
    if ($c -and $c.kind -eq 'dir' -and $Depth -gt 0) { Get-MdChildFile $full $Filter ($Depth - 1) }
  }
}

function Get-MdChildName($Path) {
  $f = Md-StubEntry $__md_sim.files (Md-StubPath $Path)
  if ($null -eq $f -or $f.kind -ne 'dir') { Md-StubFail 0x80070003 }
  if (-not $f.canList) { Md-StubFail 0x80070005 }
  @($f.children | ForEach-Object { [string]$_ })
}

function Read-MdFileHead($Path, $Count) {
  $f = Md-StubEntry $__md_sim.files (Md-StubPath $Path)
  if ($null -eq $f -or $f.kind -ne 'file') { Md-StubFail 0x80070002 }
  $all = [Convert]::FromBase64String([string]$f.content)
  $n = [Math]::Min($all.Length, [int]$Count)
  $buf = New-Object byte[] $n
  [Array]::Copy($all, $buf, $n)
  , $buf
}

function Read-MdFileTail($Path, $MaxBytes) {
  $f = Md-StubEntry $__md_sim.files (Md-StubPath $Path)
  if ($null -eq $f -or $f.kind -ne 'file') { Md-StubFail 0x80070002 }
  $all = [Convert]::FromBase64String([string]$f.content)
  $len = $all.Length; $take = [Math]::Min($len, [long]$MaxBytes); $start = $len - $take
  if ($start % 2 -eq 1) { $start += 1; $take -= 1 }
  [pscustomobject]@{ size = [double]$len; offset = [double]$start; base64 = [Convert]::ToBase64String($all, [int]$start, [int]$take) }
}

function Write-MdTextFile($Path, $Text) {
  $p = Md-StubPath $Path
  $parent = $p.Substring(0, $p.LastIndexOf('\'))
  if ($parent -match '^[A-Za-z]:$') { $parent += '\' }
  $f = Md-StubEntry $__md_sim.files $parent
  if ($null -eq $f -or $f.kind -ne 'dir') { Md-StubFail 0x80070003 }
  if (-not $f.canCreate) { Md-StubFail 0x80070005 }
  Md-StubEffect 'write' $p
}

function Remove-MdItem($Path) {
  $p = Md-StubPath $Path
  if ($__md_effects | Where-Object { $_.op -eq 'write' -and $_.path -eq $p }) { Md-StubEffect 'delete-written' $p; return }
  if ($null -eq (Md-StubEntry $__md_sim.files $p)) { Md-StubFail 0x80070002 }
  Md-StubEffect 'remove' $p
}

function New-MdDirectory($Path) {
  $p = Md-StubPath $Path
  $f = Md-StubEntry $__md_sim.files $p
  if ($f -and $f.kind -eq 'dir') { return }
  if ($f) { Md-StubFail 0x800700B7 }
  $parent = $p.Substring(0, $p.LastIndexOf('\'))
  if ($parent -match '^[A-Za-z]:$') { $parent += '\' }
  $pf = Md-StubEntry $__md_sim.files $parent
  if ($pf -and -not $pf.canCreateFolder) { Md-StubFail 0x80070005 }
  Md-StubEffect 'mkdir' $p
}

function Get-MdDriveType($Path) {
  if ($Path -notmatch '^([A-Za-z]:)') { return $null }
  $t = Md-StubEntry $__md_sim.drives $Matches[1].ToUpperInvariant()
  if ($null -eq $t) { 1 } else { [int]$t }
}

function Resolve-MdLongPath($Path) {
  $f = Md-StubEntry $__md_sim.files (Md-StubPath $Path)
  if ($null -eq $f) { return $null }
  $f.longPath
}

function Get-MdEnvironmentVariable($Name) {
  $v = Md-StubEntry $__md_sim.env ([string]$Name)
  if ($null -eq $v) { $null } else { [string]$v }
}

# A program answers what the model recorded for its argument line (SimFile.runs); no record: exit 1, no output.
function Invoke-MdProgram($Program, $Arguments, $Environment, $WorkingDirectory, $TimeoutMs) {
  $runs = Md-StubEntry $__md_sim.programs (Md-StubPath $Program)
  $line = @($Arguments) -join ' '
  $answer = @($runs | Where-Object { $null -ne $_ -and [string]$_.args -ceq $line }) | Select-Object -First 1
  if ($null -eq $answer) { return [pscustomobject]@{ exitCode = 1; stdout = ''; stderr = ''; timedOut = $false } }
  $code = if ($null -eq $answer.exitCode) { 0 } else { [int]$answer.exitCode }
  [pscustomobject]@{ exitCode = $code; stdout = [string]$answer.stdout; stderr = [string]$answer.stderr; timedOut = $false }
}

# Explorer's PATH as the model has it (the registry's, unless a change was written without the broadcast).
function Get-MdShellEnvironmentPath { if ($null -eq $__md_sim.shellPath) { $null } else { [string]$__md_sim.shellPath } }

function Expand-MdEnvironment($Text) {
  [regex]::Replace([string]$Text, '%([^%]+)%', {
      param($m)
      $v = Md-StubEntry $__md_sim.env $m.Groups[1].Value
      if ($null -eq $v) { $m.Value } else { [string]$v }
    })
}

function Send-MdEnvironmentChange { Md-StubEffect 'broadcast-environment' $null }
