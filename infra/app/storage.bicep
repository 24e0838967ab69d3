// The one storage account: the Functions host (AzureWebJobsStorage), the Flex Consumption deployment
// package container, and the app's own tables and queues. Everything is reached with Entra ID (managed
// identity); shared-key access stays off unless a team chooses Power BI's direct table connector,
// which accepts nothing but the account key.

@description('Azure region for the storage account.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Globally unique storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Allow account-key (shared key) access. Only for Power BI\'s direct Azure Table Storage connector; the app never uses keys.')
param allowSharedKeyAccess bool = false

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param skuName string = 'Standard_LRS'

// The app's queues: work queues and the poison queues the Functions host moves failed messages to.
// Declared so the alerts and the app never depend on a queue being created lazily.
var queueNames = [
  'reminders'
  'reminders-poison'
  'digests'
  'digests-poison'
]

// Every table the app reads or writes (see Functions/Storage).
var tableNames = [
  'Units'
  'Districts'
  'Campaigns'
  'CampaignUnits'
  'ChecklistVersions'
  'ChecklistItems'
  'Submissions'
  'SubmissionRevisions'
  'Answers'
  'Reminders'
  'Digests'
  'StatusSnapshots'
  'AuditLog'
  'RosterImports'
]

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: allowSharedKeyAccess
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output storageAccountName string = storageAccount.name
output storageAccountId string = storageAccount.id
output blobEndpoint string = storageAccount.properties.primaryEndpoints.blob
output queueEndpoint string = storageAccount.properties.primaryEndpoints.queue
output tableEndpoint string = storageAccount.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainer.name
