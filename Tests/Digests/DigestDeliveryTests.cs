using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SendGrid;
using SendGrid.Helpers.Mail;
using TetReadiness.Campaigns;
using TetReadiness.Digests;
using TetReadiness.Outbox;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Tests.Email;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Digests;

/// <summary>
/// <c>DailyDigest</c> and <c>SendDigest</c> through their function classes, against Azurite: the timer plans and
/// queues, the messages are read back from the queue as the trigger would read them and handed to <c>SendDigest</c>,
/// and SendGrid is a mock that answers as the real service does.
/// </summary>
public sealed class DigestDeliveryTests(DigestAzuriteFixture fixture) : IClassFixture<DigestAzuriteFixture>
{
    private const string Today = "2024-01-20";
    private const string CityRecipient = "sonoivu@hanoi.invalid";
    private const string Attack = "<script>alert(1)</script>";

    // 17:00 Vietnam time, when the timer fires by default.
    private static readonly DateTimeOffset FiveInTheAfternoon = new(2024, 1, 20, 17, 0, 0, TimeSpan.FromHours(7));

    // How the Functions worker reads a queue message into a POCO.
    private static readonly JsonSerializerOptions WorkerJson = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public async Task Daily_digest_fired_twice_the_same_day_queues_one_message_and_one_row_per_recipient()
    {
        await using var app = await StartAsync();
        await SeedAsync(app);
        var daily = app.Create<DailyDigestFunction>();

        await daily.Run(new TimerInfo(), CancellationToken.None);
        await daily.Run(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        var messages = await ReadQueueAsync(app);
        Assert.Equal(["dieuphoi@ba-dinh.invalid", "dieuphoi@hoan-kiem.invalid", CityRecipient], messages.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.Equal(Today, m.Date));

        var rows = await app.ReadAllAsync(TableNames.Digests);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(Today, row.PartitionKey);
            Assert.Equal(DigestState.Queued, row.GetString(nameof(DigestEntity.State)));
            Assert.NotNull(row.GetDateTimeOffset(nameof(DigestEntity.EnqueuedAt)));
        });
        Assert.Equal("tet-2024:*;tet-2024-b:*", Row(rows, CityRecipient).GetString(nameof(DigestEntity.Scopes)));
        Assert.Equal("tet-2024:ba-dinh;tet-2024-b:*", Row(rows, "dieuphoi@ba-dinh.invalid").GetString(nameof(DigestEntity.Scopes)));
        Assert.Equal("tet-2024:hoan-kiem;tet-2024-b:hoan-kiem", Row(rows, "dieuphoi@hoan-kiem.invalid").GetString(nameof(DigestEntity.Scopes)));
    }

    [Fact]
    public async Task Daily_digest_writes_one_status_snapshot_per_campaign_district_and_day_plus_the_city_total()
    {
        await using var app = await StartAsync();
        await SeedAsync(app);
        var daily = app.Create<DailyDigestFunction>();

        await daily.Run(new TimerInfo(), CancellationToken.None);
        await daily.Run(new TimerInfo(), CancellationToken.None);

        var snapshots = await app.ReadAllAsync(TableNames.StatusSnapshots);
        Assert.Equal(
            ["2024-01-20|_city", "2024-01-20|ba-dinh", "2024-01-20|ba-vi", "2024-01-20|hoan-kiem"],
            snapshots.Where(s => s.PartitionKey == "tet-2024").Select(s => s.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(4, snapshots.Count(s => s.PartitionKey == "tet-2024-b"));
        var city = snapshots.Single(s => s.PartitionKey == "tet-2024" && s.RowKey == "2024-01-20|_city");
        Assert.Equal(
            (4, 1, 1, 0, 3, 0.25),
            (city.GetInt32("Units")!.Value, city.GetInt32("Reported")!.Value, city.GetInt32("OnTime")!.Value, city.GetInt32("Late")!.Value, city.GetInt32("Missing")!.Value, city.GetDouble("ReportingRate")!.Value));
        Assert.Equal(0.5 / 3, city.GetDouble("Readiness")!.Value, 6); // not ready, partial, not ready
        var baDinh = snapshots.Single(s => s.PartitionKey == "tet-2024" && s.RowKey == "2024-01-20|ba-dinh");
        Assert.Equal(("Quận Ba Đình", 2, 1), (baDinh.GetString("DistrictName"), baDinh.GetInt32("Units")!.Value, baDinh.GetInt32("Reported")!.Value));
    }

    [Fact]
    public async Task A_429_fails_the_invocation_so_the_queue_retries_and_the_retry_sends_once_after_two_attempts()
    {
        var (sendGrid, sent) = SendGridAnswering(HttpStatusCode.TooManyRequests, HttpStatusCode.Accepted);
        await using var app = await StartAsync(sendGrid);
        await SeedAsync(app);
        await app.Create<DailyDigestFunction>().Run(new TimerInfo(), CancellationToken.None);
        var message = (await ReadQueueAsync(app)).Single(m => m.Recipient == CityRecipient);
        var send = app.Create<SendDigestFunction>();

        await Assert.ThrowsAsync<TransientSendException>(() => send.Run(message, CancellationToken.None));
        var afterFirst = await ReadRowAsync(app, CityRecipient);
        Assert.Equal((DigestState.Queued, 1), (afterFirst.State, afterFirst.Attempts));
        Assert.Contains("429", afterFirst.LastError);

        await send.Run(message, CancellationToken.None);
        await send.Run(message, CancellationToken.None); // redelivered after it was sent

        var row = await ReadRowAsync(app, CityRecipient);
        Assert.Equal((DigestState.Sent, 2, FiveInTheAfternoon), (row.State, row.Attempts, row.SentAt!.Value));
        Assert.Null(row.LastError);
        Assert.Equal(2, sent.Count);
        var email = sent[1];
        Assert.Equal("Báo cáo tiến độ sẵn sàng Tết – 20/01/2024", email.Subject);
        Assert.Equal([CityRecipient], email.Personalizations.Single().Tos.Select(t => t.Email));
        Assert.Contains("Chuẩn bị Tết Giáp Thìn 2024 – Toàn thành phố", email.PlainTextContent);
        Assert.Contains("Đã báo cáo: 1/4 đơn vị (25%)", email.PlainTextContent);
        Assert.Contains("UBND Huyện Ba Vì", email.HtmlContent);
        Assert.Contains("chưa có email", email.HtmlContent);
        Assert.Contains("gồm 2 phần", email.HtmlContent);
        Assert.DoesNotContain(Attack, email.HtmlContent);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.HtmlContent);
        Assert.Contains("http://localhost:7071/status?c=tet-2024", email.HtmlContent);
    }

    [Fact]
    public async Task A_permanent_400_is_recorded_as_failed_without_failing_the_invocation_and_is_not_sent_again()
    {
        var (sendGrid, sent) = SendGridAnswering(HttpStatusCode.BadRequest);
        await using var app = await StartAsync(sendGrid);
        await SeedAsync(app);
        await app.Create<DailyDigestFunction>().Run(new TimerInfo(), CancellationToken.None);
        var message = (await ReadQueueAsync(app)).Single(m => m.Recipient == "dieuphoi@hoan-kiem.invalid");
        var send = app.Create<SendDigestFunction>();

        await send.Run(message, CancellationToken.None);
        await send.Run(message, CancellationToken.None);

        var row = await ReadRowAsync(app, "dieuphoi@hoan-kiem.invalid");
        Assert.Equal((DigestState.Failed, 1), (row.State, row.Attempts));
        Assert.Contains("HTTP 400", row.LastError);
        Assert.Null(row.SentAt);
        Assert.Single(sent);
    }

    [Fact]
    public async Task A_units_difficulties_and_proposals_reach_its_areas_and_the_citys_digest_through_sendgrid_with_the_units_name()
    {
        await using var stub = await SendGridStub.StartAsync();
        await using var app = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = stub.Address,
            ["SendGrid:TimeoutSeconds"] = "5",
        });
        await SeedAsync(app);
        var request = Seed.Answers();
        request.Difficulties = "Chợ tạm phố Hàng Mã chưa có lối thoát hiểm.\nThiếu 5 bình chữa cháy " + Attack + " " + string.Join(' ', Enumerable.Repeat("vướng mắc", 40));
        request.Proposals = "Đề nghị Sở Công Thương hỗ trợ kinh phí mua bình.";
        await app.Get<SubmissionService>().SubmitAsync(
            "tet-2024", "hoan-kiem-ubnd", _ => Task.FromResult(request), SubmissionPreconditions.None, TestCallers.Officer("vanphong@hoan-kiem.invalid"), CancellationToken.None);

        await app.Create<DailyDigestFunction>().Run(new TimerInfo(), CancellationToken.None);
        var send = app.Create<SendDigestFunction>();
        foreach (var message in await ReadQueueAsync(app))
        {
            await send.Run(message, CancellationToken.None);
        }

        var emails = stub.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToDictionary(
            e => e.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!,
            e => e.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!));
        Assert.Equal(["dieuphoi@ba-dinh.invalid", "dieuphoi@hoan-kiem.invalid", CityRecipient], emails.Keys.Order(StringComparer.Ordinal));
        foreach (var recipient in new[] { "dieuphoi@hoan-kiem.invalid", CityRecipient })
        {
            var html = emails[recipient]["text/html"];
            Assert.Contains("Khó khăn, vướng mắc (1 đơn vị nêu)</h3>", html);
            Assert.Contains("<strong>UBND Quận Hoàn Kiếm</strong>", html);
            Assert.Contains("<em>Chợ tạm phố Hàng Mã chưa có lối thoát hiểm. Thiếu 5 bình chữa cháy &lt;script&gt;alert(1)&lt;/script&gt; vướng mắc", html);
            Assert.Matches("vướng( mắc)?…</em>", html);
            Assert.Contains("Đề nghị Sở Công Thương hỗ trợ kinh phí mua bình.", html);
            Assert.Contains("- UBND Quận Hoàn Kiếm (Quận Hoàn Kiếm, 20/01/2024 17:00): Chợ tạm phố Hàng Mã chưa có lối thoát hiểm.", emails[recipient]["text/plain"]);
        }

        // Ba Đình's coordinator follows Ba Đình only: its section has none, the second campaign's (city-wide) none either.
        Assert.DoesNotContain("Hàng Mã", emails["dieuphoi@ba-dinh.invalid"]["text/html"]);
        Assert.Contains("Chưa có đơn vị nào nêu khó khăn, vướng mắc hay đề xuất, kiến nghị.", emails["dieuphoi@ba-dinh.invalid"]["text/html"]);
        // Until reports are reviewed, every report awaits review: the city's two.
        Assert.Contains("Chờ duyệt: 2 báo cáo.", emails[CityRecipient]["text/plain"]);
    }

    private async Task<TestApp> StartAsync(Mock<ISendGridClient>? sendGrid = null, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        if (sendGrid is not null)
        {
            settings["SendGrid:ApiKey"] = "SG.test-key";
        }

        var app = await TestApp.StartAsync(
            FiveInTheAfternoon,
            settings,
            fixture.Azurite,
            services =>
            {
                if (sendGrid is not null)
                {
                    services.AddSingleton(sendGrid.Object);
                }
            });

        // The queue has no per-test prefix; the tests of this class run one at a time, so each starts it empty.
        var queue = RawQueue(app);
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        return app;
    }

    /// <summary>Two open campaigns; one unit has reported, with markup in a note on an item it is not ready on.</summary>
    private static async Task SeedAsync(TestApp app)
    {
        await Seed.RosterAndCampaignAsync(app);
        var second = Seed.Campaign();
        second.Title = "Rà soát chợ Tết 2024";
        second.DigestRecipients = ["DieuPhoi@Ba-Dinh.invalid", CityRecipient];
        await app.Get<CampaignService>().PutAsync("tet-2024-b", _ => Task.FromResult(second), TestCallers.CityCoordinator, CancellationToken.None);
        await app.Get<SubmissionService>().SubmitAsync(
            "tet-2024",
            "ba-dinh-ubnd",
            _ => Task.FromResult(Seed.Answers(fire: "not_ready", note: Attack)),
            SubmissionPreconditions.None,
            TestCallers.Officer("vanphong@ba-dinh.invalid"),
            CancellationToken.None);
    }

    private static (Mock<ISendGridClient> Client, List<SendGridMessage> Sent) SendGridAnswering(params HttpStatusCode[] statuses)
    {
        var responses = new Queue<HttpStatusCode>(statuses);
        var sent = new List<SendGridMessage>();
        var client = new Mock<ISendGridClient>(MockBehavior.Strict);
        client.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .Callback<SendGridMessage, CancellationToken>((message, _) => sent.Add(message))
            .ReturnsAsync(() =>
            {
                var status = responses.Dequeue();
                var body = (int)status < 300 ? string.Empty : $$"""{"errors":[{"message":"{{status}}"}]}""";
                return new Response(status, new StringContent(body, Encoding.UTF8, "application/json"), null);
            });
        return (client, sent);
    }

    private static QueueClient RawQueue(TestApp app) => new(app.ConnectionString, QueueNames.Digests);

    /// <summary>The messages on the queue, decoded as the queue trigger decodes them: Base64, then JSON.</summary>
    private static async Task<IReadOnlyList<DigestMessage>> ReadQueueAsync(TestApp app)
    {
        var peeked = await RawQueue(app).PeekMessagesAsync(32);
        return peeked.Value
            .Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString())))
            .Select(json => JsonSerializer.Deserialize<DigestMessage>(json, WorkerJson)!)
            .ToList();
    }

    private static async Task<DigestEntity> ReadRowAsync(TestApp app, string recipient) =>
        (await app.Tables.Digests.GetEntityAsync<DigestEntity>(Today, DigestEntity.RowKeyFor(recipient))).Value;

    private static TableEntity Row(IReadOnlyList<TableEntity> rows, string recipient) => rows.Single(r => r.RowKey == recipient);
}
