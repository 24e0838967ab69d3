using System.Text;

namespace TetReadiness.Benchmarks;

/// <summary>
/// The roster of the page-load section. Area <c>a-0000</c>, the district coordinator's, always holds the first
/// <see cref="FixedAreaUnits"/> units, so their dashboard reads the same area at every roster size; the other units
/// fill the other areas in contiguous blocks. Areas: 126 (a city), or one per ~18 units (60,000 units over the
/// country's 3,321 communes) when that gives more. Every unit has one officer; every area one coordinator.
/// </summary>
public sealed class PageRoster
{
    public const int FixedAreaUnits = 20;
    public const int CityAreas = 126;
    public const string FixedArea = "a-0000";

    public PageRoster(int units, int? maxSubmissions)
    {
        Units = Math.Max(units, FixedAreaUnits + 1);
        Areas = Math.Min(Math.Max(CityAreas, (int)Math.Round(Units * 3321.0 / 60000)), Units - FixedAreaUnits + 1);
        var stride = maxSubmissions is { } cap && cap > 0 && Units / 10 > cap ? (int)Math.Ceiling((Units - FixedAreaUnits) / (double)cap) : 10;
        Stride = stride;

        // Every tenth unit in roster order reports: 2 of the fixed area's 20 at every size. A reduced count keeps those
        // 2 and takes every Stride-th of the other units.
        Reporting = Enumerable.Range(0, FixedAreaUnits).Where(i => i % 10 == 0)
            .Concat(Enumerable.Range(FixedAreaUnits, Units - FixedAreaUnits).Where(i => (i - FixedAreaUnits) % stride == 0))
            .ToList();
    }

    public int Units { get; }

    public int Areas { get; }

    /// <summary>10, or more when the submission count was reduced.</summary>
    public int Stride { get; }

    /// <summary>The units that submit, by index.</summary>
    public IReadOnlyList<int> Reporting { get; }

    public static string DistrictCoordinator => CoordinatorOf(FixedArea);

    /// <summary>The officer whose form is loaded: a unit of the fixed area that has reported.</summary>
    public static string OfficerUnit => Workload.UnitId(10);

    /// <summary>A unit outside the fixed area that has reported: resubmitted to count the write path.</summary>
    public static string ResubmittedUnit => Workload.UnitId(FixedAreaUnits);

    public static string CoordinatorOf(string areaId) => $"coord-{areaId}@bench.invalid";

    public string AreaOf(int index) =>
        index < FixedAreaUnits ? FixedArea : $"a-{1 + (long)(index - FixedAreaUnits) * (Areas - 1) / (Units - FixedAreaUnits):D4}";

    public string Csv()
    {
        var csv = new StringBuilder("district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n");
        for (var i = 0; i < Units; i++)
        {
            var area = AreaOf(i);
            csv.Append($"{area},Phường thử {area[2..]},{Workload.UnitId(i)},Đơn vị thử {i:D5},{Api.OfficerOf(Workload.UnitId(i))},{CoordinatorOf(area)}\n");
        }

        return csv.ToString();
    }
}
