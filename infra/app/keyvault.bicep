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
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output keyVaultName string = keyVault.name
output keyVaultUri string = keyVault.properties.vaultUri
