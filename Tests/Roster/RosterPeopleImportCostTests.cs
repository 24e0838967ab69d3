using System.Text;
using TetReadiness.Roster;
using TetReadiness.Tests.Backups;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Roster;

/// <summary>The people index is written 100 rows to a request in bucket partitions, not one request per email.</summary>
public sealed class RosterPeopleImportCostTests
{
    private const int Units = 3000;
    private const int Areas = 10;

    [Fact]
    public async Task A_first_import_writes_the_people_index_in_batches_whatever_the_number_of_emails()
    {
        var csv = new StringBuilder(LargeRoster.Header);
        for (var unit = 0; unit < Units; unit++)
        {
            var area = unit % Areas;
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"khu-{area:D2},Khu {area},dv-{unit:D5},Đơn vị {unit},canbo-{unit}@dv.invalid,{(unit < Areas ? $"vanthu@khu-{area:D2}.invalid" : string.Empty)}\n");
        }

        var recorder = new RequestRecorder();
        await using var app = await RecordedTables.StartAppAsync(recorder);
        recorder.Take();

        var result = await app.Get<RosterImporter>().ImportAsync(csv.ToString(), null, dryRun: false, TestCallers.CityCoordinator, CancellationToken.None);

        var batches = recorder.Take().Count(r => r.Contains("$batch", StringComparison.Ordinal));
        Assert.Equal(Units, result.Added);

        // Units and AreaUnits: 30 and 30 batches, Districts 1; the index's 3,010 rows at most one per bucket and per 100 rows.
        Assert.True(batches <= 61 + 256 + 31, $"{batches} batches");
        var person = await app.Get<IUnitDirectory>().FindPersonAsync("canbo-2999@dv.invalid", CancellationToken.None);
        Assert.Equal("dv-02999", Assert.Single(person.Units).UnitId);
    }
}
