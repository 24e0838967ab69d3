using TetReadiness.Digests;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;

namespace TetReadiness.Tests.Digests;

public sealed class DigestPlannerTests
{
    private static readonly IReadOnlyList<RosterUnit> Units = DigestSamples.Units();

    [Fact]
    public void A_person_with_several_scopes_and_campaigns_gets_one_email_with_a_section_each()
    {
        var earlier = Open(DigestSamples.Campaign("tet-2027", recipients: ["sonoivu@hanoi.invalid"], deadlineDay: 20));
        var later = Open(DigestSamples.Campaign("ra-soat-cho", recipients: ["Chanh.VanPhong@hanoi.invalid"], deadlineDay: 28));
        var districts = new[]
        {
            new RosterDistrict("ba-dinh", "Quận Ba Đình", ["chanh.vanphong@hanoi.invalid", "dieuphoi@ba-dinh.invalid"]),
            new RosterDistrict("ung-hoa", "Huyện Ứng Hòa", ["CHANH.VANPHONG@hanoi.invalid"]),
        };

        var plans = DigestPlanner.Plan([later, earlier], districts);

        var person = Assert.Single(plans, p => p.Recipient == "chanh.vanphong@hanoi.invalid");
        Assert.Equal(
            [DigestScope.District("tet-2027", "ba-dinh"), DigestScope.District("tet-2027", "ung-hoa"), DigestScope.City("ra-soat-cho")],
            person.Scopes);
        Assert.Equal(["chanh.vanphong@hanoi.invalid", "dieuphoi@ba-dinh.invalid", "sonoivu@hanoi.invalid"], plans.Select(p => p.Recipient));
        Assert.Equal(
            [DigestScope.District("tet-2027", "ba-dinh"), DigestScope.District("ra-soat-cho", "ba-dinh")],
            plans.Single(p => p.Recipient == "dieuphoi@ba-dinh.invalid").Scopes);
    }

    [Fact]
    public void Recipients_are_deduplicated_case_insensitively()
    {
        var campaign = Open(DigestSamples.Campaign(recipients: ["SoNoiVu@Hanoi.invalid", "sonoivu@hanoi.invalid ", "giamdoc@hanoi.invalid"]));
        var districts = new[] { new RosterDistrict("ba-vi", "Huyện Ba Vì", ["SONOIVU@HANOI.INVALID", "giamdoc@hanoi.invalid"]) };

        var plans = DigestPlanner.Plan([campaign], districts);

        Assert.Equal(["giamdoc@hanoi.invalid", "sonoivu@hanoi.invalid"], plans.Select(p => p.Recipient));
        Assert.All(plans, plan => Assert.Equal([DigestScope.City(DigestSamples.CampaignId)], plan.Scopes));
    }

    [Fact]
    public void Coordinators_of_inactive_districts_or_districts_without_units_in_the_campaign_get_nothing()
    {
        var campaign = Open(DigestSamples.Campaign(recipients: []));
        var districts = new[]
        {
            new RosterDistrict("ba-vi", "Huyện Ba Vì", ["dieuphoi@ba-vi.invalid"], Active: false),
            new RosterDistrict("tay-ho", "Quận Tây Hồ", ["dieuphoi@tay-ho.invalid"]),
            new RosterDistrict("ung-hoa", "Huyện Ứng Hòa", ["dieuphoi@ung-hoa.invalid"]),
        };

        var plan = Assert.Single(DigestPlanner.Plan([campaign], districts));

        Assert.Equal("dieuphoi@ung-hoa.invalid", plan.Recipient);
        Assert.Equal([DigestScope.District(DigestSamples.CampaignId, "ung-hoa")], plan.Scopes);
    }

    [Fact]
    public void Scopes_survive_the_round_trip_through_the_digests_row()
    {
        IReadOnlyList<DigestScope> scopes = [DigestScope.City("tet-2027"), DigestScope.District("tet-2027", "ba-dinh")];

        Assert.Equal("tet-2027:*;tet-2027:ba-dinh", DigestScope.Format(scopes));
        Assert.Equal(scopes, DigestScope.ParseList(DigestScope.Format(scopes)));
    }

    private static OpenCampaign Open(TetReadiness.Campaigns.Campaign campaign) =>
        new(campaign, StatusCalculator.Calculate(campaign, Units, new Dictionary<string, UnitReport>(), DigestSamples.Now));
}
