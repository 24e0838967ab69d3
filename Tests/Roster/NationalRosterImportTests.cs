using System.Diagnostics;
using System.Text;
using TetReadiness.Roster;
using TetReadiness.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TetReadiness.Tests.Roster;

/// <summary>
/// <c>PUT /api/roster</c> with a national roster in one CSV: 100,000 rows and about 20 MB, every row checked before
/// anything is written, streamed and written in batches in bounded memory; one row or one byte more is refused.
/// The first test writes some 300,000 rows (units, the same by area, the people index) to an Azurite of its own; it
/// takes about as long as Azurite needs for them (some 7,000 rows a second on two cores), and is marked
/// <c>Size=National</c> so a quick run can leave it out (<c>--filter "Size!=National"</c>).
/// </summary>
public sealed class NationalRosterImportTests(SeededAppFixture fixture, ITestOutputHelper output) : IClassFixture<SeededAppFixture>, IDisposable
{
    /// <summary>About 3,300 areas of 30 units, as many as Vietnam has communes and wards; one officer a unit.</summary>
    private const int UnitsPerArea = 30;

    private readonly List<string> files = [];

    /// <summary>Managed memory the import may hold at most beyond what the test process held before it.</summary>
    private const long MemoryBudgetBytes = 400L * 1024 * 1024;

    [Fact]
    [Trait("Size", "National")]
    public async Task A_roster_of_100000_units_in_20_MB_is_imported_in_one_csv_in_bounded_memory()
    {
        var csv = WriteRoster(RosterCsvParser.MaxRows);
        var bytes = new FileInfo(csv).Length;
        Assert.InRange(bytes, 19_500_000, RosterImporter.MaxBytes);
        await using var azurite = await AzuriteServer.StartAsync(null);
        await using var app = await TestApp.StartAsync(azurite: azurite);
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(sampling.Token);
        var clock = Stopwatch.StartNew();

        var response = await ImportAsync(app, csv);

        clock.Stop();
        await sampling.CancelAsync();
        var peakBytes = await peak - baseline;
        output.WriteLine($"{RosterCsvParser.MaxRows} rows, {bytes / 1_000_000.0:F1} MB: imported in {clock.Elapsed.TotalSeconds:F1} s, managed memory peak {peakBytes / 1024 / 1024} MiB above the test's own");
        Assert.True(response.Status == 200, response.Body[..Math.Min(response.Body.Length, 2000)]);
        var result = response.Json;
        Assert.Equal(RosterCsvParser.MaxRows, result.GetProperty("units").GetInt32());
        Assert.Equal(RosterCsvParser.MaxRows, result.GetProperty("added").GetInt32());
        Assert.Equal(AreaCount(RosterCsvParser.MaxRows), result.GetProperty("districts").GetInt32());
        Assert.True(peakBytes < MemoryBudgetBytes, $"{peakBytes / 1024 / 1024} MiB");

        var roster = app.Get<IUnitDirectory>();
        var last = AreaCount(RosterCsvParser.MaxRows) - 1;
        var units = 0;
        await foreach (var unit in roster.ReadAreaUnitsAsync(string.Empty, false, $"khu-{last:D4}", CancellationToken.None))
        {
            units++;
        }

        Assert.Equal(RosterCsvParser.MaxRows - (last * UnitsPerArea), units);
        var person = await roster.FindPersonAsync($"vanthu@khu-{last:D4}.invalid", CancellationToken.None);
        Assert.Equal((units, $"khu-{last:D4}"), (person.Units.Count, Assert.Single(person.DistrictIds)));
        Assert.NotNull(await roster.ReadUnitAsync("khu-0000-dv-00000", CancellationToken.None));
        Assert.NotNull(await roster.ReadUnitAsync($"khu-{last:D4}-dv-{RosterCsvParser.MaxRows - 1:D5}", CancellationToken.None));
    }

    [Fact]
    public async Task A_roster_of_100001_units_is_refused_and_nothing_is_written()
    {
        var app = fixture.App;
        var csv = WriteRoster(RosterCsvParser.MaxRows + 1);

        var problem = await ProblemAssert.RefusedAsync(app, 400, "rejected", () => ImportAsync(app, csv));

        Assert.Contains("100000", Assert.Single(ProblemAssert.Errors(problem)[$"row {RosterCsvParser.MaxRows + 2}"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_national_roster_whose_last_row_is_wrong_is_refused_and_nothing_is_written()
    {
        var app = fixture.App;
        var csv = WriteRoster(RosterCsvParser.MaxRows - 1, lastRow: "khu-0000,Xã Thạch Khoán 0,khu-0000-dv-00000,Trùng mã,,\n");

        var problem = await ProblemAssert.RefusedAsync(app, 400, "rejected", () => ImportAsync(app, csv));

        Assert.Equal([$"row {RosterCsvParser.MaxRows + 1}"], ProblemAssert.Errors(problem).Keys);
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    private static int AreaCount(int units) => (units + UnitsPerArea - 1) / UnitsPerArea;

    /// <summary>Writes the roster to a file, never holding it in memory: that is what the import must not do either.</summary>
    private string WriteRoster(int units, string? lastRow = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tetreadiness-national-{Guid.NewGuid():N}.csv");
        files.Add(path);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            LargeRoster.Write(writer, units, unit => unit / UnitsPerArea, officers: 1);
            writer.Write(lastRow ?? string.Empty);
        }

        return path;
    }

    private static async Task<HttpResponseSnapshot> ImportAsync(TestApp app, string csv)
    {
        await using var body = File.OpenRead(csv);
        var request = HttpCall.Request("PUT", "/api/roster", contentType: "text/csv");
        request.Body = body;
        request.ContentLength = body.Length;
        return await HttpCall.RunAsync(request, r => app.Create<RosterFunctions>().ImportRoster(r, CancellationToken.None));
    }

    private static async Task<long> SamplePeakAsync(CancellationToken stop)
    {
        var peak = 0L;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            try
            {
                await Task.Delay(10, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
    }
}
