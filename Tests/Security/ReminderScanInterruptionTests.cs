using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Reminders;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// The reminder timer overlapping itself, or cut off midway and run again, queues each reminder exactly once and
/// leaves no <c>Reminders</c> row that says queued without a message. Queue names are fixed: each test has its own Azurite.
/// </summary>
public sealed class ReminderScanInterruptionTests
{
    private static readonly DateTimeOffset DeadlineMorning = new(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7));

    // ba-dinh-ubnd, ba-dinh-ttyt and hoan-kiem-ubnd have officer emails; ba-vi-ubnd has none (its reminder fails).
    private static readonly string[] UnitsWithEmail = ["ba-dinh-ttyt", "ba-dinh-ubnd", "hoan-kiem-ubnd"];

    [Fact]
    public async Task Two_overlapping_timer_runs_queue_each_reminder_once()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var app = await TestApp.StartAsync(DeadlineMorning, azurite: azurite);
        await Seed.RosterAndCampaignAsync(app);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            app.Create<ReminderScanFunction>().Run(new TimerInfo { IsPastDue = false }, CancellationToken.None))));

        await AssertEachReminderQueuedOnceAsync(app, azurite);
    }

    [Fact]
    public async Task A_run_cancelled_after_its_first_table_batch_and_a_normal_run_queue_each_reminder_once()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var interrupt = new CancelAfterRequestPolicy(m => m.Request.Method == RequestMethod.Post && m.Request.Uri.ToString().Contains("$batch", StringComparison.Ordinal));
        await using var app = await TestApp.StartAsync(DeadlineMorning, azurite: azurite, configure: services =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(interrupt, HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options));
        });
        await Seed.RosterAndCampaignAsync(app);

        interrupt.Armed = true;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.Create<ReminderScanFunction>().Run(new TimerInfo(), interrupt.Token));
        interrupt.Armed = false;
        await app.Create<ReminderScanFunction>().Run(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        await AssertEachReminderQueuedOnceAsync(app, azurite);
    }

    private static async Task AssertEachReminderQueuedOnceAsync(TestApp app, AzuriteServer azurite)
    {
        var queue = new QueueClient(azurite.ConnectionString, QueueNames.Reminders, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var messages = (await queue.ReceiveMessagesAsync(32)).Value
            .SelectMany(m => ReminderQueuePayload.Parse(m.Body.ToString()))
            .Select(r => r.UnitId)
            .Order()
            .ToList();
        Assert.Equal(UnitsWithEmail, messages);

        var rows = await app.ReadAllAsync(TableNames.Reminders);
        var queued = rows.Where(r => r.GetString("State") == ReminderState.Queued).Select(r => r.GetString("UnitId")).Order();
        Assert.Equal(UnitsWithEmail, queued);
        Assert.All(rows, r => Assert.Contains(r.GetString("State"), new[] { ReminderState.Queued, ReminderState.Failed, ReminderState.Superseded }));
        Assert.All(rows.Where(r => r.GetString("State") == ReminderState.Queued), r => Assert.Equal("deadline", r.GetString("Checkpoint")));
    }
}
