using TetReadiness.Storage;

namespace TetReadiness.Health;

/// <summary>Asks storage one cheap question (a one-row read); a failure surfaces as 503 through the responder.</summary>
public sealed class HealthCheck(StorageTables tables, TimeProvider clock)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await foreach (var _ in tables.Campaigns.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            break;
        }

        return new HealthReport("healthy", "ok", (int)clock.GetElapsedTime(started).TotalMilliseconds, Time.VietnamTime.ToVietnam(clock.GetUtcNow()));
    }
}
