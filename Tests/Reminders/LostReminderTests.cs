using System.Net;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SendGrid;
using SendGrid.Helpers.Mail;
using TetReadiness.Identity;
using TetReadiness.Reminders;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reminders;

/// <summary>
/// A reminder row left <c>queued</c> with no message to send it (the scan was cut off between adding rows and
/// queueing them, or the message was poisoned before any claim) is picked up by every later scan: queued again while
/// its checkpoint is still due, superseded once a later one is, and sent exactly once however the scans overlap.
/// Each test has an Azurite of its own: queue names are fixed.
/// </summary>
public sealed class LostReminderTests
{
    private static readonly DateTimeOffset Vietnam8am = new(2024, 1, 28, 8, 0, 0, TimeSpan.FromHours(7)); // deadline - 3: before-3

    private static readonly string[] UnitsWithEmail = ["ba-dinh-ttyt", "ba-dinh-ubnd", "hoan-kiem-ubnd"];

    [Fact]
    public async Task A_reminder_whose_message_was_lost_is_queued_by_the_next_days_scan_once_though_two_scans_overlap_and_sent_once()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var (sendGrid, sentTo) = SendGridAccepting();
        await using var app = await StartAsync(azurite, sendGrid);
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        await LoseEveryMessageAsync(azurite);

        // The next morning before-3 is still the checkpoint due (before-1 is the day after).
        app.Clock.Set(Vietnam8am.AddDays(1));
        var scans = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.Get<ReminderScanService>().ScanAsync(CancellationToken.None))));
        var again = await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);

        Assert.Equal(3, scans.Sum(s => s.Requeued));
        Assert.Equal(0, again.Requeued);
        var messages = await DrainAsync(azurite);
        Assert.Equal(UnitsWithEmail, messages.SelectMany(m => m).Select(r => r.UnitId).Order());
        Assert.All(messages.SelectMany(m => m), r => Assert.Equal("before-3", r.Checkpoint));

        foreach (var message in messages)
        {
            await app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize(message), CancellationToken.None);
            await app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize(message), CancellationToken.None); // redelivered
        }

        Assert.Equal(["truc@ba-dinh-ttyt.invalid", "vanphong@ba-dinh.invalid", "vanphong@hoan-kiem.invalid"], sentTo.Order(StringComparer.Ordinal));
        var rows = await app.ReadAllAsync(TableNames.Reminders);
        Assert.All(rows.Where(r => UnitsWithEmail.Contains(r.GetString("UnitId"))), r => Assert.Equal(ReminderState.Sent, r.GetString("State")));
    }

    [Fact]
    public async Task A_lost_reminder_whose_checkpoint_has_passed_is_superseded_and_the_due_one_is_sent_instead()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var (sendGrid, sentTo) = SendGridAccepting();
        await using var app = await StartAsync(azurite, sendGrid);
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        await LoseEveryMessageAsync(azurite);
        // One unit reports meanwhile: its lost reminder must not go out either.
        await app.Get<SubmissionService>().SubmitAsync("tet-2024", "hoan-kiem-ubnd", _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);

        // Two days on: before-1 is due; the lost before-3 reminders are not sent late.
        app.Clock.Set(Vietnam8am.AddDays(2));
        var scan = await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);

        Assert.Equal(0, scan.Requeued);
        var messages = await DrainAsync(azurite);
        Assert.Equal(["ba-dinh-ttyt|before-1", "ba-dinh-ubnd|before-1"], messages.SelectMany(m => m).Select(r => $"{r.UnitId}|{r.Checkpoint}").Order());
        var rows = await app.ReadAllAsync(TableNames.Reminders);
        Assert.All(rows.Where(r => r.GetString("Checkpoint") == "before-3" && r.GetString("UnitId") != "ba-vi-ubnd"), r => Assert.Equal(ReminderState.Superseded, r.GetString("State")));
        Assert.DoesNotContain(rows, r => r.GetString("State") == ReminderState.Queued && r.GetString("Checkpoint") != "before-1");
        Assert.Empty(sentTo);
    }

    [Fact]
    public async Task A_reminder_claimed_by_a_sender_that_died_and_then_poisoned_is_queued_again_and_sent_once()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var (sendGrid, sentTo) = SendGridAccepting();
        await using var app = await StartAsync(azurite, sendGrid);
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        await LoseEveryMessageAsync(azurite);
        var row = (await app.Tables.Reminders.GetEntityAsync<ReminderEntity>("tet-2024", ReminderEntity.RowKeyFor("ba-dinh-ubnd", "before-3"))).Value;
        row.State = ReminderState.Sending;
        row.Attempts = 1;
        row.ClaimedAt = Vietnam8am.AddMinutes(1);
        await app.Tables.Reminders.UpdateEntityAsync(row, row.ETag);

        app.Clock.Set(Vietnam8am.AddHours(2));
        var scan = await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        foreach (var message in await DrainAsync(azurite))
        {
            await app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize(message), CancellationToken.None);
        }

        Assert.Equal(3, scan.Requeued);
        Assert.Equal(UnitsWithEmail.Length, sentTo.Count);
        var sent = (await app.Tables.Reminders.GetEntityAsync<ReminderEntity>("tet-2024", row.RowKey)).Value;
        Assert.Equal((ReminderState.Sent, 2), (sent.State, sent.Attempts));
    }

    private static Task<TestApp> StartAsync(AzuriteServer azurite, Mock<ISendGridClient> sendGrid) =>
        TestApp.StartAsync(Vietnam8am, new Dictionary<string, string?> { ["SendGrid:ApiKey"] = "test-key-not-real" }, azurite, services => services.AddSingleton(sendGrid.Object));

    private static (Mock<ISendGridClient> Client, System.Collections.Concurrent.ConcurrentBag<string> SentTo) SendGridAccepting()
    {
        var sentTo = new System.Collections.Concurrent.ConcurrentBag<string>();
        var client = new Mock<ISendGridClient>();
        client.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .Callback<SendGridMessage, CancellationToken>((m, _) => sentTo.Add(m.Personalizations.Single().Tos[0].Email))
            .ReturnsAsync(new Response(HttpStatusCode.Accepted, new StringContent(string.Empty), null));
        return (client, sentTo);
    }

    /// <summary>As if the messages had been poisoned before any sender claimed their rows: the rows stay queued.</summary>
    private static async Task LoseEveryMessageAsync(AzuriteServer azurite) =>
        await new QueueClient(azurite.ConnectionString, QueueNames.Reminders).ClearMessagesAsync();

    private static async Task<List<IReadOnlyList<ReminderMessage>>> DrainAsync(AzuriteServer azurite)
    {
        var queue = new QueueClient(azurite.ConnectionString, QueueNames.Reminders, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var messages = new List<IReadOnlyList<ReminderMessage>>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                messages.Add(ReminderQueuePayload.Parse(message.Body.ToString()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return messages;
    }
}
