using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TetReadiness.Deadlines;
using TetReadiness.Identity;
using TetReadiness.Outbox;
using TetReadiness.Reviews;
using TetReadiness.Storage;
using TetReadiness.Tests.Email;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Outbox;

namespace TetReadiness.Tests.Reviews;

/// <summary>
/// Review notices through the one outbox, the real SendGrid client and a loopback SendGrid: asked for by transition
/// (once, however often asked), queued on <c>review-notices</c>, sent by <c>SendReviewNotice</c>, retried on a 5xx,
/// failed on a 4xx or without recipients, found again when lost, re-driven from poison. The queue's name is the app's
/// own (no test prefix), so the class has an Azurite of its own; its tests run one after another and each starts from
/// an empty queue.
/// </summary>
public sealed class ReviewNoticeDeliveryTests(ReviewNoticeDeliveryTests.OwnAzurite own) : IClassFixture<ReviewNoticeDeliveryTests.OwnAzurite>
{
    [Fact]
    public async Task A_returned_report_emails_the_units_officers_once_with_the_comment_and_its_signed_link()
    {
        await using var setup = await Setup.StartAsync(own.Server);
        var notices = setup.App.Get<IReviewNotices>();

        // Asked twice for one transition (a retried review, the repair asking again): one row, one message.
        await notices.NotifyReturnedAsync(ReviewNoticeSamples.Returned(), CancellationToken.None);
        await notices.NotifyReturnedAsync(ReviewNoticeSamples.Returned(), CancellationToken.None);
        var messages = await setup.TakeMessagesAsync();
        Assert.Single(messages);
        Assert.Single(await setup.App.ReadAllAsync(TableNames.ReviewNotices));

        await setup.SendAsync(messages[0]);
        await setup.SendAsync(messages[0]);
        await notices.NotifyReturnedAsync(ReviewNoticeSamples.Returned(), CancellationToken.None);

        Assert.Empty(await setup.TakeMessagesAsync());
        var request = Assert.Single(setup.SendGrid.Requests);
        var json = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(["vanphong@ba-dinh.invalid"], json.GetProperty("personalizations")[0].GetProperty("to").EnumerateArray().Select(t => t.GetProperty("email").GetString()));
        Assert.Equal("[Báo cáo được trả lại] Chuẩn bị Tết Giáp Thìn 2024: UBND Quận Ba Đình", json.GetProperty("subject").GetString());
        var text = json.GetProperty("content")[0].GetProperty("value").GetString()!;
        Assert.Contains("> Ghi rõ ngày kiểm tra <script>.", text);
        Assert.Contains("Hạn báo cáo: 31/01/2024 23:59", text);
        // The unit's own signed link: an officer without an Entra account opens the form straight from the email.
        var token = Regex.Match(text, @"http://localhost:7071/form\?t=([A-Za-z0-9_.-]+)").Groups[1].Value;
        var link = setup.App.Get<UnitLinkSigner>().Verify(token, ReviewNoticeSamples.At).Link;
        Assert.Equal(("tet-2024", "ba-dinh-ubnd"), (link?.CampaignId, link?.UnitId));
        var row = await setup.RowAsync("ba-dinh-ubnd", 1);
        Assert.Equal((OutboxState.Sent, 1), (row.State, row.Attempts));
        setup.AssertNothingPrivateLogged();
    }

    [Fact]
    public async Task A_returned_report_states_the_units_own_deadline_when_it_was_granted_a_later_one()
    {
        await using var setup = await Setup.StartAsync(own.Server);
        await setup.App.Get<UnitDeadlineService>().GrantAsync(
            Caller.System, "tet-2024", "ba-dinh-ubnd", _ => Task.FromResult(new UnitDeadlineRequest { Deadline = "2024-02-03", Reason = "Chờ số liệu của chợ" }), CancellationToken.None);

        await setup.App.Get<IReviewNotices>().NotifyReturnedAsync(ReviewNoticeSamples.Returned(), CancellationToken.None);
        await setup.SendAsync(Assert.Single(await setup.TakeMessagesAsync()));

        var json = JsonDocument.Parse(Assert.Single(setup.SendGrid.Requests).Body).RootElement;
        var text = json.GetProperty("content")[0].GetProperty("value").GetString()!;
        Assert.Contains("Hạn báo cáo: 03/02/2024 23:59", text);
        Assert.DoesNotContain("31/01/2024", text);
    }

    [Fact]
    public async Task A_reopen_request_emails_the_areas_coordinators_with_the_reason_and_the_dashboard()
    {
        await using var setup = await Setup.StartAsync(own.Server);

        await setup.App.Get<IReviewNotices>().NotifyReopenRequestedAsync(ReviewNoticeSamples.ReopenRequested(), CancellationToken.None);
        await setup.SendAsync(Assert.Single(await setup.TakeMessagesAsync()));

        var json = JsonDocument.Parse(Assert.Single(setup.SendGrid.Requests).Body).RootElement;
        Assert.Equal(["dieuphoi@ba-dinh.invalid"], json.GetProperty("personalizations")[0].GetProperty("to").EnumerateArray().Select(t => t.GetProperty("email").GetString()));
        var text = json.GetProperty("content")[0].GetProperty("value").GetString()!;
        Assert.Contains("> " + ReviewNoticeSamples.Reason, text);
        Assert.Contains("http://localhost:7071/status?c=tet-2024&d=ba-dinh", text);
        Assert.Equal(OutboxState.Sent, (await setup.RowAsync("ba-dinh-ttyt", 2)).State);
        setup.AssertNothingPrivateLogged();
    }

    [Fact]
    public async Task Without_recipients_the_notice_is_failed_with_a_reason_and_nothing_is_sent()
    {
        await using var setup = await Setup.StartAsync(own.Server);
        var notices = setup.App.Get<IReviewNotices>();

        // ba-vi-ubnd has no officer email, and its area no coordinator.
        await notices.NotifyReturnedAsync(ReviewNoticeSamples.Returned("ba-vi-ubnd", sequence: 1), CancellationToken.None);
        await notices.NotifyReopenRequestedAsync(ReviewNoticeSamples.ReopenRequested("ba-vi-ubnd", sequence: 2), CancellationToken.None);
        foreach (var message in await setup.TakeMessagesAsync())
        {
            await setup.SendAsync(message);
        }

        Assert.Empty(setup.SendGrid.Requests);
        var returned = await setup.RowAsync("ba-vi-ubnd", 1);
        Assert.Equal((OutboxState.Failed, 0), (returned.State, returned.Attempts));
        Assert.Contains("no officer email", returned.LastError);
        var requested = await setup.RowAsync("ba-vi-ubnd", 2);
        Assert.Equal(OutboxState.Failed, requested.State);
        Assert.Contains("no coordinator email", requested.LastError);
    }

    [Fact]
    public async Task A_5xx_is_retried_by_the_queue_and_a_4xx_fails_without_a_retry()
    {
        await using var setup = await Setup.StartAsync(own.Server);
        var notices = setup.App.Get<IReviewNotices>();
        await notices.NotifyReturnedAsync(ReviewNoticeSamples.Returned(), CancellationToken.None);
        var message = Assert.Single(await setup.TakeMessagesAsync());

        setup.SendGrid.StatusCode = 503;
        await Assert.ThrowsAsync<TransientSendException>(() => setup.SendAsync(message));
        var afterFirst = await setup.RowAsync("ba-dinh-ubnd", 1);
        Assert.Equal((OutboxState.Queued, 1), (afterFirst.State, afterFirst.Attempts));
        setup.SendGrid.StatusCode = 202;
        await setup.SendAsync(message);
        Assert.Equal((OutboxState.Sent, 2), ((await setup.RowAsync("ba-dinh-ubnd", 1)).State, (await setup.RowAsync("ba-dinh-ubnd", 1)).Attempts));

        setup.SendGrid.StatusCode = 400;
        await notices.NotifyReturnedAsync(ReviewNoticeSamples.Returned("hoan-kiem-ubnd"), CancellationToken.None);
        var refused = Assert.Single(await setup.TakeMessagesAsync());
        await setup.SendAsync(refused);
        await setup.SendAsync(refused);

        var failed = await setup.RowAsync("hoan-kiem-ubnd", 1);
        Assert.Equal((OutboxState.Failed, 1), (failed.State, failed.Attempts));
        Assert.Contains("400", failed.LastError);
        Assert.Equal(3, setup.SendGrid.Requests.Count);
        setup.AssertNothingPrivateLogged();
    }

    [Fact]
    public async Task Asking_again_queues_a_notice_that_was_never_queued_or_lost_its_message_while_it_is_still_due()
    {
        await using var setup = await Setup.StartAsync(own.Server);
        var notices = setup.App.Get<IReviewNotices>();
        var at = ReviewNoticeSamples.At;

        // Added by a call that stopped before queueing it.
        await setup.App.Tables.Get(TableNames.ReviewNotices).AddEntityAsync(ReviewNoticeEntity.For(ReviewNoticeSamples.Returned(), at));
        await notices.NotifyReturnedAsync(ReviewNoticeSamples.Returned(), CancellationToken.None);
        Assert.Single(await setup.TakeMessagesAsync());
        Assert.NotNull((await setup.RowAsync("ba-dinh-ubnd", 1)).EnqueuedAt);

        // Queued, then its message was lost: asked again an hour later, it is queued again.
        await notices.NotifyReopenRequestedAsync(ReviewNoticeSamples.ReopenRequested(), CancellationToken.None);
        await setup.TakeMessagesAsync();
        await notices.NotifyReopenRequestedAsync(ReviewNoticeSamples.ReopenRequested(), CancellationToken.None);
        Assert.Empty(await setup.TakeMessagesAsync());
        setup.App.Clock.Advance(OutboxRecovery.LostAfter);
        await notices.NotifyReopenRequestedAsync(ReviewNoticeSamples.ReopenRequested(), CancellationToken.None);
        await setup.SendAsync(Assert.Single(await setup.TakeMessagesAsync()));
        var recovered = await setup.RowAsync("ba-dinh-ttyt", 2);
        Assert.Equal(OutboxState.Sent, recovered.State);
        Assert.NotNull(recovered.RequeuedAt);

        // Lost and found more than 48 hours after its review: superseded, not sent late.
        await notices.NotifyReturnedAsync(ReviewNoticeSamples.Returned("hoan-kiem-ubnd"), CancellationToken.None);
        await setup.TakeMessagesAsync();
        setup.App.Clock.Advance(ReviewNoticeOutboxKind.StillDueFor);
        await notices.NotifyReturnedAsync(ReviewNoticeSamples.Returned("hoan-kiem-ubnd"), CancellationToken.None);
        Assert.Empty(await setup.TakeMessagesAsync());
        Assert.Equal(OutboxState.Superseded, (await setup.RowAsync("hoan-kiem-ubnd", 1)).State);
        Assert.Single(setup.SendGrid.Requests);
    }

    [Fact]
    public async Task A_notice_whose_attempts_ran_out_is_brought_back_by_the_poison_redrive()
    {
        await using var setup = await Setup.StartAsync(own.Server, maxAttempts: 1);
        await setup.App.Get<IReviewNotices>().NotifyReturnedAsync(ReviewNoticeSamples.Returned(), CancellationToken.None);
        var raw = Assert.Single(await RawQueue.TakeAllAsync(setup.Azurite, QueueNames.ReviewNotices));
        setup.SendGrid.StatusCode = 503;
        await Assert.ThrowsAsync<TransientSendException>(() => setup.SendAsync(RawQueue.Decode(raw)));
        Assert.NotNull((await setup.RowAsync("ba-dinh-ubnd", 1)).GaveUpAt);
        await RawQueue.PoisonAsync(setup.Azurite, QueueNames.ReviewNotices, raw);

        setup.SendGrid.StatusCode = 202;
        var redriven = await setup.App.Get<PoisonRedriveService>().RedriveAsync(CancellationToken.None);
        await setup.SendAsync(Assert.Single(await setup.TakeMessagesAsync()));

        Assert.Equal((1, 1), (redriven.Moved, redriven.Sendable));
        Assert.Equal(0, await RawQueue.CountAsync(setup.Azurite, QueueNames.ReviewNotices + "-poison"));
        Assert.Equal(OutboxState.Sent, (await setup.RowAsync("ba-dinh-ubnd", 1)).State);
        Assert.Equal(2, setup.SendGrid.Requests.Count);
    }

    public sealed class OwnAzurite : IAsyncLifetime
    {
        public AzuriteServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await AzuriteServer.StartAsync(null);

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private sealed class Setup : IAsyncDisposable
    {
        private readonly LogCapture logs;

        private Setup(TestApp app, SendGridStub sendGrid, AzuriteServer azurite, LogCapture logs)
        {
            App = app;
            SendGrid = sendGrid;
            Azurite = azurite;
            this.logs = logs;
        }

        public TestApp App { get; }

        public SendGridStub SendGrid { get; }

        public AzuriteServer Azurite { get; }

        public static async Task<Setup> StartAsync(AzuriteServer azurite, int maxAttempts = 5)
        {
            await RawQueue.TakeAllAsync(azurite, QueueNames.ReviewNotices);
            await RawQueue.TakeAllAsync(azurite, QueueNames.ReviewNotices + "-poison");
            var sendGrid = await SendGridStub.StartAsync();
            var logs = new LogCapture();
            var app = await TestApp.StartAsync(
                ReviewNoticeSamples.At,
                new Dictionary<string, string?>
                {
                    ["SendGrid:ApiKey"] = "SG.review-notice-test-key",
                    ["SendGrid:Host"] = sendGrid.Address,
                    ["SendGrid:TimeoutSeconds"] = "5",
                    [HostJsonQueues.MaxDequeueCountSetting] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                azurite,
                services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(logs)));
            await Seed.RosterAndCampaignAsync(app);
            logs.Clear();
            return new Setup(app, sendGrid, azurite, logs);
        }

        /// <summary>Takes every message off the queue, decoded as the trigger reads it.</summary>
        public async Task<List<string>> TakeMessagesAsync() =>
            [.. (await RawQueue.TakeAllAsync(Azurite, QueueNames.ReviewNotices)).Select(RawQueue.Decode)];

        public Task SendAsync(string message) => App.Create<SendReviewNoticeFunction>().Run(message, CancellationToken.None);

        public async Task<ReviewNoticeEntity> RowAsync(string unitId, int sequence) =>
            (await App.Tables.Get(TableNames.ReviewNotices).GetEntityAsync<ReviewNoticeEntity>("tet-2024", ReviewNoticeEntity.RowKeyFor(unitId, sequence))).Value;

        /// <summary>Ids and counts only: no email address, no comment or reason.</summary>
        public void AssertNothingPrivateLogged()
        {
            Assert.NotEmpty(logs.Lines);
            Assert.Empty(logs.Leaks("Ghi rõ ngày kiểm tra", "bình chữa cháy", "ghi nhầm số hộ nghèo"));
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await SendGrid.DisposeAsync();
        }
    }
}
