using Azure.Data.Tables;

using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Backups;

public sealed class BackupRoundTripTests
{
    [Fact]
    public async Task Export_wipe_restore_brings_back_every_row_of_every_table_with_its_types()
    {
        await using var harness = await BackupHarness.StartAsync();
        await BackupSeed.ThroughTheAppAsync(harness.App);
        await BackupSeed.EveryTypeAsync(harness.App);
        var before = await TableSnapshot.TakeAsync(harness.App);
        harness.App.Clock.Set(BackupHarness.NightOf20January.AddDays(1));

        var manifest = await harness.ExportAsync();
        await TableSnapshot.WipeAsync(harness.App);
        Assert.Empty(await TableSnapshot.TakeAsync(harness.App));
        var run = await harness.ToolAsync("restore", manifest.Date);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal(TableNames.All, manifest.Tables.Select(t => t.Table));
        Assert.Equal(before.Count, manifest.Rows);
        Assert.All(TableNames.All, table => Assert.Contains(before.Keys, key => key.StartsWith(table + " ", StringComparison.Ordinal)));
        var after = await TableSnapshot.TakeAsync(harness.App);
        Assert.Empty(TableSnapshot.Differences(before, TableSnapshot.WithoutToolAudit(after)));
        Assert.Single(after, row => row.Value.Contains("Action:String=backup.restore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_night_export_is_filed_under_the_vietnam_date_with_its_manifest_written_last()
    {
        await using var harness = await BackupHarness.StartAsync(BackupHarness.NightOf20January);
        await BackupSeed.EveryTypeAsync(harness.App);

        var manifest = await harness.ExportAsync();

        Assert.Equal("2024-01-20", manifest.Date);
        var blobs = new List<(string Name, DateTimeOffset? Modified)>();
        await foreach (var blob in harness.Container.GetBlobsAsync())
        {
            blobs.Add((blob.Name, blob.Properties.LastModified));
        }

        Assert.Equal(
            TableNames.All.Select(t => $"2024-01-20/{t}.jsonl.gz").Append("2024-01-20/manifest.json").Order(StringComparer.Ordinal),
            blobs.Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.Equal(blobs.Max(b => b.Modified), blobs.Single(b => b.Name.EndsWith("manifest.json", StringComparison.Ordinal)).Modified);
        Assert.Equal(251, manifest.Tables.Single(t => t.Table == TableNames.StatusSnapshots).Rows);
    }

    [Fact]
    public async Task A_second_export_the_same_day_overwrites_that_days_blobs()
    {
        await using var harness = await BackupHarness.StartAsync(BackupHarness.NightOf20January);
        await BackupSeed.EveryTypeAsync(harness.App);
        await harness.ExportAsync();
        await harness.App.Tables.Units.AddEntityAsync(BackupSeed.EveryType("backup-test", "added-later"));

        harness.App.Clock.Advance(TimeSpan.FromHours(1));
        var second = await harness.ExportAsync();

        var names = new List<string>();
        await foreach (var blob in harness.Container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal(TableNames.All.Count + 1, names.Count);
        Assert.Equal(2, second.Tables.Single(t => t.Table == TableNames.Units).Rows);
        await TableSnapshot.WipeAsync(harness.App);
        Assert.Equal(0, (await harness.ToolAsync("restore", "2024-01-20")).Exit);
        Assert.Equal(2, (await harness.App.ReadAllAsync(TableNames.Units)).Count);
    }

    [Fact]
    public async Task Restore_refuses_tables_that_have_rows_and_writes_nothing()
    {
        await using var harness = await BackupHarness.StartAsync();
        await BackupSeed.ThroughTheAppAsync(harness.App);
        var manifest = await harness.ExportAsync();
        await TableSnapshot.WipeAsync(harness.App);
        await harness.App.Tables.Units.AddEntityAsync(BackupSeed.EveryType("roster", "left-over"));
        var before = await harness.App.SnapshotAsync();

        var run = await harness.ToolAsync("restore", manifest.Date);

        Assert.Equal(2, run.Exit);
        Assert.Contains("Units already has rows", run.Error, StringComparison.Ordinal);
        Assert.Contains("--replace", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await harness.App.SnapshotAsync());
    }

    [Fact]
    public async Task Restore_with_replace_leaves_the_table_exactly_as_in_the_backup()
    {
        await using var harness = await BackupHarness.StartAsync();
        await BackupSeed.ThroughTheAppAsync(harness.App);
        var exported = await TableSnapshot.TakeAsync(harness.App);
        var manifest = await harness.ExportAsync();
        await harness.App.Tables.Units.AddEntityAsync(BackupSeed.EveryType("roster", "added-after-the-backup"));
        await harness.App.Tables.Units.UpdateEntityAsync(new TableEntity("roster", "ba-vi-ubnd") { ["UnitName"] = "changed" }, Azure.ETag.All, TableUpdateMode.Merge);

        var run = await harness.ToolAsync("restore", manifest.Date, "--replace");

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Empty(TableSnapshot.Differences(exported, TableSnapshot.WithoutToolAudit(await TableSnapshot.TakeAsync(harness.App))));
    }

    [Fact]
    public async Task Restore_of_some_tables_leaves_the_others_alone()
    {
        await using var harness = await BackupHarness.StartAsync();
        await BackupSeed.ThroughTheAppAsync(harness.App);
        var manifest = await harness.ExportAsync();
        await TableSnapshot.WipeAsync(harness.App);

        var run = await harness.ToolAsync("restore", manifest.Date, "--tables", "units,Districts");

        Assert.True(run.Exit == 0, run.ToString());
        Assert.NotEmpty(await harness.App.ReadAllAsync(TableNames.Units));
        Assert.NotEmpty(await harness.App.ReadAllAsync(TableNames.Districts));
        Assert.Empty(await harness.App.ReadAllAsync(TableNames.Campaigns));
        Assert.Equal(2, (await harness.ToolAsync("restore", manifest.Date, "--tables", "Units,Nope")).Exit);
    }

    [Fact]
    public async Task Restore_of_a_day_without_a_complete_backup_is_refused_and_names_the_days_there_are()
    {
        await using var harness = await BackupHarness.StartAsync(BackupHarness.NightOf20January);
        await harness.ExportAsync();
        await harness.Container.GetBlobClient("2024-01-21/Units.jsonl.gz").UploadAsync(BinaryData.FromString("an export that died half-way"));

        var missing = await harness.ToolAsync("restore", "2024-01-21");
        var malformed = await harness.ToolAsync("restore", "20-01-2024");

        Assert.Equal(2, missing.Exit);
        Assert.Contains("No complete backup for 2024-01-21", missing.Error, StringComparison.Ordinal);
        Assert.Contains("Complete backups: 2024-01-20.", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, malformed.Exit);
    }
}
