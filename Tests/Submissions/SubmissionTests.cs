using System.Text.Json;
using TetReadiness.Campaigns;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

/// <summary>The submission contract through <see cref="SubmissionFunctions"/>, read back from the tables.</summary>
public sealed class SubmissionTests
{
    private const string Campaign = "tet-2024";
    private const string Unit = "ba-dinh-ubnd";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static string Path(string unitId = Unit) => $"/api/campaigns/{Campaign}/units/{unitId}/submission";

    private static async Task<TestApp> SeededAsync()
    {
        var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, Vietnam));
        await Seed.RosterAndCampaignAsync(app);
        return app;
    }

    private static Task<HttpResponseSnapshot> PutAsync(TestApp app, SubmissionRequest body, string unitId = Unit, IDictionary<string, string>? headers = null) =>
        HttpCall.RunAsync(HttpCall.Json("PUT", Path(unitId), body, headers), r => app.Create<SubmissionFunctions>().PutSubmission(r, Campaign, unitId, CancellationToken.None));

    private static Task<HttpResponseSnapshot> GetAsync(TestApp app, string query = "", string unitId = Unit) =>
        HttpCall.RunAsync(HttpCall.Request("GET", Path(unitId) + query, contentType: null), r => app.Create<SubmissionFunctions>().GetSubmission(r, Campaign, unitId, CancellationToken.None));

    private static async Task<List<Azure.Data.Tables.TableEntity>> RowsAsync(TestApp app, string table, string unitId = Unit) =>
        [.. (await app.ReadAllAsync(table)).Where(r => r.GetString("UnitId") == unitId)];

    [Fact]
    public async Task First_submission_is_created_as_revision_1_with_a_strong_ETag()
    {
        await using var app = await SeededAsync();

        var response = await PutAsync(app, Seed.Answers());

        Assert.Equal(201, response.Status);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("\"r1\"", response.Header("ETag"));
        var receipt = response.Json;
        Assert.Equal(
            ["campaignId", "unitId", "revision", "submittedAt", "late", "readiness", "checklistVersion", "difficulties", "proposals"],
            receipt.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Campaign, receipt.GetProperty("campaignId").GetString());
        Assert.Equal(Unit, receipt.GetProperty("unitId").GetString());
        Assert.Equal(1, receipt.GetProperty("revision").GetInt32());
        Assert.Equal("2024-01-20T09:00:00+07:00", receipt.GetProperty("submittedAt").GetString());
        Assert.False(receipt.GetProperty("late").GetBoolean());
        Assert.Equal(0.5, receipt.GetProperty("readiness").GetDouble());
        Assert.Equal(1, receipt.GetProperty("checklistVersion").GetInt32());
    }

    [Fact]
    public async Task Answers_come_back_in_the_order_of_the_checklist_not_of_their_ids()
    {
        await using var app = await SeededAsync();
        await PutAsync(app, Seed.Answers());

        var response = await GetAsync(app);

        Assert.Equal(200, response.Status);
        Assert.Equal(
            ["pccc-cho", "pccc-phuong-tien", "an-sinh-qua-tet"],
            response.Json.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("itemId").GetString()));
    }

    [Fact]
    public async Task Resubmission_becomes_revision_2_and_answers_200()
    {
        await using var app = await SeededAsync();
        await PutAsync(app, Seed.Answers());
        app.Clock.Advance(TimeSpan.FromHours(1));

        var response = await PutAsync(app, Seed.Answers(fire: "ready", equipment: "ready", gifts: "ready"));

        Assert.Equal(200, response.Status);
        Assert.Equal("\"r2\"", response.Header("ETag"));
        Assert.Equal(2, response.Json.GetProperty("revision").GetInt32());
        Assert.Equal(1.0, response.Json.GetProperty("readiness").GetDouble());
    }

    [Fact]
    public async Task Resubmission_with_a_matching_If_Match_is_accepted()
    {
        await using var app = await SeededAsync();
        var first = await PutAsync(app, Seed.Answers(), headers: new Dictionary<string, string> { ["If-None-Match"] = "*" });

        var second = await PutAsync(app, Seed.Answers(), headers: new Dictionary<string, string> { ["If-Match"] = first.Header("ETag") });

        Assert.Equal(201, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal("\"r2\"", second.Header("ETag"));
    }

    [Fact]
    public async Task Two_officers_resubmitting_over_the_same_revision_get_one_success_and_one_412()
    {
        await using var app = await SeededAsync();
        var first = await PutAsync(app, Seed.Answers());
        var overFirst = new Dictionary<string, string> { ["If-Match"] = first.Header("ETag") };

        var racing = await Task.WhenAll(
            PutAsync(app, Seed.Answers(fire: "partial"), headers: overFirst),
            PutAsync(app, Seed.Answers(fire: "not_ready"), headers: overFirst));

        Assert.Equal([200, 412], racing.Select(r => r.Status).Order());
        var headers = (await RowsAsync(app, TableNames.SubmissionRevisions)).Where(r => r.GetString("RowType") == "revision");
        Assert.Equal([1, 2], headers.Select(h => h.GetInt32("Revision")!.Value).Order());
    }

    [Fact]
    public async Task Two_first_submissions_with_If_None_Match_star_get_one_201_and_one_412()
    {
        await using var app = await SeededAsync();
        var firstOnly = new Dictionary<string, string> { ["If-None-Match"] = "*" };

        var racing = await Task.WhenAll(
            PutAsync(app, Seed.Answers(fire: "partial"), headers: firstOnly),
            PutAsync(app, Seed.Answers(fire: "not_ready"), headers: firstOnly));

        Assert.Equal([201, 412], racing.Select(r => r.Status).Order());
        Assert.Single(await RowsAsync(app, TableNames.SubmissionRevisions), r => r.GetString("RowType") == "revision");
    }

    [Fact]
    public async Task A_stale_If_Match_writes_nothing_and_leaves_the_latest_revision_in_place()
    {
        await using var app = await SeededAsync();
        var first = await PutAsync(app, Seed.Answers());
        await PutAsync(app, Seed.Answers(fire: "not_ready"));

        await ProblemAssert.RefusedAsync(app, 412, "revision 2",
            () => PutAsync(app, Seed.Answers(fire: "ready"), headers: new Dictionary<string, string> { ["If-Match"] = first.Header("ETag") }));

        var current = await GetAsync(app);
        Assert.Equal("\"r2\"", current.Header("ETag"));
        Assert.Equal("not_ready", current.Json.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("itemId").GetString() == "pccc-cho").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reading_the_submission_returns_its_answers_and_ETag()
    {
        await using var app = await SeededAsync();
        var request = Seed.Answers(note: "Đã kiểm tra 3 chợ.\nChợ Ngọc Hà còn thiếu bình chữa cháy.");
        request.Submitter = new SubmissionRequest.SubmitterRequest { Name = "Nguyễn Văn An", Title = "Chánh Văn phòng", Phone = "024 3825 3536" };
        await PutAsync(app, request);

        var response = await GetAsync(app);

        Assert.Equal(200, response.Status);
        Assert.Equal("\"r1\"", response.Header("ETag"));
        var view = response.Json;
        Assert.Equal(Campaign, view.GetProperty("campaignId").GetString());
        Assert.Equal(Unit, view.GetProperty("unitId").GetString());
        Assert.Equal("UBND Quận Ba Đình", view.GetProperty("unitName").GetString());
        Assert.Equal("ba-dinh", view.GetProperty("districtId").GetString());
        Assert.Equal("Quận Ba Đình", view.GetProperty("districtName").GetString());
        Assert.Equal(1, view.GetProperty("revision").GetInt32());
        Assert.True(view.GetProperty("onTime").GetBoolean());
        Assert.Equal("Nguyễn Văn An", view.GetProperty("submitter").GetProperty("name").GetString());
        var answers = view.GetProperty("answers").EnumerateArray()
            .Select(a => (a.GetProperty("itemId").GetString(), a.GetProperty("status").GetString(), a.GetProperty("note").GetString()))
            .OrderBy(a => a.Item1, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                ("an-sinh-qua-tet", "not_ready", null),
                ("pccc-cho", "ready", "Đã kiểm tra 3 chợ.\nChợ Ngọc Hà còn thiếu bình chữa cháy."),
                ("pccc-phuong-tien", "partial", null),
            ],
            answers);
    }

    [Fact]
    public async Task Resubmission_keeps_every_revision_with_real_answer_rows()
    {
        await using var app = await SeededAsync();
        string[] fires = ["not_ready", "partial", "ready"];
        foreach (var (fire, index) in fires.Select((f, i) => (f, i)))
        {
            await PutAsync(app, Seed.Answers(fire: fire, note: $"lần {index + 1}"));
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        var rows = await RowsAsync(app, TableNames.SubmissionRevisions);
        Assert.All(rows, r => Assert.Equal($"{Campaign}|{Unit}", r.PartitionKey));
        var headers = rows.Where(r => r.GetString("RowType") == "revision").ToList();
        Assert.Equal([3, 2, 1], headers.Select(h => h.GetInt32("Revision")!.Value));
        var answerRows = rows.Where(r => r.GetString("RowType") == "answer").ToList();
        Assert.Equal(9, answerRows.Count);
        foreach (var revision in new[] { 1, 2, 3 })
        {
            var fireAnswer = answerRows.Single(r => r.GetInt32("Revision") == revision && r.GetString("ItemId") == "pccc-cho");
            Assert.Equal(fires[revision - 1], fireAnswer.GetString("Status"));
            Assert.Equal($"lần {revision}", fireAnswer.GetString("Note"));
            Assert.Equal("pccc", fireAnswer.GetString("SectionId"));
            Assert.Equal("ba-dinh", fireAnswer.GetString("DistrictId"));
            Assert.Equal(Campaign, fireAnswer.GetString("CampaignId"));
        }

        var first = await GetAsync(app, "?revision=1");
        Assert.Equal("\"r1\"", first.Header("ETag"));
        Assert.Equal("not_ready", first.Json.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("itemId").GetString() == "pccc-cho").GetProperty("status").GetString());

        var history = await HttpCall.RunAsync(
            HttpCall.Request("GET", $"/api/campaigns/{Campaign}/units/{Unit}/revisions", contentType: null),
            r => app.Create<SubmissionFunctions>().ListRevisions(r, Campaign, Unit, CancellationToken.None));
        Assert.Equal([3, 2, 1], history.Json.EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task The_Answers_table_has_one_row_per_item_with_the_latest_answer()
    {
        await using var app = await SeededAsync();
        await PutAsync(app, Seed.Answers(fire: "not_ready", note: "cũ"));
        await PutAsync(app, Seed.Answers(fire: "ready", equipment: "not_applicable", note: "mới"));
        await PutAsync(app, Seed.Answers(), unitId: "hoan-kiem-ubnd");

        var rows = await RowsAsync(app, TableNames.Answers);

        Assert.Equal(["an-sinh-qua-tet", "pccc-cho", "pccc-phuong-tien"], rows.Select(r => r.GetString("ItemId")).Order(StringComparer.Ordinal));
        Assert.All(rows, r =>
        {
            Assert.Equal(Campaign, r.PartitionKey);
            Assert.Equal($"{Unit}|{r.GetString("ItemId")}", r.RowKey);
            Assert.Equal(2, r.GetInt32("Revision"));
            Assert.Equal(1, r.GetInt32("ChecklistVersion"));
            Assert.Equal("ba-dinh", r.GetString("DistrictId"));
        });
        var fire = rows.Single(r => r.GetString("ItemId") == "pccc-cho");
        Assert.Equal(("ready", 1.0, "mới"), (fire.GetString("Status"), fire.GetDouble("Score"), fire.GetString("Note")));
        var equipment = rows.Single(r => r.GetString("ItemId") == "pccc-phuong-tien");
        Assert.Equal("not_applicable", equipment.GetString("Status"));
        Assert.Null(equipment.GetDouble("Score"));
    }

    [Fact]
    public async Task An_optional_item_left_out_of_a_resubmission_leaves_the_Answers_table()
    {
        await using var app = await SeededAsync();
        await PutAsync(app, Seed.Answers());
        var withoutOptional = Seed.Answers();
        withoutOptional.Answers!.RemoveAll(a => a!.ItemId == "pccc-phuong-tien");

        await PutAsync(app, withoutOptional);

        Assert.Equal(["an-sinh-qua-tet", "pccc-cho"], (await RowsAsync(app, TableNames.Answers)).Select(r => r.GetString("ItemId")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_Submissions_table_holds_the_latest_revision_as_flat_columns()
    {
        await using var app = await SeededAsync();
        await PutAsync(app, Seed.Answers(fire: "not_ready"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await PutAsync(app, Seed.Answers(fire: "ready", equipment: "partial", gifts: "not_applicable"));

        var row = Assert.Single(await RowsAsync(app, TableNames.Submissions));

        // Keyed by area then unit, so an area's units are one key range (issue 15).
        Assert.Equal((Campaign, $"ba-dinh|{Unit}"), (row.PartitionKey, row.RowKey));
        Assert.Equal(2, row.GetInt32("Revision"));
        Assert.Equal("pccc-cho=r;pccc-phuong-tien=p;an-sinh-qua-tet=x", row.GetString("ItemStatuses"));
        Assert.False(row.GetBoolean("ProjectionPending"));
        Assert.Equal(0.75, row.GetDouble("Readiness"));
        Assert.Equal((1, 1, 0, 1), (row.GetInt32("ReadyCount"), row.GetInt32("PartialCount"), row.GetInt32("NotReadyCount"), row.GetInt32("NotApplicableCount")));
        Assert.Equal("ba-dinh", row.GetString("DistrictId"));
        Assert.Equal("Quận Ba Đình", row.GetString("DistrictName"));
        Assert.Equal(new DateTimeOffset(2024, 1, 20, 2, 0, 0, TimeSpan.Zero), row.GetDateTimeOffset("FirstSubmittedAt"));
        Assert.Equal(new DateTimeOffset(2024, 1, 21, 2, 0, 0, TimeSpan.Zero), row.GetDateTimeOffset("SubmittedAt"));
    }

    [Fact]
    public async Task A_submission_after_the_deadline_is_late()
    {
        await using var app = await SeededAsync();
        app.Clock.Set(new DateTimeOffset(2024, 2, 1, 0, 0, 0, Vietnam));

        var response = await PutAsync(app, Seed.Answers());

        Assert.Equal(201, response.Status);
        Assert.True(response.Json.GetProperty("late").GetBoolean());
        var view = (await GetAsync(app)).Json;
        Assert.True(view.GetProperty("late").GetBoolean());
        Assert.False(view.GetProperty("onTime").GetBoolean());
    }

    [Fact]
    public async Task A_submission_in_the_last_second_before_the_deadline_is_on_time()
    {
        await using var app = await SeededAsync();
        app.Clock.Set(new DateTimeOffset(2024, 1, 31, 23, 59, 59, Vietnam));

        var response = await PutAsync(app, Seed.Answers());

        Assert.False(response.Json.GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task A_unit_stays_on_time_when_it_resubmits_after_the_deadline()
    {
        await using var app = await SeededAsync();
        await PutAsync(app, Seed.Answers());
        app.Clock.Set(new DateTimeOffset(2024, 2, 3, 10, 0, 0, Vietnam));

        var late = await PutAsync(app, Seed.Answers(fire: "partial"));

        Assert.True(late.Json.GetProperty("late").GetBoolean());
        var view = (await GetAsync(app)).Json;
        Assert.True(view.GetProperty("late").GetBoolean());
        Assert.True(view.GetProperty("onTime").GetBoolean());
        Assert.Equal("2024-01-20T09:00:00+07:00", view.GetProperty("firstSubmittedAt").GetString());
        var row = Assert.Single(await RowsAsync(app, TableNames.Submissions));
        Assert.Equal((true, true), (row.GetBoolean("OnTime"), row.GetBoolean("Late")));
    }

    [Fact]
    public async Task Changing_the_checklist_after_submissions_makes_a_new_version_and_older_revisions_keep_theirs()
    {
        await using var app = await SeededAsync();
        await PutAsync(app, Seed.Answers());
        var changed = Seed.Campaign();
        changed.Sections![0].Items!.Add(new CampaignDefinition.ItemDefinition { Id = "pccc-dien", Text = "Kiểm tra hệ thống điện", Required = true });

        var put = await HttpCall.RunAsync(HttpCall.Json("PUT", $"/api/campaigns/{Campaign}", changed),
            r => app.Create<CampaignFunctions>().PutCampaign(r, Campaign, CancellationToken.None));
        Assert.Equal(200, put.Status);
        Assert.Equal(2, put.Json.GetProperty("version").GetInt32());

        var missingNewItem = await PutAsync(app, Seed.Answers());
        Assert.Equal(400, missingNewItem.Status);
        Assert.Contains("items.pccc-dien", ProblemAssert.Errors(missingNewItem.Json).Keys);

        var withNewItem = Seed.Answers();
        withNewItem.Answers!.Add(new SubmissionRequest.AnswerRequest { ItemId = "pccc-dien", Status = "ready" });
        var second = await PutAsync(app, withNewItem);
        Assert.Equal(2, second.Json.GetProperty("checklistVersion").GetInt32());

        Assert.Equal(1, (await GetAsync(app, "?revision=1")).Json.GetProperty("checklistVersion").GetInt32());
        Assert.Equal(2, (await GetAsync(app)).Json.GetProperty("checklistVersion").GetInt32());
        var revisionRows = await RowsAsync(app, TableNames.SubmissionRevisions);
        Assert.All(revisionRows.Where(r => r.GetInt32("Revision") == 1), r => Assert.Equal(1, r.GetInt32("ChecklistVersion")));
        Assert.All(revisionRows.Where(r => r.GetInt32("Revision") == 2), r => Assert.Equal(2, r.GetInt32("ChecklistVersion")));
        var checklistRows = await app.ReadAllAsync(TableNames.ChecklistItems);
        Assert.Equal(3, checklistRows.Count(r => r.GetInt32("ChecklistVersion") == 1));
        Assert.Equal(4, checklistRows.Count(r => r.GetInt32("ChecklistVersion") == 2));
    }

    [Fact]
    public async Task The_submitter_is_recorded_on_the_revision()
    {
        await using var app = await SeededAsync();
        var request = Seed.Answers();
        request.Submitter = new SubmissionRequest.SubmitterRequest { Name = "Trần Thị Bình", Title = "Phó Chánh Văn phòng", Phone = "0912 345 678" };

        await PutAsync(app, request);

        var header = (await RowsAsync(app, TableNames.SubmissionRevisions)).Single(r => r.GetString("RowType") == "revision");
        Assert.Equal(("Trần Thị Bình", "Phó Chánh Văn phòng", "0912 345 678"), (header.GetString("SubmitterName"), header.GetString("SubmitterTitle"), header.GetString("SubmitterPhone")));
        Assert.Equal(("vanphong@ba-dinh.invalid", "entra"), (header.GetString("SubmittedBy"), header.GetString("SubmittedVia")));
    }

    [Fact]
    public async Task Difficulties_and_proposals_are_kept_per_revision_and_come_back_in_the_receipt_and_the_submission()
    {
        await using var app = await SeededAsync();
        var first = Seed.Answers();
        first.Difficulties = "  Chợ tạm chưa có lối thoát hiểm.\nThiếu 5 bình chữa cháy.  ";
        first.Proposals = "Đề nghị Sở Công Thương hỗ trợ kinh phí.";

        var created = await PutAsync(app, first);

        Assert.Equal(201, created.Status);
        Assert.Equal("Chợ tạm chưa có lối thoát hiểm.\nThiếu 5 bình chữa cháy.", created.Json.GetProperty("difficulties").GetString());
        Assert.Equal("Đề nghị Sở Công Thương hỗ trợ kinh phí.", created.Json.GetProperty("proposals").GetString());

        app.Clock.Advance(TimeSpan.FromHours(1));
        var second = Seed.Answers(fire: "ready");
        second.Difficulties = "Đã có lối thoát hiểm; còn thiếu 2 bình.";
        second.Proposals = "   ";
        var resubmitted = await PutAsync(app, second);
        Assert.Equal(JsonValueKind.Null, resubmitted.Json.GetProperty("proposals").ValueKind);

        var current = (await GetAsync(app)).Json;
        Assert.Equal(("Đã có lối thoát hiểm; còn thiếu 2 bình.", JsonValueKind.Null), (current.GetProperty("difficulties").GetString(), current.GetProperty("proposals").ValueKind));
        var earlier = (await GetAsync(app, "?revision=1")).Json;
        Assert.Equal(("Chợ tạm chưa có lối thoát hiểm.\nThiếu 5 bình chữa cháy.", "Đề nghị Sở Công Thương hỗ trợ kinh phí."), (earlier.GetProperty("difficulties").GetString(), earlier.GetProperty("proposals").GetString()));

        // Header columns of each revision; the Submissions row carries the latest.
        var headers = (await RowsAsync(app, TableNames.SubmissionRevisions)).Where(r => r.GetString("RowType") == "revision").ToDictionary(r => r.GetInt32("Revision")!.Value);
        Assert.Equal("Đề nghị Sở Công Thương hỗ trợ kinh phí.", headers[1].GetString("Proposals"));
        Assert.Equal("Đã có lối thoát hiểm; còn thiếu 2 bình.", headers[2].GetString("Difficulties"));
        var row = Assert.Single(await RowsAsync(app, TableNames.Submissions));
        Assert.Equal("Đã có lối thoát hiểm; còn thiếu 2 bình.", row.GetString("Difficulties"));

        // A blank text is not stored at all, as in every revision from before the columns existed, and reads as null.
        Assert.False(headers[2].ContainsKey("Proposals"));
        Assert.False(row.ContainsKey("Proposals"));
    }

    [Fact]
    public async Task A_revision_stored_before_difficulties_and_proposals_existed_reads_them_as_null()
    {
        await using var app = await SeededAsync();
        var request = Seed.Answers();
        request.Difficulties = "Thiếu bình chữa cháy.";
        request.Proposals = "Hỗ trợ kinh phí.";
        await PutAsync(app, request);

        // The header as code before issue 16 wrote it: no such columns at all.
        var table = app.Tables.Get(TableNames.SubmissionRevisions);
        var header = (await RowsAsync(app, TableNames.SubmissionRevisions)).Single(r => r.GetString("RowType") == "revision");
        header.Remove("Difficulties");
        header.Remove("Proposals");
        await table.UpdateEntityAsync(header, header.ETag, Azure.Data.Tables.TableUpdateMode.Replace);

        var view = await GetAsync(app, "?revision=1");

        Assert.Equal(200, view.Status);
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (view.Json.GetProperty("difficulties").ValueKind, view.Json.GetProperty("proposals").ValueKind));
        Assert.Equal(1, view.Json.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Times_in_responses_are_Vietnam_time_with_their_offset()
    {
        await using var app = await SeededAsync();
        app.Clock.Set(new DateTimeOffset(2024, 1, 20, 18, 30, 0, TimeSpan.Zero));

        await PutAsync(app, Seed.Answers());

        var submittedAt = (await GetAsync(app)).Json.GetProperty("submittedAt");
        Assert.Equal(JsonValueKind.String, submittedAt.ValueKind);
        Assert.Equal("2024-01-21T01:30:00+07:00", submittedAt.GetString());
    }
}
