using TetReadiness.Campaigns;

namespace TetReadiness.Tests.Web;

/// <summary>Two campaigns open at once, so a form address must say which one it means.</summary>
public sealed class TwoCampaignsFixture : BrowserFixture
{
    public const string TrialId = "tet-thu";
    public const string FireSafetyId = "tet-pccc";

    public CampaignDefinition FireSafety { get; } = WebSeed.Campaign("Rà soát PCCC trước Tết", WebSeed.Today.AddDays(-5), WebSeed.Today.AddDays(4));

    protected override async Task SeedAsync(WebApp app)
    {
        await app.ImportRosterAsync(WebSeed.RosterCsv);
        await app.PutCampaignAsync(TrialId, WebSeed.Campaign("Chuẩn bị Tết (thử nghiệm)", WebSeed.Today.AddDays(-10), WebSeed.Today.AddDays(3)));
        await app.PutCampaignAsync(FireSafetyId, FireSafety);
    }
}
