using TetReadiness.Identity;
using TetReadiness.Status;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// Every bad request is answered with its 4xx as problem+json, never a 500, and leaves every table as it was.
/// Forged principals run twice: with header trust off (ignored: 401) and on (malformed: 401, look-alike roles: 403).
/// </summary>
public sealed class BadInputBatteryTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    public static TheoryData<string> Cases => BadRequestCases.Names;

    public static TheoryData<string, bool> Principals => ForgedPrincipals.NamesTrustedAndNot;

    [Fact]
    public void The_battery_has_at_least_sixty_cases()
    {
        Assert.True(BadRequestCases.All.Count >= 60, $"{BadRequestCases.All.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_gets_its_4xx_problem_and_writes_nothing(string name)
    {
        var app = fixture.Trusting;
        var badCase = BadRequestCases.All[name];
        var request = badCase.Request(app.Get<UnitLinkSigner>(), app.Clock.GetUtcNow());

        await ProblemAssert.RefusedAsync(app, badCase.Status, string.Empty, () => Api.RunAsync(app, badCase.Function, request, badCase.CampaignId, badCase.UnitId));
    }

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task A_forged_principal_gets_no_access_and_writes_nothing(string name, bool trusted)
    {
        var app = trusted ? fixture.Trusting : fixture.Distrusting;
        var (header, statusWhenTrusted) = ForgedPrincipals.All[name];

        await ProblemAssert.RefusedAsync(app, trusted ? statusWhenTrusted : 401, string.Empty, () =>
            Api.CallAsync(app, nameof(StatusFunctions.GetCampaignStatus), headers: AsCaller.RawPrincipal(header)));
    }
}
