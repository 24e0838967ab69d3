// The Function App on the Flex Consumption plan (.NET 10 isolated worker) with its system-assigned identity,
// its app settings and App Service Authentication.
//
// App settings hold no keys or connection strings: storage is reached by account name/endpoint with the
// managed identity, secrets are Key Vault references, telemetry is Entra-authenticated. Every setting the
// app binds is set here or listed with a reason in infra/optional-settings.json (a test checks both).
// Timer schedules are NCRONTAB in UTC: Linux plans ignore WEBSITE_TIME_ZONE, so Vietnam time (UTC+7) is
// converted here, e.g. 08:00 in Hanoi is '0 0 1 * * *'.

@description('Azure region for the plan and the app.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Name of the Function App (also its default host name).')
param appName string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Storage account used by the host, the deployment package and the app\'s tables and queues.')
param storageAccountName string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights component the app reports to.')
param applicationInsightsName string

@description('Key Vault holding the app\'s secrets.')
param keyVaultName string

@description('Client (application) id of the Microsoft Entra app registration used for sign-in.')
param entraClientId string

@description('Public base URL used in links sent by email. Empty: the app\'s default https host name.')
param publicBaseUrl string

@description('Sender address for reminder and digest emails; its domain must be authenticated in SendGrid.')
param sendGridFromEmail string

@description('Sender display name for reminder and digest emails.')
param sendGridFromName string

@description('NCRONTAB (UTC) schedule of the daily reminder scan.')
param reminderScanSchedule string

@description('NCRONTAB (UTC) schedule of the daily digest.')
param dailyDigestSchedule string

@description('NCRONTAB (UTC) schedule of the status projection repair.')
param projectionRepairSchedule string

@description('NCRONTAB (UTC) schedule of the per-area status summaries.')
param statusRollupSchedule string

@description('NCRONTAB (UTC) schedule of the nightly table export to the backups container.')
param exportTablesSchedule string

@description('NCRONTAB (UTC) schedule of the poison-queue re-drive (the function is disabled; run it by hand).')
param redrivePoisonSchedule string

@description('Queues the QueueWatch function reports on (age of the oldest message, length, poison depth).')
param watchedQueueNames string[]

@description('Subnet (delegated to Microsoft.App/environments) for virtual network integration; empty: none.')
param virtualNetworkSubnetId string = ''

@description('Upper bound of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource keyVault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  // azd finds the app to deploy to by this tag (service 'api' in azure.yaml).
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: 'SystemAssigned'
    // With private networking all outbound traffic, Key Vault references included, goes through the subnet.
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Kept as one literal object so the settings-coverage test can read every name from the compiled template.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // Functions host storage, identity-based.
    AzureWebJobsStorage__accountName: storageAccount.name
    AzureWebJobsDisableHomepage: 'true'
    // Telemetry authenticated with the managed identity (local auth is off on the component).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
    // The app's own storage (connection name 'Storage'): account name and endpoints, no key.
    Storage__accountName: storageAccount.name
    Storage__tableServiceUri: storageAccount.properties.primaryEndpoints.table
    Storage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
    Storage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
    App__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${functionApp.properties.defaultHostName}' : publicBaseUrl
    SendGrid__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=SendGridApiKey)'
    SendGrid__FromEmail: sendGridFromEmail
    SendGrid__FromName: sendGridFromName
    UnitLinks__PrimaryKey: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=UnitLinksPrimaryKey)'
    Feed__PrimaryKey: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=FeedPrimaryKey)'
    // Always present, so a provision in the middle of a rotation never drops the previous key. Outside a rotation
    // the secret does not exist, the reference stays unresolved, and the app treats it as "no secondary key".
    UnitLinks__SecondaryKey: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=UnitLinksSecondaryKey)'
    Feed__SecondaryKey: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=FeedSecondaryKey)'
    ReminderScanSchedule: reminderScanSchedule
    DailyDigestSchedule: dailyDigestSchedule
    ProjectionRepairSchedule: projectionRepairSchedule
    StatusRollupSchedule: statusRollupSchedule
    ExportTablesSchedule: exportTablesSchedule
    RedrivePoisonSchedule: redrivePoisonSchedule
    // Re-driving poison messages is an operator's decision, run on demand (POST /admin/functions/RedrivePoison).
    'AzureWebJobs.RedrivePoison.Disabled': 'true'
    QueueWatch__Queues: join(watchedQueueNames, ',')
  }
}

// Easy Auth: Microsoft Entra ID as the only provider, unauthenticated requests let through so unit links,
// the health probe and the Power BI feed work; the app itself answers 401/403. Sign-in: /.auth/login/aad.
// No client secret: sign-in uses the ID token (enable "ID tokens" on the app registration). The token
// store is off: Flex Consumption has no persistent file system and the app reads only the principal header.
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            entraClientId
            'api://${entraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// No FTP and no basic-auth publishing: deployments authenticate with Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output functionAppName string = functionApp.name
output principalId string = functionApp.identity.principalId
output defaultHostName string = functionApp.properties.defaultHostName
