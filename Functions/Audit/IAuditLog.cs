using TetReadiness.Identity;

namespace TetReadiness.Audit;

/// <summary>What the other features need of the audit log: record who did what to which target.</summary>
public interface IAuditLog
{
    Task RecordAsync(Caller caller, string action, string target, string? detail, CancellationToken cancellationToken);
}
