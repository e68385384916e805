<#
.SYNOPSIS
  Intune Remediations - detection script: a read-only MSI Doctor scan of this device.

.DESCRIPTION
  Runs "MSI-Doctor.exe --headless scan" (read-only: it changes nothing and shows no prompt; Intune runs this script as
  SYSTEM, so the elevated checks run directly), writes the result file (msi-doctor/scan@1) into $ResultsDir for
  "msi-doctor fleet summarize", prints one line for the Intune console ("Pre-remediation detection output") and exits:
    1  an issue was found   -> Intune runs Remediate-MsiDoctorIssue.ps1
    0  no issue, or the scan could not run (that is reported, never "remediated")
  Set $ResultsDir (a share the computer accounts can write to, e.g. \\files\msi-doctor$\results) and, if MSI Doctor is
  not installed in the default folder, $MsiDoctor. Intune passes no parameters: edit the defaults below.
#>
param(
  [string]$ResultsDir = 'C:\ProgramData\MSI Doctor\results',
  [string]$MsiDoctor = (Join-Path $env:ProgramFiles 'MSI Doctor\MSI-Doctor.exe'),
  [ValidateSet('en', 'zh-CN')][string]$Language = 'en'
)
# 'Continue': under 'Stop', Windows PowerShell 5.1 (what Intune runs) turns any line a program writes to stderr into a
# terminating error when the stream is redirected.
$ErrorActionPreference = 'Continue'

if (-not (Test-Path -LiteralPath $MsiDoctor -PathType Leaf)) {
  Write-Output "MSI Doctor is not installed at $MsiDoctor; nothing was checked."
  exit 0
}
try {
  $output = @(& $MsiDoctor --headless scan --brief --lang $Language --results-dir $ResultsDir --issue-exit-code 1 2>&1)
  $code = $LASTEXITCODE
} catch {
  Write-Output "MSI Doctor could not run: $($_.Exception.Message)"
  exit 0
}
# stdout holds the one-line summary; stderr notes (the result file's name) or what went wrong.
$stdout = @($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$_" } | Where-Object { $_ -match '\S' })
$stderr = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$_" } | Where-Object { $_ -match '\S' })
$line = if ($stdout.Count -gt 0) { $stdout[0] } else { ($stderr | Select-Object -First 1) }
if ($code -eq 1) { Write-Output $line; exit 1 }
if ($code -eq 0) { Write-Output $line; exit 0 }
Write-Output ("MSI Doctor scan ended with exit code {0}: {1}" -f $code, ($stderr | Select-Object -First 1))
exit 0
