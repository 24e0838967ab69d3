using TetReadiness.Deadlines;
using TetReadiness.Digests;

namespace TetReadiness.Tests.Digests;

/// <summary>The digest counts a missing unit's days overdue from its own deadline.</summary>
public sealed class DigestUnitDeadlineTests
{
    [Fact]
    public void A_missing_unit_with_a_later_deadline_of_its_own_is_not_yet_overdue()
    {
        var data = DigestSamples.Data();
        var own = new UnitDeadline("ba-dinh-ttyt", data.Campaign.Deadline.AddDays(3), "Mất điện", "a@b.invalid", data.Campaign.Deadline, "ba-dinh", "Trung tâm Y tế Ba Đình");
        data = data with { Deadlines = new CampaignDeadlines(data.Campaign.Deadline, new Dictionary<string, UnitDeadline> { [own.UnitId] = own }) };

        var section = DigestContentBuilder.Section(DigestScope.City(DigestSamples.CampaignId), data, DigestSamples.Now, DigestSamples.BaseUrl);

        Assert.Equal([("ba-dinh-ttyt", 0), ("ba-vi-ubnd", 2), ("ung-hoa-chu", 2)], section.Missing.Select(m => (m.UnitId, m.DaysOverdue)));
    }
}
