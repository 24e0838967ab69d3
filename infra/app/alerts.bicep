// What on-call is told, through one action group that emails every address in alertEmails:
//   - /api/health unreachable or failing from two or more of five test locations (availability test);
//   - per watched queue: the oldest message waiting too long, and any message in its -poison twin, as measured by
//     the app's QueueWatch function every 5 minutes (Azure Monitor's own queue metric is per account and daily);
//   - a Key Vault reference to a secret that must exist is unresolved (the app reports it on every health probe);
//   - each timer function without a successful run for longer than its schedule allows;
//   - a surge of refused Power BI feed requests (reports still on an old key after a rotation);
//   - an email that failed for good (after the queue's retries, or refused outright), not each transient retry;
//   - a burst of 5xx responses.
// The log queries read the app's Application Insights data: the host's `requests` (one per invocation, named after
// the function) and the worker's `traces` (OpenTelemetry, structured attributes in customDimensions).

import { timerFunction, watchedQueue } from 'types.bicep'

@description('Azure region of the Application Insights component (log alerts and the availability test live beside it).')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Prefix of the alert names, usually the Function App name.')
param namePrefix string

@description('Application Insights component the queries run against.')
param applicationInsightsName string

@description('Mailboxes that receive the alerts.')
@minLength(1)
param alertEmails string[]

@description('Public URL of the health probe the availability test calls.')
param healthUrl string

@description('Number of 5xx responses in 15 minutes that counts as a burst.')
@minValue(1)
param serverErrorThreshold int

@description('Number of refused (401) feed requests in an hour that counts as a surge.')
@minValue(1)
param feedUnauthorizedThreshold int

@description('Queues whose oldest message age and poison twin are watched.')
param watchedQueues watchedQueue[]

@description('Timer functions that must keep running.')
param timerFunctions timerFunction[]

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'tet-it'
    enabled: true
    emailReceivers: [
      for (email, index) in alertEmails: {
        name: 'email-${index}'
        emailAddress: email
        useCommonAlertSchema: true
      }
    ]
  }
}

// A standard test: GET /api/health every 5 minutes from five locations near Vietnam and beyond, expecting 200
// (storage answers) over a valid certificate.
resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: 'avail-${namePrefix}-health'
  location: location
  // Ties the test to the component; without this tag the portal does not show it.
  tags: union(tags, { 'hidden-link:${applicationInsights.id}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: 'avail-${namePrefix}-health'
    Name: 'TetReadiness /api/health'
    Description: 'The app answers 200 when it can read its storage.'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [
      { Id: 'apac-sg-sin-azr' }
      { Id: 'apac-hk-hkn-azr' }
      { Id: 'apac-jp-kaw-edge' }
      { Id: 'emea-au-syd-edge' }
      { Id: 'emea-nl-ams-azr' }
    ]
    Request: {
      RequestUrl: healthUrl
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource healthTestAlert 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: 'alert-${namePrefix}-health-unavailable'
  location: 'global'
  tags: tags
  properties: {
    description: 'GET /api/health failed from two or more locations: the app is down, or cannot reach its storage. Check the Function App, the storage account and Application Insights → Failures.'
    severity: 0
    enabled: true
    scopes: [
      healthTest.id
      applicationInsights.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: healthTest.id
      componentId: applicationInsights.id
      failedLocationCount: 2
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// QueueWatch logs one record per watched queue every 5 minutes ("Queue watch: ..."), with Queue, Length,
// OldestAgeMinutes and PoisonLength as attributes.
var queueWatchRecords = '''
traces
| where message startswith "Queue watch:"
| extend queue = tostring(coalesce(customDimensions.Queue, customDimensions.prop__Queue)),
         oldestAgeMinutes = todouble(coalesce(customDimensions.OldestAgeMinutes, customDimensions.prop__OldestAgeMinutes)),
         poisonLength = tolong(coalesce(customDimensions.PoisonLength, customDimensions.prop__PoisonLength))
'''

resource queueAgeAlerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for queue in watchedQueues: {
    name: 'alert-${namePrefix}-queue-age-${queue.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'TetReadiness: ${queue.name} queue is not draining'
      description: 'The oldest message in ${queue.name} has waited more than ${queue.maxAgeMinutes} minutes: its function is failing, throttled or disabled. Look at the function\'s failures and at SendGrid.'
      severity: 2
      enabled: true
      scopes: [
        applicationInsights.id
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: '${queueWatchRecords}| where queue == "${queue.name}" and oldestAgeMinutes > ${queue.maxAgeMinutes}\n'
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

resource poisonQueueAlerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for queue in watchedQueues: {
    name: 'alert-${namePrefix}-poison-${queue.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'TetReadiness: messages in ${queue.name}-poison'
      description: 'Messages failed every retry and wait in ${queue.name}-poison. Fix the cause (the exception in Application Insights → Failures), then run RedrivePoison (POST /admin/functions/RedrivePoison) or delete them. The alert clears when the queue is empty.'
      severity: 1
      enabled: true
      scopes: [
        applicationInsights.id
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: '${queueWatchRecords}| where queue == "${queue.name}" and poisonLength > 0\n'
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

// The app logs "Key Vault references unresolved: ..." on each health probe while a setting whose secret must
// exist still holds its @Microsoft.KeyVault(...) text; a secondary key outside a rotation is not reported.
resource unresolvedSecretAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-key-vault-unresolved'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'TetReadiness: Key Vault reference unresolved'
    description: 'A secret the app needs (SendGrid key, unit-link key or feed key) is not reaching it: the secret is missing, or the app identity lost Key Vault Secrets User. GET /api/health names the settings; docs/deploy-azure.md "Setting the secrets".'
    severity: 1
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: '''
traces
| where message startswith "Key Vault references unresolved"
'''
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// One rule per timer function: no successful invocation within its allowed gap. Quiet until the app has
// telemetry older than that gap, so a fresh deployment does not alert before the first run was due.
resource missedRunAlerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for timer in timerFunctions: {
    name: 'alert-${namePrefix}-missed-${toLower(timer.name)}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'TetReadiness: ${timer.name} did not run'
      description: '${timer.name} has no successful run in the last ${timer.maxHoursBetweenRuns} hours. Check its failures, its schedule app setting and whether it was disabled (AzureWebJobs.${timer.name}.Disabled).'
      severity: 1
      enabled: true
      scopes: [
        applicationInsights.id
      ]
      evaluationFrequency: timer.maxHoursBetweenRuns <= 1 ? 'PT15M' : 'PT1H'
      windowSize: timer.maxHoursBetweenRuns <= 1 ? 'PT15M' : 'PT1H'
      // The query looks back over the allowed gap itself, and up to 2 days to see whether the app was running.
      overrideQueryTimeRange: 'P2D'
      criteria: {
        allOf: [
          {
            // Multi-line strings do not interpolate: {0} is the allowed gap in hours, {1} the function name.
            query: format(
              '''
let gap = {0}h;
let appWasRunning = toscalar(union requests, traces | where timestamp < ago(gap) | take 1 | count) > 0;
requests
| where timestamp > ago(gap)
| where operation_Name == "{1}" and success == true
| summarize runs = count()
| where runs == 0 and appWasRunning
''',
              timer.maxHoursBetweenRuns,
              timer.name
            )
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

resource feedUnauthorizedAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-feed-401-surge'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'TetReadiness: Power BI feed refusing requests'
    description: 'Many feed requests were refused (401) in the last hour: a report still uses a key that was rotated away, or someone is guessing keys. Check which reports refresh, and Feed__SecondaryKey during a rotation.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: '''
requests
| where operation_Name == "GetFeed" or url has "/api/feed/"
| where resultCode == "401"
'''
          timeAggregation: 'Count'
          operator: 'GreaterThanOrEqual'
          threshold: feedUnauthorizedThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Only final failures and configuration faults: the app logs "... failed permanently" at Error level when SendGrid
// refuses a message outright (400) or a digest gives up, and "Email send failed: ..." (once an hour at most) when the
// key is refused (401/403) or is an unresolved Key Vault reference: nothing goes out until someone fixes it. A
// transient failure the queue will retry is a Warning and does not alert; a message that exhausts its retries lands
// in a -poison queue, which the poison alerts above cover.
resource emailFailureAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-email-failed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'TetReadiness: email failed for good'
    description: 'SendGrid refused a reminder or digest email for good, or refused the API key (emails wait until it works). Check the SendGrid API key secret, the sender authentication and the SendGrid activity feed; the unit shows as failed in the digest.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: '''
traces
| where severityLevel >= 3
| where message has "failed permanently" or message startswith "Email send failed:"
'''
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

resource serverErrorBurstAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-5xx-burst'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'TetReadiness: burst of 5xx responses'
    description: 'The app answered many requests with a server error in the last 15 minutes. Look at failures and exceptions in Application Insights.'
    severity: 1
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: '''
requests
| where resultCode startswith "5"
'''
          timeAggregation: 'Count'
          operator: 'GreaterThanOrEqual'
          threshold: serverErrorThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

output actionGroupName string = actionGroup.name
