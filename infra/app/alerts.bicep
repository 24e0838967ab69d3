// Alerts to city IT's mailbox, as log queries over the app's Application Insights data:
//   a message moved to a poison queue, a failed email send, a burst of 5xx responses,
//   and a reminder scan or daily digest that did not complete in the last 26 hours.

@description('Azure region of the Application Insights component (log alerts live beside it).')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Prefix of the alert names, usually the Function App name.')
param namePrefix string

@description('Application Insights component the queries run against.')
param applicationInsightsName string

@description('City IT mailbox that receives the alerts.')
param alertEmail string

@description('Number of 5xx responses in 15 minutes that counts as a burst.')
@minValue(1)
param serverErrorThreshold int

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
      {
        name: 'city-it'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// The Functions host logs "Message has reached MaxDequeueCount of N. Moving message to queue '<name>-poison'."
// each time a message lands in a poison queue (reminders-poison, digests-poison).
resource poisonQueueAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-poison-queue'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'TetReadiness: message moved to a poison queue'
    description: 'A queue message failed every retry and was moved to a -poison queue. Inspect the queue in the storage account, fix the cause, then requeue or delete the message.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: '''
traces
| where message has "Moving message to queue" and message has "-poison"
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

// The app logs "Email send failed ..." (a trace, or an exception when one is attached; event name
// EmailSendFailed), for permanent failures and for attempts that will be retried.
resource emailFailureAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-email-failed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'TetReadiness: email send failed'
    description: 'SendGrid refused or failed to accept a reminder or digest email. Check the SendGrid API key secret, the sender authentication and the SendGrid activity feed.'
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
union isfuzzy=true
    (traces
        | where message has "Email send failed"
            or tostring(customDimensions.EventName) == "EmailSendFailed"),
    (exceptions
        | where tostring(customDimensions.FormattedMessage) has "Email send failed"
            or innermostMessage has "Email send failed"),
    (customEvents
        | where name == "EmailSendFailed")
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

// One row per scheduled function (timer function names ReminderScan, DailyDigest) without a successful
// run in the last 26 hours. Quiet until the app has telemetry older than 26 hours, so a fresh
// deployment does not alert on its first day.
resource missedScheduledRunAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-scheduled-run-missed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'TetReadiness: reminder scan or daily digest did not run'
    description: 'ReminderScan or DailyDigest has no successful execution in the last 26 hours: reminders or digests were not sent. Check the function\'s failures and the schedule app settings.'
    severity: 1
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT1H'
    // The query looks back 26 hours itself (and up to 2 days to see whether the app was running).
    overrideQueryTimeRange: 'P2D'
    criteria: {
      allOf: [
        {
          query: '''
let expected = datatable(operation_Name: string) ["ReminderScan", "DailyDigest"];
let appWasRunning = toscalar(union requests, traces | where timestamp < ago(26h) | take 1 | count) > 0;
let completed = requests
    | where timestamp > ago(26h)
    | where operation_Name in ("ReminderScan", "DailyDigest") and success == true
    | distinct operation_Name;
expected
| join kind=leftanti completed on operation_Name
| where appWasRunning
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

output actionGroupName string = actionGroup.name
