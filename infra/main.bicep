// TetReadiness production environment: one resource group holding the storage account (tables, queues,
// deployment package), the Function App on Flex Consumption with its managed identity, Key Vault,
// Application Insights on Log Analytics, the role assignments and the alerts.
// Deploy with `azd up`, or `az deployment sub create` (see docs/deploy-azure.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (for example tet-prod); seeds every resource name.')
param environmentName string

@description('Azure region for every resource. Flex Consumption must be available there.')
param location string = 'southeastasia'

@description('Resource group to create or reuse; empty: rg-<environmentName>.')
param resourceGroupName string = ''

@minLength(36)
@maxLength(36)
@description('Client (application) id of the Microsoft Entra app registration used for sign-in (/.auth/login/aad).')
param entraClientId string

@minLength(3)
@description('Sender address of reminder and digest emails; its domain must be authenticated in SendGrid.')
param sendGridFromEmail string

@description('Sender display name of reminder and digest emails.')
param sendGridFromName string = 'Sẵn sàng Tết'

@minLength(3)
@description('City IT mailbox that receives the alerts.')
param alertEmail string

@description('NCRONTAB schedule, in UTC, of the daily reminder scan. Default: 08:00 Vietnam time.')
param reminderScanSchedule string = '0 0 1 * * *'

@description('NCRONTAB schedule, in UTC, of the daily digest. Default: 17:00 Vietnam time.')
param dailyDigestSchedule string = '0 0 10 * * *'

@description('NCRONTAB schedule, in UTC, of the status projection repair.')
param projectionRepairSchedule string = '0 */5 * * * *'

@description('Public base URL used in emailed links (a custom domain); empty: the app\'s default host name.')
param publicBaseUrl string = ''

@description('Turn on storage account-key access. Only for teams that choose Power BI\'s direct Azure Table Storage connector, which accepts nothing but the account key. The app itself never uses keys.')
param allowSharedKeyAccess bool = false

@description('Object id of the person or pipeline that deploys (azd sets AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer so it can set the secrets. Empty: none.')
param deployerPrincipalId string = ''

@description('Number of 5xx responses in 15 minutes that raises the burst alert.')
@minValue(1)
param serverErrorAlertThreshold int = 10

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

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'tet-readiness'
}
// Names are computed here, not read from module outputs, so What-If can predict every resource id.
var functionAppName = 'func-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    retentionInDays: 30
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    storageAccountName: storageAccountName
    deploymentContainerName: 'app-package'
    allowSharedKeyAccess: allowSharedKeyAccess
    skuName: 'Standard_LRS'
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    keyVaultName: keyVaultName
  }
}

module functionApp 'app/function.bicep' = {
  name: 'function-app'
  scope: resourceGroup
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
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  dependsOn: [
    monitoring
    keyVault
  ]
}

module roles 'app/roles.bicep' = {
  name: 'role-assignments'
  scope: resourceGroup
  params: {
    principalId: functionApp.outputs.principalId
    functionAppName: functionAppName
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
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    namePrefix: functionAppName
    applicationInsightsName: applicationInsightsName
    alertEmail: alertEmail
    serverErrorThreshold: serverErrorAlertThreshold
  }
  dependsOn: [
    monitoring
  ]
}

// Names a person needs next (azd stores them in the environment; the postprovision hook reads them).
output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.functionAppName
output AZURE_KEY_VAULT_NAME string = keyVaultName
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccountName
output AZURE_APPLICATION_INSIGHTS_NAME string = applicationInsightsName
output APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output ENTRA_REDIRECT_URI string = 'https://${functionApp.outputs.defaultHostName}/.auth/login/aad/callback'
output KEY_VAULT_SECRET_NAMES string[] = [
  'SendGridApiKey'
  'UnitLinksPrimaryKey'
  'FeedPrimaryKey'
]
