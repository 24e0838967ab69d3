using TetReadiness.Campaigns;

namespace TetReadiness.Tests.Web;

/// <summary>An open campaign on the demo checklist, deadline in three days; nobody has reported yet.</summary>
public sealed class OfficerFormFixture : BrowserFixture
{
    public const string CampaignId = "tet-thu";

    public CampaignDefinition Campaign { get; } = WebSeed.Campaign("Chuẩn bị Tết (thử nghiệm)", WebSeed.Today.AddDays(-10), WebSeed.Today.AddDays(3));

    protected override async Task SeedAsync(WebApp app)
    {
        await app.ImportRosterAsync(WebSeed.RosterCsv);
        await app.PutCampaignAsync(CampaignId, Campaign);
    }
}
