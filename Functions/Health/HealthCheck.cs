using Microsoft.AspNetCore.Http;
using TetReadiness.Email;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Storage;

namespace TetReadiness.Health;

/// <summary>
/// Asks storage one cheap question (a one-row read); a failure surfaces as 503 through the responder. Settings the
/// app refuses to run with in Azure (<see cref="PrincipalHeaderTrust.Misconfiguration"/>) are 503 too, saying which,
/// so the platform's health check and alerts see them. Email that cannot go out and settings whose Key Vault
/// reference did not resolve are reported as "degraded", not failed: the app runs, without them.
/// </summary>
public sealed class HealthCheck(StorageTables tables, EmailStatus email, TimeProvider clock, PrincipalHeaderTrust headerTrust, SecretSettingsCheck secrets)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        if (headerTrust.Misconfiguration is { } fault)
        {
            throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "Misconfigured", fault);
        }

        var started = clock.GetTimestamp();
        await foreach (var _ in tables.Campaigns.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            break;
        }

        var (emailState, detail) = email.Describe();
        var unresolved = secrets.Unresolved();
        return new HealthReport(
            detail is null && unresolved.Count == 0 ? "healthy" : "degraded",
            "ok",
            (int)clock.GetElapsedTime(started).TotalMilliseconds,
            Time.VietnamTime.ToVietnam(clock.GetUtcNow()),
            emailState,
            detail,
            unresolved);
    }
}
