using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TetReadiness.Status;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

/// <summary>
/// A write killed between the commit (the <c>SubmissionRevisions</c> batch) and the projection (<c>Submissions</c>,
/// <c>Answers</c>) loses nothing: reads come from the commit, and <see cref="ProjectionRepairService"/> finishes the job.
/// </summary>
public sealed class ProjectionRepairTests
{
    private const string Campaign = "tet-2024";
    private const string Unit = "ba-dinh-ubnd";

    private static async Task<TestApp> StartAsync(StorageFault fault)
    {
        var connectionString = (await AzuriteServer.Shared).ConnectionString;
        var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)), configure: services =>
            services.AddSingleton(sp =>
            {
                fault.TablePrefix = sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
                var options = new TableClientOptions();
                options.Retry.MaxRetries = 0;
                options.AddPolicy(fault, HttpPipelinePosition.PerCall);
                return new TableServiceClient(connectionString, options);
            }));
        await Seed.RosterAndCampaignAsync(app);
        return app;
    }

    private static Task<HttpResponseSnapshot> PutAsync(TestApp app, SubmissionRequest body) =>
        HttpCall.RunAsync(HttpCall.Json("PUT", $"/api/campaigns/{Campaign}/units/{Unit}/submission", body),
            r => app.Create<SubmissionFunctions>().PutSubmission(r, Campaign, Unit, CancellationToken.None));

    private static Task<HttpResponseSnapshot> GetAsync(TestApp app) =>
        HttpCall.RunAsync(HttpCall.Request("GET", $"/api/campaigns/{Campaign}/units/{Unit}/submission", contentType: null),
            r => app.Create<SubmissionFunctions>().GetSubmission(r, Campaign, Unit, CancellationToken.None));

    private static async Task<TableEntity?> LatestRowAsync(TestApp app) =>
        (await app.ReadAllAsync(TableNames.Submissions)).SingleOrDefault(r => r.GetString("UnitId") == Unit);

    private static async Task<List<TableEntity>> LatestAnswersAsync(TestApp app) =>
        [.. (await app.ReadAllAsync(TableNames.Answers)).Where(r => r.GetString("UnitId") == Unit)];

    private static string StatusOf(IEnumerable<TableEntity> answers, string itemId) => answers.Single(a => a.GetString("ItemId") == itemId).GetString("Status")!;

    [Fact]
    public async Task A_write_killed_after_its_commit_is_read_from_the_commit_and_repaired_later()
    {
        var fault = new StorageFault();
        await using var app = await StartAsync(fault);
        await PutAsync(app, Seed.Answers(fire: "not_ready"));
        app.Clock.Advance(TimeSpan.FromHours(1));

        fault.Arm(FaultMode.CrashAfterRevisionCommit);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => PutAsync(app, Seed.Answers(fire: "ready", note: "sau sự cố")));

        // Still "down" for the latest-state tables: the current submission is read from the commit.
        var current = await GetAsync(app);
        Assert.Equal(200, current.Status);
        Assert.Equal("\"r2\"", current.Header("ETag"));
        var fire = current.Json.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("itemId").GetString() == "pccc-cho");
        Assert.Equal(("ready", "sau sự cố"), (fire.GetProperty("status").GetString(), fire.GetProperty("note").GetString()));

        fault.Disarm();
        var revisions = (await app.ReadAllAsync(TableNames.SubmissionRevisions)).Where(r => r.GetInt32("Revision") == 2).ToList();
        Assert.Equal(4, revisions.Count);
        Assert.Equal("ready", StatusOf(revisions.Where(r => r.GetString("RowType") == "answer"), "pccc-cho"));
        var stale = await LatestRowAsync(app);
        Assert.Equal(1, stale!.GetInt32("Revision"));
        Assert.True(stale.GetBoolean("ProjectionPending"));
        Assert.Equal(2, stale.GetInt32("PendingRevision"));
        Assert.All(await LatestAnswersAsync(app), a => Assert.Equal(1, a.GetInt32("Revision")));

        var repair = app.Get<ProjectionRepairService>();
        Assert.Equal(0, await repair.RepairAsync(CancellationToken.None));
        Assert.True((await LatestRowAsync(app))!.GetBoolean("ProjectionPending"));

        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await repair.RepairAsync(CancellationToken.None));

        var repaired = await LatestRowAsync(app);
        Assert.Equal(2, repaired!.GetInt32("Revision"));
        Assert.False(repaired.GetBoolean("ProjectionPending"));
        var answers = await LatestAnswersAsync(app);
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Equal(2, a.GetInt32("Revision")));
        Assert.Equal("ready", StatusOf(answers, "pccc-cho"));
        Assert.Equal("sau sự cố", answers.Single(a => a.GetString("ItemId") == "pccc-cho").GetString("Note"));
        Assert.Equal(0, await repair.RepairAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_write_killed_while_projecting_the_answers_is_repaired_in_both_latest_tables()
    {
        var fault = new StorageFault();
        await using var app = await StartAsync(fault);
        await PutAsync(app, Seed.Answers(fire: "not_ready"));
        app.Clock.Advance(TimeSpan.FromHours(1));

        fault.Arm(FaultMode.CrashOnAnswersAfterRevisionCommit);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => PutAsync(app, Seed.Answers(fire: "ready")));
        fault.Disarm();

        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);

        var row = await LatestRowAsync(app);
        Assert.Equal(2, row!.GetInt32("Revision"));
        Assert.False(row.GetBoolean("ProjectionPending"));
        var answers = await LatestAnswersAsync(app);
        Assert.All(answers, a => Assert.Equal(2, a.GetInt32("Revision")));
        Assert.Equal("ready", StatusOf(answers, "pccc-cho"));
    }

    [Fact]
    public async Task A_later_revision_whose_writer_died_is_repaired_even_after_an_earlier_projection_lands_over_its_marker()
    {
        await using var app = await StartAsync(new StorageFault());
        await PutAsync(app, Seed.Answers(fire: "not_ready"));
        var projector = app.Get<SubmissionProjector>();
        var store = app.Get<RevisionStore>();
        var first = (await store.ReadLatestAsync(Campaign, Unit, CancellationToken.None))!;
        Revision Next(int number, string fire) => first with
        {
            Number = number,
            SubmittedAt = app.Clock.GetUtcNow(),
            Answers = [.. first.Answers.Select(a => a.ItemId == "pccc-cho" ? a with { Status = fire == "ready" ? AnswerStatus.Ready : AnswerStatus.Partial } : a)],
        };

        // Officer A marks and commits revision 2; officer B, racing, marks and commits revision 3 and dies before projecting.
        var markA = await projector.MarkPendingAsync(Campaign, "ba-dinh", Unit, 2, app.Clock.GetUtcNow(), CancellationToken.None);
        Assert.True(await store.TryCommitAsync(Next(2, "partial"), CancellationToken.None));
        await projector.MarkPendingAsync(Campaign, "ba-dinh", Unit, 3, app.Clock.GetUtcNow(), CancellationToken.None);
        Assert.True(await store.TryCommitAsync(Next(3, "ready"), CancellationToken.None));

        // A's projection lands after B's marker: the row shows revision 2 and must stay flagged for revision 3.
        await projector.ProjectAsync(Next(2, "partial"), "ba-dinh", markA, CancellationToken.None);
        var row = await LatestRowAsync(app);
        Assert.Equal((2, true, 3), (row!.GetInt32("Revision"), row.GetBoolean("ProjectionPending"), row.GetInt32("PendingRevision")));

        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None));

        var repaired = await LatestRowAsync(app);
        Assert.Equal((3, false), (repaired!.GetInt32("Revision"), repaired.GetBoolean("ProjectionPending")));
        Assert.Equal("ready", StatusOf(await LatestAnswersAsync(app), "pccc-cho"));
    }

    [Fact]
    public async Task A_first_submission_killed_after_its_commit_is_counted_once_repaired()
    {
        var fault = new StorageFault();
        await using var app = await StartAsync(fault);

        fault.Arm(FaultMode.CrashAfterRevisionCommit);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => PutAsync(app, Seed.Answers(fire: "ready", equipment: "ready", gifts: "ready")));
        fault.Disarm();

        var status = app.Get<StatusService>();
        Assert.Equal(0, (await status.GetStatusAsync(TestCallers.CityCoordinator, Campaign, null, CancellationToken.None)).Reported);
        Assert.Equal("\"r1\"", (await GetAsync(app)).Header("ETag"));

        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);

        var repaired = await status.GetStatusAsync(TestCallers.CityCoordinator, Campaign, null, CancellationToken.None);
        Assert.Equal(1, repaired.Reported);
        Assert.Equal(1.0, repaired.Readiness);
        Assert.Equal(3, (await LatestAnswersAsync(app)).Count);
    }

    [Fact]
    public async Task A_storage_outage_after_the_commit_still_answers_the_revision_and_repair_finishes_the_projection()
    {
        var fault = new StorageFault();
        await using var app = await StartAsync(fault);
        await PutAsync(app, Seed.Answers(fire: "not_ready"));

        fault.Arm(FaultMode.OutageAfterRevisionCommit);
        var response = await PutAsync(app, Seed.Answers(fire: "ready"));
        fault.Disarm();

        Assert.Equal(200, response.Status);
        Assert.Equal("\"r2\"", response.Header("ETag"));
        Assert.True((await LatestRowAsync(app))!.GetBoolean("ProjectionPending"));

        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);

        Assert.Equal(2, (await LatestRowAsync(app))!.GetInt32("Revision"));
        Assert.Equal("ready", StatusOf(await LatestAnswersAsync(app), "pccc-cho"));
    }

    [Fact]
    public async Task A_pending_marker_whose_first_revision_never_committed_is_cleared()
    {
        var fault = new StorageFault();
        await using var app = await StartAsync(fault);

        fault.Arm(FaultMode.CrashBeforeRevisionCommit);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => PutAsync(app, Seed.Answers()));
        fault.Disarm();

        Assert.Empty(await app.ReadAllAsync(TableNames.SubmissionRevisions));
        Assert.True((await LatestRowAsync(app))!.GetBoolean("ProjectionPending"));
        Assert.Equal(404, (await GetAsync(app)).Status);

        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None));

        Assert.Null(await LatestRowAsync(app));
        Assert.Empty(await app.ReadAllAsync(TableNames.Answers));
    }

    [Fact]
    public async Task A_pending_marker_over_an_existing_revision_is_cleared_keeping_that_revision()
    {
        var fault = new StorageFault();
        await using var app = await StartAsync(fault);
        await PutAsync(app, Seed.Answers(fire: "partial"));

        fault.Arm(FaultMode.CrashBeforeRevisionCommit);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => PutAsync(app, Seed.Answers(fire: "ready")));
        fault.Disarm();

        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None));

        var row = await LatestRowAsync(app);
        Assert.Equal(1, row!.GetInt32("Revision"));
        Assert.False(row.GetBoolean("ProjectionPending"));
        Assert.Equal("partial", StatusOf(await LatestAnswersAsync(app), "pccc-cho"));
        Assert.Equal("\"r1\"", (await GetAsync(app)).Header("ETag"));

        var next = await PutAsync(app, Seed.Answers(fire: "ready"));
        Assert.Equal("\"r2\"", next.Header("ETag"));
    }

    private enum FaultMode
    {
        None,
        CrashBeforeRevisionCommit,
        CrashAfterRevisionCommit,
        CrashOnAnswersAfterRevisionCommit,
        OutageAfterRevisionCommit,
    }

    /// <summary>The process dying: nothing the app catches as a storage fault.</summary>
    private sealed class SimulatedCrashException(string message) : Exception(message);

    /// <summary>
    /// Sits in the table client's pipeline and, once armed, kills writes at a chosen point: the revision batch itself,
    /// every request to <c>Submissions</c> and <c>Answers</c> after a revision batch has succeeded, or only those to <c>Answers</c>.
    /// </summary>
    private sealed class StorageFault : HttpPipelinePolicy
    {
        private static readonly Regex InnerFailure = new(@"HTTP/1\.1 [45]\d\d", RegexOptions.CultureInvariant);

        private volatile FaultMode mode;
        private volatile bool committed;

        public string TablePrefix { get; set; } = string.Empty;

        public void Arm(FaultMode faultMode)
        {
            committed = false;
            mode = faultMode;
        }

        public void Disarm() => mode = FaultMode.None;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            BeforeSend(message);
            ProcessNext(message, pipeline);
            AfterSend(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            BeforeSend(message);
            await ProcessNextAsync(message, pipeline);
            AfterSend(message);
        }

        private void BeforeSend(HttpMessage message)
        {
            var currentMode = mode;
            if (currentMode == FaultMode.None)
            {
                return;
            }

            var tables = TablesOf(message);
            if (currentMode == FaultMode.CrashBeforeRevisionCommit && IsRevisionBatch(message, tables))
            {
                throw new SimulatedCrashException("Crashed before the revision batch.");
            }

            if (committed && currentMode == FaultMode.CrashOnAnswersAfterRevisionCommit && tables.Contains(TableNames.Answers))
            {
                throw new SimulatedCrashException("Crashed while projecting the answers.");
            }

            if (committed && currentMode != FaultMode.CrashOnAnswersAfterRevisionCommit
                && (tables.Contains(TableNames.Submissions) || tables.Contains(TableNames.Answers)))
            {
                throw currentMode == FaultMode.OutageAfterRevisionCommit
                    ? new HttpRequestException("Simulated outage of the latest-state tables.")
                    : new SimulatedCrashException("Crashed after the revision batch.");
            }
        }

        private void AfterSend(HttpMessage message)
        {
            if (mode is FaultMode.CrashAfterRevisionCommit or FaultMode.CrashOnAnswersAfterRevisionCommit or FaultMode.OutageAfterRevisionCommit
                && IsRevisionBatch(message, TablesOf(message))
                && message.Response.Status == 202
                && !InnerFailure.IsMatch(message.Response.Content.ToString()))
            {
                committed = true;
            }
        }

        private static bool IsRevisionBatch(HttpMessage message, HashSet<string> tables) =>
            message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) && tables.Contains(TableNames.SubmissionRevisions);

        /// <summary>The app's tables a request touches: in its URI, or in the sub-requests of a batch.</summary>
        private HashSet<string> TablesOf(HttpMessage message)
        {
            var text = message.Request.Uri.Path;
            if (message.Request.Content is { } content)
            {
                using var buffer = new MemoryStream();
                content.WriteTo(buffer, CancellationToken.None);
                text += "\n" + System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }

            return [.. Regex.Matches(text, "/" + Regex.Escape(TablePrefix) + "([A-Za-z]+)").Select(m => m.Groups[1].Value)];
        }

    }
}
