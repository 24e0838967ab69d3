using TetReadiness.Profile;
using TetReadiness.Roster;
using TetReadiness.Tests.Backups;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Roster;
using TetReadiness.Tests.Security;

namespace TetReadiness.Tests.Profile;

/// <summary><c>GET /api/me</c> costs one table request (a query on the people index), whatever the size of the roster.</summary>
public sealed class MeRequestCostTests
{
    [Theory]
    [InlineData(40)]
    [InlineData(3000)]
    public async Task Me_is_one_table_request_for_an_officer_or_a_coordinator_whatever_the_roster_size(int units)
    {
        var recorder = new RequestRecorder();
        await using var app = await RecordedTables.StartAppAsync(recorder);
        await app.Get<RosterImporter>().ImportAsync(LargeRoster.Text(units, unit => unit % 20), null, dryRun: false, TestCallers.CityCoordinator, CancellationToken.None);
        await MeAsync(app, "vanthu@khu-0000.invalid");
        recorder.Take();

        foreach (var (email, roles, expectedUnits, expectedDistricts) in new[]
                 {
                     ("lanhdao@khu-0003.invalid", Array.Empty<string>(), units / 20, 0),
                     ("vanthu@khu-0007.invalid", [], units / 20, 1),
                     (AsCaller.CityCoordinatorEmail, ["coordinator"], 0, 0),
                 })
        {
            var me = await MeAsync(app, email, roles);

            var requests = recorder.Take();
            Assert.True(requests.Count == 1, $"{email}: {requests.Count} requests\n{string.Join('\n', requests)}");
            Assert.Contains($"{app.TablePrefix}RosterPeople()", requests[0], StringComparison.Ordinal);
            Assert.Equal(expectedUnits, me.GetProperty("units").GetArrayLength());
            Assert.Equal(expectedDistricts, me.GetProperty("coordinatedDistricts").GetArrayLength());
        }
    }

    [Fact]
    public async Task An_officers_units_are_asked_once_per_instance_every_30_seconds()
    {
        var recorder = new RequestRecorder();
        await using var app = await RecordedTables.StartAppAsync(recorder);
        await app.Get<RosterImporter>().ImportAsync(LargeRoster.Text(40, unit => unit % 4), null, dryRun: false, TestCallers.CityCoordinator, CancellationToken.None);
        await MeAsync(app, "vanthu@khu-0000.invalid");
        var reporters = app.Get<ReporterDirectory>();
        recorder.Take();

        Assert.Equal(10, (await reporters.UnitsOfOfficerAsync("lanhdao@khu-0001.invalid", CancellationToken.None)).Count);
        Assert.Single(recorder.Take());
        Assert.Equal(10, (await reporters.UnitsOfOfficerAsync("lanhdao@khu-0001.invalid", CancellationToken.None)).Count);
        Assert.Equal(["khu-0001"], await app.Get<CoordinatorDirectory>().DistrictsOfAsync("vanthu@khu-0001.invalid", CancellationToken.None));
        Assert.Single(recorder.Take());
    }

    private static async Task<System.Text.Json.JsonElement> MeAsync(TestApp app, string email, params string[] roles)
    {
        var response = await Api.CallAsync(app, nameof(ProfileFunctions.GetMe), headers: AsCaller.Principal(email, roles), contentType: null);
        Assert.Equal(200, response.Status);
        return response.Json;
    }
}
