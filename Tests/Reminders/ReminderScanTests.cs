using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using TetReadiness.Identity;
using TetReadiness.Reminders;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reminders;

/// <summary>The scan against real Azurite, tables and queue read back; queue names are fixed, so each test has an Azurite of its own.</summary>
public sealed class ReminderScanTests
{
    private static readonly DateTimeOffset DeadlineMorning = new(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_scan_that_fires_twice_the_same_day_queues_each_reminder_once()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var app = await TestApp.StartAsync(DeadlineMorning, azurite: azurite);
        await Seed.RosterAndCampaignAsync(app);
        await Submit(app, "hoan-kiem-ubnd");

        await app.Create<ReminderScanFunction>().Run(new Microsoft.Azure.Functions.Worker.TimerInfo { IsPastDue = true }, CancellationToken.None);
        var second = await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);

        var messages = await DrainAsync(azurite, QueueNames.Reminders);
        Assert.Equal(["ba-dinh-ttyt", "ba-dinh-ubnd"], messages.Select(m => m.GetProperty("unitId").GetString()).Order());
        Assert.All(messages, m => Assert.Equal("deadline", m.GetProperty("checkpoint").GetString()));
        Assert.Equal(0, second.Queued);

        var rows = await app.ReadAllAsync(TableNames.Reminders);
        Assert.DoesNotContain(rows, r => r.GetString("UnitId") == "hoan-kiem-ubnd");
        var noEmail = Assert.Single(rows, r => r.GetString("UnitId") == "ba-vi-ubnd" && r.GetString("Checkpoint") == "deadline");
        Assert.Equal(ReminderState.Failed, noEmail.GetString("State"));
        Assert.Contains("no officer email", noEmail.GetString("LastError"));
    }

    [Fact]
    public async Task Concurrent_scans_queue_each_reminder_once()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var app = await TestApp.StartAsync(DeadlineMorning, azurite: azurite);
        await Seed.RosterAndCampaignAsync(app);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Get<ReminderScanService>().ScanAsync(CancellationToken.None)));

        Assert.Equal(3, results.Sum(r => r.Queued));
        Assert.Equal(3, (await DrainAsync(azurite, QueueNames.Reminders)).Count);
    }

    [Fact]
    public async Task From_the_third_overdue_day_the_district_coordinators_are_copied()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var app = await TestApp.StartAsync(DeadlineMorning.AddDays(3), azurite: azurite);
        await Seed.RosterAndCampaignAsync(app);

        var result = await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);

        var messages = await DrainAsync(azurite, QueueNames.Reminders);
        var baDinh = Assert.Single(messages, m => m.GetProperty("unitId").GetString() == "ba-dinh-ubnd");
        Assert.Equal("escalated", baDinh.GetProperty("kind").GetString());
        Assert.Equal(["dieuphoi@ba-dinh.invalid"], baDinh.GetProperty("cc").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["vanphong@ba-dinh.invalid"], baDinh.GetProperty("recipients").EnumerateArray().Select(e => e.GetString()));
        // before-3, before-1, deadline, overdue-1 and overdue-2 were never sent: superseded, per unit with email or without.
        Assert.Equal(4 * 5, result.Superseded);
    }

    [Fact]
    public async Task Reminders_are_packed_into_messages_of_at_most_the_configured_count_each_reminder_once()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var app = await TestApp.StartAsync(DeadlineMorning, new Dictionary<string, string?> { ["Reminders:RemindersPerMessage"] = "2" }, azurite: azurite);
        await Seed.RosterAndCampaignAsync(app);

        var result = await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);

        var messages = await DrainMessagesAsync(azurite, QueueNames.Reminders);
        Assert.Equal(3, result.Queued);
        Assert.Equal([1, 2], messages.Select(m => m.GetProperty("reminders").GetArrayLength()).Order());
        var units = messages.SelectMany(m => m.GetProperty("reminders").EnumerateArray()).Select(r => r.GetProperty("unitId").GetString()).Order();
        Assert.Equal(["ba-dinh-ttyt", "ba-dinh-ubnd", "hoan-kiem-ubnd"], units);
    }

    [Fact]
    public async Task Messages_are_base64_as_the_functions_queue_trigger_expects()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var app = await TestApp.StartAsync(DeadlineMorning, azurite: azurite);
        await Seed.RosterAndCampaignAsync(app);

        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);

        var raw = new QueueClient(azurite.ConnectionString, QueueNames.Reminders, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var message = (await raw.ReceiveMessageAsync()).Value;
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString()));
        Assert.Equal("tet-2024", JsonDocument.Parse(decoded).RootElement.GetProperty("reminders")[0].GetProperty("campaignId").GetString());
    }

    private static Task Submit(TestApp app, string unitId) =>
        app.Get<SubmissionService>().SubmitAsync("tet-2024", unitId, _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);

    /// <summary>Every reminder on the queue, however the scan packed them into messages.</summary>
    private static async Task<List<JsonElement>> DrainAsync(AzuriteServer azurite, string queueName) =>
        (await DrainMessagesAsync(azurite, queueName)).SelectMany(m => m.GetProperty("reminders").EnumerateArray()).ToList();

    private static async Task<List<JsonElement>> DrainMessagesAsync(AzuriteServer azurite, string queueName)
    {
        var queue = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var messages = new List<JsonElement>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add(JsonDocument.Parse(message.Body.ToString()).RootElement.Clone());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }
}
