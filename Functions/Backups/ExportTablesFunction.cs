using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Backups;

public sealed class ExportTablesFunction(TableExporter exporter)
{
    [Function("ExportTables")]
    public Task Run([TimerTrigger("%ExportTablesSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        exporter.ExportAsync(cancellationToken);
}
