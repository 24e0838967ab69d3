# Twin of entra-app.sh for Windows operators: the `coordinator` app role, ID tokens and the redirect URI on the
# sign-in app registration, its enterprise application, and `coordinator` for the person running it. Skipped for
# a service principal (a pipeline), which lacks the rights on the registration.
. "$PSScriptRoot/common.ps1"

$clientId = $env:ENTRA_CLIENT_ID
if (-not $clientId) { Stop-Hook 'ENTRA_CLIENT_ID is not set: azd env set ENTRA_CLIENT_ID <appId>' }
$coordinatorRoleId = '6f1f2c8e-7a52-4c1b-9d7e-3b0c5a9e4d21'

if ($env:SKIP_ENTRA_SETUP -eq 'true') { Write-Host 'Entra app registration: skipped (SKIP_ENTRA_SETUP=true).'; exit 0 }
if ((Get-AzIdentityType) -eq 'servicePrincipal') {
    Write-Host "Entra app registration: skipped for a service principal (a pipeline); an operator's azd up sets it up once."
    exit 0
}

function Invoke-AzChecked {
    $answer = Invoke-Az @args
    if ($answer.ExitCode -ne 0) { Stop-Hook "az $($args[0..2] -join ' ') failed: $(Get-FirstLine $answer.Text)" }
    $answer.Text
}

$graph = (Invoke-AzChecked cloud show --query endpoints.microsoftGraphResourceId --output tsv).TrimEnd('/') + '/v1.0'

if ((Invoke-AzChecked ad app show --id $clientId --query "length(appRoles[?value=='coordinator'])" --output tsv) -eq '0') {
    $existing = @(Invoke-AzChecked ad app show --id $clientId --query appRoles --output json | ConvertFrom-Json)
    $role = [pscustomobject]@{
        id = $coordinatorRoleId; value = 'coordinator'; displayName = 'City coordinator'
        description = 'Imports the roster, defines campaigns, sees every area, mints and revokes unit links.'
        allowedMemberTypes = @('User'); isEnabled = $true
    }
    $rolesFile = New-TemporaryFile
    ConvertTo-Json -InputObject @($existing + $role) -Depth 5 -Compress | Set-Content -Path $rolesFile.FullName -NoNewline
    $null = Invoke-AzChecked ad app update --id $clientId --app-roles "@$($rolesFile.FullName)"
    Remove-Item $rolesFile.FullName -Force
    Write-Host "Entra app registration: app role 'coordinator' created."
} else {
    Write-Host "Entra app registration: app role 'coordinator' already there."
}
$roleId = Invoke-AzChecked ad app show --id $clientId --query "appRoles[?value=='coordinator'].id | [0]" --output tsv

$null = Invoke-AzChecked ad app update --id $clientId --enable-id-token-issuance true
if ($env:ENTRA_REDIRECT_URI) {
    $uris = @((Invoke-AzChecked ad app show --id $clientId --query 'web.redirectUris[]' --output tsv) -split "`n" | Where-Object { $_ })
    if ($uris -contains $env:ENTRA_REDIRECT_URI) {
        Write-Host 'Entra app registration: redirect URI already there.'
    } else {
        $null = Invoke-AzChecked ad app update --id $clientId --web-redirect-uris @($uris + $env:ENTRA_REDIRECT_URI)
        Write-Host "Entra app registration: redirect URI $($env:ENTRA_REDIRECT_URI) added."
    }
}

$sp = Invoke-Az ad sp show --id $clientId --query id --output tsv
$spId = if ($sp.ExitCode -eq 0 -and $sp.Text) { $sp.Text } else {
    Write-Host 'Entra app registration: enterprise application created.'
    Invoke-AzChecked ad sp create --id $clientId --query id --output tsv
}

$userId = Invoke-AzChecked ad signed-in-user show --query id --output tsv
$assigned = Invoke-AzChecked rest --method get --url "$graph/users/$userId/appRoleAssignments?`$filter=resourceId eq $spId" --query "length(value[?appRoleId=='$roleId'])" --output tsv
if (-not $assigned -or $assigned -eq '0') {
    $body = New-TemporaryFile
    @{ principalId = $userId; resourceId = $spId; appRoleId = $roleId } | ConvertTo-Json -Compress | Set-Content -Path $body.FullName -NoNewline
    $null = Invoke-AzChecked rest --method post --url "$graph/servicePrincipals/$spId/appRoleAssignedTo" --headers 'Content-Type=application/json' --body "@$($body.FullName)" --output none
    Remove-Item $body.FullName -Force
    Write-Host 'Entra app registration: you are now a city coordinator (sign out and in again to get the role).'
} else {
    Write-Host 'Entra app registration: you already are a city coordinator.'
}
exit 0
