// Types shared by main.bicep and its modules.

@export()
@description('A queue the app reports on every 5 minutes (QueueWatch), with its -poison twin.')
type watchedQueue = {
  @description('Queue name; its poison twin is <name>-poison.')
  name: string

  @description('Alert when the oldest waiting message is older than this many minutes.')
  @minValue(1)
  maxAgeMinutes: int
}

@export()
@description('A timer function that must keep running.')
type timerFunction = {
  @description('Function name, as in [Function("...")].')
  name: string

  @description('Alert when the function has had no successful run for this many hours.')
  @minValue(1)
  maxHoursBetweenRuns: int
}
