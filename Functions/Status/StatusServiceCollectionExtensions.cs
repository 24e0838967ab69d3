using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Status;

public static class StatusServiceCollectionExtensions
{
    /// <summary>A campaign's reporting status, non-reporters, units and least-ready items.</summary>
    public static IServiceCollection AddStatus(this IServiceCollection services)
    {
        services.AddSingleton<StatusService>();
        return services;
    }
}
