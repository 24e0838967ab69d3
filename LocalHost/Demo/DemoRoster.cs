using System.Text;
using TetReadiness.Roster;

namespace TetReadiness.LocalHost.Demo;

/// <summary>
/// Hanoi's 30 district-level units of 2024, each with a few reporting units. Every email is under the reserved
/// <c>.invalid</c> domain, so even a real SendGrid key never mails a real person.
/// </summary>
public static class DemoRoster
{
    public const string EmailDomain = "hanoi.invalid";

    private static readonly (string Suffix, string Name, string Mailbox)[] UnitKinds =
    [
        ("ubnd", "UBND", "vanphong"),
        ("ttyt", "Trung tâm Y tế", "truc"),
        ("bql-cho", "Ban Quản lý chợ", "banquanly"),
        ("cong-an", "Công an", "trucban"),
    ];

    /// <summary>The roster CSV a coordinator would upload, built from the districts file (id, name, kind).</summary>
    public static string BuildCsv(string districtsCsv)
    {
        var csv = new StringBuilder("district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n");
        var districts = CsvReader.Read(districtsCsv.TrimStart('\uFEFF'), ',').Skip(1).ToList();
        for (var d = 0; d < districts.Count; d++)
        {
            var (districtId, districtName) = (districts[d].Fields[0], districts[d].Fields[1]);
            var shortName = districtName.Split(' ', 2) is [_, var rest] && districtName.StartsWith("Thị xã", StringComparison.Ordinal)
                ? districtName["Thị xã ".Length..]
                : districtName.Split(' ', 2)[1];
            var coordinator = $"dieuphoi@{districtId}.{EmailDomain}";
            foreach (var (suffix, name, mailbox) in UnitKinds)
            {
                var unitId = $"{districtId}-{suffix}";
                var unitName = suffix == "ubnd" ? $"UBND {districtName}" : $"{name} {shortName}";
                // Two units have no officer email yet: the reminders show what happens then.
                var officers = (d, suffix) is (5, "bql-cho") or (20, "bql-cho")
                    ? string.Empty
                    : $"{mailbox}@{unitId}.{EmailDomain};lanhdao@{unitId}.{EmailDomain}";
                csv.Append(districtId).Append(',').Append(Quote(districtName)).Append(',').Append(unitId).Append(',')
                    .Append(Quote(unitName)).Append(',').Append(officers).Append(',').Append(coordinator).Append('\n');
            }
        }

        return csv.ToString();
    }

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
