using System.Text.Json;
using Microsoft.Extensions.Logging;
using TetReadiness.Outbox;
using TetReadiness.Storage;
using TetReadiness.Time;

namespace TetReadiness.Digests;

/// <summary>
/// Digests as a kind of outbox message: what a message coming back from <c>digests-poison</c> reopens. Today's digest
/// whose attempts ran out is queued again with a fresh round of attempts; one still waiting is marked as queued again
/// now; a sent one stays sent, so the sender's claim skips it. A digest of an earlier day is superseded instead of
/// sent late: today's covers it.
/// </summary>
public sealed class DigestOutboxKind(DigestStore digests, TimeProvider clock, ILogger<DigestOutboxKind> logger) : IOutboxKind
{
    private static readonly JsonSerializerOptions WorkerJson = new() { PropertyNameCaseInsensitive = true };

    public string QueueName => QueueNames.Digests;

    public async Task<int> ReopenAsync(string message, CancellationToken cancellationToken)
    {
        var digest = JsonSerializer.Deserialize<DigestMessage>(message, WorkerJson);
        if (digest is null || string.IsNullOrEmpty(digest.Date) || string.IsNullOrEmpty(digest.Recipient))
        {
            throw new JsonException("A digests message names a date and a recipient.");
        }

        var row = await digests.GetAsync(digest.Date, digest.Recipient, cancellationToken);
        if (row is null || !(OutboxState.IsWaiting(row.State) || row is { State: DigestState.Failed, GaveUpAt: not null }))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var today = DigestEntity.PartitionFor(VietnamTime.DateOf(now));
        var stillDue = string.CompareOrdinal(row.DigestDate, today) >= 0;
        if (!stillDue)
        {
            row.State = DigestState.Superseded;
            row.LastError = $"Không gửi: đưa lại hàng đợi sau ngày của thư. (Re-driven after its day; the digest of {today} covers it.)";
        }
        else if (row.State == DigestState.Failed)
        {
            row.State = DigestState.Queued;
            row.GaveUpAt = null;
            row.Redrives++;
        }

        row.RequeuedAt = now;
        if (!await digests.TryReplaceAsync(row, cancellationToken))
        {
            // A sender or a run wrote it meanwhile; the sender's own claim decides whether it goes out.
            logger.LogInformation("A digest of {Date} changed while being reopened; left as it is", row.DigestDate);
            return 0;
        }

        return stillDue ? 1 : 0;
    }
}
