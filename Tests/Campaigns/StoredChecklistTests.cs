using TetReadiness.Campaigns;

namespace TetReadiness.Tests.Campaigns;

public sealed class StoredChecklistTests
{
    private static readonly Checklist Vietnamese = new(
    [
        new ChecklistSection("pccc", "Phòng cháy, chữa cháy", [new ChecklistItem("pccc-cho", "Kiểm tra PCCC tại chợ \"Đồng Xuân\"", true), new ChecklistItem("pccc-xe", @"Xe chữa cháy \ trực 24/24", false)]),
        new ChecklistSection("an-sinh", "Chăm lo hộ nghèo", [new ChecklistItem("qua-tet", "Tặng quà Tết 🎁", true)]),
    ]);

    [Fact]
    public void A_checklist_reads_back_the_same_with_Vietnamese_kept_as_written()
    {
        var json = StoredChecklist.Serialize(Vietnamese);

        Assert.Contains("Phòng cháy, chữa cháy", json, StringComparison.Ordinal);
        Assert.True(StoredChecklist.Parse(json).SameAs(Vietnamese));
        Assert.Equal(["pccc", "an-sinh"], StoredChecklist.Parse(json).Sections.Select(s => s.Id));
    }

    [Fact]
    public void A_longestchecklist_is_cut_into_columns_that_join_back_to_it()
    {
        var longest = new Checklist([new ChecklistSection("s", "Phần", Enumerable.Range(0, 98).Select(i => new ChecklistItem($"muc-{i}", new string('ệ', 500), i % 2 == 0)).ToList())]);
        var json = StoredChecklist.Serialize(longest);

        var parts = StoredChecklist.Split(json);

        Assert.InRange(json.Length, StoredChecklist.PartLength + 1, StoredChecklist.MaxLength);
        Assert.Equal(StoredChecklist.MaxParts, parts.Length);
        Assert.All(parts.Where(p => p is not null), p => Assert.InRange(p!.Length, 1, StoredChecklist.PartLength));
        Assert.True(StoredChecklist.Parse(string.Concat(parts)).SameAs(longest));
    }

    [Fact]
    public void A_short_checklist_takes_one_column()
    {
        var parts = StoredChecklist.Split(StoredChecklist.Serialize(Vietnamese));

        Assert.NotNull(parts[0]);
        Assert.All(parts.Skip(1), Assert.Null);
    }

    [Fact]
    public void More_than_the_columns_hold_is_refused()
    {
        Assert.Throws<ArgumentException>(() => StoredChecklist.Split(new string('x', StoredChecklist.MaxLength + 1)));
    }
}
