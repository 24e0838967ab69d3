using TetReadiness.Auth;
using TetReadiness.Http;
using TetReadiness.Roster;

namespace TetReadiness.Tests.Auth;

public sealed class AccessPolicyTests
{
    private static readonly RosterUnit Unit = new("ba-dinh-ubnd", "UBND Quận Ba Đình", "ba-dinh", "Quận Ba Đình", ["vanphong@ba-dinh.invalid"], LinkGeneration: 2);
    private static readonly HashSet<string> NoDistricts = [];

    [Fact]
    public void No_identity_is_401_before_anything_else()
    {
        var problem = Assert.Throws<ProblemException>(() => AccessPolicy.RequireWrite(Caller.Anonymous, "tet-2024", null));

        Assert.Equal(401, problem.Status);
    }

    [Fact]
    public void An_officer_writes_only_their_own_unit_and_case_does_not_matter()
    {
        AccessPolicy.RequireWrite(Officer("VanPhong@Ba-Dinh.invalid"), "tet-2024", Unit);

        Assert.Equal(403, Assert.Throws<ProblemException>(() => AccessPolicy.RequireWrite(Officer("other@x.invalid"), "tet-2024", Unit)).Status);
    }

    [Fact]
    public void A_link_holder_writes_only_the_unit_and_campaign_of_the_link_at_the_current_generation()
    {
        AccessPolicy.RequireWrite(Link("tet-2024", "ba-dinh-ubnd", 2), "tet-2024", Unit);

        Assert.Equal(403, Assert.Throws<ProblemException>(() => AccessPolicy.RequireWrite(Link("tet-2025", "ba-dinh-ubnd", 2), "tet-2024", Unit)).Status);
        var revoked = Assert.Throws<ProblemException>(() => AccessPolicy.RequireWrite(Link("tet-2024", "ba-dinh-ubnd", 1), "tet-2024", Unit));
        Assert.Equal(403, revoked.Status);
        Assert.Contains("revoked", revoked.Detail);
    }

    [Fact]
    public void A_city_coordinator_reads_every_unit_but_does_not_submit_for_it()
    {
        var coordinator = new Caller(new ClientPrincipal("aad", "sonoivu@hanoi.invalid", null, ["coordinator"]), null, null);

        AccessPolicy.RequireRead(coordinator, "tet-2024", Unit, NoDistricts);
        Assert.Equal(403, Assert.Throws<ProblemException>(() => AccessPolicy.RequireWrite(coordinator, "tet-2024", Unit)).Status);
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
        Assert.Equal(403, Assert.Throws<ProblemException>(() => AccessPolicy.RequireRead(coordinator, "tet-2024", Unit, new HashSet<string> { "hoan-kiem" })).Status);
        Assert.Equal(403, Assert.Throws<ProblemException>(() => AccessPolicy.RequireCoordinator(Officer("vanphong@ba-dinh.invalid"), NoDistricts)).Status);
    }

    [Fact]
    public void Only_the_coordinator_role_makes_a_city_coordinator()
    {
        Assert.Equal(403, Assert.Throws<ProblemException>(() => AccessPolicy.RequireCityCoordinator(Officer("dieuphoi@ba-dinh.invalid"))).Status);
        Assert.Equal(401, Assert.Throws<ProblemException>(() => AccessPolicy.RequireCityCoordinator(Caller.Anonymous)).Status);
    }

    private static Caller Officer(string email) => new(new ClientPrincipal("aad", email.ToLowerInvariant(), null, []), null, null);

    private static Caller Link(string campaignId, string unitId, int generation) =>
        new(null, new UnitLink(campaignId, unitId, generation, DateTimeOffset.MaxValue), null);
}
