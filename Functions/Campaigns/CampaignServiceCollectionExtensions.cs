using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Roster;
using TetReadiness.Storage;

namespace TetReadiness.Campaigns;

public static class CampaignServiceCollectionExtensions
{
    /// <summary>Campaigns and their checklists: their tables, store, cached catalog and service.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddOwnedTables("Campaigns", CampaignTables.All);
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<IChecklistProjection>(sp => sp.GetRequiredService<CampaignStore>());
        services.AddSingleton<IFeedCampaigns>(sp => sp.GetRequiredService<CampaignStore>());
        services.AddSingleton<CampaignCatalog>();
        services.AddSingleton<ICampaignDirectory>(sp => sp.GetRequiredService<CampaignCatalog>());
        services.AddSingleton<CampaignService>();
        services.AddSingleton<IClosedCampaigns, ClosedCampaignRosters>();
        return services;
    }
}
