using Azure.Data.Tables;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Migrations;

/// <summary>
/// The <c>Submissions</c> migration over the store the code before issue 15 wrote (<see cref="LegacyStoreLoader"/>): old
/// rows keyed by unit id become rows keyed by area then unit, in the area the campaign's roster gives the unit, with the
/// item columns filled from <c>Answers</c>; run twice or twice at once it changes nothing more.
/// </summary>
public sealed class SubmissionMigrationTests
{
    private static readonly string[] Tables =
        [TableNames.Units, TableNames.Districts, TableNames.CampaignUnits, TableNames.Campaigns, TableNames.Submissions, TableNames.SubmissionRevisions, TableNames.Answers];

    private static async Task<TestApp> LegacyAppAsync()
    {
        var app = await TestApp.StartAsync(LegacyStoreLoader.CapturedAt, migrate: false);
        await LegacyStoreLoader.LoadAsync(app.Tables.Service, app.TablePrefix, Tables);
        return app;
    }

    /// <summary>What the migrated rows must be, worked out here from the old rows, the rosters and the answers.</summary>
    private static List<string> Expected()
    {
        var current = LegacyStoreLoader.ReadRows(TableNames.Units).ToDictionary(u => u.RowKey, u => u.GetString("DistrictId")!);
        var frozen = LegacyStoreLoader.ReadRows(TableNames.CampaignUnits).ToLookup(u => u.PartitionKey);
        var answers = LegacyStoreLoader.ReadRows(TableNames.Answers).ToLookup(a => (a.PartitionKey, a.GetString("UnitId")!));
        return LegacyStoreLoader.ReadRows(TableNames.Submissions).Select(row =>
        {
            var unitId = row.GetString("UnitId")!;
            var roster = frozen[row.PartitionKey].Any() ? frozen[row.PartitionKey].ToDictionary(u => u.GetString("UnitId")!, u => u.GetString("DistrictId")!) : current;
            var area = roster.GetValueOrDefault(unitId) ?? row.GetString("DistrictId")!;
            var statuses = string.Join(';', answers[(row.PartitionKey, unitId)].Select(a => a.GetString("ItemId") + "=" + a.GetString("Status") switch
            {
                "ready" => "r",
                "partial" => "p",
                "not_ready" => "n",
                _ => "x",
            }));
            return $"{row.PartitionKey}/{area}|{unitId} rev {row.GetInt32("Revision")} area {area} items {statuses}";
        }).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> ActualAsync(TestApp app) =>
        (await app.ReadAllAsync(TableNames.Submissions))
            .Select(row => $"{row.PartitionKey}/{row.RowKey} rev {row.GetInt32("Revision")} area {row.GetString("DistrictId")} items {row.GetString("ItemStatuses")}")
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task Old_rows_are_keyed_by_the_area_their_campaigns_roster_gives_the_unit_with_their_item_statuses()
    {
        await using var app = await LegacyAppAsync();
        var old = LegacyStoreLoader.ReadRows(TableNames.Submissions).ToList();

        Assert.True(await app.Get<DataMigrations>().RunPendingAsync(CancellationToken.None));

        Assert.Equal(Expected(), await ActualAsync(app));
        var rows = await app.ReadAllAsync(TableNames.Submissions);
        Assert.Equal(old.Count, rows.Count);

        // The unit that moved after the closed campaign: there in its frozen area, in the open ones in its new area.
        Assert.Contains(rows, r => r.PartitionKey == "tet-2024" && r.RowKey == "ba-dinh|ba-dinh-bql-cho");
        Assert.Contains(rows, r => r.PartitionKey == "demo-ra-soat" && r.RowKey == "dong-da|ba-dinh-bql-cho" && r.GetString("DistrictName") == "Quận Đống Đa");

        // Every other column is carried over as it was.
        foreach (var before in old)
        {
            var after = rows.Single(r => r.PartitionKey == before.PartitionKey && r.GetString("UnitId") == before.GetString("UnitId"));
            foreach (var (name, value) in before.Where(p => p.Key is not ("odata.etag" or "Timestamp" or "RowKey" or "DistrictId" or "DistrictName")))
            {
                Assert.Equal(value, after[name]);
            }
        }

        // Notes on the gaps are there for the dashboards (ba-dinh-ubnd resubmitted with notes on partial and not-ready items).
        var notes = GapNotes.Decode(rows.Single(r => r.PartitionKey == "demo-ra-soat" && r.GetString("UnitId") == "ba-dinh-ubnd").GetString("GapNotes"));
        Assert.NotEmpty(notes);
        Assert.All(notes.Values, note => Assert.StartsWith("Thiếu kinh phí sửa xe cứu hỏa", note, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_again_or_twice_at_once_the_migration_ends_in_the_same_rows()
    {
        await using var app = await LegacyAppAsync();
        var migration = app.Get<IEnumerable<IDataMigration>>().OfType<SubmissionAreaKeysMigration>().Single();
        await using var peer = await app.StartPeerAsync();
        var other = peer.Get<IEnumerable<IDataMigration>>().OfType<SubmissionAreaKeysMigration>().Single();

        var changes = await Task.WhenAll(migration.RunAsync(CancellationToken.None), other.RunAsync(CancellationToken.None));

        Assert.True(changes.Sum() >= LegacyStoreLoader.ReadRows(TableNames.Submissions).Count() * 2, $"{changes.Sum()} changes");
        Assert.Equal(Expected(), await ActualAsync(app));
        Assert.Equal(0, await migration.RunAsync(CancellationToken.None));
        Assert.Equal(Expected(), await ActualAsync(app));
    }

    [Fact]
    public async Task A_row_an_old_instance_writes_after_the_migration_is_moved_by_the_repair()
    {
        await using var app = await LegacyAppAsync();
        Assert.True(await app.Get<DataMigrations>().RunPendingAsync(CancellationToken.None));

        // An instance still on the old version projects a resubmission of the moved unit under its old key.
        var legacy = LegacyStoreLoader.ReadRows(TableNames.Submissions).Single(r => r.PartitionKey == "demo-ra-soat" && r.RowKey == "ba-dinh-bql-cho");
        legacy["Revision"] = 7;
        await app.Tables.Submissions.UpsertEntityAsync(new TableEntity(legacy), TableUpdateMode.Replace);

        await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);

        var rows = (await app.ReadAllAsync(TableNames.Submissions)).Where(r => r.PartitionKey == "demo-ra-soat" && r.GetString("UnitId") == "ba-dinh-bql-cho").ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("dong-da|ba-dinh-bql-cho", 7), (row.RowKey, row.GetInt32("Revision")));
        Assert.Equal(Expected().Single(e => e.StartsWith("demo-ra-soat/dong-da|ba-dinh-bql-cho ", StringComparison.Ordinal)).Split(" items ")[1], row.GetString("ItemStatuses"));
    }

    [Fact]
    public async Task A_pending_row_an_old_instance_leaves_after_the_migration_is_moved_with_its_flag_and_repaired()
    {
        await using var app = await LegacyAppAsync();
        Assert.True(await app.Get<DataMigrations>().RunPendingAsync(CancellationToken.None));

        // An old instance flags ba-dinh-ubnd's old-key row for revision 4, commits it, and is stopped before projecting.
        var store = app.Get<RevisionStore>();
        var third = (await store.ReadLatestAsync("demo-ra-soat", "ba-dinh-ubnd", CancellationToken.None))!;
        Assert.Equal(3, third.Number);
        var legacy = LegacyStoreLoader.ReadRows(TableNames.Submissions).Single(r => r.PartitionKey == "demo-ra-soat" && r.RowKey == "ba-dinh-ubnd");
        legacy["ProjectionPending"] = true;
        legacy["PendingRevision"] = 4;
        legacy["PendingSince"] = app.Clock.GetUtcNow();
        await app.Tables.Submissions.UpsertEntityAsync(new TableEntity(legacy), TableUpdateMode.Replace);
        var fourth = third with { Number = 4, SubmittedAt = app.Clock.GetUtcNow(), Answers = [.. third.Answers.Select(a => a with { Status = AnswerStatus.Ready, Note = null })] };
        Assert.True(await store.TryCommitAsync(fourth, CancellationToken.None));

        // The repair moves the row, flag and all, to the unit's area; past the grace it projects revision 4 there.
        await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);
        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);

        var row = Assert.Single(await app.ReadAllAsync(TableNames.Submissions), r => r.PartitionKey == "demo-ra-soat" && r.GetString("UnitId") == "ba-dinh-ubnd");
        Assert.Equal(("ba-dinh|ba-dinh-ubnd", 4, false), (row.RowKey, row.GetInt32("Revision"), row.GetBoolean("ProjectionPending")));
        Assert.All(ItemStatusCodes.Decode(row.GetString("ItemStatuses")).Values, status => Assert.Equal(AnswerStatus.Ready, status));
    }
}
