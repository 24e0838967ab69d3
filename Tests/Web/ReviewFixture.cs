using TetReadiness.Campaigns;

namespace TetReadiness.Tests.Web;

/// <summary>An open campaign on the demo checklist, deadline in three days, nobody reported: each test reviews its own unit.</summary>
public sealed class ReviewFixture : BrowserFixture
{
    public const string CampaignId = "tet-duyet";

    public CampaignDefinition Campaign { get; } = WebSeed.Campaign("Chuẩn bị Tết (xét duyệt)", WebSeed.Today.AddDays(-10), WebSeed.Today.AddDays(3));

    protected override async Task SeedAsync(WebApp app)
    {
        await app.ImportRosterAsync(WebSeed.RosterCsv);
        await app.PutCampaignAsync(CampaignId, Campaign);
    }
}
