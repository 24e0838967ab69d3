using Azure.Data.Tables;
using TetReadiness.Campaigns;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reporting;

/// <summary>A campaign of 6,000 units that have all reported, written straight to storage in batches of 100.</summary>
public sealed class LargeCampaignFixture : IAsyncLifetime
{
    public const string Campaign = "tet-lon";
    public const int UnitCount = 6000;

    public TestApp App { get; private set; } = null!;

    public StorageRequestLog Log { get; } = new();

    public string SubmissionsTable => App.TablePrefix + TableNames.Submissions;

    public async Task InitializeAsync()
    {
        App = await FeedFixture.StartAsync(Log, FeedCall.KeySettings());
        var opensAt = new DateTimeOffset(2024, 1, 15, 1, 0, 0, TimeSpan.Zero);
        await App.Tables.Campaigns.UpsertEntityAsync(new CampaignEntity
        {
            RowKey = Campaign,
            CampaignId = Campaign,
            Title = "Chiến dịch lớn",
            OpensAt = opensAt,
            Deadline = opensAt.AddDays(16),
            ClosesAt = opensAt.AddDays(30),
            ChecklistVersion = 1,
        });

        var rows = Enumerable.Range(0, UnitCount).Select(i => new SubmissionEntity
        {
            PartitionKey = Campaign,
            RowKey = $"quan-{i % 30:D2}|don-vi-{i:D5}",
            RowType = SubmissionEntity.LatestRowType,
            CampaignId = Campaign,
            UnitId = $"don-vi-{i:D5}",
            UnitName = $"Đơn vị số {i}",
            DistrictId = $"quan-{i % 30:D2}",
            DistrictName = $"Quận {i % 30}",
            Revision = 1,
            SubmittedAt = opensAt.AddMinutes(i),
            FirstSubmittedAt = opensAt.AddMinutes(i),
            OnTime = true,
            Readiness = (i % 5) / 4.0,
            ChecklistVersion = 1,
            AnswerCount = 25,
            SubmittedVia = "api",
        });
        await TableBatches.SubmitInChunksAsync(App.Tables.Submissions, rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)).ToList(), CancellationToken.None);
        Log.Clear();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
