using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SendGrid;
using SendGrid.Helpers.Mail;
using TetReadiness.Outbox;
using TetReadiness.Reminders;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reminders;

public sealed class SendReminderTests
{
    private static readonly DateTimeOffset DeadlineMorning = new(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_429_fails_the_invocation_and_the_retry_sends_it()
    {
        var sendGrid = new Mock<ISendGridClient>();
        sendGrid.SetupSequence(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Response(HttpStatusCode.TooManyRequests, new StringContent("{\"errors\":[{\"message\":\"rate limit\"}]}"), null))
            .ReturnsAsync(new Response(HttpStatusCode.Accepted, new StringContent(string.Empty), null));
        await using var app = await StartAsync(sendGrid);
        var message = await QueuedReminderAsync(app, "ba-dinh-ubnd");
        var function = app.Create<SendReminderFunction>();

        await Assert.ThrowsAsync<TransientSendException>(() => function.Run(ReminderQueuePayload.Serialize([message]), CancellationToken.None));
        var afterFirst = await RowAsync(app, message);
        Assert.Equal((ReminderState.Queued, 1), (afterFirst.State, afterFirst.Attempts));
        Assert.Contains("429", afterFirst.LastError);

        await function.Run(ReminderQueuePayload.Serialize([message]), CancellationToken.None);
        var afterSecond = await RowAsync(app, message);
        Assert.Equal((ReminderState.Sent, 2), (afterSecond.State, afterSecond.Attempts));
        Assert.NotNull(afterSecond.SentAt);
    }

    [Fact]
    public async Task A_permanent_400_is_recorded_as_failed_and_not_retried()
    {
        var sendGrid = new Mock<ISendGridClient>();
        sendGrid.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Response(HttpStatusCode.BadRequest, new StringContent("{\"errors\":[{\"message\":\"invalid from\"}]}"), null));
        await using var app = await StartAsync(sendGrid);
        var message = await QueuedReminderAsync(app, "ba-dinh-ubnd");

        await app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize([message]), CancellationToken.None);
        await app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize([message]), CancellationToken.None);

        var row = await RowAsync(app, message);
        Assert.Equal(ReminderState.Failed, row.State);
        Assert.Contains("400", row.LastError);
        sendGrid.Verify(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_redelivered_message_is_not_sent_twice()
    {
        var sendGrid = new Mock<ISendGridClient>();
        SendGridMessage? sent = null;
        sendGrid.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .Callback<SendGridMessage, CancellationToken>((m, _) => sent = m)
            .ReturnsAsync(new Response(HttpStatusCode.Accepted, new StringContent(string.Empty), null));
        await using var app = await StartAsync(sendGrid);
        var message = await QueuedReminderAsync(app, "hoan-kiem-ubnd");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize([message]), CancellationToken.None)
            .ContinueWith(t => t.Exception?.InnerException is TransientSendException ? Task.CompletedTask : t, TaskScheduler.Default).Unwrap()));
        await app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize([message]), CancellationToken.None);

        sendGrid.Verify(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(ReminderState.Sent, (await RowAsync(app, message)).State);
        Assert.Equal(["vanphong@hoan-kiem.invalid", "lanhdao@hoan-kiem.invalid"], sent!.Personalizations.Single().Tos.Select(t => t.Email));
        Assert.Contains("Hạn chót hôm nay", sent.Subject);
        // The unit's own signed link: an officer without an Entra account reports straight from the email.
        var token = System.Text.RegularExpressions.Regex.Match(sent.PlainTextContent, @"http://localhost:7071/form\?t=([A-Za-z0-9_.-]+)").Groups[1].Value;
        var link = app.Get<TetReadiness.Identity.UnitLinkSigner>().Verify(token, DeadlineMorning).Link;
        Assert.Equal(("tet-2024", "hoan-kiem-ubnd"), (link?.CampaignId, link?.UnitId));
    }

    [Fact]
    public async Task Transient_failures_up_to_the_dequeue_limit_end_as_failed_and_still_throw_for_the_poison_queue()
    {
        var sendGrid = new Mock<ISendGridClient>();
        sendGrid.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Response(HttpStatusCode.ServiceUnavailable, new StringContent("down"), null));
        await using var app = await StartAsync(sendGrid, maxAttempts: 3);
        var message = await QueuedReminderAsync(app, "ba-dinh-ubnd");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Assert.ThrowsAsync<TransientSendException>(() => app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize([message]), CancellationToken.None));
        }

        var row = await RowAsync(app, message);
        Assert.Equal((ReminderState.Failed, 3), (row.State, row.Attempts));
        Assert.Contains("reminders-poison", row.LastError);
    }

    [Fact]
    public async Task In_a_message_of_several_reminders_one_failure_retries_the_message_and_the_retry_sends_only_that_one()
    {
        var sendGrid = new Mock<ISendGridClient>();
        var sentTo = new System.Collections.Concurrent.ConcurrentBag<string>();
        var baDinhTries = 0;
        sendGrid.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SendGridMessage m, CancellationToken _) =>
            {
                var to = m.Personalizations.Single().Tos[0].Email;
                if (to == "vanphong@ba-dinh.invalid" && Interlocked.Increment(ref baDinhTries) == 1)
                {
                    return new Response(HttpStatusCode.TooManyRequests, new StringContent("{\"errors\":[{\"message\":\"rate limit\"}]}"), null);
                }

                sentTo.Add(to);
                return new Response(HttpStatusCode.Accepted, new StringContent(string.Empty), null);
            });
        await using var app = await StartAsync(sendGrid);
        var baDinh = await QueuedReminderAsync(app, "ba-dinh-ubnd");
        var hoanKiem = await QueuedReminderAsync(app, "hoan-kiem-ubnd", seed: false);
        var ttyt = await QueuedReminderAsync(app, "ba-dinh-ttyt", seed: false);
        var message = ReminderQueuePayload.Serialize([baDinh, hoanKiem, ttyt]);

        await Assert.ThrowsAsync<TransientSendException>(() => app.Create<SendReminderFunction>().Run(message, CancellationToken.None));
        Assert.Equal((ReminderState.Queued, 1), ((await RowAsync(app, baDinh)).State, (await RowAsync(app, baDinh)).Attempts));
        Assert.Equal(ReminderState.Sent, (await RowAsync(app, hoanKiem)).State);
        Assert.Equal(ReminderState.Sent, (await RowAsync(app, ttyt)).State);

        await app.Create<SendReminderFunction>().Run(message, CancellationToken.None);

        Assert.Equal((ReminderState.Sent, 2), ((await RowAsync(app, baDinh)).State, (await RowAsync(app, baDinh)).Attempts));
        Assert.Equal(["truc@ba-dinh-ttyt.invalid", "vanphong@ba-dinh.invalid", "vanphong@hoan-kiem.invalid"], sentTo.Order(StringComparer.Ordinal));
        Assert.Equal(1, (await RowAsync(app, hoanKiem)).Attempts);
    }

    private static Task<TestApp> StartAsync(Mock<ISendGridClient> sendGrid, int maxAttempts = 5) =>
        TestApp.StartAsync(
            DeadlineMorning,
            new Dictionary<string, string?> { ["SendGrid:ApiKey"] = "test-key-not-real", [HostJsonQueues.MaxDequeueCountSetting] = maxAttempts.ToString() },
            configure: services => services.AddSingleton(sendGrid.Object));

    /// <summary>A reminder as the scan leaves it: a <c>queued</c> row and its message.</summary>
    private static async Task<ReminderMessage> QueuedReminderAsync(TestApp app, string unitId, bool seed = true)
    {
        if (seed)
        {
            await Seed.RosterAndCampaignAsync(app);
        }

        var unit = (await app.Get<TetReadiness.Roster.RosterStore>().GetUnitAsync(unitId, CancellationToken.None))!;
        var row = new ReminderEntity
        {
            PartitionKey = "tet-2024",
            RowKey = ReminderEntity.RowKeyFor(unitId, "deadline"),
            CampaignId = "tet-2024",
            UnitId = unitId,
            UnitName = unit.UnitName,
            DistrictId = unit.DistrictId,
            DistrictName = unit.DistrictName,
            Checkpoint = "deadline",
            Kind = "deadline",
            ReminderDate = "2024-01-31",
            State = ReminderState.Queued,
            Recipients = string.Join(';', unit.OfficerEmails),
            IdempotencyKey = $"tet-2024|{unitId}|deadline",
            DecidedAt = DeadlineMorning,
        };
        await app.Tables.Reminders.AddEntityAsync(row);
        return ReminderMessage.From(row);
    }

    private static async Task<ReminderEntity> RowAsync(TestApp app, ReminderMessage message) =>
        (await app.Tables.Reminders.GetEntityAsync<ReminderEntity>(message.CampaignId, ReminderEntity.RowKeyFor(message.UnitId, message.Checkpoint))).Value;
}
