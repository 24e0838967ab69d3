using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TetReadiness.Digests;
using TetReadiness.Email;
using TetReadiness.Outbox;
using TetReadiness.Reminders;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Security;

namespace TetReadiness.Tests.Email;

/// <summary>
/// Email that cannot go out because of the configuration (an unresolved Key Vault reference for the SendGrid key, or
/// SendGrid answering 401/403) uses nothing up: the rows stay sendable, the messages fail so they come back later (or
/// the next scan queues them again), health says why, one error is logged, and once the key works they go out. The
/// real SendGrid client talks to the loopback stub. Each test has an Azurite of its own: queue names are fixed.
/// </summary>
public sealed class EmailConfigurationFaultTests
{
    private const string Reference = "@Microsoft.KeyVault(VaultName=kv-tetreadiness;SecretName=SendGridApiKey)";
    private static readonly DateTimeOffset DeadlineMorning = new(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] UnitsWithEmail = ["ba-dinh-ttyt", "ba-dinh-ubnd", "hoan-kiem-ubnd"];

    [Theory]
    [InlineData(401, EmailSendOutcome.NotConfigured)]
    [InlineData(403, EmailSendOutcome.NotConfigured)]
    [InlineData(400, EmailSendOutcome.PermanentFailure)]
    [InlineData(429, EmailSendOutcome.TransientFailure)]
    public void SendGrid_refusing_the_key_is_a_configuration_fault_not_a_failure_of_the_email(int status, EmailSendOutcome outcome)
    {
        Assert.Equal(outcome, EmailSendResult.FromStatus(status, "{}").Outcome);
    }

    [Fact]
    public async Task An_unresolved_key_vault_reference_is_email_not_configured_health_says_so_and_reminders_wait_untouched()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var stub = await SendGridStub.StartAsync();
        var logs = new LogCapture();
        await using var app = await StartAsync(azurite, stub, Reference, logs);
        await Seed.RosterAndCampaignAsync(app);
        logs.Clear();
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        var message = await TakeMessageAsync(azurite, QueueNames.Reminders);

        for (var delivery = 0; delivery < 3; delivery++)
        {
            await Assert.ThrowsAsync<ChannelNotConfiguredException>(() => app.Create<SendReminderFunction>().Run(message, CancellationToken.None));
        }

        Assert.Empty(stub.Requests);
        await AssertWaitingAsync(app);
        var health = await Api.CallAsync(app, "Health", headers: AsCaller.Nobody);
        Assert.Equal(200, health.Status);
        Assert.Equal(("degraded", "not configured"), (health.Json.GetProperty("status").GetString(), health.Json.GetProperty("email").GetString()));
        Assert.Contains("Key Vault reference", health.Json.GetProperty("detail").GetString());
        Assert.DoesNotContain("kv-tetreadiness", health.Body);
        Assert.DoesNotContain("SendGridApiKey)", health.Body);
        Assert.Single(logs.Errors, e => e.Contains("Email send failed", StringComparison.Ordinal));
        AssertNothingPrivateIn(logs);
    }

    [Fact]
    public async Task SendGrid_answering_401_uses_nothing_up_logs_one_error_and_the_next_scan_sends_every_reminder_once_the_key_works()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var stub = await SendGridStub.StartAsync();
        stub.StatusCode = 401;
        var logs = new LogCapture();
        await using var app = await StartAsync(azurite, stub, "SG.revoked-key-0123456789", logs);
        await Seed.RosterAndCampaignAsync(app);
        logs.Clear();
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        var message = await TakeMessageAsync(azurite, QueueNames.Reminders);

        // The queue delivers it again and again until the host poisons it; nothing is used up meanwhile.
        for (var delivery = 0; delivery < 3; delivery++)
        {
            await Assert.ThrowsAsync<ChannelNotConfiguredException>(() => app.Create<SendReminderFunction>().Run(message, CancellationToken.None));
        }

        Assert.NotEmpty(stub.Requests);
        await AssertWaitingAsync(app);
        var health = await Api.CallAsync(app, "Health", headers: AsCaller.Nobody);
        Assert.Equal(("degraded", "refused"), (health.Json.GetProperty("status").GetString(), health.Json.GetProperty("email").GetString()));
        Assert.Single(logs.Errors, e => e.Contains("Email send failed", StringComparison.Ordinal));

        // The key is fixed; the poisoned message is gone, and the next scan finds the reminders it left behind.
        stub.StatusCode = 202;
        stub.Requests.Clear();
        app.Clock.Advance(TimeSpan.FromHours(2));
        var scan = await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        await app.Create<SendReminderFunction>().Run(await TakeMessageAsync(azurite, QueueNames.Reminders), CancellationToken.None);

        Assert.Equal(3, scan.Requeued);
        Assert.Equal(3, stub.Requests.Count);
        var rows = await app.ReadAllAsync(TableNames.Reminders);
        Assert.All(rows.Where(r => UnitsWithEmail.Contains(r.GetString("UnitId")) && r.GetString("Checkpoint") == "deadline"), r => Assert.Equal((ReminderState.Sent, 1), (r.GetString("State"), r.GetInt32("Attempts"))));
        Assert.Equal("healthy", (await Api.CallAsync(app, "Health", headers: AsCaller.Nobody)).Json.GetProperty("status").GetString());
        AssertNothingPrivateIn(logs);
    }

    [Fact]
    public async Task A_digest_refused_with_403_stays_sendable_and_goes_out_on_the_retry_once_the_key_works()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var stub = await SendGridStub.StartAsync();
        stub.StatusCode = 403;
        var logs = new LogCapture();
        await using var app = await StartAsync(azurite, stub, "SG.unverified-sender-0123456789", logs, DeadlineMorning.AddHours(9));
        await Seed.RosterAndCampaignAsync(app);
        logs.Clear();
        await app.Create<DailyDigestFunction>().Run(new TimerInfo(), CancellationToken.None);
        var message = JsonSerializer.Deserialize<DigestMessage>(await TakeMessageAsync(azurite, QueueNames.Digests, "sonoivu@hanoi.invalid"), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

        await Assert.ThrowsAsync<ChannelNotConfiguredException>(() => app.Create<SendDigestFunction>().Run(message, CancellationToken.None));
        var waiting = (await app.Tables.Digests.GetEntityAsync<DigestEntity>("2024-01-31", "sonoivu@hanoi.invalid")).Value;
        Assert.Equal((DigestState.Queued, 0), (waiting.State, waiting.Attempts));

        stub.StatusCode = 202;
        await app.Create<SendDigestFunction>().Run(message, CancellationToken.None);

        var sent = (await app.Tables.Digests.GetEntityAsync<DigestEntity>("2024-01-31", "sonoivu@hanoi.invalid")).Value;
        Assert.Equal((DigestState.Sent, 1), (sent.State, sent.Attempts));
        Assert.Single(logs.Errors, e => e.Contains("Email send failed", StringComparison.Ordinal));
        // The digest's own information lines still name the recipient (issue 12, point 10); the failure path does not.
        AssertNothingPrivateIn(logs, LogLevel.Warning);
    }

    private static Task<TestApp> StartAsync(AzuriteServer azurite, SendGridStub stub, string apiKey, LogCapture logs, DateTimeOffset? now = null) =>
        TestApp.StartAsync(
            now ?? DeadlineMorning,
            new Dictionary<string, string?> { ["SendGrid:ApiKey"] = apiKey, ["SendGrid:Host"] = stub.Address },
            azurite,
            services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));

    private static async Task AssertWaitingAsync(TestApp app)
    {
        var rows = await app.ReadAllAsync(TableNames.Reminders);
        var waiting = rows.Where(r => UnitsWithEmail.Contains(r.GetString("UnitId")) && r.GetString("Checkpoint") == "deadline").ToList();
        Assert.Equal(3, waiting.Count);
        Assert.All(waiting, r => Assert.Equal((ReminderState.Queued, 0), (r.GetString("State"), r.GetInt32("Attempts"))));
    }

    /// <summary>No recipient address, no SendGrid error text, no key or reference in any log line (from a level on).</summary>
    private static void AssertNothingPrivateIn(LogCapture logs, LogLevel from = LogLevel.Trace)
    {
        var all = string.Join('\n', logs.Lines.Where(l => l.Level >= from).Select(l => l.Text));
        Assert.NotEmpty(all);
        Assert.DoesNotContain(".invalid", all);
        Assert.DoesNotContain("stub answered", all);
        Assert.DoesNotContain("SG.", all);
        Assert.DoesNotContain("kv-tetreadiness", all);
    }

    /// <summary>Empties the queue and returns its one message (or the digest for a recipient), decoded as the trigger reads it.</summary>
    private static async Task<string> TakeMessageAsync(AzuriteServer azurite, string queueName, string? recipient = null)
    {
        var queue = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var messages = new List<string>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            foreach (var received in batch)
            {
                messages.Add(Encoding.UTF8.GetString(Convert.FromBase64String(received.Body.ToString())));
                await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
            }
        }

        return recipient is null ? Assert.Single(messages) : messages.Single(m => m.Contains(recipient, StringComparison.Ordinal));
    }
}
