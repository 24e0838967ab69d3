// Parameters for main.bicep. azd fills the environment variables (azd env set NAME VALUE); the deploy workflow
// passes the same names from the GitHub environment's variables. With plain az, export them, or override:
// az deployment group create -g <rg> --parameters main.bicepparam alertEmails='["it@example.vn"]'
// An empty variable means "the default" (a pipeline variable that is not defined arrives empty).
using 'main.bicep'

import { listOf, valueOr } from 'app/parameter-functions.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'tet-readiness')
param location = valueOr(readEnvironmentVariable('AZURE_LOCATION', ''), 'southeastasia')

// Required, no default: compiling this file stops and names the variable that is not set.
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID')
param sendGridFromEmail = readEnvironmentVariable('SENDGRID_FROM_EMAIL')
// One or more mailboxes, comma-separated.
param alertEmails = listOf(readEnvironmentVariable('ALERT_EMAIL'))

param sendGridFromName = valueOr(readEnvironmentVariable('SENDGRID_FROM_NAME', ''), 'Sẵn sàng Tết')
param publicBaseUrl = readEnvironmentVariable('PUBLIC_BASE_URL', '')

// UTC NCRONTAB; Vietnam is UTC+7 (Linux ignores WEBSITE_TIME_ZONE).
param reminderScanSchedule = valueOr(readEnvironmentVariable('REMINDER_SCAN_SCHEDULE', ''), '0 0 1 * * *')
param dailyDigestSchedule = valueOr(readEnvironmentVariable('DAILY_DIGEST_SCHEDULE', ''), '0 0 10 * * *')
param projectionRepairSchedule = valueOr(readEnvironmentVariable('PROJECTION_REPAIR_SCHEDULE', ''), '0 */5 * * * *')
param statusRollupSchedule = valueOr(readEnvironmentVariable('STATUS_ROLLUP_SCHEDULE', ''), '0 * * * * *')
param exportTablesSchedule = valueOr(readEnvironmentVariable('EXPORT_TABLES_SCHEDULE', ''), '0 30 19 * * *')

// Only for Power BI's direct Azure Table Storage connector, which accepts nothing but the account key.
param allowSharedKeyAccess = bool(valueOr(readEnvironmentVariable('ALLOW_SHARED_KEY_ACCESS', ''), 'false'))

// azd sets AZURE_PRINCIPAL_ID to whoever runs it: that person (or the pipeline) may then set the Key Vault secrets.
param deployerPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')

// Keeping the data: redundancy (Standard_LRS where the region has no availability zones), delete locks, retention.
param storageRedundancy = any(valueOr(readEnvironmentVariable('STORAGE_REDUNDANCY', ''), 'Standard_ZRS'))
param enableDeleteLocks = bool(valueOr(readEnvironmentVariable('ENABLE_DELETE_LOCKS', ''), 'true'))
param backupRetentionDays = int(valueOr(readEnvironmentVariable('BACKUP_RETENTION_DAYS', ''), '90'))
param logRetentionDays = int(valueOr(readEnvironmentVariable('LOG_RETENTION_DAYS', ''), '90'))

// Private endpoints for storage and Key Vault, public access off (docs/deploy-azure.md, "Private networking").
param privateNetworking = bool(valueOr(readEnvironmentVariable('PRIVATE_NETWORKING', ''), 'false'))
param operatorIpRanges = listOf(readEnvironmentVariable('OPERATOR_IP_RANGES', ''))

