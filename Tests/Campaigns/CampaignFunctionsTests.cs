using TetReadiness.Campaigns;
using TetReadiness.Identity;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Campaigns;

/// <summary><c>PUT/GET /api/campaigns/{id}</c> through <see cref="CampaignFunctions"/> against Azurite.</summary>
public sealed class CampaignFunctionsTests
{
    private static Task<HttpResponseSnapshot> PutAsync(TestApp app, string campaignId, CampaignDefinition definition) =>
        HttpCall.RunAsync(HttpCall.Json("PUT", $"/api/campaigns/{campaignId}", definition), r => app.Create<CampaignFunctions>().PutCampaign(r, campaignId, CancellationToken.None));

    private static Task<HttpResponseSnapshot> GetAsync(TestApp app, string campaignId) =>
        HttpCall.RunAsync(HttpCall.Request("GET", $"/api/campaigns/{campaignId}", contentType: null), r => app.Create<CampaignFunctions>().GetCampaign(r, campaignId, CancellationToken.None));

    [Fact]
    public async Task If_None_Match_star_creates_a_campaign_but_never_replaces_one()
    {
        await using var app = await TestApp.StartAsync();
        var createOnly = new Dictionary<string, string> { ["If-None-Match"] = "*" };
        Task<HttpResponseSnapshot> CloneAsync(CampaignDefinition definition) => HttpCall.RunAsync(
            HttpCall.Json("PUT", "/api/campaigns/tet-2025", definition, createOnly),
            r => app.Create<CampaignFunctions>().PutCampaign(r, "tet-2025", CancellationToken.None));

        Assert.Equal(201, (await CloneAsync(Seed.Campaign())).Status);
        var before = await app.SnapshotAsync();
        var other = Seed.Campaign();
        other.Title = "Bản sao khác";

        var second = await CloneAsync(other);

        Assert.Equal(412, second.Status);
        Assert.True(second.IsProblem);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task A_new_campaign_is_created_with_version_1_and_read_back_in_Vietnam_time()
    {
        await using var app = await TestApp.StartAsync();

        var created = await PutAsync(app, "tet-2024", Seed.Campaign());
        var read = await GetAsync(app, "tet-2024");

        Assert.Equal(201, created.Status);
        Assert.Equal(200, read.Status);
        var campaign = read.Json;
        Assert.Equal("tet-2024", campaign.GetProperty("campaignId").GetString());
        Assert.Equal("Chuẩn bị Tết Giáp Thìn 2024", campaign.GetProperty("title").GetString());
        Assert.Equal("2024-01-15T08:00:00+07:00", campaign.GetProperty("opensAt").GetString());
        Assert.Equal("2024-01-31T23:59:59+07:00", campaign.GetProperty("deadline").GetString());
        Assert.Equal("2024-02-14T23:59:59+07:00", campaign.GetProperty("closesAt").GetString());
        Assert.Equal(1, campaign.GetProperty("version").GetInt32());
        Assert.Equal(3, campaign.GetProperty("itemCount").GetInt32());
        Assert.Equal(["sonoivu@hanoi.invalid"], campaign.GetProperty("digestRecipients").EnumerateArray().Select(e => e.GetString()));
        var sections = campaign.GetProperty("sections");
        Assert.Equal(["pccc", "an-sinh"], sections.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var firstItem = sections[0].GetProperty("items")[0];
        Assert.Equal(("pccc-cho", "Kiểm tra PCCC tại chợ", true),
            (firstItem.GetProperty("id").GetString(), firstItem.GetProperty("text").GetString(), firstItem.GetProperty("required").GetBoolean()));
    }

    [Fact]
    public async Task The_checklist_is_stored_as_rows_Power_BI_can_join()
    {
        await using var app = await TestApp.StartAsync();

        await PutAsync(app, "tet-2024", Seed.Campaign());

        var rows = await app.ReadAllAsync(TableNames.ChecklistItems);
        Assert.Equal(["an-sinh-qua-tet", "pccc-cho", "pccc-phuong-tien"], rows.Select(r => r.GetString("ItemId")).Order(StringComparer.Ordinal));
        Assert.All(rows, r =>
        {
            Assert.Equal("tet-2024", r.PartitionKey);
            Assert.Equal("tet-2024", r.GetString("CampaignId"));
            Assert.Equal(1, r.GetInt32("ChecklistVersion"));
            Assert.StartsWith("v0001|", r.RowKey, StringComparison.Ordinal);
        });
        var campaignRow = Assert.Single(await app.ReadAllAsync(TableNames.Campaigns));
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 16, 59, 59, TimeSpan.Zero), campaignRow.GetDateTimeOffset("Deadline"));
    }

    [Fact]
    public async Task Editing_the_checklist_before_the_campaign_opens_keeps_version_1()
    {
        await using var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        await PutAsync(app, "tet-2024", Seed.Campaign());
        var changed = Seed.Campaign();
        changed.Sections![1].Items!.RemoveAt(0);
        changed.Sections[1].Items!.Add(new CampaignDefinition.ItemDefinition { Id = "an-sinh-tham-hoi", Text = "Thăm hỏi gia đình chính sách", Required = true });

        var updated = await PutAsync(app, "tet-2024", changed);

        Assert.Equal(200, updated.Status);
        Assert.Equal(1, updated.Json.GetProperty("version").GetInt32());
        var items = (await app.ReadAllAsync(TableNames.ChecklistItems)).Select(r => r.GetString("ItemId")).Order(StringComparer.Ordinal);
        Assert.Equal(["an-sinh-tham-hoi", "pccc-cho", "pccc-phuong-tien"], items);
    }

    [Fact]
    public async Task Editing_the_checklist_of_an_open_campaign_makes_a_new_version_even_before_any_submission()
    {
        // Another instance may hold version 1 in its cache and take submissions against it: version 1 must stay as it was.
        await using var app = await TestApp.StartAsync();
        await PutAsync(app, "tet-2024", Seed.Campaign());
        var changed = Seed.Campaign();
        changed.Sections![1].Items!.Add(new CampaignDefinition.ItemDefinition { Id = "an-sinh-tham-hoi", Text = "Thăm hỏi gia đình chính sách", Required = true });

        var updated = await PutAsync(app, "tet-2024", changed);

        Assert.Equal(200, updated.Status);
        Assert.Equal(2, updated.Json.GetProperty("version").GetInt32());
        var store = app.Get<CampaignStore>();
        Assert.Equal(["an-sinh-qua-tet", "pccc-cho", "pccc-phuong-tien"], ItemIds((await store.ReadVersionAsync("tet-2024", 1, CancellationToken.None))!));
        Assert.Equal(["an-sinh-qua-tet", "an-sinh-tham-hoi", "pccc-cho", "pccc-phuong-tien"], ItemIds((await store.ReadVersionAsync("tet-2024", 2, CancellationToken.None))!));
        var kept = Assert.Single(await app.ReadAllAsync(TableNames.ChecklistVersions));
        Assert.Equal(("tet-2024", "v0001", 1), (kept.PartitionKey, kept.RowKey, kept.GetInt32("ChecklistVersion")));
        var rows = await app.ReadAllAsync(TableNames.ChecklistItems);
        Assert.Equal(3, rows.Count(r => r.GetInt32("ChecklistVersion") == 1));
        Assert.Equal(4, rows.Count(r => r.GetInt32("ChecklistVersion") == 2));
    }

    private static List<string> ItemIds(Checklist checklist) => [.. checklist.Items.Select(pair => pair.Item.Id).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Saving_the_same_checklist_after_submissions_keeps_the_version()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<SubmissionService>().SubmitAsync("tet-2024", "ba-dinh-ubnd", _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
        var retitled = Seed.Campaign(deadline: "2024-02-02");
        retitled.Title = "Tết Giáp Thìn 2024 (gia hạn)";

        var updated = await PutAsync(app, "tet-2024", retitled);

        Assert.Equal(1, updated.Json.GetProperty("version").GetInt32());
        Assert.Equal("2024-02-02T23:59:59+07:00", (await GetAsync(app, "tet-2024")).Json.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task Campaigns_are_listed_newest_deadline_first_and_can_be_narrowed_to_open_ones()
    {
        await using var app = await TestApp.StartAsync(new DateTimeOffset(2025, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        await PutAsync(app, "tet-2024", Seed.Campaign());
        await PutAsync(app, "tet-2025", Seed.Campaign(opensAt: "2025-01-10", deadline: "2025-01-25"));

        Task<HttpResponseSnapshot> ListAsync(string query) => HttpCall.RunAsync(HttpCall.Request("GET", "/api/campaigns" + query, contentType: null),
            r => app.Create<CampaignFunctions>().ListCampaigns(r, CancellationToken.None));

        Assert.Equal(["tet-2025", "tet-2024"], (await ListAsync("")).Json.EnumerateArray().Select(c => c.GetProperty("campaignId").GetString()));
        var open = (await ListAsync("?open=true")).Json;
        Assert.Equal(["tet-2025"], open.EnumerateArray().Select(c => c.GetProperty("campaignId").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, open[0].GetProperty("digestRecipients").ValueKind);
    }
}
