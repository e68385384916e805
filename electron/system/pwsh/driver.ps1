# Test driver of the PowerShell checks (electron/system/pwsh/README.md): ONE PowerShell process parses, inspects and runs
# many of the app's scripts. Input: JSON lines (one job per line); output: JSON lines (one result per job).
# Runs under PowerShell 7 (dotnet pwsh) here and under Windows PowerShell 5.1 (powershell.exe) on Windows CI, so it is
# written for 5.1: no PowerShell 7 syntax, no ConvertFrom-Json -AsHashtable (each line stays under 5.1's 2 MB limit).
#   {"kind":"parse","id":..,"script":..}  -> parse errors + AST facts (the 5.1 rules match them in TypeScript)
#   {"kind":"snapshot","id":..,"value":..} -> a simulated machine as one token sees it (the stub prelude reads it)
#   {"kind":"run","id":..,"script":..,"snapshot":..,"env":{..}} -> output lines, errors, warnings, effects
param(
  [Parameter(Mandatory = $true)][string]$Jobs,
  [Parameter(Mandatory = $true)][string]$Out
)
$ErrorActionPreference = 'Stop'
$utf8 = New-Object System.Text.UTF8Encoding($false)
$writer = New-Object System.IO.StreamWriter($Out, $false, $utf8)

function Write-Result($value) { $writer.WriteLine((ConvertTo-Json -InputObject $value -Compress -Depth 12)) }

# ------------------------------------------------------------------ facts for the Windows PowerShell 5.1 rules
function Get-ScriptFacts([System.Management.Automation.Language.Ast]$Ast) {
  $facts = New-Object System.Collections.Generic.List[object]
  $seen = @{}
  $add = {
    param($kind, $name, $detail, $node)
    $key = "$kind|$name|$detail"
    if (-not $seen.ContainsKey($key)) {
      $seen[$key] = $true
      $facts.Add([pscustomobject]@{ kind = $kind; name = [string]$name; detail = $detail; line = $node.Extent.StartLineNumber })
    }
  }
  foreach ($n in $Ast.FindAll({ $true }, $true)) {
    $type = $n.GetType().Name
    & $add 'node' $type $null $n
    switch ($type) {
      'BinaryExpressionAst' {
        & $add 'operator' $n.Operator $null $n
        if ("$($n.Operator)" -match 'replace$') {
          $right = $n.Right
          $hasBlock = $right -is [System.Management.Automation.Language.ScriptBlockExpressionAst]
          if ($right -is [System.Management.Automation.Language.ArrayLiteralAst]) {
            foreach ($e in $right.Elements) { if ($e -is [System.Management.Automation.Language.ScriptBlockExpressionAst]) { $hasBlock = $true } }
          }
          if ($hasBlock) { & $add 'replace-scriptblock' $n.Operator $null $n }
        }
        if ("$($n.Operator)" -eq 'DotDot' -and ($n.Left -is [System.Management.Automation.Language.StringConstantExpressionAst] -or $n.Right -is [System.Management.Automation.Language.StringConstantExpressionAst])) {
          & $add 'char-range' '..' $null $n
        }
      }
      'UnaryExpressionAst' { & $add 'operator' $n.TokenKind $null $n }
      'AssignmentStatementAst' { & $add 'operator' $n.Operator $null $n }
      'MemberExpressionAst' {
        if ($n.PSObject.Properties['NullConditional'] -and $n.NullConditional) { & $add 'null-conditional' '?.' $null $n }
        $name = if ($n.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $n.Member.Value } else { '?' }
        $static = [bool]$n.Static
        $typeName = if ($n.Expression -is [System.Management.Automation.Language.TypeExpressionAst]) { $n.Expression.TypeName.FullName } else { $null }
        & $add 'member' $name ("static=$static;type=$typeName;call=False;args=") $n
      }
      'InvokeMemberExpressionAst' {
        if ($n.PSObject.Properties['NullConditional'] -and $n.NullConditional) { & $add 'null-conditional' '?.' $null $n }
        $name = if ($n.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $n.Member.Value } else { '?' }
        $typeName = if ($n.Expression -is [System.Management.Automation.Language.TypeExpressionAst]) { $n.Expression.TypeName.FullName } else { $null }
        $argText = @(foreach ($a in @($n.Arguments)) {
          if ($a -is [System.Management.Automation.Language.StringConstantExpressionAst]) { "'" + $a.Value + "'" } elseif ($a) { '?' } })
        & $add 'member' $name ("static=$([bool]$n.Static);type=$typeName;call=True;args=" + ($argText -join ',')) $n
      }
      'IndexExpressionAst' {
        if ($n.PSObject.Properties['NullConditional'] -and $n.NullConditional) { & $add 'null-conditional' '?[]' $null $n }
      }
      'CommandAst' {
        $name = $n.GetCommandName()
        $params = @(foreach ($e in $n.CommandElements) {
          if ($e -is [System.Management.Automation.Language.CommandParameterAst]) { $e.ParameterName } })
        & $add 'command' $name ($params -join ',') $n
      }
      'VariableExpressionAst' { & $add 'variable' $n.VariablePath.UserPath $null $n }
      'TypeExpressionAst' { & $add 'type' $n.TypeName.FullName $null $n }
      'TypeConstraintAst' { & $add 'type' $n.TypeName.FullName $null $n }
      'ScriptBlockAst' {
        if ($n.PSObject.Properties['CleanBlock'] -and $n.CleanBlock) { & $add 'clean-block' 'clean' $null $n }
      }
      'ExpandableStringExpressionAst' {
        if ($n.Extent.Text -match '`u\{') { & $add 'unicode-escape' '`u{}' $null $n }
      }
      'StringConstantExpressionAst' {
        if ("$($n.StringConstantType)" -like 'DoubleQuoted*' -and $n.Extent.Text -match '`u\{') { & $add 'unicode-escape' '`u{}' $null $n }
      }
      'ConstantExpressionAst' {
        if ($n.Value -is [ValueType] -and $n.Extent.Text -match '^[0-9]') { & $add 'number' $n.Extent.Text $null $n }
      }
    }
  }
  , $facts.ToArray()
}

# ------------------------------------------------------------------ running scripts against the stub layer
# DateTime values reaching ConvertTo-Json serialize differently in 5.1 ("\/Date(ms)\/") and 7 (ISO): recorded as a fact.
$jsonProxy = @'
function global:Find-MdJsonDate($Value, [int]$Depth) {
  if ($null -eq $Value -or $Depth -gt 12) { return $false }
  if ($Value -is [datetime] -or $Value -is [datetimeoffset]) { return $true }
  if ($Value -is [string] -or $Value -is [ValueType]) { return $false }
  if ($Value -is [System.Collections.IDictionary]) { foreach ($v in $Value.Values) { if (Find-MdJsonDate $v ($Depth + 1)) { return $true } }; return $false }
  if ($Value -is [System.Collections.IEnumerable]) { foreach ($v in $Value) { if (Find-MdJsonDate $v ($Depth + 1)) { return $true } }; return $false }
  foreach ($p in $Value.PSObject.Properties) { if ($p.MemberType -like '*Property' -and (Find-MdJsonDate $p.Value ($Depth + 1))) { return $true } }
  return $false
}
function global:ConvertTo-Json {
  [CmdletBinding()]
  param([Parameter(ValueFromPipeline = $true, Position = 0)][AllowNull()][object]$InputObject, [int]$Depth = 2, [switch]$Compress)
  begin { $items = New-Object System.Collections.Generic.List[object] }
  process { $items.Add($InputObject) }
  end {
    $value = if ($items.Count -eq 1) { $items[0] } else { , $items.ToArray() }
    if (Find-MdJsonDate $value 0) { $__md_facts.Add('json-datetime') }
    Microsoft.PowerShell.Utility\ConvertTo-Json -InputObject $value -Depth $Depth -Compress:$Compress
  }
}
'@

# Scripts run from a file (`& file`), because only a script file's `exit N` reaches the caller ($LASTEXITCODE): the
# set-path-value repair's exit 3 (the value changed since the plan) must be seen as the real powershell.exe sets it.
$iss = [initialsessionstate]::CreateDefault()
if ([Environment]::OSVersion.Platform -eq 'Win32NT') { $iss.ExecutionPolicy = 'Bypass' }
$runspace = [runspacefactory]::CreateRunspace($iss)
$runspace.Open()
$jobFile = Join-Path ([IO.Path]::GetDirectoryName([IO.Path]::GetFullPath($Out))) 'job.ps1'
$snapshots = @{}

function Invoke-Job($job) {
  $env = $job.env
  if ($env) { foreach ($p in $env.PSObject.Properties) { [Environment]::SetEnvironmentVariable($p.Name, [string]$p.Value) } }
  $effects = New-Object System.Collections.Generic.List[object]
  $facts = New-Object System.Collections.Generic.List[string]
  $runspace.ResetRunspaceState()
  $runspace.SessionStateProxy.SetVariable('__md_sim', $(if ($job.snapshot) { $snapshots[$job.snapshot] } else { $null }))
  $runspace.SessionStateProxy.SetVariable('__md_effects', $effects)
  $runspace.SessionStateProxy.SetVariable('__md_facts', $facts)
  $ps = [powershell]::Create()
  $ps.Runspace = $runspace
  [void]$ps.AddScript($jsonProxy, $false)
  [IO.File]::WriteAllText($jobFile, [string]$job.script, $utf8)
  [void]$ps.AddStatement().AddScript('$global:LASTEXITCODE = 0; & $args[0]; $global:__md_exit = $LASTEXITCODE', $false).AddArgument($jobFile)
  $lines = New-Object System.Collections.Generic.List[string]
  $failure = $null
  try {
    foreach ($o in $ps.Invoke()) {
      if ($null -eq $o) { $lines.Add('') }
      elseif ($o.BaseObject -is [string]) { $lines.Add($o.BaseObject) }
      else { foreach ($l in (($o | Out-String -Stream))) { $lines.Add($l) } }
    }
  } catch {
    $failure = "$($_.Exception.GetBaseException().Message)"
  }
  if ($ps.InvocationStateInfo.Reason -and -not $failure) { $failure = "$($ps.InvocationStateInfo.Reason.GetBaseException().Message)" }
  $exit = $runspace.SessionStateProxy.GetVariable('__md_exit')
  $result = [pscustomobject]@{
    kind = 'run'
    id = $job.id
    exitCode = $(if ($failure) { $null } elseif ($null -eq $exit) { 0 } else { [int]$exit })
    stdout = @($lines.ToArray())
    errors = @(foreach ($e in $ps.Streams.Error) { "$($e.FullyQualifiedErrorId): $e" })
    warnings = @(foreach ($w in $ps.Streams.Warning) { "$w" })
    failure = $failure
    effects = @($effects.ToArray())
    facts = @($facts.ToArray())
  }
  $ps.Dispose()
  $result
}

foreach ($line in [IO.File]::ReadAllLines($Jobs, $utf8)) {
  if ($line.Trim() -eq '') { continue }
  $job = ConvertFrom-Json $line
  switch ($job.kind) {
    'parse' {
      $tokens = $null; $errors = $null
      $ast = [System.Management.Automation.Language.Parser]::ParseInput([string]$job.script, [ref]$tokens, [ref]$errors)
      Write-Result ([pscustomobject]@{
          kind = 'parse'
          id = $job.id
          errors = @(foreach ($e in $errors) { [pscustomobject]@{ message = $e.Message; line = $e.Extent.StartLineNumber; column = $e.Extent.StartColumnNumber; id = $e.ErrorId } })
          facts = $(if ($job.facts) { Get-ScriptFacts $ast } else { @() })
        })
    }
    'snapshot' { $snapshots[[string]$job.id] = $job.value }
    'run' { Write-Result (Invoke-Job $job) }
    default { throw "unknown job kind: $($job.kind)" }
  }
}
$writer.Dispose()
$runspace.Dispose()
Write-Output ('driver: done under PowerShell ' + $PSVersionTable.PSVersion.ToString())
