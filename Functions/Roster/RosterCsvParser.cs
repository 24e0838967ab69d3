using TetReadiness.Common;

namespace TetReadiness.Roster;

/// <summary>
/// Turns the roster CSV a coordinator exports from Excel into districts and units, or into a list of the rows
/// that are wrong. Header: <c>district_id,district_name,unit_id,unit_name,officer_emails[,coordinator_emails]</c>.
/// A district's coordinators may be written on any of its rows (blank cells are fine); rows that state
/// different names or coordinators for one district are rejected.
/// </summary>
public static class RosterCsvParser
{
    public const int MaxRows = 20_000;
    public const int MaxColumns = 20;
    public const int MaxNameLength = 200;

    private static readonly string[] RequiredColumns = ["district_id", "district_name", "unit_id", "unit_name", "officer_emails"];
    private const string CoordinatorColumn = "coordinator_emails";

    public static RosterCsv Parse(string text, string areaLevel = RosterDistrict.DefaultAreaLevel)
    {
        var errors = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string where, string message)
        {
            if (!errors.TryGetValue(where, out var list))
            {
                errors[where] = list = [];
            }

            list.Add(message);
        }

        text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        var records = CsvReader.Read(text, CsvReader.DetectDelimiter(text)).GetEnumerator();
        if (!records.MoveNext())
        {
            Fail("header", "Tệp trống. (The CSV is empty.)");
            return Result([], [], errors);
        }

        var header = records.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (header.Length > MaxColumns)
        {
            Fail("header", $"Quá nhiều cột ({header.Length} > {MaxColumns}). (Too many columns.)");
            return Result([], [], errors);
        }

        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length > 0 && !columns.TryAdd(header[i], i))
            {
                Fail("header", $"Cột '{header[i]}' bị lặp. (Duplicate column.)");
            }
        }

        foreach (var missing in RequiredColumns.Where(c => !columns.ContainsKey(c)))
        {
            Fail("header", $"Thiếu cột '{missing}'. (Missing column; expected {string.Join(',', RequiredColumns)}[,{CoordinatorColumn}].)");
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
                Fail($"row {line}", $"Quá {MaxRows} dòng. (More than {MaxRows} rows.)");
                break;
            }

            var where = $"row {line}";
            if (fields.Count > MaxColumns)
            {
                Fail(where, $"Quá nhiều cột ({fields.Count}). (Too many columns.)");
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
                Fail(where, $"district_id '{districtId}' không hợp lệ (chỉ a-z, 0-9, '-', tối đa 64). (Invalid id.)");
            }

            if (!Ids.IsValid(unitId))
            {
                Fail(where, $"unit_id '{unitId}' không hợp lệ (chỉ a-z, 0-9, '-', tối đa 64). (Invalid id.)");
            }
            else if (unitRows.TryGetValue(unitId, out var firstLine))
            {
                Fail(where, $"unit_id '{unitId}' đã có ở dòng {firstLine}. (Unit ids must be unique across the city.)");
            }

            CheckName(where, "district_name", districtName, Fail);
            CheckName(where, "unit_name", unitName, Fail);

            var (officers, badOfficers) = Emails.Split(Cell("officer_emails"));
            foreach (var bad in badOfficers)
            {
                Fail(where, $"Email cán bộ '{bad}' không hợp lệ. (Invalid officer email.)");
            }

            var (coordinators, badCoordinators) = Emails.Split(Cell(CoordinatorColumn));
            foreach (var bad in badCoordinators)
            {
                Fail(where, $"Email điều phối '{bad}' không hợp lệ. (Invalid coordinator email.)");
            }

            if (errors.Count != rowErrors)
            {
                continue;
            }

            if (districts.TryGetValue(districtId, out var district))
            {
                if (district.Name != districtName)
                {
                    Fail(where, $"Tên của '{districtId}' là '{districtName}', khác dòng {district.Line} ('{district.Name}'). (Rows disagree about the district's name.)");
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
                        Fail(where, $"Điều phối viên của '{districtId}' khác dòng {district.CoordinatorLine}. (Rows disagree about the district's coordinators.)");
                        continue;
                    }
                }
            }
            else
            {
                districts[districtId] = new DistrictDraft(districtName, line)
                {
                    Coordinators = coordinators.Count > 0 ? coordinators : null,
                    CoordinatorLine = line,
                };
            }

            unitRows[unitId] = line;
            units.Add(new RosterUnit(unitId, unitName, districtId, districtName, officers));
        }

        if (errors.Count == 0 && units.Count == 0)
        {
            Fail("rows", "Không có đơn vị nào. (The CSV has no units.)");
        }

        var districtList = districts
            .Select(pair => new RosterDistrict(pair.Key, pair.Value.Name, pair.Value.Coordinators ?? [], areaLevel))
            .ToList();
        return Result(districtList, units, errors);
    }

    private static void CheckName(string where, string column, string value, Action<string, string> fail)
    {
        if (value.Length == 0)
        {
            fail(where, $"{column} trống. (Empty {column}.)");
        }
        else if (value.Length > MaxNameLength)
        {
            fail(where, $"{column} dài quá {MaxNameLength} ký tự. (Too long.)");
        }
        else if (TextRules.HasControlCharacters(value, allowLineBreaks: false))
        {
            fail(where, $"{column} có ký tự điều khiển. (Control characters are not allowed.)");
        }
        else if (TextRules.LooksLikeFormula(value))
        {
            fail(where, $"{column} bắt đầu bằng '{value[0]}' (có thể là công thức Excel). (Cells starting with = + - @ are rejected as formula injection.)");
        }
    }

    private static RosterCsv Result(IReadOnlyList<RosterDistrict> districts, IReadOnlyList<RosterUnit> units, SortedDictionary<string, List<string>> errors) =>
        new(districts, units, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    private sealed class DistrictDraft(string name, int line)
    {
        public string Name { get; } = name;

        public int Line { get; } = line;

        public IReadOnlyList<string>? Coordinators { get; set; }

        public int CoordinatorLine { get; set; }
    }
}
