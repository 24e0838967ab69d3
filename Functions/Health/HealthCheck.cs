using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using TetReadiness.Email;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Storage;

namespace TetReadiness.Health;

/// <summary>
/// Asks storage one cheap question: whether every table the features own is there (one request listing them). A
/// storage that does not answer, or one that lost a table, surfaces as 503 through the HTTP edge, and a lost table
/// wakes <see cref="MissingResourceWatch"/> so it is created again. Settings the app refuses to run with in Azure
/// (<see cref="PrincipalHeaderTrust.Misconfiguration"/>) are 503 too, saying which, so the platform's health check and
/// alerts see them. Email that cannot go out and settings whose Key Vault reference did not resolve are reported as
/// "degraded", not failed: the app runs, without them.
/// </summary>
public sealed class HealthCheck(
    TableClients tables,
    IEnumerable<OwnedTable> ownedTables,
    MissingResourceWatch missing,
    EmailStatus email,
    TimeProvider clock,
    PrincipalHeaderTrust headerTrust,
    SecretSettingsCheck secrets)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        if (headerTrust.Misconfiguration is { } fault)
        {
            throw Refusal.Misconfigured(fault);
        }

        var started = clock.GetTimestamp();
        await RequireTablesAsync(cancellationToken);

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

    private async Task RequireTablesAsync(CancellationToken cancellationToken)
    {
        var expected = ownedTables.Select(t => tables.Get(t.Name).Name).ToHashSet(StringComparer.Ordinal);

        // A range from the first name to the last: two comparisons however many tables (a filter allows 15).
        var first = expected.Min(StringComparer.Ordinal);
        var last = expected.Max(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"TableName ge {first} and TableName le {last}");
        await foreach (var table in tables.Service.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            expected.Remove(table.Name);
        }

        if (expected.Count > 0)
        {
            // Storage answered, without the table: as a read of it would have (404 TableNotFound), so it is created again.
            missing.Report();
            throw new RequestFailedException(StatusCodes.Status404NotFound, $"Table {expected.Order(StringComparer.Ordinal).First()} does not exist.", "TableNotFound", null);
        }
    }
}
