// Parameters for main.bicep. azd fills the environment variables (azd env set NAME VALUE);
// with plain az, export them or pass overrides: az deployment sub create ... --parameters main.bicepparam alertEmail=...
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'tet-readiness')
param location = readEnvironmentVariable('AZURE_LOCATION', 'southeastasia')
param resourceGroupName = readEnvironmentVariable('AZURE_RESOURCE_GROUP', '')

// Required, no default: compiling this file stops and names the variable that is not set.
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID')
param sendGridFromEmail = readEnvironmentVariable('SENDGRID_FROM_EMAIL')
param alertEmail = readEnvironmentVariable('ALERT_EMAIL')

param sendGridFromName = readEnvironmentVariable('SENDGRID_FROM_NAME', 'Sẵn sàng Tết')
param publicBaseUrl = readEnvironmentVariable('PUBLIC_BASE_URL', '')

// UTC NCRONTAB; Vietnam is UTC+7 (Linux ignores WEBSITE_TIME_ZONE).
param reminderScanSchedule = readEnvironmentVariable('REMINDER_SCAN_SCHEDULE', '0 0 1 * * *')
param dailyDigestSchedule = readEnvironmentVariable('DAILY_DIGEST_SCHEDULE', '0 0 10 * * *')

// Only for Power BI's direct Azure Table Storage connector, which accepts nothing but the account key.
param allowSharedKeyAccess = bool(readEnvironmentVariable('ALLOW_SHARED_KEY_ACCESS', 'false'))

// azd sets AZURE_PRINCIPAL_ID to whoever runs it: that person may then set the Key Vault secrets.
param deployerPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
