using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Deadlines;
using TetReadiness.Digests;
using TetReadiness.Reminders;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Time;

namespace TetReadiness.Tests.Reporting;

/// <summary>
/// One app with a row in every feed table: the seed roster (4 units, 3 districts), an open campaign <c>tet-2024</c>
/// with three revisions from two units (notes, difficulties and proposals with commas, quotes, line breaks and formula-like text), a reminder,
/// a status snapshot, and a closed campaign <c>tet-2023</c> whose roster has been frozen. Storage requests are logged.
/// </summary>
public sealed class FeedFixture : IAsyncLifetime
{
    public const string Campaign = "tet-2024";
    public const string ClosedCampaign = "tet-2023";
    public const string QuotedNote = "Đã kiểm tra, \"đạt\"\nCòn thiếu 2 bình chữa cháy";
    public const string FormulaNote = "=HYPERLINK(\"http://evil.invalid\",\"Bấm vào đây\")";
    public const string MinusNote = "-5 bình, cần bổ sung";
    public const string Difficulties = "Thiếu kinh phí mua bình chữa cháy, \"chợ tạm\" chưa có lối thoát hiểm.\nĐề nghị hỗ trợ.";

    public TestApp App { get; private set; } = null!;

    public StorageRequestLog Log { get; } = new();

    public async Task InitializeAsync()
    {
        App = await StartAsync(Log, FeedCall.KeySettings(withSecondary: true));
        // Each roster import is recorded under its time: two imports, a minute apart, ending at the test clock's 09:00.
        App.Clock.Advance(TimeSpan.FromMinutes(-1));
        await Seed.RosterAndCampaignAsync(App, ClosedCampaign, Seed.Campaign(opensAt: "2023-01-05T08:00:00+07:00", deadline: "2023-01-15"));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Seed.RosterAndCampaignAsync(App, Campaign);

        var submissions = App.Get<SubmissionService>();
        await SubmitAsync(submissions, "ba-dinh-ubnd", Seed.Answers(note: "Bản đầu"));
        await SubmitAsync(submissions, "ba-dinh-ubnd", Seed.Answers(fire: "ready", equipment: "ready", gifts: "partial", note: QuotedNote));
        await SubmitAsync(submissions, "hoan-kiem-ubnd", new SubmissionRequest
        {
            Answers =
            [
                new SubmissionRequest.AnswerRequest { ItemId = "pccc-cho", Status = "not_ready", Note = FormulaNote },
                new SubmissionRequest.AnswerRequest { ItemId = "pccc-phuong-tien", Status = "partial", Note = MinusNote },
                new SubmissionRequest.AnswerRequest { ItemId = "an-sinh-qua-tet", Status = "not_applicable" },
            ],
            Submitter = new SubmissionRequest.SubmitterRequest { Name = "Nguyễn Văn An", Title = "Chánh Văn phòng", Phone = "0912345678" },
            Difficulties = Difficulties,
            Proposals = FormulaNote,
        });

        // A return, so the reviews feed has a row with every column.
        await App.Get<TetReadiness.Reviews.ReviewService>().ReviewAsync(TetReadiness.Identity.Caller.System, Campaign, "hoan-kiem-ubnd",
            _ => Task.FromResult(new TetReadiness.Reviews.ReviewRequest { Decision = "returned", Revision = 1, Comment = "Bổ sung số liệu" }), CancellationToken.None);

        var now = App.Clock.GetUtcNow();
        await App.Tables.Reminders.UpsertEntityAsync(new ReminderEntity
        {
            PartitionKey = Campaign,
            RowKey = ReminderEntity.RowKeyFor("ba-vi-ubnd", "before-3"),
            CampaignId = Campaign,
            UnitId = "ba-vi-ubnd",
            UnitName = "UBND Huyện Ba Vì",
            DistrictId = "ba-vi",
            DistrictName = "Huyện Ba Vì",
            Checkpoint = "before-3",
            Kind = "upcoming",
            ReminderDate = "2024-01-28",
            DaysLeft = 3,
            State = ReminderState.Sent,
            Recipients = "a@ba-vi.invalid;b@ba-vi.invalid",
            Attempts = 1,
            DecidedAt = now,
            SentAt = now.AddMinutes(1),
        });

        await App.Get<UnitDeadlineService>().GrantAsync(
            TetReadiness.Identity.Caller.System, Campaign, "ba-vi-ubnd", _ => Task.FromResult(new UnitDeadlineRequest { Deadline = "2024-02-05", Reason = "Mất điện diện rộng" }), CancellationToken.None);

        var status = await App.Get<StatusService>().GetStatusAsync(TetReadiness.Identity.Caller.System, Campaign, null, CancellationToken.None);
        await App.Get<StatusSnapshotStore>().UpsertAsync(StatusSnapshotEntity.From(status, VietnamTime.DateOf(now), now), CancellationToken.None);
        Log.Clear();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A test app whose storage client records its requests in <paramref name="log"/>.</summary>
    public static async Task<TestApp> StartAsync(StorageRequestLog log, IDictionary<string, string?> settings)
    {
        var azurite = await AzuriteServer.Shared;
        return await TestApp.StartAsync(settings: settings, azurite: azurite, configure: services =>
        {
            var options = new TableClientOptions();
            options.Retry.MaxRetries = 0;
            options.AddPolicy(log, Azure.Core.HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options));
        });
    }

    private static Task SubmitAsync(SubmissionService submissions, string unitId, SubmissionRequest request) =>
        submissions.SubmitAsync(Campaign, unitId, _ => Task.FromResult(request), SubmissionPreconditions.None, TetReadiness.Identity.Caller.System, CancellationToken.None);
}
