using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Auth;

/// <summary>
/// A row of <c>AuditLog</c>: who did what, when, from where. Partition = Vietnam month (<c>yyyy-MM</c>);
/// row key = inverted time, so a month reads newest first.
/// </summary>
public sealed class AuditLogEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = string.Empty;

    /// <summary><c>entra</c>, <c>link</c> or <c>system</c>.</summary>
    public string Via { get; set; } = string.Empty;

    /// <summary><c>roster.import</c>, <c>campaign.put</c>, <c>link.mint</c>, <c>link.list</c>, <c>link.revoke</c>.</summary>
    public string Action { get; set; } = string.Empty;

    public string Target { get; set; } = string.Empty;

    public string? Detail { get; set; }

    public string? SourceIp { get; set; }
}
