using TetReadiness.Common;
using TetReadiness.Messages;

namespace TetReadiness.Roster;

/// <summary>
/// Turns the roster CSV a coordinator exports from Excel into districts and units, or into a list of the rows
/// that are wrong. Header: <c>district_id,district_name,unit_id,unit_name,officer_emails[,coordinator_emails]</c>.
/// A district's coordinators may be written on any of its rows (blank cells are fine); rows that state
/// different names or coordinators for one district are rejected. Rows are read one at a time: what is kept is one
/// compact record per unit, never the text.
/// </summary>
public static class RosterCsvParser
{
    public const int MaxRows = 100_000;
    public const int MaxColumns = 20;
    public const int MaxNameLength = 200;

    private static readonly string[] RequiredColumns = ["district_id", "district_name", "unit_id", "unit_name", "officer_emails"];
    private const string CoordinatorColumn = "coordinator_emails";
    private static readonly string ExpectedColumns = $"{string.Join(',', RequiredColumns)}[,{CoordinatorColumn}]";

    public static RosterCsv Parse(string text, string areaLevel = RosterDistrict.DefaultAreaLevel) =>
        Parse(new StringReader(text), areaLevel);

    public static RosterCsv Parse(TextReader text, string areaLevel = RosterDistrict.DefaultAreaLevel)
    {
        var errors = new SortedDictionary<string, List<Message>>(StringComparer.Ordinal);
        void Fail(string where, Message message)
        {
            if (!errors.TryGetValue(where, out var list))
            {
                errors[where] = list = [];
            }

            list.Add(message);
        }

        using var records = CsvReader.Read(text).GetEnumerator();
        if (!records.MoveNext())
        {
            Fail("header", c => c.RosterEmpty());
            return Result([], [], errors);
        }

        var header = records.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (header.Length > MaxColumns)
        {
            Fail("header", c => c.RosterTooManyColumns(header.Length, MaxColumns));
            return Result([], [], errors);
        }

        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length > 0 && !columns.TryAdd(header[i], i))
            {
                var duplicate = header[i];
                Fail("header", c => c.RosterDuplicateColumn(duplicate));
            }
        }

        foreach (var missing in RequiredColumns.Where(c => !columns.ContainsKey(c)))
        {
            Fail("header", c => c.RosterMissingColumn(missing, ExpectedColumns));
        }

        if (errors.Count > 0)
        {
            return Result([], [], errors);
        }

        var districts = new Dictionary<string, DistrictDraft>(StringComparer.Ordinal);
        var units = new List<RosterUnit>();
        var unitRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++rows > MaxRows)
            {
                Fail($"row {line}", c => c.RosterTooManyRows(MaxRows));
                break;
            }

            var where = $"row {line}";
            if (fields.Count > MaxColumns)
            {
                var count = fields.Count;
                Fail(where, c => c.RosterTooManyColumns(count, MaxColumns));
                continue;
            }

            string Cell(string column) =>
                columns.TryGetValue(column, out var index) && index < fields.Count ? TextRules.Normalize(fields[index]) : string.Empty;

            var districtId = Cell("district_id").ToLowerInvariant();
            var districtName = Cell("district_name");
            var unitId = Cell("unit_id").ToLowerInvariant();
            var unitName = Cell("unit_name");
            var rowErrors = errors.Count;

            if (!Ids.IsValid(districtId))
            {
                Fail(where, c => c.RosterInvalidId("district_id", districtId));
            }

            if (!Ids.IsValid(unitId))
            {
                Fail(where, c => c.RosterInvalidId("unit_id", unitId));
            }
            else if (unitRows.TryGetValue(unitId, out var firstLine))
            {
                Fail(where, c => c.RosterDuplicateUnitId(unitId, firstLine));
            }

            CheckName(where, "district_name", districtName, Fail);
            CheckName(where, "unit_name", unitName, Fail);

            var (officers, badOfficers) = Emails.Split(Cell("officer_emails"));
            foreach (var bad in badOfficers)
            {
                Fail(where, c => c.RosterInvalidEmail("officer_emails", bad));
            }

            var (coordinators, badCoordinators) = Emails.Split(Cell(CoordinatorColumn));
            foreach (var bad in badCoordinators)
            {
                Fail(where, c => c.RosterInvalidEmail(CoordinatorColumn, bad));
            }

            if (errors.Count != rowErrors)
            {
                continue;
            }

            if (districts.TryGetValue(districtId, out var district))
            {
                if (district.Name != districtName)
                {
                    var (firstRow, firstName) = (district.Line, district.Name);
                    Fail(where, c => c.RosterDistrictNameDisagrees(districtId, districtName, firstRow, firstName));
                    continue;
                }

                if (coordinators.Count > 0)
                {
                    if (district.Coordinators is null)
                    {
                        district.Coordinators = coordinators;
                        district.CoordinatorLine = line;
                    }
                    else if (!district.Coordinators.Order().SequenceEqual(coordinators.Order()))
                    {
                        var firstRow = district.CoordinatorLine;
                        Fail(where, c => c.RosterCoordinatorsDisagree(districtId, firstRow));
                        continue;
                    }
                }
            }
            else
            {
                districts[districtId] = new DistrictDraft(districtId, districtName, line)
                {
                    Coordinators = coordinators.Count > 0 ? coordinators : null,
                    CoordinatorLine = line,
                };
            }

            unitRows[unitId] = line;

            // The area's strings once for all its units, and the emails as an array: a national roster is 100,000 of these.
            var area = districts[districtId];
            units.Add(new RosterUnit(unitId, unitName, area.Id, area.Name, officers.Count == 0 ? [] : [.. officers]));
        }

        if (errors.Count == 0 && units.Count == 0)
        {
            Fail("rows", c => c.RosterHasNoUnits());
        }

        var districtList = districts
            .Select(pair => new RosterDistrict(pair.Key, pair.Value.Name, pair.Value.Coordinators ?? [], areaLevel))
            .ToList();
        return Result(districtList, units, errors);
    }

    private static void CheckName(string where, string column, string value, Action<string, Message> fail)
    {
        if (value.Length == 0)
        {
            fail(where, c => c.RosterCellEmpty(column));
        }
        else if (value.Length > MaxNameLength)
        {
            fail(where, c => c.RosterCellTooLong(column, MaxNameLength));
        }
        else if (TextRules.HasControlCharacters(value, allowLineBreaks: false))
        {
            fail(where, c => c.RosterCellHasControlCharacters(column));
        }
        else if (TextRules.LooksLikeFormula(value))
        {
            var first = value[0];
            fail(where, c => c.RosterCellLooksLikeFormula(column, first));
        }
    }

    private static RosterCsv Result(IReadOnlyList<RosterDistrict> districts, IReadOnlyList<RosterUnit> units, SortedDictionary<string, List<Message>> errors) =>
        new(districts, units, errors.ToDictionary(e => e.Key, e => (IReadOnlyList<Message>)e.Value));

    private sealed class DistrictDraft(string id, string name, int line)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public int Line { get; } = line;

        public IReadOnlyList<string>? Coordinators { get; set; }

        public int CoordinatorLine { get; set; }
    }
}
