using TetReadiness.Email;
using TetReadiness.Storage;

namespace TetReadiness.Health;

/// <summary>
/// Asks storage one cheap question (a one-row read); a failure surfaces as 503 through the responder. Email that
/// cannot go out is reported, not failed: submissions still work, and reminders wait for the key.
/// </summary>
public sealed class HealthCheck(StorageTables tables, EmailStatus email, TimeProvider clock)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await foreach (var _ in tables.Campaigns.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            break;
        }

        var (emailState, detail) = email.Describe();
        return new HealthReport(detail is null ? "healthy" : "degraded", "ok", (int)clock.GetElapsedTime(started).TotalMilliseconds, Time.VietnamTime.ToVietnam(clock.GetUtcNow()), emailState, detail);
    }
}
