// "TetReadiness: campaign week", a shared Azure Monitor workbook over the app's Application Insights data:
// submissions per hour, reminders sent and failed, queue depths, 5xx responses and p95 latency.
// The workbook is JSON (Notebook/1.0) built here as an object, so its queries sit beside the alerts' queries.

@description('Azure region for the workbook.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Name of the workbook resource (a GUID).')
param workbookName string

@description('Application Insights component the workbook reads.')
param applicationInsightsName string

@description('Queues whose depth the workbook charts.')
param watchedQueueNames string[]

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var timerNames = '"ReminderScan", "DailyDigest", "ProjectionRepair", "ReviewRepair", "StatusRollup", "ExportTables", "QueueWatch", "RedrivePoison"'

var charts = [
  {
    name: 'submissions-per-hour'
    title: 'Submissions per hour'
    visualization: 'timechart'
    query: 'requests\n| where operation_Name == "PutSubmission"\n| summarize accepted = countif(success == true), refused = countif(success == false) by bin(timestamp, 1h)\n| render timechart'
  }
  {
    name: 'reminders-sent-and-failed'
    title: 'Reminders sent and failed per hour'
    visualization: 'timechart'
    query: 'traces\n| where message startswith "Reminder " or message startswith "Email send failed permanently for reminder"\n| extend outcome = case(message has "failed permanently", "failed", message has " sent to ", "sent", "")\n| where isnotempty(outcome)\n| summarize count() by outcome, bin(timestamp, 1h)\n| render timechart'
  }
  {
    name: 'queue-depths'
    title: 'Queue depths (messages waiting, and in -poison)'
    visualization: 'timechart'
    query: 'traces\n| where message startswith "Queue watch:"\n| extend queue = tostring(coalesce(customDimensions.Queue, customDimensions.prop__Queue)), length = tolong(coalesce(customDimensions.Length, customDimensions.prop__Length)), poison = tolong(coalesce(customDimensions.PoisonLength, customDimensions.prop__PoisonLength))\n| where queue in (${join(map(watchedQueueNames, name => '"${name}"'), ', ')})\n| summarize waiting = max(length), poisoned = max(poison) by queue, bin(timestamp, 15m)\n| render timechart'
  }
  {
    name: 'server-errors'
    title: '5xx responses per hour'
    visualization: 'timechart'
    query: 'requests\n| where resultCode startswith "5"\n| summarize count() by operation_Name, bin(timestamp, 1h)\n| render timechart'
  }
  {
    name: 'p95-latency'
    title: 'p95 latency of HTTP functions (ms)'
    visualization: 'timechart'
    query: 'requests\n| where operation_Name !in (${timerNames}) and operation_Name !startswith "Send"\n| summarize p95 = percentile(duration, 95) by operation_Name, bin(timestamp, 1h)\n| render timechart'
  }
]

var content = {
  version: 'Notebook/1.0'
  items: concat(
    [
      {
        type: 1
        name: 'intro'
        content: {
          json: '## Campaign week\nSubmissions, reminders, queues, errors and latency over the chosen time range. Alerts are in Monitor → Alerts; this page is for looking around.'
        }
      }
      {
        type: 9
        name: 'parameters'
        content: {
          version: 'KqlParameterItem/1.0'
          parameters: [
            {
              id: 'time-range'
              version: 'KqlParameterItem/1.0'
              name: 'TimeRange'
              label: 'Time range'
              type: 4
              isRequired: true
              value: {
                durationMs: 604800000
              }
              typeSettings: {
                allowCustom: true
                selectableValues: [
                  { durationMs: 86400000 }
                  { durationMs: 259200000 }
                  { durationMs: 604800000 }
                  { durationMs: 1209600000 }
                  { durationMs: 2592000000 }
                ]
              }
            }
          ]
        }
      }
    ],
    map(charts, chart => {
      type: 3
      name: chart.name
      content: {
        version: 'KqlItem/1.0'
        title: chart.title
        query: chart.query
        size: 0
        queryType: 0
        resourceType: 'microsoft.insights/components'
        visualization: chart.visualization
        timeContextFromParameter: 'TimeRange'
        timeContext: {
          durationMs: 604800000
        }
      }
    })
  )
  fallbackResourceIds: [
    applicationInsights.id
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: workbookName
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'TetReadiness: campaign week'
    category: 'workbook'
    sourceId: applicationInsights.id
    serializedData: string(content)
  }
}

output workbookId string = workbook.id
