using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TetReadiness.Tests.Email;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Time;

namespace TetReadiness.Tests.Security;

/// <summary>
/// Every log line local mode writes, at the levels the app ships with (nothing lowered or raised here), while a unit
/// submits through its link (<c>?t=</c>), Power BI reads the feed (<c>?key=</c>), and SendGrid refuses reminders and
/// digests with an error body naming a recipient: no token, key, email address or submitter's name or phone in any
/// line, message, structured value, scope or exception.
/// </summary>
public sealed class LogCaptureTests
{
    private const string FeedKey = "feed-key-log-capture-7f3a9c21e4b6";
    private const string WrongFeedKey = "wrong-feed-key-5d1e8b2a";
    private const string SendGridKey = "SG.log-capture-api-key-0a1b2c3d";
    private const string CampaignId = "log-capture";
    private const string SubmitterName = "Trần Văn An";
    private const string SubmitterPhone = "0912 345 678";

    [Fact]
    public async Task A_link_submission_a_feed_read_and_failed_sendgrid_calls_log_no_token_key_or_email_address()
    {
        await using var sendGrid = await SendGridStub.StartAsync();
        sendGrid.StatusCode = 400;
        sendGrid.ErrorBody = """{"errors":[{"message":"Does not contain a valid address: vanphong@ba-dinh.invalid, sonoivu@hanoi.invalid","field":"personalizations.0.to.0.email","help":null}]}""";
        var capture = new LogCapture();
        var settings = new Dictionary<string, string?>
        {
            ["Auth:AllowClientPrincipalHeader"] = "true",
            ["UnitLinks:PrimaryKey"] = "log-capture-signing-key-0123456789abcdef",
            ["Feed:PrimaryKey"] = FeedKey,
            ["SendGrid:ApiKey"] = SendGridKey,
            ["SendGrid:Host"] = sendGrid.Address,
            ["SendGrid:TimeoutSeconds"] = "5",
            ["ReminderScanSchedule"] = LocalModeApp.FarAway,
            ["DailyDigestSchedule"] = LocalModeApp.FarAway,
            ["ProjectionRepairSchedule"] = LocalModeApp.FarAway,
            ["StatusRollupSchedule"] = LocalModeApp.FarAway,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
        };

        // An Azurite of its own: the scan and the digest use the app's fixed queue names.
        await using var local = await LocalModeApp.StartAsync(settings, ownAzurite: true, configure: builder => builder.Logging.AddProvider(capture));
        var coordinator = HttpCall.Principal(AsCaller.CityCoordinatorEmail, "coordinator");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(local, HttpMethod.Put, "/api/roster", coordinator, new StringContent(Seed.RosterCsv, Encoding.UTF8, "text/csv"))).StatusCode);
        var today = VietnamTime.Today(TimeProvider.System);
        var campaign = Seed.Campaign(opensAt: VietnamTime.StartOf(today.AddDays(-10)).ToString("yyyy-MM-ddTHH:mm:sszzz"), deadline: today.ToString("yyyy-MM-dd"));
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(local, HttpMethod.Put, $"/api/campaigns/{CampaignId}", coordinator, JsonContent.Create(campaign))).StatusCode);

        var minted = await SendAsync(local, HttpMethod.Post, $"/api/campaigns/{CampaignId}/units/ba-dinh-ttyt/link", coordinator);
        Assert.Equal(HttpStatusCode.Created, minted.StatusCode);
        var url = JsonDocument.Parse(await minted.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
        var token = url[(url.IndexOf("?t=", StringComparison.Ordinal) + 3)..];

        var submission = new StringContent(Api.LinkAnswersJson, Encoding.UTF8, "application/json");
        var submitted = await SendAsync(local, HttpMethod.Put, $"/api/campaigns/{CampaignId}/units/ba-dinh-ttyt/submission?t={token}", principal: null, submission);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var tampered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(local, HttpMethod.Get, $"/api/campaigns/{CampaignId}/units/ba-dinh-ttyt/submission?t={tampered}", principal: null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(local, HttpMethod.Get, $"/api/feed/units?campaign={CampaignId}&key={FeedKey}", principal: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(local, HttpMethod.Get, $"/api/feed/units?key={WrongFeedKey}", principal: null)).StatusCode);

        var reminderFailed = capture.WaitForAsync(line => line.Category.EndsWith(".ReminderOutboxKind", StringComparison.Ordinal) && line.Level >= LogLevel.Warning, TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Accepted, (await local.Http.PostAsync("/admin/functions/ReminderScan", null)).StatusCode);
        await reminderFailed;
        var digestFailed = capture.WaitForAsync(line => line.Category.EndsWith(".DigestOutboxKind", StringComparison.Ordinal) && line.Level >= LogLevel.Warning, TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Accepted, (await local.Http.PostAsync("/admin/functions/DailyDigest", null)).StatusCode);
        await digestFailed;

        Assert.NotEmpty(sendGrid.Requests);
        Assert.Contains(capture.Lines, line => line.Category.EndsWith(".FeedResult", StringComparison.Ordinal) || line.Category.EndsWith(".FeedFunctions", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, line => line.Category.EndsWith(".AuditLog", StringComparison.Ordinal));
        var leaks = capture.Leaks(token, tampered, FeedKey, WrongFeedKey, SendGridKey, SubmitterName, SubmitterPhone);
        Assert.True(leaks.Count == 0, "Log lines that leak a secret or personal data:\n" + string.Join('\n', leaks));
    }

    private static async Task<HttpResponseMessage> SendAsync(LocalModeApp local, HttpMethod method, string path, string? principal, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (principal is not null)
        {
            request.Headers.Add(HttpCall.PrincipalHeader, principal);
        }

        return await local.Http.SendAsync(request);
    }
}
