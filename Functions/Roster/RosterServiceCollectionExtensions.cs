using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Storage;

namespace TetReadiness.Roster;

public static class RosterServiceCollectionExtensions
{
    /// <summary>The roster: its tables, its store, the import, who coordinates or reports for what, and its data migrations.</summary>
    public static IServiceCollection AddRoster(this IServiceCollection services)
    {
        services.AddOwnedTables("Roster", RosterTables.All);
        services.AddSingleton<RosterStore>();
        services.AddSingleton<IUnitDirectory>(sp => sp.GetRequiredService<RosterStore>());
        services.AddSingleton<ILinkGenerations>(sp => sp.GetRequiredService<RosterStore>());
        services.AddSingleton<ICampaignRosters>(sp => sp.GetRequiredService<RosterStore>());
        services.AddSingleton<RosterImporter>();
        services.AddSingleton<CoordinatorDirectory>();
        services.AddSingleton<ReporterDirectory>();
        services.AddSingleton<CoordinatedUnits>();

        // Lazy: a migration of another feature may ask the roster for units, and the roster asks which migrations completed.
        services.AddDataMigration<AreaUnitsMigration>();
        services.AddDataMigration<RosterPeopleMigration>();
        services.AddDataMigration<CampaignUnitsKeysMigration>();
        return services;
    }
}
