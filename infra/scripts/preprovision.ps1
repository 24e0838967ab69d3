# azd preprovision hook for Windows (twin of preprovision.sh): the az CLI login and the required values.
. "$PSScriptRoot/common.ps1"

Assert-AzLogin
$missing = @('ENTRA_CLIENT_ID', 'SENDGRID_FROM_EMAIL', 'ALERT_EMAIL') | Where-Object { -not [Environment]::GetEnvironmentVariable($_) }
if ($missing) { Stop-Hook "Not set: $($missing -join ' '). Set each with: azd env set NAME value (docs/deploy-azure.md, step 4)." }
Write-Host "az CLI signed in to subscription $($env:AZURE_SUBSCRIPTION_ID); required values set."
exit 0
