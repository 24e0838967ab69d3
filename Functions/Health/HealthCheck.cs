using TetReadiness.Storage;

namespace TetReadiness.Health;

/// <summary>
/// Asks storage one cheap question (a one-row read); a failure surfaces as 503 through the responder. Also names
/// the settings whose Key Vault reference did not resolve ("degraded": the app runs, but without that secret).
/// </summary>
public sealed class HealthCheck(StorageTables tables, TimeProvider clock, SecretSettingsCheck? secrets = null)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await foreach (var _ in tables.Campaigns.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            break;
        }

        var unresolved = secrets?.Unresolved() ?? [];
        return new HealthReport(
            unresolved.Count == 0 ? "healthy" : "degraded",
            "ok",
            (int)clock.GetElapsedTime(started).TotalMilliseconds,
            Time.VietnamTime.ToVietnam(clock.GetUtcNow()),
            unresolved);
    }
}
