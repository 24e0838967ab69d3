using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Email;

namespace TetReadiness.Tests.Email;

/// <summary>
/// The real SendGrid client, registered as the app registers it, pointed with <c>SendGrid__Host</c> at a loopback
/// endpoint: what goes over the wire is SendGrid's v3 <c>mail/send</c> JSON, and its status decides the outcome.
/// </summary>
public sealed class SendGridPayloadTests
{
    private const string ApiKey = "SG.test-key-not-a-secret";

    [Fact]
    public async Task The_real_client_posts_a_v3_mail_send_payload_with_recipients_subject_both_parts_and_vietnamese_intact()
    {
        await using var stub = await SendGridStub.StartAsync();
        await using var services = Services(stub.Address);
        var message = new EmailMessage(
            ["vanphong@ung-hoa.invalid"],
            ["dieuphoi@ung-hoa.invalid", "VanPhong@ung-hoa.invalid"],
            "Báo cáo tiến độ sẵn sàng Tết – 27/11/2026",
            "Huyện Ứng Hòa: đã báo cáo 3/5 đơn vị.",
            "<p>Huyện <strong>Ứng Hòa</strong>: đã báo cáo 3/5 đơn vị.</p>",
            "digest");

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None);

        Assert.Equal(new EmailSendResult(EmailSendOutcome.Sent, 202, null), result);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("POST", "/v3/mail/send"), (request.Method, request.Path));
        Assert.Equal("Bearer " + ApiKey, request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(request.Body);
        Assert.Contains("Ứng Hòa", text); // written as UTF-8, not \u escapes

        var json = JsonDocument.Parse(request.Body).RootElement;
        var personalization = Assert.Single(json.GetProperty("personalizations").EnumerateArray());
        Assert.Equal(["vanphong@ung-hoa.invalid"], personalization.GetProperty("to").EnumerateArray().Select(e => e.GetProperty("email").GetString()));
        Assert.Equal(["dieuphoi@ung-hoa.invalid"], personalization.GetProperty("cc").EnumerateArray().Select(e => e.GetProperty("email").GetString()));
        Assert.Equal("Báo cáo tiến độ sẵn sàng Tết – 27/11/2026", json.GetProperty("subject").GetString());
        Assert.Equal(("nhac-viec@hanoi.invalid", "Sẵn sàng Tết"), (json.GetProperty("from").GetProperty("email").GetString(), json.GetProperty("from").GetProperty("name").GetString()));
        var content = json.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString());
        Assert.Equal(["text/plain", "text/html"], content.Keys);
        Assert.Equal("Huyện Ứng Hòa: đã báo cáo 3/5 đơn vị.", content["text/plain"]);
        Assert.Equal("<p>Huyện <strong>Ứng Hòa</strong>: đã báo cáo 3/5 đơn vị.</p>", content["text/html"]);
        Assert.Equal(["digest"], json.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData(429, EmailSendOutcome.TransientFailure)]
    [InlineData(503, EmailSendOutcome.TransientFailure)]
    [InlineData(400, EmailSendOutcome.PermanentFailure)]
    [InlineData(401, EmailSendOutcome.NotConfigured)]
    [InlineData(403, EmailSendOutcome.NotConfigured)]
    public async Task The_status_sendgrid_answers_decides_whether_the_queue_retries(int status, EmailSendOutcome expected)
    {
        await using var stub = await SendGridStub.StartAsync();
        stub.StatusCode = status;
        await using var services = Services(stub.Address);

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(
            new EmailMessage(["vanphong@ba-vi.invalid"], [], "Nhắc báo cáo", "Nội dung", "<p>Nội dung</p>", "reminder-overdue"), CancellationToken.None);

        Assert.Equal((expected, status), (result.Outcome, result.StatusCode));
        Assert.Contains($"stub answered {status}", result.Error);
        Assert.Single(stub.Requests);
    }

    private static ServiceProvider Services(string host)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = ApiKey,
            ["SendGrid:Host"] = host,
            ["SendGrid:FromEmail"] = "nhac-viec@hanoi.invalid",
            ["SendGrid:TimeoutSeconds"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddEmail(configuration);
        return services.BuildServiceProvider();
    }
}
