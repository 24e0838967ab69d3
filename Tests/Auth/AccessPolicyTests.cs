using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Roster;

namespace TetReadiness.Tests.Auth;

public sealed class AccessPolicyTests
{
    private static readonly RosterUnit Unit = new("ba-dinh-ubnd", "UBND Quận Ba Đình", "ba-dinh", "Quận Ba Đình", ["vanphong@ba-dinh.invalid"], LinkGeneration: 2);
    private static readonly HashSet<string> NoDistricts = [];

    [Fact]
    public void No_identity_is_401_before_anything_else()
    {
        var problem = Assert.Throws<RefusalException>(() => AccessPolicy.RequireWrite(Caller.Anonymous, "tet-2024", null));

        Assert.Equal(401, problem.Status);
    }

    [Fact]
    public void An_officer_writes_only_their_own_unit_and_case_does_not_matter()
    {
        AccessPolicy.RequireWrite(Officer("VanPhong@Ba-Dinh.invalid"), "tet-2024", Unit);

        Assert.Equal(403, Assert.Throws<RefusalException>(() => AccessPolicy.RequireWrite(Officer("other@x.invalid"), "tet-2024", Unit)).Status);
    }

    [Fact]
    public void A_link_holder_writes_only_the_unit_and_campaign_of_the_link_at_the_current_generation()
    {
        AccessPolicy.RequireWrite(Link("tet-2024", "ba-dinh-ubnd", 2), "tet-2024", Unit);

        Assert.Equal(403, Assert.Throws<RefusalException>(() => AccessPolicy.RequireWrite(Link("tet-2025", "ba-dinh-ubnd", 2), "tet-2024", Unit)).Status);
        var revoked = Assert.Throws<RefusalException>(() => AccessPolicy.RequireWrite(Link("tet-2024", "ba-dinh-ubnd", 1), "tet-2024", Unit));
        Assert.Equal(403, revoked.Status);
        Assert.Contains("revoked", revoked.Detail);
    }

    [Fact]
    public void A_city_coordinator_reads_every_unit_but_does_not_submit_for_it()
    {
        var coordinator = new Caller(new ClientPrincipal("aad", "sonoivu@hanoi.invalid", null, ["coordinator"]), null, null);

        AccessPolicy.RequireRead(coordinator, "tet-2024", Unit, NoDistricts);
        Assert.Equal(403, Assert.Throws<RefusalException>(() => AccessPolicy.RequireWrite(coordinator, "tet-2024", Unit)).Status);
        Assert.True(AccessPolicy.RequireCoordinator(coordinator, NoDistricts).WholeCity);
    }

    [Fact]
    public void A_district_coordinator_sees_only_their_districts()
    {
        var coordinator = Officer("dieuphoi@ba-dinh.invalid");

        var scope = AccessPolicy.RequireCoordinator(coordinator, new HashSet<string> { "ba-dinh" });
        AccessPolicy.RequireRead(coordinator, "tet-2024", Unit, new HashSet<string> { "ba-dinh" });

        Assert.True(scope.Covers("ba-dinh"));
        Assert.False(scope.Covers("hoan-kiem"));
        Assert.Equal(403, Assert.Throws<RefusalException>(() => AccessPolicy.RequireRead(coordinator, "tet-2024", Unit, new HashSet<string> { "hoan-kiem" })).Status);
        Assert.Equal(403, Assert.Throws<RefusalException>(() => AccessPolicy.RequireCoordinator(Officer("vanphong@ba-dinh.invalid"), NoDistricts)).Status);
    }

    [Fact]
    public void Only_the_coordinator_role_makes_a_city_coordinator()
    {
        Assert.Equal(403, Assert.Throws<RefusalException>(() => AccessPolicy.RequireCityCoordinator(Officer("dieuphoi@ba-dinh.invalid"))).Status);
        Assert.Equal(401, Assert.Throws<RefusalException>(() => AccessPolicy.RequireCityCoordinator(Caller.Anonymous)).Status);
    }

    [Fact]
    public void Coordinators_see_every_campaign_open_or_not()
    {
        var city = new Caller(new ClientPrincipal("aad", "sonoivu@hanoi.invalid", null, ["coordinator"]), null, null);

        Assert.True(AccessPolicy.MaySeeCampaign(city, "tet-2027", openNow: false, coordinator: false, officerOfActiveUnit: false, linkedUnit: null));
        Assert.True(AccessPolicy.MaySeeCampaign(Officer("dieuphoi@ba-dinh.invalid"), "tet-2027", openNow: false, coordinator: true, officerOfActiveUnit: false, linkedUnit: null));
        Assert.True(AccessPolicy.MaySeeCampaign(Caller.System, "tet-2027", openNow: false, coordinator: false, officerOfActiveUnit: false, linkedUnit: null));
    }

    [Fact]
    public void An_officer_sees_a_campaign_only_while_it_is_open_and_only_with_an_active_unit()
    {
        var officer = Officer("vanphong@ba-dinh.invalid");

        Assert.True(AccessPolicy.MaySeeCampaign(officer, "tet-2024", openNow: true, coordinator: false, officerOfActiveUnit: true, linkedUnit: null));
        Assert.False(AccessPolicy.MaySeeCampaign(officer, "tet-2024", openNow: false, coordinator: false, officerOfActiveUnit: true, linkedUnit: null));
        Assert.False(AccessPolicy.MaySeeCampaign(officer, "tet-2024", openNow: true, coordinator: false, officerOfActiveUnit: false, linkedUnit: null));
    }

    [Fact]
    public void A_link_holder_sees_only_the_open_campaign_of_its_link_at_the_current_generation_of_an_active_unit()
    {
        Assert.True(AccessPolicy.MaySeeCampaign(Link("tet-2024", "ba-dinh-ubnd", 2), "tet-2024", true, false, false, Unit));
        Assert.False(AccessPolicy.MaySeeCampaign(Link("tet-2024", "ba-dinh-ubnd", 2), "tet-2024", false, false, false, Unit));
        Assert.False(AccessPolicy.MaySeeCampaign(Link("tet-2024", "ba-dinh-ubnd", 2), "tet-2025", true, false, false, Unit));
        Assert.False(AccessPolicy.MaySeeCampaign(Link("tet-2024", "ba-dinh-ubnd", 1), "tet-2024", true, false, false, Unit));
        Assert.False(AccessPolicy.MaySeeCampaign(Link("tet-2024", "ba-dinh-ubnd", 2), "tet-2024", true, false, false, Unit with { Active = false }));
        Assert.False(AccessPolicy.MaySeeCampaign(Link("tet-2024", "ba-dinh-ubnd", 2), "tet-2024", true, false, false, null));
    }

    [Fact]
    public void A_units_reports_are_hidden_before_the_campaign_opens_except_from_its_coordinators()
    {
        var officer = Officer("vanphong@ba-dinh.invalid");
        var city = new Caller(new ClientPrincipal("aad", "sonoivu@hanoi.invalid", null, ["coordinator"]), null, null);

        Assert.False(AccessPolicy.MaySeeUnitReports(officer, coordinatesUnit: false, campaignHasOpened: false));
        Assert.False(AccessPolicy.MaySeeUnitReports(Link("tet-2024", "ba-dinh-ubnd", 2), coordinatesUnit: false, campaignHasOpened: false));
        Assert.True(AccessPolicy.MaySeeUnitReports(officer, coordinatesUnit: false, campaignHasOpened: true));
        Assert.True(AccessPolicy.MaySeeUnitReports(officer, coordinatesUnit: true, campaignHasOpened: false));
        Assert.True(AccessPolicy.MaySeeUnitReports(city, coordinatesUnit: false, campaignHasOpened: false));
    }

    private static Caller Officer(string email) => new(new ClientPrincipal("aad", email.ToLowerInvariant(), null, []), null, null);

    private static Caller Link(string campaignId, string unitId, int generation) =>
        new(null, new UnitLink(campaignId, unitId, generation, DateTimeOffset.MaxValue), null);
}
