using Microsoft.Extensions.Logging;
using TetReadiness.Common;
using TetReadiness.Identity;
using TetReadiness.Storage;

namespace TetReadiness.Audit;

/// <summary>
/// Writes roster imports, campaign changes and link minting or revocation to <c>AuditLog</c>: who (in full), what,
/// when and from which address. The log line names the actor by pseudonym only.
/// </summary>
public sealed class AuditLog(TableClients tables, TimeProvider clock, ILogger<AuditLog> logger) : IAuditLog
{
    public async Task RecordAsync(Caller caller, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entry = AuditLogEntity.Create(now, caller.Identity, caller.Via, action, target, detail, caller.SourceIp);
        await tables.Get(AuditTables.AuditLog).AddEntityAsync(entry, cancellationToken);
        logger.LogInformation("Audit: {Actor} {Action} {Target}", LogRedaction.Actor(entry.Actor), action, target);
    }
}
