using System.Globalization;
using System.Text;
using TetReadiness.Campaigns;
using TetReadiness.Identity;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Status;

/// <summary>
/// The figures the dashboards read from maintained rows (each unit's contribution in its area's key range, the per-area
/// summaries) against a full recomputation from the source of truth (<c>SubmissionRevisions</c> and the roster), after
/// random submissions, resubmissions and roster changes (units moved, dropped, brought back, added), once the
/// projection repair and the rollup have run: equal for the city, for every area and for a coordinator of two areas.
/// </summary>
public sealed class MaintainedCountsTests
{
    private const string Campaign = "tet-2024";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly string[] Statuses = ["ready", "partial", "not_ready", "not_applicable"];
    private static readonly string[] Items = ["pccc-cho", "pccc-phuong-tien", "an-sinh-qua-tet"];
    private static readonly string[] Areas = ["ba-dinh", "cau-giay", "dong-da", "hoan-kiem", "tay-ho"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Maintained_counts_equal_a_full_recomputation_after_random_operations(int seed)
    {
        var random = new Random(seed);
        await using var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, Vietnam));
        var roster = Enumerable.Range(0, 30).Select(i => new RosterRow($"don-vi-{i:00}", Areas[i % Areas.Length], true)).ToList();
        await ImportAsync(app, roster);
        await app.Get<CampaignService>().PutAsync(Campaign, _ => Task.FromResult(Seed.Campaign()), Caller.System, CancellationToken.None);

        for (var step = 0; step < 80; step++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(random.Next(30, 400)));
            var dice = random.Next(100);
            var unit = roster[random.Next(roster.Count)];
            if (dice < 60 && unit.Active)
            {
                await SubmitAsync(app, unit.UnitId, random);
            }
            else if (dice < 75)
            {
                roster[roster.IndexOf(unit)] = unit with { DistrictId = Areas[random.Next(Areas.Length)] };
                await ImportAsync(app, roster);
            }
            else if (dice < 85)
            {
                roster[roster.IndexOf(unit)] = unit with { Active = !unit.Active };
                await ImportAsync(app, roster);
            }
            else if (dice < 90)
            {
                roster.Add(new RosterRow($"don-vi-moi-{step:00}", Areas[random.Next(Areas.Length)], true));
                await ImportAsync(app, roster);
            }
            else if (dice < 95)
            {
                // The repair runs now and then in the middle of things, as its timer does.
                await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);
            }
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);
        await app.Get<StatusRollupService>().RollUpAsync(CancellationToken.None);

        var truth = await TruthAsync(app);
        var status = app.Get<StatusService>();
        Assert.True(truth.Reports.Count > 10, $"only {truth.Reports.Count} units reported: the random walk is too short to test anything");
        await AssertScopeAsync(status, truth, TestCallers.CityCoordinator, null, Areas);
        foreach (var area in Areas)
        {
            await AssertScopeAsync(status, truth, TestCallers.CityCoordinator, area, [area]);
        }

        // A district coordinator of two areas sees exactly those two.
        await AssertScopeAsync(status, truth, TestCallers.Officer("dieuphoi@dong-da.invalid"), null, ["dong-da", "tay-ho"]);
    }

    private static async Task AssertScopeAsync(StatusService status, Truth truth, Caller caller, string? district, string[] areas)
    {
        var units = truth.Units.Where(u => areas.Contains(u.DistrictId)).ToList();
        var reported = units.Where(u => truth.Reports.ContainsKey(u.UnitId)).ToList();
        var scope = district ?? (caller == TestCallers.CityCoordinator ? "city" : string.Join("+", areas));

        var actual = await status.GetStatusAsync(caller, Campaign, district, CancellationToken.None);
        Assert.Equal(
            (units.Count, reported.Count, reported.Count(u => truth.Reports[u.UnitId].OnTime), reported.Count(u => !truth.Reports[u.UnitId].OnTime)),
            (actual.Units, actual.Reported, actual.OnTime, actual.Late));
        // Nobody reviews in this walk: every report is awaiting review, and the review figures add up to the reported.
        Assert.Equal((0, 0, reported.Count, 0), (actual.Accepted, actual.Returned, actual.AwaitingReview, actual.ReopenRequests));
        AssertClose(Mean(reported.Select(u => truth.Reports[u.UnitId].Readiness)), actual.Readiness, scope);
        foreach (var area in actual.Districts)
        {
            var areaUnits = units.Where(u => u.DistrictId == area.DistrictId).ToList();
            var areaReported = areaUnits.Where(u => truth.Reports.ContainsKey(u.UnitId)).ToList();
            Assert.Equal((areaUnits.Count, areaReported.Count), (area.Units, area.Reported));
            Assert.Equal((0, 0, areaReported.Count, 0), (area.Accepted, area.Returned, area.AwaitingReview, area.ReopenRequests));
            AssertClose(Mean(areaReported.Select(u => truth.Reports[u.UnitId].Readiness)), area.Readiness, $"{scope}/{area.DistrictId}");
        }

        Assert.Equal(units.Select(u => u.DistrictId).Distinct().Order(StringComparer.Ordinal), actual.Districts.Select(d => d.DistrictId));

        var nonReporters = await status.GetNonReportersAsync(caller, Campaign, district, CancellationToken.None);
        Assert.Equal(
            units.Where(u => !truth.Reports.ContainsKey(u.UnitId)).OrderBy(u => u.DistrictId, StringComparer.Ordinal).ThenBy(u => u.UnitId, StringComparer.Ordinal).Select(u => u.UnitId),
            nonReporters.Select(n => n.UnitId));

        var leastReady = await status.GetLeastReadyItemsAsync(caller, Campaign, district, 98, CancellationToken.None);
        var expected = ExpectedLeastReady(truth, reported);
        Assert.Equal(expected.Select(e => e.ItemId), leastReady.Select(i => i.ItemId));
        foreach (var (want, got) in expected.Zip(leastReady))
        {
            Assert.Equal((want.Answered, want.NotReady, want.Partial), (got.Answered, got.NotReady, got.Partial));
            AssertClose(want.Readiness, got.Readiness, $"{scope}/{want.ItemId}");
            Assert.Equal(want.Notes, got.Notes.Select(n => (n.UnitName, n.Note)).ToList());
        }
    }

    /// <summary>Least-ready items as the issue defines them, computed here from the latest revisions' answers.</summary>
    private static List<(string ItemId, double Readiness, int Answered, int NotReady, int Partial, List<(string, string)> Notes)> ExpectedLeastReady(Truth truth, List<RosterRow> reported) =>
        Items.Select((item, order) =>
            {
                var answers = reported.SelectMany(u => truth.Reports[u.UnitId].Answers.Where(a => a.ItemId == item).Select(a => (Unit: u, Answer: a))).ToList();
                var counted = answers.Where(a => a.Answer.Status != "not_applicable").ToList();
                var score = counted.Sum(a => a.Answer.Status switch { "ready" => 1.0, "partial" => 0.5, _ => 0.0 });
                var notes = answers
                    .Where(a => a.Answer.Status is "partial" or "not_ready" && !string.IsNullOrWhiteSpace(a.Answer.Note))
                    .OrderByDescending(a => truth.Reports[a.Unit.UnitId].SubmittedAt).ThenBy(a => a.Unit.UnitId, StringComparer.Ordinal)
                    .Take(2)
                    .Select(a => (UnitNameOf(a.Unit.UnitId), a.Answer.Note!.Trim()))
                    .ToList();
                return (ItemId: item, Order: order, Readiness: counted.Count == 0 ? double.NaN : score / counted.Count, Answered: counted.Count,
                    NotReady: counted.Count(a => a.Answer.Status == "not_ready"), Partial: counted.Count(a => a.Answer.Status == "partial"), Notes: notes);
            })
            .Where(i => i.Answered > 0 && i.Readiness < 1)
            .OrderBy(i => i.Readiness).ThenByDescending(i => i.NotReady).ThenBy(i => i.Order)
            .Select(i => (i.ItemId, i.Readiness, i.Answered, i.NotReady, i.Partial, i.Notes))
            .ToList();

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.OfType<double>().ToList();
        return list.Count == 0 ? null : list.Average();
    }

    private static void AssertClose(double? expected, double? actual, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: expected {expected}, got {actual}");
        if (expected is { } e)
        {
            Assert.True(Math.Abs(e - actual!.Value) < 1e-9, $"{what}: expected {e}, got {actual}");
        }
    }

    /// <summary>The active roster (Units) and each unit's newest committed revision with its answers (SubmissionRevisions).</summary>
    private static async Task<Truth> TruthAsync(TestApp app)
    {
        var units = (await app.ReadAllAsync(TableNames.Units))
            .Where(r => r.GetBoolean("Active") == true)
            .Select(r => new RosterRow(r.GetString("UnitId")!, r.GetString("DistrictId")!, true))
            .ToList();
        var rows = await app.ReadAllAsync(TableNames.SubmissionRevisions);
        var reports = rows.Where(r => r.GetString("RowType") == "revision")
            .GroupBy(r => r.GetString("UnitId")!)
            .Select(g => g.MaxBy(r => r.GetInt32("Revision"))!)
            .ToDictionary(
                header => header.GetString("UnitId")!,
                header => new Report(
                    header.GetBoolean("OnTime") == true,
                    header.GetDouble("Readiness"),
                    header.GetDateTimeOffset("SubmittedAt")!.Value,
                    rows.Where(r => r.GetString("RowType") == "answer" && r.PartitionKey == header.PartitionKey && r.GetInt32("Revision") == header.GetInt32("Revision"))
                        .Select(r => new TruthAnswer(r.GetString("ItemId")!, r.GetString("Status")!, r.GetString("Note")))
                        .ToList()),
                StringComparer.Ordinal);
        return new Truth(units, reports);
    }

    private static Task SubmitAsync(TestApp app, string unitId, Random random)
    {
        var request = new SubmissionRequest
        {
            Answers = [.. Items.Select(item =>
            {
                var status = Statuses[random.Next(Statuses.Length)];
                var note = random.Next(3) == 0 ? $"  Ghi chú {random.Next(1000)} về {item} của {unitId}  " : null;
                return new SubmissionRequest.AnswerRequest { ItemId = item, Status = status, Note = note };
            })],
        };
        return app.Get<SubmissionService>().SubmitAsync(Campaign, unitId, _ => Task.FromResult(request), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
    }

    private static Task ImportAsync(TestApp app, IReadOnlyList<RosterRow> roster)
    {
        var csv = new StringBuilder("district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n");
        foreach (var unit in roster.Where(u => u.Active))
        {
            var coordinators = unit.DistrictId is "dong-da" or "tay-ho" ? "dieuphoi@dong-da.invalid" : $"dieuphoi@{unit.DistrictId}.invalid";
            csv.Append(CultureInfo.InvariantCulture, $"{unit.DistrictId},Khu {unit.DistrictId},{unit.UnitId},{UnitNameOf(unit.UnitId)},officer@{unit.UnitId}.invalid,{coordinators}\n");
        }

        return app.Get<RosterImporter>().ImportAsync(csv.ToString(), null, dryRun: false, Caller.System, CancellationToken.None);
    }

    private static string UnitNameOf(string unitId) => $"Đơn vị {unitId}";

    private sealed record RosterRow(string UnitId, string DistrictId, bool Active);

    private sealed record TruthAnswer(string ItemId, string Status, string? Note);

    private sealed record Report(bool OnTime, double? Readiness, DateTimeOffset SubmittedAt, IReadOnlyList<TruthAnswer> Answers);

    private sealed record Truth(IReadOnlyList<RosterRow> Units, IReadOnlyDictionary<string, Report> Reports);
}
