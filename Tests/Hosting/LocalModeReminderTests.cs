using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using TetReadiness.Reminders;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Time;

namespace TetReadiness.Tests.Hosting;

/// <summary>
/// Local mode as ./run.sh starts it, over its own Azurite: the admin API runs the scan, the queue trigger sends
/// through the outbox, and the queue listener poisons what the Functions host would poison.
/// </summary>
public sealed class LocalModeReminderTests : IAsyncLifetime
{
    private LocalModeApp local = null!;

    public async Task InitializeAsync()
    {
        // An Azurite of its own: the poison tests read the app's fixed queue names, which no other class may touch.
        local = await LocalModeApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["ReminderScanSchedule"] = "0 0 1 1 1 *",
                ["DailyDigestSchedule"] = "0 0 1 1 1 *",
                ["ProjectionRepairSchedule"] = "0 0 1 1 1 *",
                ["StatusRollupSchedule"] = "0 0 1 1 1 *",
                ["ExportTablesSchedule"] = "0 0 1 1 1 *",
                ["Auth:AllowClientPrincipalHeader"] = "true",
                ["UnitLinks:PrimaryKey"] = "local-reminder-signing-key-0123456789abcdef",
                ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
                ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            },
            ownAzurite: true);
        local.Http.DefaultRequestHeaders.Add(HttpCall.PrincipalHeader, HttpCall.Principal("sonoivu@hanoi.invalid", "coordinator"));
    }

    public async Task DisposeAsync()
    {
        if (local is not null)
        {
            await local.DisposeAsync();
        }
    }

    [Fact]
    public async Task Admin_scan_emails_exactly_the_units_that_have_not_reported_and_a_second_scan_sends_nothing()
    {
        await SeedAsync();
        using var officerSubmits = new HttpRequestMessage(HttpMethod.Put, "/api/campaigns/local-test/units/hoan-kiem-ubnd/submission")
        {
            Content = JsonContent.Create(new
            {
                answers = new[]
                {
                    new { itemId = "pccc-cho", status = "ready" },
                    new { itemId = "pccc-phuong-tien", status = "ready" },
                    new { itemId = "an-sinh-qua-tet", status = "partial" },
                },
            }),
        };
        officerSubmits.Headers.Remove(HttpCall.PrincipalHeader);
        officerSubmits.Headers.Add(HttpCall.PrincipalHeader, HttpCall.Principal("lanhdao@hoan-kiem.invalid"));
        var submit = await local.Http.SendAsync(officerSubmits);
        Assert.Equal(HttpStatusCode.Created, submit.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await local.Http.PostAsync("/admin/functions/ReminderScan", null)).StatusCode);
        var emails = await local.WaitForOutboxAsync(expected: 2);
        Assert.Contains(emails, e => e.Contains("To: vanphong@ba-dinh.invalid", StringComparison.Ordinal));
        Assert.Contains(emails, e => e.Contains("To: truc@ba-dinh-ttyt.invalid", StringComparison.Ordinal));
        Assert.DoesNotContain(emails, e => e.Contains("hoan-kiem", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Accepted, (await local.Http.PostAsync("/admin/functions/ReminderScan", null)).StatusCode);
        var reminders = new QueueClient(local.Azurite.ConnectionString, QueueNames.Reminders);
        Assert.Equal(0, (await reminders.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(2, Directory.GetFiles(local.Outbox, "*.eml").Length);
    }

    [Fact]
    public async Task A_plain_text_message_goes_straight_to_the_poison_queue()
    {
        var raw = new QueueClient(local.Azurite.ConnectionString, QueueNames.Reminders, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.CreateIfNotExistsAsync();
        await raw.SendMessageAsync("{\"campaignId\":\"not base64\"}");

        var poisoned = await WaitForPoisonAsync();
        Assert.Equal("{\"campaignId\":\"not base64\"}", poisoned);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_lands_in_the_poison_queue_after_max_dequeue_count()
    {
        var queue = new QueueClient(local.Azurite.ConnectionString, QueueNames.Reminders, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        // Not JSON: the trigger's binding throws every time, as it would under the Functions host.
        await queue.SendMessageAsync("this is not json");

        var poisoned = await WaitForPoisonAsync();
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("this is not json")), poisoned);
    }

    [Fact]
    public async Task The_admin_API_runs_the_disabled_RedrivePoison_and_a_reminder_already_sent_is_not_sent_again()
    {
        await SeedAsync();
        var baDinh = await ReminderRowAsync("ba-dinh-ubnd", "vanphong@ba-dinh.invalid", ReminderState.Failed);
        var ttyt = await ReminderRowAsync("ba-dinh-ttyt", "truc@ba-dinh-ttyt.invalid", ReminderState.Queued);
        var hoanKiem = await ReminderRowAsync("hoan-kiem-ubnd", "vanphong@hoan-kiem.invalid", ReminderState.Sent);
        var poison = new QueueClient(local.Azurite.ConnectionString, QueueNames.Reminders + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(ReminderQueuePayload.Serialize([ReminderMessage.From(baDinh), ReminderMessage.From(ttyt), ReminderMessage.From(hoanKiem)]));

        var listed = JsonDocument.Parse(await local.Http.GetStringAsync("/admin/functions")).RootElement.EnumerateArray();
        Assert.True(listed.Single(f => f.GetProperty("name").GetString() == "RedrivePoison").GetProperty("isDisabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, (await local.Http.PostAsync("/admin/functions/RedrivePoison", null)).StatusCode);

        var emails = await local.WaitForOutboxAsync(expected: 2);
        await WaitForEmptyAsync(new QueueClient(local.Azurite.ConnectionString, QueueNames.Reminders));
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(2, Directory.GetFiles(local.Outbox, "*.eml").Length);
        Assert.Contains(emails, e => e.Contains("To: vanphong@ba-dinh.invalid", StringComparison.Ordinal));
        Assert.Contains(emails, e => e.Contains("To: truc@ba-dinh-ttyt.invalid", StringComparison.Ordinal));
        var rows = await local.Tables.Reminders.QueryAsync<ReminderEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"local-test"}")).ToListAsync();
        Assert.Equal([ReminderState.Sent, ReminderState.Sent, ReminderState.Sent], rows.Select(r => r.State));
    }

    /// <summary>A <c>Reminders</c> row for today's checkpoint, as a scan and a sender would have left it.</summary>
    private async Task<ReminderEntity> ReminderRowAsync(string unitId, string email, string state)
    {
        var now = DateTimeOffset.UtcNow;
        var row = new ReminderEntity
        {
            PartitionKey = "local-test",
            RowKey = ReminderEntity.RowKeyFor(unitId, "deadline"),
            CampaignId = "local-test",
            UnitId = unitId,
            UnitName = unitId,
            DistrictName = "Hà Nội",
            Checkpoint = "deadline",
            Kind = "deadline",
            ReminderDate = VietnamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"),
            State = state,
            Recipients = email,
            IdempotencyKey = $"local-test|{unitId}|deadline",
            Attempts = state == ReminderState.Queued ? 0 : 5,
            DecidedAt = now,
            SentAt = state == ReminderState.Sent ? now : null,
            GaveUpAt = state == ReminderState.Failed ? now : null,
        };
        await local.Tables.Reminders.AddEntityAsync(row);
        return row;
    }

    private static async Task WaitForEmptyAsync(QueueClient queue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Queue {queue.Name} was not emptied.");
            await Task.Delay(100);
        }
    }

    private async Task SeedAsync()
    {
        var roster = new StringContent(Seed.RosterCsv, Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.OK, (await local.Http.PutAsync("/api/roster", roster)).StatusCode);
        var today = VietnamTime.Today(TimeProvider.System);
        var campaign = Seed.Campaign(
            opensAt: VietnamTime.StartOf(today.AddDays(-10)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            deadline: today.ToString("yyyy-MM-dd"));
        Assert.Equal(HttpStatusCode.Created, (await local.Http.PutAsync("/api/campaigns/local-test", JsonContent.Create(campaign))).StatusCode);
    }

    private async Task<string> WaitForPoisonAsync()
    {
        var poison = new QueueClient(local.Azurite.ConnectionString, QueueNames.Reminders + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await poison.ExistsAsync())
            {
                var messages = (await poison.ReceiveMessagesAsync(1)).Value;
                if (messages.Length > 0)
                {
                    return messages[0].Body.ToString();
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Nothing reached the poison queue.");
    }
}
