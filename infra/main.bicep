// TetReadiness production environment, deployed into one resource group that the operator creates first
// (`az group create`): the storage account (tables, queues, backups, deployment package), the Function App on
// Flex Consumption with its managed identity, Key Vault, Application Insights on Log Analytics, the role
// assignments, the delete locks, the alerts, the campaign-week workbook and, optionally, a virtual network with
// private endpoints. Resource-group scope means the deploying identity (a person or the pipeline) needs rights on
// that group only, never on the subscription.
// Deploy with `azd up`, or `az deployment group create` (see docs/deploy-azure.md).
targetScope = 'resourceGroup'

import { timerFunction, watchedQueue } from 'app/types.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the environment (for example tet-prod); seeds every resource name.')
param environmentName string

@description('Azure region for every resource. Flex Consumption must be available there.')
param location string = resourceGroup().location

@minLength(36)
@maxLength(36)
@description('Client (application) id of the Microsoft Entra app registration used for sign-in (/.auth/login/aad).')
param entraClientId string

@minLength(3)
@description('Sender address of reminder and digest emails; its domain must be authenticated in SendGrid.')
param sendGridFromEmail string

@description('Sender display name of reminder and digest emails.')
param sendGridFromName string = 'Sẵn sàng Tết'

@minLength(1)
@description('Mailboxes that receive the alerts (city IT on-call, the product owner, ...).')
param alertEmails string[]

@description('NCRONTAB schedule, in UTC, of the daily reminder scan. Default: 08:00 Vietnam time.')
param reminderScanSchedule string = '0 0 1 * * *'

@description('NCRONTAB schedule, in UTC, of the daily digest. Default: 17:00 Vietnam time.')
param dailyDigestSchedule string = '0 0 10 * * *'

@description('NCRONTAB schedule, in UTC, of the status projection repair.')
param projectionRepairSchedule string = '0 */5 * * * *'

@description('NCRONTAB schedule, in UTC, of the per-area status summaries (city dashboards, closed campaigns\' final figures).')
param statusRollupSchedule string = '0 * * * * *'

@description('NCRONTAB schedule, in UTC, of the nightly table export to the backups container. Default: 02:30 Vietnam time.')
param exportTablesSchedule string = '0 30 19 * * *'

@description('NCRONTAB schedule, in UTC, of the poison-queue re-drive. The function is disabled by default and run by hand (POST /admin/functions/RedrivePoison).')
param redrivePoisonSchedule string = '0 0 0 1 1 *'

@description('Public base URL used in emailed links (a custom domain); empty: the app\'s default host name.')
param publicBaseUrl string = ''

@description('Turn on storage account-key access. Only for teams that choose Power BI\'s direct Azure Table Storage connector, which accepts nothing but the account key. The app itself never uses keys.')
param allowSharedKeyAccess bool = false

@description('Object id of the person or pipeline that deploys (azd sets AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer so it can set the secrets. Empty: none.')
param deployerPrincipalId string = ''

@description('Replication of the storage account. Zone-redundant by default; choose Standard_LRS in a region without availability zones, or a geo-redundant SKU for a copy in the paired region.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
param storageRedundancy string = 'Standard_ZRS'

@description('CanNotDelete locks on the storage account and the Key Vault, so neither a mistaken click nor `azd down` deletes the data.')
param enableDeleteLocks bool = true

@description('Days that blobs and containers stay recoverable after a delete or an overwrite (soft delete; versions of overwritten blobs).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 14

@description('Days a nightly export stays in the backups container before the lifecycle rule deletes it.')
@minValue(7)
@maxValue(3650)
param backupRetentionDays int = 90

@description('Days of logs and telemetry Log Analytics keeps.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Queues whose oldest message age and poison twin are watched (the app reports both every 5 minutes). Later features add theirs here.')
param watchedQueues watchedQueue[] = [
  { name: 'reminders', maxAgeMinutes: 60 }
  { name: 'digests', maxAgeMinutes: 60 }
]

@description('Timer functions that must run, and the longest gap between two successful runs before an alert.')
param timerFunctions timerFunction[] = [
  { name: 'ReminderScan', maxHoursBetweenRuns: 26 }
  { name: 'DailyDigest', maxHoursBetweenRuns: 26 }
  { name: 'ProjectionRepair', maxHoursBetweenRuns: 1 }
  { name: 'ReviewRepair', maxHoursBetweenRuns: 1 }
  { name: 'StatusRollup', maxHoursBetweenRuns: 1 }
  { name: 'ExportTables', maxHoursBetweenRuns: 26 }
  { name: 'QueueWatch', maxHoursBetweenRuns: 1 }
]

@description('Number of 5xx responses in 15 minutes that raises the burst alert.')
@minValue(1)
param serverErrorAlertThreshold int = 10

@description('Number of refused (401) Power BI feed requests in an hour that raises the alert: after a key rotation, reports still on the old key.')
@minValue(1)
param feedUnauthorizedAlertThreshold int = 20

@description('Put the app in a virtual network and reach storage and Key Vault only through private endpoints, their public access off (see docs/deploy-azure.md for the cost and the Power BI consequence).')
param privateNetworking bool = false

@description('With privateNetworking: public IP ranges (CIDR) still let through the storage and Key Vault firewalls, e.g. the operator\'s office for the postprovision hook. Empty: public access fully off.')
param operatorIpRanges string[] = []

@description('With privateNetworking: address space of the virtual network (a /24 or larger).')
param virtualNetworkAddressPrefix string = '10.60.0.0/24'

@description('Upper bound of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(resourceGroup().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'tet-readiness'
}
// Names are computed here, not read from module outputs, so What-If can predict every resource id.
var functionAppName = 'func-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var logAnalyticsName = 'log-${resourceToken}'
var virtualNetworkName = 'vnet-${resourceToken}'

module network 'app/network.bicep' = if (privateNetworking) {
  name: 'network'
  params: {
    location: location
    tags: tags
    virtualNetworkName: virtualNetworkName
    addressPrefix: virtualNetworkAddressPrefix
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: logAnalyticsName
    applicationInsightsName: applicationInsightsName
    retentionInDays: logRetentionDays
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    storageAccountName: storageAccountName
    deploymentContainerName: 'app-package'
    backupContainerName: 'backups'
    allowSharedKeyAccess: allowSharedKeyAccess
    skuName: storageRedundancy
    softDeleteDays: blobSoftDeleteDays
    backupRetentionDays: backupRetentionDays
    enableDeleteLock: enableDeleteLocks
    publicNetworkAccess: !privateNetworking
    allowedIpRanges: operatorIpRanges
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    keyVaultName: keyVaultName
    enableDeleteLock: enableDeleteLocks
    publicNetworkAccess: !privateNetworking
    allowedIpRanges: operatorIpRanges
  }
}

module privateEndpoints 'app/private-endpoints.bicep' = if (privateNetworking) {
  name: 'private-endpoints'
  params: {
    location: location
    tags: tags
    virtualNetworkName: virtualNetworkName
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
  }
  dependsOn: [
    network
    storage
    keyVault
  ]
}

module functionApp 'app/function.bicep' = {
  name: 'function-app'
  params: {
    location: location
    tags: tags
    appName: functionAppName
    planName: 'plan-${resourceToken}'
    storageAccountName: storageAccountName
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: applicationInsightsName
    keyVaultName: keyVaultName
    entraClientId: entraClientId
    publicBaseUrl: publicBaseUrl
    sendGridFromEmail: sendGridFromEmail
    sendGridFromName: sendGridFromName
    reminderScanSchedule: reminderScanSchedule
    dailyDigestSchedule: dailyDigestSchedule
    projectionRepairSchedule: projectionRepairSchedule
    statusRollupSchedule: statusRollupSchedule
    exportTablesSchedule: exportTablesSchedule
    redrivePoisonSchedule: redrivePoisonSchedule
    watchedQueueNames: map(watchedQueues, queue => queue.name)
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    virtualNetworkSubnetId: privateNetworking ? network!.outputs.appSubnetId : ''
  }
  dependsOn: [
    monitoring
    keyVault
    privateEndpoints
  ]
}

module roles 'app/roles.bicep' = {
  name: 'role-assignments'
  params: {
    // What-If cannot predict these assignments before the identity exists; their names must include it anyway, so
    // a recreated identity gets new assignments rather than RoleAssignmentUpdateNotPermitted on the old names.
    #disable-next-line what-if-short-circuiting
    principalId: functionApp.outputs.principalId
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    deployerPrincipalId: deployerPrincipalId
  }
  dependsOn: [
    keyVault
    monitoring
  ]
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    namePrefix: functionAppName
    applicationInsightsName: applicationInsightsName
    alertEmails: alertEmails
    healthUrl: 'https://${functionApp.outputs.defaultHostName}/api/health'
    serverErrorThreshold: serverErrorAlertThreshold
    feedUnauthorizedThreshold: feedUnauthorizedAlertThreshold
    watchedQueues: watchedQueues
    timerFunctions: timerFunctions
  }
  dependsOn: [
    monitoring
  ]
}

module workbook 'app/workbook.bicep' = {
  name: 'workbook'
  params: {
    location: location
    tags: tags
    workbookName: guid(resourceGroup().id, environmentName, 'campaign-week')
    applicationInsightsName: applicationInsightsName
    watchedQueueNames: map(watchedQueues, queue => queue.name)
  }
  dependsOn: [
    monitoring
  ]
}

// Names a person needs next (azd stores them in the environment; the postprovision hook reads them).
output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.functionAppName
output AZURE_KEY_VAULT_NAME string = keyVaultName
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccountName
output AZURE_APPLICATION_INSIGHTS_NAME string = applicationInsightsName
output APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output ENTRA_REDIRECT_URI string = 'https://${functionApp.outputs.defaultHostName}/.auth/login/aad/callback'
// Secrets the postprovision hook makes sure of; the secondary keys are referenced but exist only during a rotation.
output KEY_VAULT_SECRET_NAMES string[] = [
  'SendGridApiKey'
  'UnitLinksPrimaryKey'
  'FeedPrimaryKey'
]
output KEY_VAULT_OPTIONAL_SECRET_NAMES string[] = [
  'UnitLinksSecondaryKey'
  'FeedSecondaryKey'
]
