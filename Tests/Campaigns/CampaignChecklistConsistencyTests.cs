using Azure.Data.Tables;
using TetReadiness.Campaigns;
using TetReadiness.Identity;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Campaigns;

/// <summary>
/// The campaign row, checklist included, is what a save commits; <c>ChecklistItems</c> always ends up holding that
/// checklist, whatever saves race and whatever interrupts the rewrite. Against Azurite.
/// </summary>
public sealed class CampaignChecklistConsistencyTests
{
    private const int Writers = 10;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_saves_leave_the_checklist_rows_equal_to_the_checklist_of_the_save_that_won(bool open)
    {
        await using var app = await TestApp.StartAsync(open ? null : new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        await Seed.RosterAndCampaignAsync(app);
        if (open)
        {
            await app.Get<SubmissionService>().SubmitAsync("tet-2024", "ba-dinh-ubnd", _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
        }

        // Each writer's checklist differs in its items, their number and their text, so a row of any loser shows.
        var definitions = Enumerable.Range(0, Writers).Select(WriterCampaign).ToList();
        var responses = await Task.WhenAll(definitions.Select(d => Task.Run(() => PutAsync(app, d))));

        Assert.All(responses, r => Assert.True(r.Status is 200 or 409, $"{r.Status}: {r.Body}"));
        Assert.Contains(responses, r => r.Status == 200);
        var campaign = (await app.Get<CampaignStore>().GetAsync("tet-2024", CancellationToken.None))!.Value.Campaign;
        var winners = responses.Select((r, i) => (r, i)).Where(x => x.r.Status == 200).Select(x => x.i).ToList();
        Assert.Contains(WriterOf(campaign.Checklist), winners);
        Assert.Equal(Rows(campaign.Checklist, campaign.ChecklistVersion), await ChecklistRowsAsync(app, campaign.ChecklistVersion));
        if (open)
        {
            // Each save that won over the one before it changed the checklist of an open campaign: a new version each,
            // every one holding exactly one winner's checklist; version 1 is still what the submission answered.
            Assert.Equal(1 + winners.Count, campaign.ChecklistVersion);
            Assert.Equal(Rows(Checklist(Seed.Campaign()), 1), await ChecklistRowsAsync(app, 1));
            Assert.True((await app.Get<CampaignStore>().ReadVersionAsync("tet-2024", 1, CancellationToken.None))!.SameAs(Checklist(Seed.Campaign())));
            for (var version = 2; version <= campaign.ChecklistVersion; version++)
            {
                var rows = await ChecklistRowsAsync(app, version);
                var writer = Assert.Single(winners, w => Rows(Checklist(definitions[w]), version).SequenceEqual(rows));
                Assert.True((await app.Get<CampaignStore>().ReadVersionAsync("tet-2024", version, CancellationToken.None))!.SameAs(Checklist(definitions[writer])));
            }
        }
        else
        {
            Assert.Equal(1, campaign.ChecklistVersion);
        }
    }

    [Fact]
    public async Task Checklist_rows_a_save_never_wrote_are_rewritten_by_the_projection_repair_after_the_grace()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        var saved = Checklist(Seed.Campaign());

        // What a crash between the row and its checklist rows leaves: one row missing, one from another checklist.
        var rows = await app.Tables.ChecklistItems.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"tet-2024"}")).ToListAsync();
        await app.Tables.ChecklistItems.DeleteEntityAsync(rows[0].PartitionKey, rows[0].RowKey);
        await app.Tables.ChecklistItems.UpsertEntityAsync(new TableEntity("tet-2024", ChecklistItemEntity.VersionPrefix(1) + "stale")
        {
            ["CampaignId"] = "tet-2024",
            ["ChecklistVersion"] = 1,
            ["ItemId"] = "stale",
            ["ItemText"] = "Mục của lần lưu khác",
        });
        var repair = app.Get<ProjectionRepairService>();

        Assert.Equal(0, await repair.RepairAsync(CancellationToken.None));
        Assert.NotEqual(Rows(saved, 1), await ChecklistRowsAsync(app, 1));

        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await repair.RepairAsync(CancellationToken.None));
        Assert.Equal(Rows(saved, 1), await ChecklistRowsAsync(app, 1));
        Assert.Equal(0, await repair.RepairAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_checklist_too_long_to_store_is_refused_and_nothing_is_written()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        var padded = Seed.Campaign();

        // Quotes double in JSON: 98 items of 500 of them are more than the row's checklist columns hold.
        padded.Sections = Enumerable.Range(0, 14).Select(s => new CampaignDefinition.SectionDefinition
        {
            Id = $"s{s}",
            Title = $"Phần {s}",
            Items = Enumerable.Range(0, 7).Select(i => new CampaignDefinition.ItemDefinition { Id = $"s{s}-i{i}", Text = new string('"', CampaignValidator.MaxItemTextLength) }).ToList(),
        }).ToList();

        var problem = await ProblemAssert.RefusedAsync(app, 400, string.Empty, () => PutAsync(app, padded));

        Assert.Contains("quá dài để lưu", Assert.Single(ProblemAssert.Errors(problem)["sections"]), StringComparison.Ordinal);
    }

    private static Task<HttpResponseSnapshot> PutAsync(TestApp app, CampaignDefinition definition) =>
        HttpCall.RunAsync(HttpCall.Json("PUT", "/api/campaigns/tet-2024", definition, new Dictionary<string, string> { [TestLanguage.Header] = "vi" }), r => app.Create<CampaignFunctions>().PutCampaign(r, "tet-2024", CancellationToken.None));

    private static CampaignDefinition WriterCampaign(int writer)
    {
        var definition = Seed.Campaign();
        definition.Sections![0].Items = Enumerable.Range(0, 1 + (writer % 4)).Select(i => new CampaignDefinition.ItemDefinition
        {
            Id = $"w{writer}-muc-{i}",
            Text = $"Người lưu {writer}, mục {i}",
            Required = i % 2 == 0,
        }).ToList();
        return definition;
    }

    private static int WriterOf(Checklist checklist)
    {
        var id = checklist.Sections[0].Items[0].Id;
        return int.Parse(id[1..id.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Checklist Checklist(CampaignDefinition definition) => CampaignValidator.Validate("tet-2024", definition).Campaign!.Checklist;

    private static List<string> Rows(Checklist checklist, int version) =>
        [.. ChecklistItemEntity.From("tet-2024", version, checklist).Select(Describe).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> ChecklistRowsAsync(TestApp app, int version)
    {
        var rows = await app.Tables.ChecklistItems.QueryAsync<ChecklistItemEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"tet-2024"}")).ToListAsync();
        return [.. rows.Where(r => r.ChecklistVersion == version).Select(Describe).Order(StringComparer.Ordinal)];
    }

    private static string Describe(ChecklistItemEntity row) =>
        $"{row.RowKey} {row.SectionId}/{row.SectionOrder} {row.ItemId}/{row.ItemOrder} {row.Required} {row.ItemText} {row.SectionTitle}";
}
