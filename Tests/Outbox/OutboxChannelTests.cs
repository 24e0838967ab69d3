using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TetReadiness.Email;
using TetReadiness.Outbox;
using TetReadiness.Tests.Backups;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Outbox;

/// <summary>
/// A new channel is one class: the outbox hands each message to the channel that sends what its kind composed, and
/// records that channel's answer like any other. The kind, its rows and the channel here are the test's own; no
/// storage is reached (sending reads and writes rows only through the kind's store).
/// </summary>
public sealed class OutboxChannelTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_message_composed_for_another_channel_goes_out_through_that_channel_and_is_recorded()
    {
        var sms = new SmsChannel(OutboxSendOutcome.Sent);
        var email = new RecordingEmailSender();
        var (outbox, rows) = Outbox(sms, new EmailChannel(email));

        await outbox.SendAsync(["u-1"], CancellationToken.None);
        await outbox.SendAsync(["u-1"], CancellationToken.None); // redelivered

        Assert.Equal(["Nhắc báo cáo: u-1"], sms.Sent);
        Assert.Empty(email.Sent);
        Assert.Equal((OutboxState.Sent, 1, Now), (rows["u-1"].State, rows["u-1"].Attempts, rows["u-1"].SentAt));
    }

    [Fact]
    public async Task A_channel_that_is_not_configured_makes_the_message_wait_without_using_up_an_attempt()
    {
        var (outbox, rows) = Outbox(new SmsChannel(OutboxSendOutcome.NotConfigured));

        await Assert.ThrowsAsync<ChannelNotConfiguredException>(() => outbox.SendAsync(["u-1"], CancellationToken.None));

        Assert.Equal((OutboxState.Queued, 0), (rows["u-1"].State, rows["u-1"].Attempts));
    }

    [Fact]
    public async Task Content_that_no_channel_sends_is_an_error_naming_it()
    {
        var (outbox, _) = Outbox(new EmailChannel(new RecordingEmailSender()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.SendAsync(["u-1"], CancellationToken.None));

        Assert.Contains(nameof(SmsText), error.Message, StringComparison.Ordinal);
    }

    private static (MessageOutbox<Row, string> Outbox, Dictionary<string, Row> Rows) Outbox(params IOutboxChannel[] channels)
    {
        var rows = new Dictionary<string, Row> { ["u-1"] = new Row("u-1") };
        var outbox = new MessageOutbox<Row, string>(
            new SmsKind(),
            new InMemoryRows(rows),
            new QueueServiceClient("UseDevelopmentStorage=true"),
            channels,
            Options.Create(new OutboxOptions { MaxSendAttempts = 5 }),
            new TestClock(Now),
            NullLoggerFactory.Instance);
        return (outbox, rows);
    }

    private sealed record SmsText(string Phone, string Text);

    /// <summary>The one class a new channel takes.</summary>
    private sealed class SmsChannel(OutboxSendOutcome answer) : OutboxChannel<SmsText>
    {
        public List<string> Sent { get; } = [];

        public override string Name => "Sms";

        protected override Task<OutboxSendResult> SendAsync(SmsText content, CancellationToken cancellationToken)
        {
            if (answer == OutboxSendOutcome.Sent)
            {
                Sent.Add(content.Text);
            }

            return Task.FromResult(new OutboxSendResult(answer, null, answer == OutboxSendOutcome.Sent ? null : "no key"));
        }
    }

    private sealed class SmsKind : IOutboxKind<Row, string>
    {
        public string Name => "Sms reminder";

        public string QueueName => "sms";

        public int EnqueueParallelism => 1;

        public int SendParallelism => 1;

        public string MessageFor(Row row) => row.Id;

        public IEnumerable<OutboxQueueMessage<Row>> Pack(IReadOnlyList<Row> rows) => rows.Select(r => new OutboxQueueMessage<Row>(r.Id, [r]));

        public IReadOnlyList<string> Parse(string body) => [body];

        public string LogIdOf(string message) => message;

        public Task<OutboxComposition> ComposeAsync(Row row, CancellationToken cancellationToken) =>
            Task.FromResult(OutboxComposition.Of(new SmsText("0900000000", "Nhắc báo cáo: " + row.Id)));

        public Task<bool> IsStillDueAsync(Row row, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(true);

        public string NotSentReason(OutboxSupersession why, DateTimeOffset now) => "covered";
    }

    /// <summary>Rows in a dictionary: every conditional write succeeds, which is all these tests need.</summary>
    private sealed class InMemoryRows(Dictionary<string, Row> rows) : IOutboxStore<Row, string>
    {
        public Task<Row?> FindAsync(string message, CancellationToken cancellationToken) => Task.FromResult(rows.GetValueOrDefault(message));

        public Task<Row?> ReadAgainAsync(Row row, CancellationToken cancellationToken) => Task.FromResult(rows.GetValueOrDefault(row.Id));

        public Task AddAsync(IReadOnlyList<Row> added, ICollection<Row> into, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryReplaceAsync(Row row, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> TryDeleteAsync(Row row, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkQueuedAsync(IReadOnlyList<Row> queued, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Row(string id) : IOutboxRow
    {
        public string Id { get; } = id;

        public string State { get; set; } = OutboxState.Queued;

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset? ClaimedAt { get; set; }

        public DateTimeOffset? SentAt { get; set; }

        public DateTimeOffset? RequeuedAt { get; set; }

        public DateTimeOffset? GaveUpAt { get; set; }

        public int Redrives { get; set; }

        public bool NeverQueued => false;

        public DateTimeOffset LastTouched() => Now;
    }
}
