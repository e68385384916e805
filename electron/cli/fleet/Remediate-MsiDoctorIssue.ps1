<#
.SYNOPSIS
  Intune Remediations - remediation script: runs MSI Doctor's recommended repair, only when you allowed it.

.DESCRIPTION
  Asks MSI Doctor for the plan of the recommended repair without running it ("fix recommended --dry-run"). When that
  repair is in $AllowedRepairs, runs exactly that repair unattended ("fix <repair> --yes": the same checks, backup,
  journal, verification and undo as in the app) and writes its outcome (msi-doctor/repair@1) into $ResultsDir.
  Otherwise changes nothing and says which repair a person should look at (the fleet summary lists the machine).
  Exit 0 = repaired and verified; 1 = not repaired (not allowed, nothing to repair, failed or not verified), so the
  Intune console shows the device as needing attention. Intune then runs the detection script again.

  Allowed by default: repairs that restore Windows' own defaults and can be undone. Never allowed by default:
  restart-computer (restarts a device someone is using), end-stuck-client-install (ends an install that may belong
  to another deployment), uninstall-other-version, retry-install-elevated-logged (needs the .msi).
#>
param(
  [string]$ResultsDir = 'C:\ProgramData\MSI Doctor\results',
  [string]$MsiDoctor = (Join-Path $env:ProgramFiles 'MSI Doctor\MSI-Doctor.exe'),
  [string[]]$AllowedRepairs = @(
    'enable-msiserver',
    'repair-msiserver-registration',
    'restore-windows-temp-acl',
    'remove-always-install-elevated',
    'disable-installer-logging'
  )
)
# 'Continue': under 'Stop', Windows PowerShell 5.1 (what Intune runs) turns any line a program writes to stderr into a
# terminating error when the stream is redirected.
$ErrorActionPreference = 'Continue'

# Runs MSI Doctor; returns its exit code, its stdout lines (the JSON) and its stderr lines (notes, errors) apart.
function Invoke-MsiDoctor([string[]]$Arguments) {
  $all = @(& $MsiDoctor --headless @Arguments 2>&1)
  [pscustomobject]@{
    Code   = $LASTEXITCODE
    Stdout = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$_" })
    Stderr = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$_" } | Where-Object { $_ -match '\S' })
  }
}

if (-not (Test-Path -LiteralPath $MsiDoctor -PathType Leaf)) {
  Write-Output "MSI Doctor is not installed at $MsiDoctor; nothing was changed."
  exit 1
}
$plan = Invoke-MsiDoctor @('fix', 'recommended', '--dry-run', '--json')
if ($plan.Code -ne 0) {
  Write-Output ("No automatic repair: {0}" -f ($plan.Stderr | Select-Object -First 1))
  exit 1
}
try { $planJson = ($plan.Stdout -join "`n") | ConvertFrom-Json } catch {
  Write-Output 'No automatic repair: the plan could not be read.'
  exit 1
}
$repair = [string]$planJson.repair
if ($AllowedRepairs -notcontains $repair) {
  Write-Output "Not repaired: the recommended repair '$repair' is not in the allowed list (see the fleet summary)."
  exit 1
}
New-Item -ItemType Directory -Force -Path $ResultsDir | Out-Null
$stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssZ')
$outcomeFile = Join-Path $ResultsDir ('{0}_{1}.repair.json' -f $env:COMPUTERNAME, $stamp)
$outcome = Invoke-MsiDoctor @('fix', $repair, '--yes', '--json')
Set-Content -LiteralPath $outcomeFile -Value ($outcome.Stdout -join "`n") -Encoding UTF8
if ($outcome.Code -eq 0) { Write-Output "Repaired and verified: $repair ($outcomeFile)"; exit 0 }
Write-Output ("Repair {0} did not complete (exit code {1}): {2} {3}" -f $repair, $outcome.Code, $outcomeFile, ($outcome.Stderr | Select-Object -First 1))
exit 1
