using TetReadiness.Campaigns;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Campaigns;

/// <summary>
/// A coordinator edits an open campaign's checklist again and again while units submit through two app instances,
/// each answering the checklist its own cached copy of the campaign shows. Every stored revision must name a
/// checklist version that lists exactly the items it answered, both where the app keeps the version and in the
/// <c>ChecklistItems</c> rows Power BI joins answers to. Against Azurite.
/// </summary>
public sealed class ChecklistEditsDuringSubmissionsTests
{
    private const string Campaign = "tet-2024";
    private const int Edits = 8;
    private const int SubmissionsBetweenEdits = 3;
    private static readonly string[] Units = ["ba-dinh-ubnd", "ba-dinh-ttyt", "hoan-kiem-ubnd", "ba-vi-ubnd"];

    [Fact]
    public async Task Every_revision_names_a_version_that_lists_exactly_the_items_it_answered()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        await using var other = await app.StartPeerAsync();

        // The other instance has the campaign cached as it is now, as one that served a form a moment ago would.
        await other.Get<CampaignService>().RequireAsync(Campaign, CancellationToken.None);

        // The first edit comes before any submission: the old rule (a new version only once submissions exist) edited
        // version 1 in place under the other instance's cached copy.
        await EditAsync(app, 0);
        var committed = new SemaphoreSlim(0);
        using var editsDone = new CancellationTokenSource();
        var submitters = new[] { app, other }
            .SelectMany(instance => Units.Select(unit => Task.Run(() => SubmitUntilAsync(instance, unit, committed, editsDone.Token))))
            .ToList();
        for (var edit = 1; edit <= Edits; edit++)
        {
            for (var i = 0; i < SubmissionsBetweenEdits; i++)
            {
                Assert.True(await committed.WaitAsync(TimeSpan.FromSeconds(60)), "No submission was committed between two edits.");
            }

            await EditAsync(app, edit);
        }

        await editsDone.CancelAsync();
        var counts = await Task.WhenAll(submitters);
        var keptBefore = await ETagsAsync(app);
        await EditAsync(app, Edits + 1);

        var revisions = await RevisionsAsync(app);
        Assert.Equal(counts.Sum(), revisions.Count);
        Assert.True(revisions.Select(r => r.Version).Distinct().Count() >= 3, $"Versions answered: {string.Join(", ", revisions.Select(r => r.Version).Distinct())}");
        var store = app.Get<CampaignStore>();
        foreach (var version in revisions.Select(r => r.Version).Distinct())
        {
            var items = ItemIds((await store.ReadVersionAsync(Campaign, version, CancellationToken.None))!.Items.Select(pair => pair.Item.Id));
            var rows = await app.Tables.ChecklistItems.QueryAsync<ChecklistItemEntity>(TableQueries.PartitionPrefix(Campaign, ChecklistItemEntity.VersionPrefix(version))).ToListAsync();
            Assert.Equal(items, ItemIds(rows.Select(r => r.ItemId)));
            Assert.All(revisions.Where(r => r.Version == version), revision =>
                Assert.True(items.SequenceEqual(revision.Items), $"{revision.Partition} revision {revision.Number} names version {version} [{string.Join(' ', items)}] but answered [{string.Join(' ', revision.Items)}]"));
        }

        // A kept version is written once: the edit after the stream added a row and rewrote none.
        var keptAfter = await ETagsAsync(app);
        Assert.All(keptBefore, kept => Assert.Equal(kept.Value, keptAfter[kept.Key]));
        Assert.Equal(keptBefore.Count + 1, keptAfter.Count);
    }

    /// <summary>Reads the campaign as this instance has it, answers every item, submits; a 400 (the checklist changed meanwhile) is read again, as a form would.</summary>
    private static async Task<int> SubmitUntilAsync(TestApp instance, string unitId, SemaphoreSlim committed, CancellationToken stop)
    {
        var count = 0;
        while (!stop.IsCancellationRequested)
        {
            var campaign = await instance.Get<CampaignService>().RequireAsync(Campaign, CancellationToken.None);
            var request = new SubmissionRequest
            {
                Answers = [.. campaign.Checklist.Items.Select(pair => new SubmissionRequest.AnswerRequest { ItemId = pair.Item.Id, Status = "ready" })],
            };
            try
            {
                await instance.Get<SubmissionService>().SubmitAsync(Campaign, unitId, _ => Task.FromResult(request), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
                count++;
                committed.Release();
            }
            catch (RefusalException problem) when (problem.Status == 400)
            {
                // Answered a checklist that is no longer the campaign's on this instance: read it again.
            }
        }

        return count;
    }

    /// <summary>Edit n: two items of its own, one it shares with every edit, and a few more or fewer from one edit to the next.</summary>
    private static async Task EditAsync(TestApp app, int edit)
    {
        var definition = Seed.Campaign();
        definition.Sections =
        [
            new CampaignDefinition.SectionDefinition
            {
                Id = "chung",
                Title = $"Lần sửa {edit}",
                Items =
                [
                    new CampaignDefinition.ItemDefinition { Id = "pccc-cho", Text = "Kiểm tra PCCC tại chợ", Required = true },
                    .. Enumerable.Range(0, 2 + (edit % 3)).Select(i => new CampaignDefinition.ItemDefinition { Id = $"sua-{edit}-muc-{i}", Text = $"Mục {i} của lần sửa {edit}" }),
                ],
            },
        ];
        await app.Get<CampaignService>().PutAsync(Campaign, _ => Task.FromResult(definition), Caller.System, CancellationToken.None);
    }

    private static List<string> ItemIds(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

    private static async Task<Dictionary<string, string>> ETagsAsync(TestApp app) =>
        (await app.ReadAllAsync(TableNames.ChecklistVersions)).ToDictionary(r => r.RowKey, r => r.ETag.ToString());

    private static async Task<List<(string Partition, int Number, int Version, List<string> Items)>> RevisionsAsync(TestApp app)
    {
        var rows = await app.ReadAllAsync(TableNames.SubmissionRevisions);
        return [.. rows.Where(r => r.GetString("RowType") == RevisionEntity.RowTypeName).Select(header => (
            header.PartitionKey,
            header.GetInt32("Revision") ?? 0,
            header.GetInt32("ChecklistVersion") ?? 0,
            ItemIds(rows.Where(a => a.PartitionKey == header.PartitionKey && a.RowKey.StartsWith(header.RowKey + "|", StringComparison.Ordinal)).Select(a => a.GetString("ItemId")!))))];
    }
}
