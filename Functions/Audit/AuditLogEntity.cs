using Azure;
using Azure.Data.Tables;
using TetReadiness.Time;

namespace TetReadiness.Audit;

/// <summary>
/// A row of <c>AuditLog</c>: who did what, when, from where. Partition = Vietnam month (<c>yyyy-MM</c>);
/// row key = inverted time, so a month reads newest first.
/// </summary>
internal sealed class AuditLogEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = string.Empty;

    /// <summary><c>entra</c>, <c>link</c>, <c>system</c>, or <c>tool</c> (restore and purge, run by an operator).</summary>
    public string Via { get; set; } = string.Empty;

    /// <summary><c>roster.import</c>, <c>campaign.put</c>, <c>link.mint</c>, <c>link.list</c>, <c>link.revoke</c>.</summary>
    public string Action { get; set; } = string.Empty;

    public string Target { get; set; } = string.Empty;

    public string? Detail { get; set; }

    public string? SourceIp { get; set; }

    /// <summary>A new entry at <paramref name="at"/>: partition its Vietnam month, row key newest first (a random tail keeps two at one tick apart).</summary>
    public static AuditLogEntity Create(DateTimeOffset at, string actor, string via, string action, string target, string? detail, string? sourceIp) => new()
    {
        PartitionKey = VietnamTime.DateOf(at).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        RowKey = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8],
        At = at,
        Actor = actor,
        Via = via,
        Action = action,
        Target = target,
        Detail = detail,
        SourceIp = sourceIp,
    };
}
