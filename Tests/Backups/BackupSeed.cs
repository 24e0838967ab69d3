using Azure.Data.Tables;
using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Backups;

/// <summary>Data for the backup tests: what the app writes itself, and rows that hold every EDM type in every table.</summary>
public static class BackupSeed
{
    public const string Campaign = "tet-2024";

    /// <summary>Roster, campaign, an officer's two revisions, a link holder's report with a named submitter, audit entries with source addresses.</summary>
    public static async Task ThroughTheAppAsync(TestApp app)
    {
        var coordinator = TestCallers.CityCoordinator with { SourceIp = "203.0.113.7" };
        await app.Get<RosterImporter>().ImportAsync(Seed.RosterCsv, null, dryRun: false, coordinator, CancellationToken.None);
        var campaign = Seed.Campaign();
        campaign.DigestRecipients = ["sonoivu@hanoi.invalid", "nguoicu@hanoi.invalid"];
        await app.Get<CampaignService>().PutAsync(Campaign, _ => Task.FromResult(campaign), coordinator, CancellationToken.None);
        await app.Get<CampaignService>().PutAsync("tet-2025", _ => Task.FromResult(Seed.Campaign("2025-01-10T08:00:00+07:00", "2025-01-20")), coordinator, CancellationToken.None);

        await SubmitAsync(app, "ba-dinh-ubnd", Seed.Answers(note: "Đã kiểm tra 3 chợ.\nCòn thiếu bình chữa cháy."), TestCallers.Officer("vanphong@ba-dinh.invalid"));
        await SubmitAsync(app, "ba-dinh-ubnd", Seed.Answers(fire: "ready", equipment: "ready", gifts: "ready"), TestCallers.Officer("vanphong@ba-dinh.invalid"));
        var linked = Seed.Answers(gifts: "not_applicable");
        linked.Submitter = new SubmissionRequest.SubmitterRequest { Name = "Nguyễn Văn An", Title = "Chánh Văn phòng", Phone = "0912 345 678" };
        await SubmitAsync(app, "ba-vi-ubnd", linked, TestCallers.Link(Campaign, "ba-vi-ubnd"));
    }

    /// <summary>
    /// In every table, a row with every EDM type at awkward values (a whole-number Double, the extremes of Int32 and
    /// Int64, DateTime to the tick, empty Binary, text with line breaks and quotes, 30,000 characters), and 250 smaller rows
    /// in one partition of <c>StatusSnapshots</c>, more than two batches' worth (a batch holds 100 rows and 4 MiB).
    /// </summary>
    public static async Task EveryTypeAsync(TestApp app)
    {
        foreach (var table in TableNames.All)
        {
            await app.Tables.Get(table).AddEntityAsync(EveryType("backup-test", "every-type"));
        }

        var many = Enumerable.Range(0, 250).Select(i => new TableTransactionAction(TableTransactionActionType.Add, EveryType("backup-many", $"row-{i:D4}", longText: false))).ToList();
        await TableBatches.SubmitInChunksAsync(app.Tables.StatusSnapshots, many, CancellationToken.None);
    }

    public static TableEntity EveryType(string partitionKey, string rowKey, bool longText = true) => new(partitionKey, rowKey)
    {
        ["Text"] = "Tết Đinh Mùi – \"sẵn sàng\"\nline two\r\n\ttab \u0001 😀",
        ["EmptyText"] = string.Empty,
        ["LongText"] = new string('ư', longText ? 30_000 : 3),
        ["Int32Min"] = int.MinValue,
        ["Int32Max"] = int.MaxValue,
        ["Int64Max"] = long.MaxValue,
        ["Int64Min"] = long.MinValue,
        ["Int64Small"] = 7L,
        ["DoubleWhole"] = 1.0,
        ["DoubleZero"] = 0.0,
        ["DoubleSum"] = 0.1 + 0.2,
        ["DoubleTiny"] = double.Epsilon,
        ["DoubleHuge"] = double.MaxValue,
        ["DoubleNegative"] = -1234.5678e-9,
        ["True"] = true,
        ["False"] = false,
        ["Instant"] = new DateTimeOffset(2027, 2, 6, 1, 2, 3, TimeSpan.Zero).AddTicks(4_567_891),
        ["InstantMin"] = new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero),
        ["Id"] = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
        ["Bytes"] = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
        ["NoBytes"] = Array.Empty<byte>(),
    };

    private static Task SubmitAsync(TestApp app, string unitId, SubmissionRequest request, TetReadiness.Identity.Caller caller) =>
        app.Get<SubmissionService>().SubmitAsync(Campaign, unitId, _ => Task.FromResult(request), SubmissionPreconditions.None, caller, CancellationToken.None);
}
