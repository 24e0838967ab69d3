# Twin of key-vault-references.sh for Windows operators: forces the Function App to re-read its Key Vault
# references and checks that every reference to a secret that exists resolved; secrets absent on purpose are not
# failures.
. "$PSScriptRoot/common.ps1"

$subscription = $env:AZURE_SUBSCRIPTION_ID
$vault = $env:AZURE_KEY_VAULT_NAME
$optionalSecrets = @('UnitLinksSecondaryKey', 'FeedSecondaryKey')
$api = 'api-version=2022-03-01'
foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_KEY_VAULT_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { Stop-Hook "$name is not set" }
}

$arm = (Invoke-Az cloud show --query endpoints.resourceManager --output tsv).Text.TrimEnd('/')
$site = "$arm/subscriptions/$subscription/resourceGroups/$($env:AZURE_RESOURCE_GROUP)/providers/Microsoft.Web/sites/$($env:AZURE_FUNCTION_APP_NAME)"

function Test-SecretExists([string]$Name) {
    $answer = Invoke-Az keyvault secret show --subscription $subscription --vault-name $vault --name $Name --query id --output tsv
    ($answer.ExitCode -eq 0) -or ($answer.Text -notmatch 'SecretNotFound|\(NotFound\)|was not found in this key vault')
}

$pending = @('(not checked: the refresh never succeeded)')
for ($attempt = 1; $attempt -le $HookAttempts; $attempt++) {
    if ((Invoke-Az rest --method post --url "$site/config/configreferences/appsettings/refresh?$api" --output none).ExitCode -ne 0) {
        Write-Host "Key Vault references: refresh not accepted yet; retrying in ${HookRetrySeconds}s."
        Start-Sleep -Seconds $HookRetrySeconds
        continue
    }
    $list = Invoke-Az rest --method get --url "$site/config/configreferences/appsettings?$api" --query 'value[].[id, properties.secretName, properties.status]' --output tsv
    if ($list.ExitCode -ne 0) {
        # A failed read is not "nothing pending".
        $pending = @('(status not readable)')
        Write-Host "Key Vault references: their status could not be read yet; retrying in ${HookRetrySeconds}s."
        Start-Sleep -Seconds $HookRetrySeconds
        continue
    }
    $pending = @()
    $absent = @()
    foreach ($line in ($list.Text -split "`n" | Where-Object { $_.Trim() })) {
        $id, $secret, $status = $line -split "`t"
        $setting = ($id -split '/')[-1]
        if ($status -eq 'Resolved') { continue }
        if (-not (Test-SecretExists $secret)) {
            if ($optionalSecrets -notcontains $secret) { $absent += "$setting($secret)" }
            continue
        }
        $pending += "$setting($status)"
    }
    if (-not $pending) {
        Write-Host 'Key Vault references: every reference to an existing secret resolved.'
        if ($absent) { [Console]::Error.WriteLine("Key Vault references: secrets not set yet: $($absent -join ' ') (the app works without them, but see docs/deploy-azure.md).") }
        exit 0
    }
    Write-Host "Key Vault references not resolved yet: $($pending -join ' ') (the app identity's role can take a few minutes); retrying in ${HookRetrySeconds}s."
    if ($attempt -lt $HookAttempts) { Start-Sleep -Seconds $HookRetrySeconds }
}
Stop-Hook "Key Vault references still unresolved: $($pending -join ' '). Check that the Function App's identity holds Key Vault Secrets User on $vault, and the portal: Function App → Settings → Environment variables."
