# Dot-sourced by the PowerShell twins of the azd hooks (Windows operators; azure.yaml `windows:`). Same logic as
# common.sh: the login check and the retry settings. Subscription-scoped az calls name the subscription; Entra ID
# calls (az ad, Microsoft Graph) are tenant-scoped.
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false

$HookAttempts = if ($env:TETREADINESS_HOOK_ATTEMPTS) { [int]$env:TETREADINESS_HOOK_ATTEMPTS } else { 20 }
$HookRetrySeconds = if ($env:TETREADINESS_HOOK_RETRY_SECONDS) { [int]$env:TETREADINESS_HOOK_RETRY_SECONDS } else { 15 }

# Runs az; returns exit code and output (stdout and stderr as text) without throwing.
function Invoke-Az {
    $output = & az @args 2>&1 | ForEach-Object { "$_" }
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = ($output -join "`n").Trim() }
}

function Get-FirstLine([string]$Text) {
    ($Text -split "`n" | Where-Object { $_.Trim() } | Select-Object -First 1)
}

function Stop-Hook([string]$Message) {
    [Console]::Error.WriteLine($Message)
    exit 1
}

function Assert-AzLogin {
    if (-not (Get-Command az -ErrorAction SilentlyContinue)) { Stop-Hook 'The Azure CLI (az) is not installed: https://aka.ms/azcli' }
    $subscription = $env:AZURE_SUBSCRIPTION_ID
    if (-not $subscription) { Stop-Hook 'AZURE_SUBSCRIPTION_ID is not set: run the hook through azd (azd provision), or set it.' }
    $answer = Invoke-Az account show --subscription $subscription --query id --output tsv
    if ($answer.ExitCode -ne 0) {
        $tenant = if ($env:AZURE_TENANT_ID) { " --tenant $($env:AZURE_TENANT_ID)" } else { '' }
        Stop-Hook ("The Azure CLI is not signed in to subscription $subscription ($(Get-FirstLine $answer.Text)).`nRun:`n  az login$tenant`n  az account set --subscription $subscription`nthen run this again (azd provision).")
    }
    if ($answer.Text -ne $subscription) { Stop-Hook "az answered subscription '$($answer.Text)' for '$subscription': check AZURE_SUBSCRIPTION_ID." }
}

function Get-AzIdentityType {
    (Invoke-Az account show --subscription $env:AZURE_SUBSCRIPTION_ID --query user.type --output tsv).Text
}
