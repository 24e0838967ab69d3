using System.Text;
using Azure.Data.Tables;
using TetReadiness.Identity;
using TetReadiness.Links;
using TetReadiness.Profile;
using TetReadiness.Roster;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Roster;

/// <summary>
/// What the import keeps next to <c>Units</c> and <c>Districts</c>: <c>AreaUnits</c> (the same rows by area) and
/// <c>RosterPeople</c> (who is who by email), checked against the roster itself after every import.
/// </summary>
public sealed class RosterIndexTests
{
    private const string Header = "district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n";

    private static Task ImportAsync(TestApp app, string csv) =>
        app.Get<RosterImporter>().ImportAsync(csv, null, dryRun: false, Caller.System, CancellationToken.None);

    [Fact]
    public async Task After_random_imports_the_area_copies_and_the_people_index_say_what_the_roster_says()
    {
        await using var app = await TestApp.StartAsync();
        var random = new Random(2027);
        string[] officers = [.. Enumerable.Range(0, 12).Select(i => $"canbo{i}@x.invalid")];
        string[] coordinators = [.. Enumerable.Range(0, 6).Select(i => $"dieuphoi{i}@x.invalid")];
        var store = app.Get<RosterStore>();

        for (var round = 0; round < 12; round++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await ImportAsync(app, RandomRoster(random, officers, coordinators));
            if (random.Next(3) == 0)
            {
                var units = await app.ReadAllAsync(TableNames.Units);
                await app.Get<UnitLinkService>().RevokeAsync(Caller.System, units[random.Next(units.Count)].RowKey, CancellationToken.None);
            }

            await AssertAreaUnitsMirrorUnitsAsync(app);
            var expected = await ExpectedPeopleAsync(app);
            Assert.Equal(expected, await PeopleRowsAsync(app));
            foreach (var email in officers.Concat(coordinators))
            {
                var person = await store.FindPersonAsync(email, CancellationToken.None);
                Assert.Equal(
                    expected.Where(r => r.StartsWith(email + "/", StringComparison.Ordinal)).Select(r => r.Split(' ')[0].Split('/')[1]).Order(StringComparer.Ordinal),
                    person.Units.Select(u => "officer|" + u.UnitId).Concat(person.DistrictIds.Select(d => "coordinator|" + d)).Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public async Task A_unit_that_moves_leaves_its_old_area_and_a_unit_that_leaves_stays_in_its_area_inactive()
    {
        await using var app = await TestApp.StartAsync();
        await ImportAsync(app, Seed.RosterCsv);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        await ImportAsync(app, Seed.RosterCsv.Replace("ba-dinh,Quận Ba Đình,ba-dinh-ttyt", "hoan-kiem,Quận Hoàn Kiếm,ba-dinh-ttyt", StringComparison.Ordinal)
            .Replace("ba-vi,Huyện Ba Vì,ba-vi-ubnd,UBND Huyện Ba Vì,,\n", string.Empty, StringComparison.Ordinal));

        var roster = app.Get<IUnitDirectory>();
        Assert.Equal(["ba-dinh-ubnd"], await IdsAsync(roster.ReadAreaUnitsAsync(string.Empty, false, "ba-dinh", CancellationToken.None)));
        Assert.Equal(["ba-dinh-ttyt", "hoan-kiem-ubnd"], await IdsAsync(roster.ReadAreaUnitsAsync(string.Empty, false, "hoan-kiem", CancellationToken.None)));
        var left = Assert.Single(await ListAsync(roster.ReadAreaUnitsAsync(string.Empty, false, "ba-vi", CancellationToken.None)));
        Assert.False(left.Active);
        Assert.Equal("hoan-kiem", Assert.Single((await roster.FindPersonAsync("truc@ba-dinh-ttyt.invalid", CancellationToken.None)).Units).DistrictId);
        await AssertAreaUnitsMirrorUnitsAsync(app);
    }

    [Fact]
    public async Task An_import_that_changes_nothing_writes_no_copy_and_one_that_replaces_an_officer_writes_that_pair_only()
    {
        await using var app = await TestApp.StartAsync();
        await ImportAsync(app, Seed.RosterCsv);
        var people = await EtagsAsync(app, TableNames.RosterPeople);
        var areas = await EtagsAsync(app, TableNames.AreaUnits);

        await ImportAsync(app, Seed.RosterCsv);

        Assert.Equal(people, await EtagsAsync(app, TableNames.RosterPeople));
        Assert.Equal(areas, await EtagsAsync(app, TableNames.AreaUnits));

        await ImportAsync(app, Seed.RosterCsv.Replace("truc@ba-dinh-ttyt.invalid", "moi@ba-dinh-ttyt.invalid", StringComparison.Ordinal));

        var after = await EtagsAsync(app, TableNames.RosterPeople);
        Assert.Equal([$"+{PeopleKey("moi@ba-dinh-ttyt.invalid")}officer|ba-dinh-ttyt", $"-{PeopleKey("truc@ba-dinh-ttyt.invalid")}officer|ba-dinh-ttyt"], Differences(people, after));
        Assert.Equal(["~ba-dinh/ba-dinh-ttyt"], Differences(areas, await EtagsAsync(app, TableNames.AreaUnits)));
    }

    [Fact]
    public async Task Every_email_the_roster_accepts_finds_its_units()
    {
        await using var app = await TestApp.StartAsync();
        string[] emails =
        [
            "a/b@x.invalid", "a%2fb@x.invalid", "a\\b@x.invalid", "so#1@x.invalid", "ai?@x.invalid", "ctrl\u0001@x.invalid", "del\u007f@x.invalid",
            "thư.ký@hà-nội.invalid", "o'brien@x.invalid", new string('#', 200) + "@x.invalid",
        ];
        var csv = new StringBuilder(Header);
        for (var i = 0; i < emails.Length; i++)
        {
            csv.Append($"khu-{i % 3},Khu {i % 3},don-vi-{i},Đơn vị {i},{emails[i].ToUpperInvariant()},{(i < 3 ? emails[i] : string.Empty)}\n");
        }

        await ImportAsync(app, csv.ToString());

        var roster = app.Get<IUnitDirectory>();
        for (var i = 0; i < emails.Length; i++)
        {
            var person = await roster.FindPersonAsync(emails[i], CancellationToken.None);
            Assert.Equal($"don-vi-{i}", Assert.Single(person.Units).UnitId);
            Assert.Equal(i < 3 ? [$"khu-{i}"] : [], person.DistrictIds);
        }

        await ImportAsync(app, Header + "khu-0,Khu 0,don-vi-0,Đơn vị 0,,\n");
        foreach (var email in emails)
        {
            var person = await roster.FindPersonAsync(email, CancellationToken.None);
            Assert.Empty(person.Units);
            Assert.Empty(person.DistrictIds);
        }

        Assert.Empty(await app.ReadAllAsync(TableNames.RosterPeople));
    }

    [Fact]
    public async Task An_import_drops_what_it_made_stale_on_its_instance()
    {
        await using var app = await TestApp.StartAsync();
        await ImportAsync(app, Seed.RosterCsv);
        var reporters = app.Get<ReporterDirectory>();
        var coordinators = app.Get<CoordinatorDirectory>();
        var roster = app.Get<IUnitDirectory>();
        Assert.Equal(["ba-dinh-ttyt"], await reporters.UnitsOfOfficerAsync("truc@ba-dinh-ttyt.invalid", CancellationToken.None));
        Assert.Equal(["ba-dinh"], await coordinators.DistrictsOfAsync("dieuphoi@ba-dinh.invalid", CancellationToken.None));
        Assert.Equal(["ba-dinh-ttyt", "ba-dinh-ubnd"], await IdsAsync(roster.ReadAreaUnitsAsync(string.Empty, false, "ba-dinh", CancellationToken.None)));

        await ImportAsync(app, Seed.RosterCsv
            .Replace("truc@ba-dinh-ttyt.invalid", string.Empty, StringComparison.Ordinal)
            .Replace("dieuphoi@ba-dinh.invalid", "moi@ba-dinh.invalid", StringComparison.Ordinal)
            .Replace("ba-dinh,Quận Ba Đình,ba-dinh-ttyt", "hoan-kiem,Quận Hoàn Kiếm,ba-dinh-ttyt", StringComparison.Ordinal));

        Assert.Empty(await reporters.UnitsOfOfficerAsync("truc@ba-dinh-ttyt.invalid", CancellationToken.None));
        Assert.Empty(await coordinators.DistrictsOfAsync("dieuphoi@ba-dinh.invalid", CancellationToken.None));
        Assert.Equal(["ba-dinh"], await coordinators.DistrictsOfAsync("moi@ba-dinh.invalid", CancellationToken.None));
        Assert.Equal(["ba-dinh-ubnd"], await IdsAsync(roster.ReadAreaUnitsAsync(string.Empty, false, "ba-dinh", CancellationToken.None)));
        Assert.Equal(["ba-dinh-ttyt", "hoan-kiem-ubnd"], await IdsAsync(roster.ReadAreaUnitsAsync(string.Empty, false, "hoan-kiem", CancellationToken.None)));
    }

    [Fact]
    public async Task A_frozen_roster_is_read_by_area_as_it_was_frozen()
    {
        await using var app = await TestApp.StartAsync();
        await ImportAsync(app, Seed.RosterCsv);
        await app.Get<ICampaignRosters>().FreezeAsync("tet-2024", CancellationToken.None);
        await ImportAsync(app, Seed.RosterCsv.Replace("ba-dinh,Quận Ba Đình,ba-dinh-ttyt", "hoan-kiem,Quận Hoàn Kiếm,ba-dinh-ttyt", StringComparison.Ordinal));

        var roster = app.Get<IUnitDirectory>();

        Assert.Equal(["ba-dinh-ttyt", "ba-dinh-ubnd"], await IdsAsync(roster.ReadAreaUnitsAsync("tet-2024", true, "ba-dinh", CancellationToken.None)));
        Assert.Equal(["hoan-kiem-ubnd"], await IdsAsync(roster.ReadAreaUnitsAsync("tet-2024", true, "hoan-kiem", CancellationToken.None)));
        Assert.Equal(["ba-dinh-ttyt", "hoan-kiem-ubnd"], await IdsAsync(roster.ReadAreaUnitsAsync("tet-2024", false, "hoan-kiem", CancellationToken.None)));
        Assert.Equal(["ba-dinh-ttyt", "ba-dinh-ubnd", "ba-vi-ubnd", "hoan-kiem-ubnd"], await IdsAsync(roster.ReadUnitsForCampaignAsync("tet-2024", true, CancellationToken.None)));
        Assert.All(await app.ReadAllAsync(TableNames.CampaignUnits), r => Assert.Equal($"{r.GetString("DistrictId")}|{r.GetString("UnitId")}", r.RowKey));
    }

    [Fact]
    public async Task Me_answers_from_the_index_as_it_answered_from_a_scan()
    {
        await using var app = await TestApp.StartAsync();
        await ImportAsync(app, Seed.RosterCsv + "hoan-kiem,Quận Hoàn Kiếm,hoan-kiem-ttyt,Trung tâm Y tế Hoàn Kiếm,VanPhong@Ba-Dinh.invalid,\n");
        var profiles = app.Get<CallerProfileService>();

        var me = await profiles.DescribeAsync(TestCallers.Officer("vanphong@ba-dinh.invalid"), CancellationToken.None);

        Assert.Equal(
            [new CallerProfile.UnitRef("ba-dinh-ubnd", "UBND Quận Ba Đình", "ba-dinh", "Quận Ba Đình"), new CallerProfile.UnitRef("hoan-kiem-ttyt", "Trung tâm Y tế Hoàn Kiếm", "hoan-kiem", "Quận Hoàn Kiếm")],
            me.Units);
        Assert.Empty(me.CoordinatedDistricts);
        Assert.Equal(["ba-dinh"], (await profiles.DescribeAsync(TestCallers.Officer("dieuphoi@ba-dinh.invalid"), CancellationToken.None)).CoordinatedDistricts);
    }

    /// <summary>Six areas, thirty units: each round a unit may leave, come back, move, be renamed, change officers; an area its name and coordinators.</summary>
    private static string RandomRoster(Random random, string[] officers, string[] coordinators)
    {
        var csv = new StringBuilder(Header);
        var areaNames = Enumerable.Range(0, 6).Select(a => random.Next(4) == 0 ? $"Khu {a} mới" : $"Khu {a}").ToArray();
        var areaCoordinators = Enumerable.Range(0, 6).Select(_ => string.Join(';', coordinators.Where(_ => random.Next(4) == 0))).ToArray();
        var written = new HashSet<int>();
        for (var unit = 0; unit < 30; unit++)
        {
            if (random.Next(6) == 0)
            {
                continue;
            }

            var area = random.Next(3) == 0 ? random.Next(6) : unit % 6;
            var name = random.Next(5) == 0 ? $"Đơn vị {unit} (mới)" : $"Đơn vị {unit}";
            var emails = string.Join(';', officers.Where(_ => random.Next(6) == 0));
            csv.Append($"khu-{area},{areaNames[area]},don-vi-{unit},{name},{emails},{(written.Add(area) ? areaCoordinators[area] : string.Empty)}\n");
        }

        return csv.ToString();
    }

    private static async Task AssertAreaUnitsMirrorUnitsAsync(TestApp app)
    {
        Assert.Equal(
            (await app.ReadAllAsync(TableNames.Units)).Select(r => $"{r.GetString("DistrictId")}/{r.RowKey} {Columns(r)}").Order(StringComparer.Ordinal),
            (await app.ReadAllAsync(TableNames.AreaUnits)).Select(r => $"{r.PartitionKey}/{r.RowKey} {Columns(r)}").Order(StringComparer.Ordinal));
    }

    /// <summary>The index as a test works it out from the roster's own rows.</summary>
    private static async Task<IReadOnlyList<string>> ExpectedPeopleAsync(TestApp app) =>
        (await app.ReadAllAsync(TableNames.Units)).Where(u => u.GetBoolean("Active") == true)
            .SelectMany(u => (u.GetString("OfficerEmails") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(email => $"{email}/officer|{u.RowKey} {u.GetString("UnitName")} {u.GetString("DistrictId")} {u.GetString("DistrictName")}"))
            .Concat((await app.ReadAllAsync(TableNames.Districts)).Where(d => d.GetBoolean("Active") == true)
                .SelectMany(d => (d.GetString("CoordinatorEmails") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
                    .Select(email => $"{email}/coordinator|{d.RowKey}  {d.RowKey} {d.GetString("DistrictName")}")))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static async Task<IReadOnlyList<string>> PeopleRowsAsync(TestApp app)
    {
        var rows = await app.ReadAllAsync(TableNames.RosterPeople);
        Assert.All(rows, r => Assert.Equal(RosterPeopleKeys.Bucket(RosterPeopleKeys.ForEmail(r.GetString("Email"))), r.PartitionKey));
        Assert.All(rows, r => Assert.StartsWith(RosterPeopleKeys.Prefix(RosterPeopleKeys.ForEmail(r.GetString("Email"))), r.RowKey, StringComparison.Ordinal));
        return rows.Select(r => $"{r.GetString("Email")}/{r.RowKey[RosterPeopleKeys.Prefix(RosterPeopleKeys.ForEmail(r.GetString("Email"))).Length..]} {r.GetString("UnitName")} {r.GetString("DistrictId")} {r.GetString("DistrictName")}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>An email's partition and row key prefix in the bucketed index.</summary>
    private static string PeopleKey(string email) =>
        $"{RosterPeopleKeys.Bucket(RosterPeopleKeys.ForEmail(email))}/{RosterPeopleKeys.Prefix(RosterPeopleKeys.ForEmail(email))}";

    private static async Task<Dictionary<string, string>> EtagsAsync(TestApp app, string table) =>
        (await app.ReadAllAsync(table)).ToDictionary(r => $"{r.PartitionKey}/{r.RowKey}", r => r.ETag.ToString());

    private static IReadOnlyList<string> Differences(Dictionary<string, string> before, Dictionary<string, string> after) =>
        after.Keys.Except(before.Keys).Select(k => "+" + k)
            .Concat(before.Keys.Except(after.Keys).Select(k => "-" + k))
            .Concat(after.Keys.Intersect(before.Keys).Where(k => after[k] != before[k]).Select(k => "~" + k))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Columns(TableEntity row) =>
        string.Join(';', row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value.GetType().Name}:{p.Value}"));

    private static async Task<List<RosterUnit>> ListAsync(IAsyncEnumerable<RosterUnit> units)
    {
        var list = new List<RosterUnit>();
        await foreach (var unit in units)
        {
            list.Add(unit);
        }

        return list;
    }

    private static async Task<IReadOnlyList<string>> IdsAsync(IAsyncEnumerable<RosterUnit> units) =>
        (await ListAsync(units)).Select(u => u.UnitId).ToList();
}
