using TetReadiness.Audit;
using TetReadiness.Storage;

namespace TetReadiness.Maintenance;

/// <summary>Records a restore or a purge in <c>AuditLog</c>, as the app records its own actions (<c>Via = tool</c>).</summary>
public static class ToolAudit
{
    public const string Via = "tool";

    public static async Task RecordAsync(TableClients tables, TimeProvider clock, string actor, string action, string target, string detail, CancellationToken cancellationToken)
    {
        var table = tables.Get(AuditTables.AuditLog);
        await table.CreateIfNotExistsAsync(cancellationToken);
        await table.AddEntityAsync(AuditLogEntity.Create(clock.GetUtcNow(), actor, Via, action, target, detail, sourceIp: null), cancellationToken);
    }
}
