using System.Text;

namespace TetReadiness.Tests.Roster;

/// <summary>
/// A roster CSV of any size, written row by row (about 200 bytes a row with one officer, as a national roster has):
/// areas <c>khu-0000</c>…, units <c>khu-0000-dv-00000</c>… whose officers are shared by the units of their area
/// (<c>vanthu@…</c>, and <c>lanhdao@…</c> when there are two), and <c>vanthu@…</c> coordinating the area.
/// </summary>
public static class LargeRoster
{
    public const string Header = "district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n";

    /// <summary>Writes <paramref name="units"/> rows; <paramref name="areaOf"/> says which area each unit is in.</summary>
    public static void Write(TextWriter writer, int units, Func<int, int> areaOf, int officers = 2)
    {
        writer.Write(Header);
        var coordinated = new HashSet<int>();
        for (var unit = 0; unit < units; unit++)
        {
            var area = areaOf(unit);
            var domain = $"khu-{area:D4}.invalid";
            var emails = officers == 1 ? $"vanthu@{domain}" : $"vanthu@{domain};lanhdao@{domain}";
            writer.Write($"khu-{area:D4},Xã Thạch Khoán {area},khu-{area:D4}-dv-{unit:D5},Ủy ban nhân dân xã Thạch Khoán {area} - Trạm y tế xã - Công an xã và Ban chỉ huy quân sự xã số {unit},{emails},{(coordinated.Add(area) ? "vanthu@" + domain : string.Empty)}\n");
        }
    }

    public static string Text(int units, Func<int, int> areaOf)
    {
        using var writer = new StringWriter(new StringBuilder());
        Write(writer, units, areaOf);
        return writer.ToString();
    }
}
