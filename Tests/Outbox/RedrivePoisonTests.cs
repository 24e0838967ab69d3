using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
/// <c>RedrivePoison</c>, as an operator runs it once SendGrid works again: poisoned messages go back to their queue
/// byte for byte, rows whose attempts ran out get a fresh round, and a row already sent is not sent again (its ETag
/// claim). Each test has an Azurite of its own: queue names are fixed.
/// </summary>
public sealed class RedrivePoisonTests
{
    private static readonly DateTimeOffset DeadlineMorning = new(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset FiveInTheAfternoon = new(2024, 1, 31, 17, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Redriven_reminders_send_only_what_was_not_sent_and_a_second_redrive_finds_nothing()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var sendGrid = new SendGridScript();
        await using var app = await StartAsync(azurite, DeadlineMorning, sendGrid, maxAttempts: 2);
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);

        // SendGrid fails for one unit until its attempts run out; the other two are sent. The host then poisons the message.
        sendGrid.Failing.Add("vanphong@ba-dinh.invalid");
        var raw = await TakeRawMessageAsync(azurite, QueueNames.Reminders);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await Assert.ThrowsAsync<TransientSendException>(() => app.Create<SendReminderFunction>().Run(RawQueue.Decode(raw), CancellationToken.None));
        }

        Assert.Equal((ReminderState.Failed, 2), await StateAsync(app, "ba-dinh-ubnd"));
        await RawQueue.PoisonAsync(azurite, QueueNames.Reminders, raw);
        sendGrid.Failing.Clear();

        await app.Create<RedrivePoisonFunction>().Run(new TimerInfo(), CancellationToken.None);
        var again = await app.Get<PoisonRedriveService>().RedriveAsync(CancellationToken.None);

        Assert.Equal(0, await RawQueue.CountAsync(azurite, QueueNames.Reminders + "-poison"));
        var redriven = await TakeRawMessageAsync(azurite, QueueNames.Reminders);
        Assert.Equal(raw, redriven);
        Assert.Equal(new PoisonRedriveResult(0, 0, 0), again);
        await app.Create<SendReminderFunction>().Run(RawQueue.Decode(redriven), CancellationToken.None);

        Assert.Equal((ReminderState.Sent, 3), await StateAsync(app, "ba-dinh-ubnd"));
        Assert.Equal(1, (await Row(app, "ba-dinh-ubnd")).Redrives);
        Assert.Equal(["truc@ba-dinh-ttyt.invalid", "vanphong@ba-dinh.invalid", "vanphong@hoan-kiem.invalid"], sendGrid.Accepted.Order(StringComparer.Ordinal));
        Assert.Equal((ReminderState.Sent, 1), await StateAsync(app, "hoan-kiem-ubnd"));
    }

    [Fact]
    public async Task A_redriven_message_whose_reminders_were_all_sent_sends_nothing()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var sendGrid = new SendGridScript();
        await using var app = await StartAsync(azurite, DeadlineMorning, sendGrid);
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        var raw = await TakeRawMessageAsync(azurite, QueueNames.Reminders);
        await app.Create<SendReminderFunction>().Run(RawQueue.Decode(raw), CancellationToken.None);
        // The message failed after the sends (e.g. deleting it did not reach storage) and ended in poison.
        await RawQueue.PoisonAsync(azurite, QueueNames.Reminders, raw);

        var result = await app.Get<PoisonRedriveService>().RedriveAsync(CancellationToken.None);
        await app.Create<SendReminderFunction>().Run(RawQueue.Decode(await TakeRawMessageAsync(azurite, QueueNames.Reminders)), CancellationToken.None);

        Assert.Equal(new PoisonRedriveResult(1, 0, 0), result);
        Assert.Equal(3, sendGrid.Accepted.Count);
    }

    [Fact]
    public async Task A_message_that_cannot_be_read_stays_in_poison_and_the_others_move()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var app = await StartAsync(azurite, DeadlineMorning, new SendGridScript());
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        var good = await TakeRawMessageAsync(azurite, QueueNames.Reminders);
        await RawQueue.PoisonAsync(azurite, QueueNames.Reminders, "not base64 at all");
        await RawQueue.PoisonAsync(azurite, QueueNames.Reminders, Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"reminders\":[]}")));
        await RawQueue.PoisonAsync(azurite, QueueNames.Reminders, good);

        var result = await app.Get<PoisonRedriveService>().RedriveAsync(CancellationToken.None);

        Assert.Equal((1, 3, 2), (result.Moved, result.Sendable, result.Kept));
        Assert.Equal(good, await TakeRawMessageAsync(azurite, QueueNames.Reminders));
        Assert.Equal(2, await RawQueue.CountAsync(azurite, QueueNames.Reminders + "-poison"));
    }

    [Fact]
    public async Task A_redriven_digest_of_today_is_sent_once_and_one_of_an_earlier_day_is_superseded()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var sendGrid = new SendGridScript();
        await using var app = await StartAsync(azurite, FiveInTheAfternoon.AddDays(-1), sendGrid);
        await Seed.RosterAndCampaignAsync(app);

        // Yesterday's digest for the city ran out of attempts and was poisoned.
        sendGrid.Failing.Add("sonoivu@hanoi.invalid");
        await app.Create<DailyDigestFunction>().Run(new TimerInfo(), CancellationToken.None);
        var yesterday = await TakeRawMessageAsync(azurite, QueueNames.Digests, "sonoivu@hanoi.invalid");
        await ExhaustAsync(app, yesterday);
        await RawQueue.PoisonAsync(azurite, QueueNames.Digests, yesterday);

        // Today's too.
        app.Clock.Set(FiveInTheAfternoon);
        await app.Create<DailyDigestFunction>().Run(new TimerInfo(), CancellationToken.None);
        var today = await TakeRawMessageAsync(azurite, QueueNames.Digests, "sonoivu@hanoi.invalid");
        await ExhaustAsync(app, today);
        await RawQueue.PoisonAsync(azurite, QueueNames.Digests, today);
        sendGrid.Failing.Clear();

        var result = await app.Get<PoisonRedriveService>().RedriveAsync(CancellationToken.None);
        foreach (var message in await RawQueue.TakeAllAsync(azurite, QueueNames.Digests))
        {
            await app.Create<SendDigestFunction>().Run(DigestOf(message), CancellationToken.None);
            await app.Create<SendDigestFunction>().Run(DigestOf(message), CancellationToken.None);
        }

        Assert.Equal((2, 1), (result.Moved, result.Sendable));
        Assert.Equal(["sonoivu@hanoi.invalid"], sendGrid.Accepted);
        var rows = await app.ReadAllAsync(TableNames.Digests);
        Assert.Equal(DigestState.Superseded, rows.Single(r => r.PartitionKey == "2024-01-30" && r.RowKey == "sonoivu@hanoi.invalid").GetString("State"));
        Assert.Equal(DigestState.Sent, rows.Single(r => r.PartitionKey == "2024-01-31" && r.RowKey == "sonoivu@hanoi.invalid").GetString("State"));
    }

    private static async Task ExhaustAsync(TestApp app, string raw)
    {
        for (var attempt = 0; attempt < app.Get<IOptions<OutboxOptions>>().Value.MaxSendAttempts; attempt++)
        {
            await Assert.ThrowsAsync<TransientSendException>(() => app.Create<SendDigestFunction>().Run(DigestOf(raw), CancellationToken.None));
        }
    }

    private static Task<TestApp> StartAsync(AzuriteServer azurite, DateTimeOffset now, SendGridScript sendGrid, int maxAttempts = 5) =>
        TestApp.StartAsync(
            now,
            new Dictionary<string, string?> { ["SendGrid:ApiKey"] = "test-key-not-real", [HostJsonQueues.MaxDequeueCountSetting] = maxAttempts.ToString() },
            azurite,
            services => services.AddSingleton(sendGrid.Client.Object));

    private static async Task<(string, int)> StateAsync(TestApp app, string unitId)
    {
        var row = await Row(app, unitId);
        return (row.State, row.Attempts);
    }

    private static async Task<ReminderEntity> Row(TestApp app, string unitId) =>
        (await app.Tables.Reminders.GetEntityAsync<ReminderEntity>("tet-2024", ReminderEntity.RowKeyFor(unitId, "deadline"))).Value;

    /// <summary>Empties the queue and returns its one message as stored (Base64 text), or the one for a digest recipient.</summary>
    private static async Task<string> TakeRawMessageAsync(AzuriteServer azurite, string queueName, string? recipient = null)
    {
        var all = await RawQueue.TakeAllAsync(azurite, queueName);
        return recipient is null ? Assert.Single(all) : all.Single(m => DigestOf(m).Recipient == recipient);
    }

    private static DigestMessage DigestOf(string raw) =>
        JsonSerializer.Deserialize<DigestMessage>(RawQueue.Decode(raw), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

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

        public System.Collections.Concurrent.ConcurrentBag<string> Failing { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<string> Accepted { get; } = [];
    }
}
