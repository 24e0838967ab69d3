using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SendGrid;
using SendGrid.Helpers.Mail;
using TetReadiness.Digests;
using TetReadiness.Outbox;
using TetReadiness.Reminders;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Outbox;

/// <summary>
/// The outbox's recovery and poison re-drive, the same for every kind of message: each test runs once for reminders
/// and once for digests, through their timers and queue functions, against a real Azurite of its own (queue names are
/// fixed). SendGrid is a mock that accepts, or answers 503 for the addresses a test names.
/// </summary>
public sealed class OutboxKindTests
{
    public static TheoryData<string> Kinds => ["reminders", "digests"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Rows_a_run_added_but_never_queued_are_queued_by_a_later_run_once_and_sent_once(string kind)
    {
        var subject = MessageKind.Of(kind);
        await using var azurite = await AzuriteServer.StartAsync(null);
        var sendGrid = new SendGridScript();
        // The queue refuses new messages and the table refuses deletes: the run adds its rows, cannot queue them, and
        // cannot take them back either, as when storage goes away in the middle of a run.
        var queueDown = new RefuseRequestsPolicy(m => m.Request.Method == RequestMethod.Post && m.Request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal));
        var deletesDown = new RefuseRequestsPolicy(m => m.Request.Method == RequestMethod.Delete);
        await using var app = await TestApp.StartAsync(subject.Now, Settings(), azurite, services =>
        {
            services.AddSingleton(sendGrid.Client.Object);
            var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
            queueOptions.Retry.MaxRetries = 0;
            queueOptions.AddPolicy(queueDown, HttpPipelinePosition.PerCall);
            services.AddSingleton(new QueueServiceClient(azurite.ConnectionString, queueOptions));
            var tableOptions = new TableClientOptions();
            tableOptions.AddPolicy(deletesDown, HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(azurite.ConnectionString, tableOptions));
        });
        await Seed.RosterAndCampaignAsync(app);

        queueDown.Armed = deletesDown.Armed = true;
        await Assert.ThrowsAnyAsync<Exception>(() => subject.RunAsync(app));
        queueDown.Armed = deletesDown.Armed = false;

        Assert.True(queueDown.Refused > 0, "the run never met the failing queue");
        Assert.Empty(await RawQueue.TakeAllAsync(azurite, subject.Queue));
        Assert.All(await subject.SubjectRowsAsync(app), row => Assert.Equal(OutboxState.Queued, row.GetString("State")));

        app.Clock.Advance(TimeSpan.FromHours(1));
        var requeued = await subject.RunAsync(app);
        var again = await subject.RunAsync(app);
        foreach (var raw in await RawQueue.TakeAllAsync(azurite, subject.Queue))
        {
            await subject.SendAsync(app, RawQueue.Decode(raw));
            await subject.SendAsync(app, RawQueue.Decode(raw)); // redelivered
        }

        Assert.Equal((3, 0), (requeued, again));
        Assert.Equal(subject.Recipients, sendGrid.Accepted.Order(StringComparer.Ordinal));
        var rows = await subject.SubjectRowsAsync(app);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal((OutboxState.Sent, 1), (row.GetString("State"), row.GetInt32("Attempts"))));
        Assert.DoesNotContain(rows, row => row.ContainsKey(nameof(IOutboxRow.NeverQueued)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_message_poisoned_once_its_attempts_ran_out_is_redriven_and_sends_only_what_was_not_sent(string kind)
    {
        var subject = MessageKind.Of(kind);
        await using var azurite = await AzuriteServer.StartAsync(null);
        var sendGrid = new SendGridScript();
        await using var app = await TestApp.StartAsync(subject.Now, Settings(maxDequeueCount: 2), azurite, services => services.AddSingleton(sendGrid.Client.Object));
        await Seed.RosterAndCampaignAsync(app);
        await subject.RunAsync(app);
        sendGrid.Failing.Add(subject.FailingRecipient);

        // What the host does: a message is delivered until it succeeds or has failed maxDequeueCount times, then poisoned.
        foreach (var raw in await RawQueue.TakeAllAsync(azurite, subject.Queue))
        {
            var failures = 0;
            while (failures < 2 && !await DeliveredAsync(() => subject.SendAsync(app, RawQueue.Decode(raw))))
            {
                failures++;
            }

            if (failures == 2)
            {
                await RawQueue.PoisonAsync(azurite, subject.Queue, raw);
            }
        }

        var gaveUp = await subject.FailingRowAsync(app);
        Assert.Equal((OutboxState.Failed, 2, true), (gaveUp.GetString("State"), gaveUp.GetInt32("Attempts"), gaveUp.GetDateTimeOffset("GaveUpAt") is not null));
        sendGrid.Failing.Clear();

        var redrive = await app.Get<PoisonRedriveService>().RedriveAsync(CancellationToken.None);
        var again = await app.Get<PoisonRedriveService>().RedriveAsync(CancellationToken.None);
        foreach (var raw in await RawQueue.TakeAllAsync(azurite, subject.Queue))
        {
            await subject.SendAsync(app, RawQueue.Decode(raw));
            await subject.SendAsync(app, RawQueue.Decode(raw)); // redelivered
        }

        Assert.Equal(new PoisonRedriveResult(1, 1, 0), redrive);
        Assert.Equal(new PoisonRedriveResult(0, 0, 0), again);
        Assert.Equal(0, await RawQueue.CountAsync(azurite, subject.Queue + "-poison"));
        Assert.Equal(subject.Recipients, sendGrid.Accepted.Order(StringComparer.Ordinal));
        var sent = await subject.FailingRowAsync(app);
        Assert.Equal((OutboxState.Sent, 3, 1), (sent.GetString("State"), sent.GetInt32("Attempts"), sent.GetInt32("Redrives")));
    }

    private static Dictionary<string, string?> Settings(int maxDequeueCount = 5) => new()
    {
        ["SendGrid:ApiKey"] = "SG.test-key",
        [HostJsonQueues.MaxDequeueCountSetting] = maxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<bool> DeliveredAsync(Func<Task> delivery)
    {
        try
        {
            await delivery();
            return true;
        }
        catch (TransientSendException)
        {
            return false;
        }
    }

    /// <summary>A kind of message as a test drives it: its timer, its queue function, the rows and recipients a run is about.</summary>
    private sealed record MessageKind(
        DateTimeOffset Now,
        string Queue,
        string[] Recipients,
        string FailingRecipient,
        Func<TestApp, Task<int>> RunAsync,
        Func<TestApp, string, Task> SendAsync,
        Func<TestApp, Task<List<TableEntity>>> SubjectRowsAsync,
        Func<TestApp, Task<TableEntity>> FailingRowAsync)
    {
        public static MessageKind Of(string name) => name == "reminders" ? Reminders : Digests;

        // The deadline morning: ba-dinh-ubnd, ba-dinh-ttyt and hoan-kiem-ubnd are reminded (ba-vi-ubnd has no officer email).
        private static readonly MessageKind Reminders = new(
            new DateTimeOffset(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7)),
            QueueNames.Reminders,
            ["truc@ba-dinh-ttyt.invalid", "vanphong@ba-dinh.invalid", "vanphong@hoan-kiem.invalid"],
            "vanphong@ba-dinh.invalid",
            async app => (await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None)).Requeued,
            (app, message) => app.Create<SendReminderFunction>().Run(message, CancellationToken.None),
            async app => (await app.ReadAllAsync(ReminderTables.Reminders))
                .Where(r => r.GetString("Checkpoint") == "deadline" && r.GetString("UnitId") != "ba-vi-ubnd").ToList(),
            async app => (await app.ReadAllAsync(ReminderTables.Reminders)).Single(r => r.RowKey == "ba-dinh-ubnd|deadline"));

        // 17:00 on the deadline day: the city's digest recipient and the two districts' coordinators.
        private static readonly MessageKind Digests = new(
            new DateTimeOffset(2024, 1, 31, 17, 0, 0, TimeSpan.FromHours(7)),
            QueueNames.Digests,
            ["dieuphoi@ba-dinh.invalid", "dieuphoi@hoan-kiem.invalid", "sonoivu@hanoi.invalid"],
            "sonoivu@hanoi.invalid",
            async app => (await app.Get<DailyDigestService>().RunAsync(CancellationToken.None)).Requeued,
            (app, message) => app.Create<SendDigestFunction>().Run(
                JsonSerializer.Deserialize<DigestMessage>(message, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!, CancellationToken.None),
            async app => (await app.ReadAllAsync(DigestTables.Digests)).Where(r => r.PartitionKey == "2024-01-31").ToList(),
            async app => (await app.ReadAllAsync(DigestTables.Digests)).Single(r => r.PartitionKey == "2024-01-31" && r.RowKey == "sonoivu@hanoi.invalid"));
    }

    /// <summary>SendGrid as a mock: 503 for the addresses in <see cref="Failing"/>, 202 (recorded) for the rest.</summary>
    private sealed class SendGridScript
    {
        public SendGridScript()
        {
            Client.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync((SendGridMessage m, CancellationToken _) =>
                {
                    var to = m.Personalizations.Single().Tos[0].Email;
                    if (Failing.Contains(to))
                    {
                        return new Response(HttpStatusCode.ServiceUnavailable, new StringContent("down"), null);
                    }

                    Accepted.Add(to);
                    return new Response(HttpStatusCode.Accepted, new StringContent(string.Empty), null);
                });
        }

        public Mock<ISendGridClient> Client { get; } = new();

        public ConcurrentBag<string> Failing { get; } = [];

        public ConcurrentBag<string> Accepted { get; } = [];
    }
}
