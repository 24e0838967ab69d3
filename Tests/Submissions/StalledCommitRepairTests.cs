using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

/// <summary>
/// The invariant the projection repair keeps, whatever the timing: every committed revision becomes the unit's current
/// submission by the next repair run. Here a writer flags the unit, stalls before its commit for longer than the
/// repair's grace (storage retries can do that), commits while a repair is at any point of its work, and dies before
/// projecting.
/// </summary>
public sealed class StalledCommitRepairTests
{
    private const string Campaign = "tet-2024";
    private const string Unit = "ba-dinh-ubnd";

    // Which of the app's requests belong to whom: the writer's and the repair's run on tasks of their own.
    private static readonly AsyncLocal<string?> Actor = new();

    public enum CommitLands
    {
        BeforeTheRepair,
        AfterTheRepairReadTheLog,
        BeforeTheRepairWritesTheFlag,
        AfterTheRepair,
    }

    [Theory]
    [InlineData(CommitLands.BeforeTheRepair)]
    [InlineData(CommitLands.AfterTheRepairReadTheLog)]
    [InlineData(CommitLands.BeforeTheRepairWritesTheFlag)]
    [InlineData(CommitLands.AfterTheRepair)]
    public async Task A_revision_committed_late_by_a_writer_that_then_died_is_the_current_submission_after_the_next_repair(CommitLands when)
    {
        var steps = new Choreography(when);
        await using var app = await StartAsync(steps);
        await PutAsync(app, Seed.Answers(fire: "not_ready"));
        app.Clock.Advance(TimeSpan.FromHours(1));

        var writer = RunAsAsync("writer", () => PutAsync(app, Seed.Answers(fire: "ready", note: "gửi muộn")));
        await steps.WriterAtCommit;
        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        var repair = app.Get<ProjectionRepairService>();
        switch (when)
        {
            case CommitLands.BeforeTheRepair:
                await WriterCommitsAndDiesAsync(steps, writer);
                await RunAsAsync("repair", () => repair.RepairAsync(CancellationToken.None));
                break;
            case CommitLands.AfterTheRepair:
                await RunAsAsync("repair", () => repair.RepairAsync(CancellationToken.None));
                await WriterCommitsAndDiesAsync(steps, writer);
                break;
            default:
                var repairing = RunAsAsync("repair", () => repair.RepairAsync(CancellationToken.None));
                await steps.RepairHeld;
                await WriterCommitsAndDiesAsync(steps, writer);
                steps.ReleaseRepair();
                await repairing;
                break;
        }

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await repair.RepairAsync(CancellationToken.None);

        var committed = await app.Get<RevisionStore>().ReadLatestAsync(Campaign, Unit, CancellationToken.None);
        Assert.Equal(2, committed!.Number);
        Assert.Equal(AnswerStatus.Ready, committed.Answers.Single(a => a.ItemId == "pccc-cho").Status);
        var row = (await app.ReadAllAsync(TableNames.Submissions)).Single(r => r.GetString("UnitId") == Unit);
        Assert.Equal((2, false), (row.GetInt32("Revision"), row.GetBoolean("ProjectionPending")));
        var answers = (await app.ReadAllAsync(TableNames.Answers)).Where(r => r.GetString("UnitId") == Unit).ToList();
        Assert.All(answers, a => Assert.Equal(2, a.GetInt32("Revision")));
        Assert.Equal("ready", answers.Single(a => a.GetString("ItemId") == "pccc-cho").GetString("Status"));

        // Numbering stays gapless for the next submission.
        Assert.Equal("\"r3\"", (await PutAsync(app, Seed.Answers(fire: "partial"))).Header("ETag"));
        var numbers = (await app.Get<RevisionStore>().ReadHeadersAsync(Campaign, Unit, CancellationToken.None)).Select(h => h.Revision);
        Assert.Equal(new[] { 3, 2, 1 }, numbers);
    }

    private static async Task WriterCommitsAndDiesAsync(Choreography steps, Task writer)
    {
        steps.ReleaseCommit();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => writer);
    }

    private static async Task RunAsAsync(string actor, Func<Task> work) =>
        await Task.Run(async () =>
        {
            Actor.Value = actor;
            await work();
        });

    private static async Task<TestApp> StartAsync(Choreography steps)
    {
        var connectionString = (await AzuriteServer.Shared).ConnectionString;
        var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)), configure: services =>
            services.AddSingleton(sp =>
            {
                steps.TablePrefix = sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
                var options = new TableClientOptions();
                options.Retry.MaxRetries = 0;
                options.AddPolicy(steps, HttpPipelinePosition.PerCall);
                return new TableServiceClient(connectionString, options);
            }));
        await Seed.RosterAndCampaignAsync(app);
        return app;
    }

    private static Task<HttpResponseSnapshot> PutAsync(TestApp app, SubmissionRequest body) =>
        HttpCall.RunAsync(HttpCall.Json("PUT", $"/api/campaigns/{Campaign}/units/{Unit}/submission", body),
            r => app.Create<SubmissionFunctions>().PutSubmission(r, Campaign, Unit, CancellationToken.None));

    /// <summary>The process dying: nothing the app catches as a storage fault.</summary>
    private sealed class SimulatedCrashException(string message) : Exception(message);

    /// <summary>
    /// In the table client's pipeline: holds the writer's first revision batch until released, kills the writer at its
    /// first request to the latest-state tables after a revision batch of its succeeded, and holds the repair at the
    /// chosen point (after its read of the revision log, or before its first write to <c>Submissions</c>).
    /// </summary>
    private sealed class Choreography(CommitLands when) : HttpPipelinePolicy
    {
        private static readonly Regex InnerFailure = new(@"HTTP/1\.1 [45]\d\d", RegexOptions.CultureInvariant);

        private readonly TaskCompletionSource writerAtCommit = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource commitReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource repairHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource repairReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int commitsSeen;
        private int repairHolds;
        private volatile bool writerCommitted;

        public string TablePrefix { get; set; } = string.Empty;

        public Task WriterAtCommit => writerAtCommit.Task;

        public Task RepairHeld => repairHeld.Task;

        public void ReleaseCommit() => commitReleased.TrySetResult();

        public void ReleaseRepair() => repairReleased.TrySetResult();

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var tables = TablesOf(message);
            var latestState = tables.Contains(TableNames.Submissions) || tables.Contains(TableNames.Answers);
            var revisionBatch = message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) && tables.Contains(TableNames.SubmissionRevisions);
            if (Actor.Value == "writer")
            {
                if (writerCommitted && latestState)
                {
                    throw new SimulatedCrashException("The writer died after its commit.");
                }

                if (revisionBatch && Interlocked.Increment(ref commitsSeen) == 1)
                {
                    writerAtCommit.TrySetResult();
                    await commitReleased.Task;
                }
            }

            if (Actor.Value == "repair" && when == CommitLands.BeforeTheRepairWritesTheFlag
                && tables.Contains(TableNames.Submissions) && message.Request.Method != RequestMethod.Get)
            {
                await HoldRepairAsync();
            }

            await ProcessNextAsync(message, pipeline);

            if (Actor.Value == "writer" && revisionBatch && message.Response.Status == 202 && !InnerFailure.IsMatch(message.Response.Content.ToString()))
            {
                writerCommitted = true;
            }

            if (Actor.Value == "repair" && when == CommitLands.AfterTheRepairReadTheLog
                && tables.Contains(TableNames.SubmissionRevisions) && message.Request.Method == RequestMethod.Get)
            {
                await HoldRepairAsync();
            }
        }

        private async Task HoldRepairAsync()
        {
            if (Interlocked.Increment(ref repairHolds) == 1)
            {
                repairHeld.TrySetResult();
                await repairReleased.Task;
            }
        }

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
