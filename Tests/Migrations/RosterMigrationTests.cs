using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using TetReadiness.Profile;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Security;

namespace TetReadiness.Tests.Migrations;

/// <summary>
/// The roster's data migrations over the store the code before issue 15 wrote (<see cref="LegacyStoreLoader"/>): the new
/// tables they build, and the API answering as the old code did, before, during and after them.
/// </summary>
public sealed class RosterMigrationTests
{
    private static readonly string[] Campaigns = ["demo-pccc", "demo-ra-soat", "tet-2024", "tet-2027"];

    /// <summary>Who asks <c>GET /api/me</c>: officers (one of a unit that moved, one of a unit that left), area coordinators, the city's.</summary>
    private static readonly string[] People =
    [
        "vanphong@ba-dinh-ubnd.hanoi.invalid", "lanhdao@ba-dinh-ubnd.hanoi.invalid", "banquanly@ba-dinh-bql-cho.hanoi.invalid",
        "trucban@hoan-kiem-cong-an.hanoi.invalid", "dieuphoi@ba-dinh.hanoi.invalid", "dieuphoi@dong-da.hanoi.invalid", AsCaller.CityCoordinatorEmail,
    ];

    /// <summary>The roster's own tables are all its migrations read; the API needs every table.</summary>
    private static readonly string[] RosterTables = [TableNames.Units, TableNames.Districts, TableNames.CampaignUnits, TableNames.RosterImports];

    private static async Task<TestApp> LegacyAppAsync(IEnumerable<string>? tables = null)
    {
        var app = await TestApp.StartAsync(LegacyStoreLoader.CapturedAt, migrate: false);
        await LegacyStoreLoader.LoadAsync(app.Tables.Service, app.TablePrefix, tables);
        return app;
    }

    private static Task<HttpResponseSnapshot> CallAsync(TestApp app, string function, string? email, string campaignId = "tet-2024", string query = "", params string[] roles) =>
        Api.CallAsync(app, function, campaignId, headers: AsCaller.Principal(email, roles), query: query, contentType: null);

    private static Task<HttpResponseSnapshot> AsCityAsync(TestApp app, string function, string campaignId = "tet-2024", string query = "") =>
        CallAsync(app, function, AsCaller.CityCoordinatorEmail, campaignId, query, "coordinator");

    [Fact]
    public async Task The_migrations_build_area_units_and_the_people_index_from_the_old_roster_and_rekey_frozen_rosters()
    {
        await using var app = await LegacyAppAsync(RosterTables);
        var units = LegacyStoreLoader.ReadRows(TableNames.Units).ToList();
        var frozen = LegacyStoreLoader.ReadRows(TableNames.CampaignUnits).ToList();

        Assert.True(await app.Get<DataMigrations>().RunPendingAsync(CancellationToken.None));

        Assert.Equal(
            units.Select(u => $"{u.GetString("DistrictId")}/{u.RowKey} {Columns(u)}").Order(StringComparer.Ordinal),
            (await app.ReadAllAsync(TableNames.AreaUnits)).Select(r => $"{r.PartitionKey}/{r.RowKey} {Columns(r)}").Order(StringComparer.Ordinal));
        var areaUnits = await app.ReadAllAsync(TableNames.AreaUnits);
        Assert.Equal("dong-da", Assert.Single(areaUnits, r => r.RowKey == "ba-dinh-bql-cho").PartitionKey);
        Assert.False(Assert.Single(areaUnits, r => r.RowKey == "hoan-kiem-cong-an").GetBoolean("Active"));

        Assert.Equal(ExpectedPeople(units, LegacyStoreLoader.ReadRows(TableNames.Districts)), await PeopleRowsAsync(app));

        var rekeyed = await app.ReadAllAsync(TableNames.CampaignUnits);
        Assert.Equal(
            frozen.Select(r => $"{r.PartitionKey}/{r.GetString("DistrictId")}|{r.RowKey} {Columns(r)}").Order(StringComparer.Ordinal),
            rekeyed.Select(r => $"{r.PartitionKey}/{r.RowKey} {Columns(r)}").Order(StringComparer.Ordinal));
        Assert.Contains(rekeyed, r => r.RowKey == "ba-dinh|ba-dinh-bql-cho");
    }

    [Fact]
    public async Task Before_during_and_after_the_migrations_the_api_answers_as_the_old_code_did()
    {
        await using var app = await LegacyAppAsync();
        var before = await AnswersAsync(app);

        // Halfway: area units built, the index and the frozen keys not yet (a new row key and its old one side by side).
        await app.Get<IEnumerable<IDataMigration>>().OfType<AreaUnitsMigration>().Single().RunAsync(CancellationToken.None);
        await app.Tables.Get(TableNames.CampaignUnits).UpsertEntityAsync(Rekeyed(LegacyStoreLoader.ReadRows(TableNames.CampaignUnits).First()));
        var during = await AnswersAsync(app);
        Assert.True(await app.Get<DataMigrations>().RunPendingAsync(CancellationToken.None));
        var after = await AnswersAsync(app);

        foreach (var campaignId in Campaigns)
        {
            Assert.Equal(LegacyStoreLoader.ApiAnswer($"{campaignId}-units"), after[$"units {campaignId}"]);
            foreach (var (what, file) in new[] { ("status", "status"), ("non-reporters", "non-reporters"), ("least-ready-items", "least-ready-items") })
            {
                Assert.Equal(WithoutAsOf(LegacyStoreLoader.ApiAnswer($"{campaignId}-{file}")), WithoutAsOf(after[$"{what} {campaignId}"]));
                foreach (var district in new[] { "ba-dinh", "dong-da" })
                {
                    Assert.Equal(WithoutAsOf(LegacyStoreLoader.ApiAnswer($"{campaignId}-{file}district{district}")), WithoutAsOf(after[$"{what} {campaignId} {district}"]));
                }
            }
        }

        Assert.Equal(LegacyStoreLoader.ApiAnswer("tet-2027-units"), after["roster city"]);
        var moved = JsonNode.Parse(after["me banquanly@ba-dinh-bql-cho.hanoi.invalid"])!;
        Assert.Equal("dong-da", moved["units"]![0]!["districtId"]!.GetValue<string>());
        Assert.Empty(JsonNode.Parse(after["me trucban@hoan-kiem-cong-an.hanoi.invalid"])!["units"]!.AsArray());
        Assert.Equal(["dong-da"], JsonNode.Parse(after["me dieuphoi@dong-da.hanoi.invalid"])!["coordinatedDistricts"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(before, during);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_migrations_run_again_change_nothing()
    {
        await using var app = await LegacyAppAsync(RosterTables);
        Assert.True(await app.Get<DataMigrations>().RunPendingAsync(CancellationToken.None));
        var migrated = await app.SnapshotAsync();

        foreach (var migration in app.Get<IEnumerable<IDataMigration>>().Where(m => m is AreaUnitsMigration or RosterPeopleMigration or CampaignUnitsKeysMigration))
        {
            Assert.Equal(0, await migration.RunAsync(CancellationToken.None));
        }

        Assert.Equal(migrated, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_end_with_the_rows_one_would_write()
    {
        await using var app = await LegacyAppAsync(RosterTables);
        await using var peer = await app.StartPeerAsync();

        var both = await Task.WhenAll(app.Get<DataMigrations>().RunPendingAsync(CancellationToken.None), peer.Get<DataMigrations>().RunPendingAsync(CancellationToken.None));

        Assert.All(both, Assert.True);
        Assert.Equal(120, (await app.ReadAllAsync(TableNames.AreaUnits)).Count);
        Assert.Equal(ExpectedPeople(LegacyStoreLoader.ReadRows(TableNames.Units), LegacyStoreLoader.ReadRows(TableNames.Districts)), await PeopleRowsAsync(app));
        var frozen = await app.ReadAllAsync(TableNames.CampaignUnits);
        Assert.Equal(120, frozen.Count);
        Assert.All(frozen, r => Assert.Equal($"{r.GetString("DistrictId")}|{r.GetString("UnitId")}", r.RowKey));
    }

    /// <summary>Every answer the roster's changes could alter, keyed by what was asked.</summary>
    private static async Task<Dictionary<string, string>> AnswersAsync(TestApp app)
    {
        var answers = new Dictionary<string, string>();
        async Task AddAsync(string key, Task<HttpResponseSnapshot> call)
        {
            var response = await call;
            Assert.True(response.Status == 200, $"{key}: {response.Status} {response.Body}");
            answers[key] = response.Body;
        }

        foreach (var campaignId in Campaigns)
        {
            await AddAsync($"units {campaignId}", AsCityAsync(app, nameof(StatusFunctions.GetCampaignUnits), campaignId));
            await AddAsync($"units {campaignId} as dong-da", CallAsync(app, nameof(StatusFunctions.GetCampaignUnits), "dieuphoi@dong-da.hanoi.invalid", campaignId));
            foreach (var (what, function) in new[] { ("status", nameof(StatusFunctions.GetCampaignStatus)), ("non-reporters", nameof(StatusFunctions.GetNonReporters)), ("least-ready-items", nameof(StatusFunctions.GetLeastReadyItems)) })
            {
                await AddAsync($"{what} {campaignId}", AsCityAsync(app, function, campaignId));
                foreach (var district in new[] { "ba-dinh", "dong-da" })
                {
                    await AddAsync($"{what} {campaignId} {district}", AsCityAsync(app, function, campaignId, "?district=" + district));
                }
            }
        }

        await AddAsync("roster city", AsCityAsync(app, nameof(RosterFunctions.GetRoster)));
        await AddAsync("roster as ba-dinh", CallAsync(app, nameof(RosterFunctions.GetRoster), "dieuphoi@ba-dinh.hanoi.invalid"));
        foreach (var email in People)
        {
            await AddAsync($"me {email}", CallAsync(app, nameof(ProfileFunctions.GetMe), email, roles: email == AsCaller.CityCoordinatorEmail ? ["coordinator"] : []));
            await AddAsync($"open campaigns {email}", CallAsync(app, nameof(TetReadiness.Campaigns.CampaignFunctions.ListCampaigns), email, query: "?open=true"));
        }

        return answers;
    }

    /// <summary>The index as a test works it out from the old rows: one row per email of each active unit and area.</summary>
    private static IReadOnlyList<string> ExpectedPeople(IEnumerable<TableEntity> units, IEnumerable<TableEntity> districts) =>
        units.Where(u => u.GetBoolean("Active") == true)
            .SelectMany(u => u.GetString("OfficerEmails").Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(email => $"{PeopleKey(email)}officer|{u.RowKey} officer {u.RowKey} {u.GetString("UnitName")} {u.GetString("DistrictId")} {u.GetString("DistrictName")}"))
            .Concat(districts.Where(d => d.GetBoolean("Active") == true)
                .SelectMany(d => (d.GetString("CoordinatorEmails") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
                    .Select(email => $"{PeopleKey(email)}coordinator|{d.RowKey} coordinator   {d.RowKey} {d.GetString("DistrictName")}")))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>An email's partition and row key prefix in the bucketed index.</summary>
    private static string PeopleKey(string email) =>
        $"{RosterPeopleKeys.Bucket(RosterPeopleKeys.ForEmail(email))}/{RosterPeopleKeys.Prefix(RosterPeopleKeys.ForEmail(email))}";

    private static async Task<IReadOnlyList<string>> PeopleRowsAsync(TestApp app) =>
        (await app.ReadAllAsync(TableNames.RosterPeople))
            .Select(r => $"{r.PartitionKey}/{r.RowKey} {r.GetString("Role")} {r.GetString("UnitId")} {r.GetString("UnitName")} {r.GetString("DistrictId")} {r.GetString("DistrictName")}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static TableEntity Rekeyed(TableEntity row) =>
        new(row) { RowKey = $"{row.GetString("DistrictId")}|{row.RowKey}", ETag = default };

    /// <summary>A row's columns other than its keys and the service's timestamp, with their types.</summary>
    private static string Columns(TableEntity row) =>
        string.Join(';', row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value.GetType().Name}:{p.Value}"));

    private static string WithoutAsOf(string json)
    {
        var node = JsonNode.Parse(json)!;
        if (node is JsonObject body)
        {
            body.Remove("asOf");
        }

        // Fields issue 16 added to the non-reporters after these answers were recorded.
        foreach (var row in node is JsonArray rows ? rows.OfType<JsonObject>() : [])
        {
            row.Remove("deadline");
            row.Remove("extended");
            row.Remove("latestNote");
        }

        return node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
