using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Storage;

namespace TetReadiness.Status;

public static class StatusServiceCollectionExtensions
{
    /// <summary>A campaign's reporting status, non-reporters, units and least-ready items, and the per-area summaries behind them.</summary>
    public static IServiceCollection AddStatus(this IServiceCollection services)
    {
        services.AddOwnedTables("Status", StatusTables.All);
        services.AddSingleton<AreaSummaryStore>();
        services.AddSingleton<StatusRollupService>();
        services.AddSingleton<StatusService>();
        return services;
    }
}
