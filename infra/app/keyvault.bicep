// Key Vault in RBAC mode for the app's secrets. The template creates no secret values: a person (or the
// azd postprovision hook) sets them, so no secret ever sits in a file or a deployment history.
// The Function App reads them through Key Vault references (see function.bicep).

@description('Azure region for the vault.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Globally unique vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param keyVaultName string

@description('Put a CanNotDelete lock on the vault.')
param enableDeleteLock bool

@description('Reach the vault over its public endpoint (false: private endpoint only, see private-endpoints.bicep).')
param publicNetworkAccess bool = true

@description('With public access off: public IP ranges still let through the firewall (the operator setting secrets).')
param allowedIpRanges string[] = []

resource keyVault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: publicNetworkAccess || !empty(allowedIpRanges) ? 'Enabled' : 'Disabled'
    networkAcls: {
      defaultAction: publicNetworkAccess ? 'Allow' : 'Deny'
      bypass: 'AzureServices'
      ipRules: [
        for range in allowedIpRanges: {
          value: range
        }
      ]
    }
  }
}

// The vault holds the only copy of the link-signing and feed keys: deleting it breaks every link already sent.
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = if (enableDeleteLock) {
  name: 'do-not-delete-${keyVaultName}'
  scope: keyVault
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the TetReadiness signing and feed keys and the SendGrid key. Remove this lock only to delete the environment on purpose.'
  }
}

output keyVaultName string = keyVault.name
output keyVaultUri string = keyVault.properties.vaultUri
