# Twin of ensure-secrets.sh for Windows operators: creates a secret only after Key Vault answers "not found",
# retries every other answer, never overwrites, recovers a soft-deleted secret instead of replacing it.
. "$PSScriptRoot/common.ps1"

$vault = $env:AZURE_KEY_VAULT_NAME
if (-not $vault) { Stop-Hook 'AZURE_KEY_VAULT_NAME is not set: run azd provision first' }
$subscription = $env:AZURE_SUBSCRIPTION_ID
$secretFile = New-TemporaryFile
if (-not $IsWindows) { chmod 600 $secretFile.FullName }

function Get-SecretState([string]$Name) {
    $answer = Invoke-Az keyvault secret show --subscription $subscription --vault-name $vault --name $Name --query id --output tsv
    if ($answer.ExitCode -eq 0) { return 'exists' }
    if ($answer.Text -match 'SecretNotFound|\(NotFound\)|was not found in this key vault') { return 'missing' }
    "error $(Get-FirstLine $answer.Text)"
}

function Write-Secret([string]$Name) {
    $answer = Invoke-Az keyvault secret set --subscription $subscription --vault-name $vault --name $Name --file $secretFile.FullName --encoding utf-8 --query id --output tsv
    if ($answer.ExitCode -eq 0) { return 'written' }
    if ($answer.Text -match 'ObjectIsDeletedButRecoverable|deleted but recoverable') { return 'deleted' }
    "error $(Get-FirstLine $answer.Text)"
}

function Write-Explanation([string]$Answer, [string]$Name) {
    if ($Answer -match 'Forbidden|403|not authorized') {
        Write-Host "${Name}: Key Vault refused ($Answer). A new role assignment can take a few minutes to apply; retrying in ${HookRetrySeconds}s."
    } else {
        Write-Host "${Name}: Key Vault did not answer clearly ($Answer); retrying in ${HookRetrySeconds}s."
    }
}

function Set-SecretOnce([string]$Name, [string]$Source) {
    for ($attempt = 1; $attempt -le $HookAttempts; $attempt++) {
        $state = Get-SecretState $Name
        if ($state -eq 'exists') { Write-Host "${Name}: already set, left unchanged."; return $true }
        if ($state -eq 'missing') {
            if ($Source -eq 'random') {
                $bytes = [byte[]]::new(64)
                [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
                [IO.File]::WriteAllText($secretFile.FullName, [Convert]::ToBase64String($bytes))
            } elseif ([Environment]::GetEnvironmentVariable($Source)) {
                [IO.File]::WriteAllText($secretFile.FullName, [Environment]::GetEnvironmentVariable($Source))
            } else {
                [Console]::Error.WriteLine("${Name}: NOT SET. Emails fail until you set it: az keyvault secret set --vault-name $vault --name $Name --file <file-with-the-key>")
                return $true
            }
            $result = Write-Secret $Name
            [IO.File]::WriteAllText($secretFile.FullName, '')
            if ($result -eq 'written') { Write-Host "${Name}: created."; return $true }
            if ($result -eq 'deleted') {
                Write-Host "${Name}: was deleted; recovering the previous value instead of creating a new one."
                $null = Invoke-Az keyvault secret recover --subscription $subscription --vault-name $vault --name $Name --output none
            } else {
                Write-Explanation ($result -replace '^error ', '') $Name
            }
        } else {
            Write-Explanation ($state -replace '^error ', '') $Name
        }
        if ($attempt -lt $HookAttempts) { Start-Sleep -Seconds $HookRetrySeconds }
    }
    [Console]::Error.WriteLine("${Name}: gave up after $HookAttempts attempts; nothing was overwritten. Check that you hold Key Vault Secrets Officer on $vault and run azd provision again.")
    $false
}

try {
    $ok = Set-SecretOnce 'UnitLinksPrimaryKey' 'random'
    $ok = (Set-SecretOnce 'FeedPrimaryKey' 'random') -and $ok
    $ok = (Set-SecretOnce 'SendGridApiKey' 'SENDGRID_API_KEY') -and $ok
} finally {
    Remove-Item $secretFile.FullName -Force
}
if (-not $ok) { exit 1 }
exit 0
