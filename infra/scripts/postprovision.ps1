# azd postprovision hook for Windows (twin of postprovision.sh): login, secrets, Entra app registration,
# Key Vault references. Each step is its own script so it can be run alone.
. "$PSScriptRoot/common.ps1"

Assert-AzLogin
foreach ($step in 'ensure-secrets.ps1', 'entra-app.ps1', 'key-vault-references.ps1') {
    $global:LASTEXITCODE = 0
    & (Join-Path $PSScriptRoot $step)
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
$url = if ($env:APP_URL) { $env:APP_URL } else { '<app-url>' }
Write-Host "Done. Open $url/status and sign in; scripts/smoke.sh $url checks the deployment."
