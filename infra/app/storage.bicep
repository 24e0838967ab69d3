// The one storage account: the Functions host (AzureWebJobsStorage), the Flex Consumption deployment package
// container, the app's tables and queues, and the nightly table exports (container `backups`). Everything is
// reached with Entra ID (managed identity); shared-key access stays off unless a team chooses Power BI's direct
// table connector, which accepts nothing but the account key.
// Data is kept: zone-redundant by default, blob versioning and soft delete for blobs and containers, a lifecycle
// rule that keeps exports for a set number of days, and a CanNotDelete lock on the account.

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

@description('Blob container the ExportTables function writes the nightly exports to.')
param backupContainerName string

@description('Allow account-key (shared key) access. Only for Power BI\'s direct Azure Table Storage connector; the app never uses keys.')
param allowSharedKeyAccess bool = false

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
param skuName string = 'Standard_ZRS'

@description('Days deleted or overwritten blobs and deleted containers stay recoverable.')
@minValue(1)
@maxValue(365)
param softDeleteDays int

@description('Days an export stays in the backups container.')
@minValue(1)
param backupRetentionDays int

@description('Put a CanNotDelete lock on the account.')
param enableDeleteLock bool

@description('Reach the account over its public endpoint (false: private endpoints only, see private-endpoints.bicep).')
param publicNetworkAccess bool = true

@description('With public access off: public IP ranges still let through the firewall (the operator).')
param allowedIpRanges string[] = []

// The app's queues (Functions/Storage/QueueNames.cs) and the poison queues the Functions host moves failed
// messages to. Declared so the alerts and the app never depend on a queue being created lazily. A feature that
// adds a queue adds it here (a test fails until it does) and to watchedQueues in main.bicep.
var queueNames = [
  'reminders'
  'reminders-poison'
  'digests'
  'digests-poison'
  'review-notices'
  'review-notices-poison'
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
  'AreaUnits'
  'RosterPeople'
]

var firewallOpen = publicNetworkAccess || !empty(allowedIpRanges)

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
    publicNetworkAccess: firewallOpen ? 'Enabled' : 'Disabled'
    networkAcls: {
      defaultAction: publicNetworkAccess ? 'Allow' : 'Deny'
      bypass: 'AzureServices'
      ipRules: [
        for range in allowedIpRanges: {
          value: range
          action: 'Allow'
        }
      ]
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
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

resource backupContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: backupContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Exports older than the retention go, and so do the versions that overwrites and deletes leave behind, so
// versioning does not keep every deployment package and export forever.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-06-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-backups'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${backupContainerName}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterCreationGreaterThan: backupRetentionDays
                }
              }
              version: {
                delete: {
                  daysAfterCreationGreaterThan: softDeleteDays
                }
              }
            }
          }
        }
        {
          name: 'expire-old-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: softDeleteDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    backupContainer
  ]
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

// Deleting the account would delete every table, queue and backup at once; the lock makes that a two-step,
// deliberate act (remove the lock, then delete). Data-plane writes and deletes are unaffected.
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = if (enableDeleteLock) {
  name: 'do-not-delete-${storageAccountName}'
  scope: storageAccount
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds every table, queue and nightly export of TetReadiness. Remove this lock only to delete the environment on purpose.'
  }
}

output storageAccountName string = storageAccount.name
output storageAccountId string = storageAccount.id
output blobEndpoint string = storageAccount.properties.primaryEndpoints.blob
output queueEndpoint string = storageAccount.properties.primaryEndpoints.queue
output tableEndpoint string = storageAccount.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainer.name
output backupContainerName string = backupContainer.name
