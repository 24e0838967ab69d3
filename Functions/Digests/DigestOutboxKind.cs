using System.Text.Json;
using TetReadiness.Common;
using TetReadiness.Outbox;
using TetReadiness.Storage;
using TetReadiness.Time;

namespace TetReadiness.Digests;

/// <summary>
/// Digests as a kind of outbox message. Queue <c>digests</c> carries one per message (<see cref="DigestMessage"/>: the
/// day and the recipient); the email is composed when it is sent, from the scopes its row records, so a retry an hour
/// later reports the numbers of that hour. A digest is due only on its own day: one found lost, or brought back by a
/// poison re-drive, after its day is superseded, since the later day's digest covers it.
/// </summary>
public sealed class DigestOutboxKind(DigestComposer composer) : IOutboxKind<DigestEntity, DigestMessage>
{
    /// <summary>How the Functions worker reads a queue message into a POCO.</summary>
    private static readonly JsonSerializerOptions WorkerJson = new() { PropertyNameCaseInsensitive = true };

    public string Name => "Digest";

    public string QueueName => QueueNames.Digests;

    /// <summary>Recipients queued at once.</summary>
    public int EnqueueParallelism => 16;

    public int SendParallelism => 1;

    public DigestMessage MessageFor(DigestEntity row) => DigestMessage.From(row);

    public IEnumerable<OutboxQueueMessage<DigestEntity>> Pack(IReadOnlyList<DigestEntity> rows) =>
        rows.Select(row => new OutboxQueueMessage<DigestEntity>(JsonSerializer.Serialize(DigestMessage.From(row), OutboxJson.Options), [row]));

    public IReadOnlyList<DigestMessage> Parse(string body)
    {
        var digest = JsonSerializer.Deserialize<DigestMessage>(body, WorkerJson);
        return digest is null || string.IsNullOrEmpty(digest.Date) || string.IsNullOrEmpty(digest.Recipient)
            ? throw new JsonException("A digests message names a date and a recipient.")
            : [digest];
    }

    /// <summary>The day and the recipient's pseudonym: logs never carry an email address.</summary>
    public string LogIdOf(DigestMessage message) => $"{message.Date}/{LogRedaction.Person(message.Recipient)}";

    public async Task<OutboxComposition> ComposeAsync(DigestEntity row, CancellationToken cancellationToken)
    {
        var content = await composer.ComposeAsync(row, cancellationToken);
        return content.Sections.Count == 0
            ? OutboxComposition.Nothing("Các chiến dịch của thư này không còn nữa. (Every campaign of this digest has been deleted.)")
            : OutboxComposition.Of(DigestRenderer.Render(content));
    }

    public Task<bool> IsStillDueAsync(DigestEntity row, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(IsOfTheDay(row, now));

    public string NotSentReason(OutboxSupersession why, DateTimeOffset now)
    {
        var today = Today(now);
        return why == OutboxSupersession.Redriven
            ? $"Không gửi: đưa lại hàng đợi sau ngày của thư. (Re-driven after its day; the digest of {today} covers it.)"
            : $"Không gửi: thư của ngày {today} thay thế. (Never went out; the digest of {today} covers it.)";
    }

    /// <summary>Whether the digest is of today (Vietnam time) or later: only such a digest is still worth sending.</summary>
    public static bool IsOfTheDay(DigestEntity row, DateTimeOffset now) => string.CompareOrdinal(row.DigestDate, Today(now)) >= 0;

    private static string Today(DateTimeOffset now) => DigestEntity.PartitionFor(VietnamTime.DateOf(now));
}
