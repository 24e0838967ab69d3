using Microsoft.Extensions.DependencyInjection;
using Moq;
using TetReadiness.Email;
using TetReadiness.Reminders;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// A private Azurite, persisted to a folder, is stopped and started again on the same ports under one running app:
/// 503 with Retry-After while it is gone, nothing partial written, and everything works again without a restart.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset DeadlineMorning = new(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tetreadiness-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Mock<IEmailSender> email = new();
    private AzuriteServer azurite = null!;
    private TestApp app = null!;
    private bool stopped;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        azurite = await AzuriteServer.StartAsync(folder);
        email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(EmailSendResult.Sent());
        app = await TestApp.StartAsync(
            DeadlineMorning,
            // No retries, so the outage fails at once (a stopped Azurite refuses connections); the timeout is only a
            // backstop, long enough that a busy Azurite answering the seed and the scan in over a second is no failure.
            new Dictionary<string, string?> { ["Storage:NetworkTimeoutSeconds"] = "10", ["Storage:MaxRetries"] = "0" },
            azurite,
            services => services.AddSingleton(email.Object));
        await Seed.RosterAndCampaignAsync(app);
        await PersistedAsync("pccc-cho");
    }

    public async Task DisposeAsync()
    {
        if (stopped)
        {
            await azurite.StartAsync();
        }

        await app.DisposeAsync();
        await azurite.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task While_storage_is_down_health_and_submissions_answer_503_and_afterwards_the_same_submission_succeeds()
    {
        var officer = AsCaller.Principal("vanphong@ba-dinh.invalid");
        await StopStorageAsync();

        var health = await Api.CallAsync(app, "Health", headers: AsCaller.Nobody);
        var put = await Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), body: Api.AnswersJson, headers: officer);

        foreach (var response in new[] { health, put })
        {
            ProblemAssert.Is(response, 503, "Storage is unavailable");
            Assert.Equal("30", response.Header("Retry-After"));
        }

        await StartStorageAsync();
        Assert.Null(await app.Get<RevisionStore>().ReadLatestAsync("tet-2024", "ba-dinh-ubnd", CancellationToken.None));
        await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);
        Assert.Empty(await app.ReadAllAsync(TableNames.Submissions));
        Assert.Empty(await app.ReadAllAsync(TableNames.Answers));

        var retried = await Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), body: Api.AnswersJson, headers: officer);
        Assert.True(retried.Status == 201, retried.Body);
        Assert.Equal(1, retried.Json.GetProperty("revision").GetInt32());
        Assert.Equal(200, (await Api.CallAsync(app, "Health", headers: AsCaller.Nobody)).Status);
    }

    [Fact]
    public async Task A_queued_reminder_send_fails_during_the_outage_so_the_queue_retries_and_the_retry_sends_it()
    {
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        var row = (await app.ReadAllAsync(TableNames.Reminders)).Single(r => r.GetString("UnitId") == "ba-dinh-ubnd" && r.GetString("State") == ReminderState.Queued);
        var message = ReminderMessage.From((await app.Tables.Reminders.GetEntityAsync<ReminderEntity>(row.PartitionKey, row.RowKey)).Value);
        await PersistedAsync(message.IdempotencyKey);
        await StopStorageAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize([message]), CancellationToken.None));

        await StartStorageAsync();
        await app.Create<SendReminderFunction>().Run(ReminderQueuePayload.Serialize([message]), CancellationToken.None);
        var after = await app.Tables.Reminders.GetEntityAsync<ReminderEntity>(row.PartitionKey, row.RowKey);
        Assert.Equal(ReminderState.Sent, after.Value.State);
        email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    /// <summary>Azurite saves its table database every few seconds; a stop before that would lose the seed.</summary>
    private async Task PersistedAsync(string text)
    {
        var database = Path.Combine(folder, "__azurite_db_table__.json");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(File.Exists(database) && (await ReadSharedAsync(database)).Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Azurite did not persist '{text}' to {database}");
            await Task.Delay(100);
        }
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return await new StreamReader(stream).ReadToEndAsync();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private async Task StopStorageAsync()
    {
        await azurite.StopAsync();
        stopped = true;
    }

    private async Task StartStorageAsync()
    {
        await azurite.StartAsync();
        stopped = false;
    }
}
