using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Storage;

namespace TetReadiness.Deadlines;

public static class DeadlineServiceCollectionExtensions
{
    /// <summary>Units' own deadlines: the <c>UnitDeadlines</c> table, its store (also <see cref="IUnitDeadlines"/>) and the endpoints' service.</summary>
    public static IServiceCollection AddDeadlines(this IServiceCollection services)
    {
        services.AddOwnedTables("Deadlines", DeadlineTables.All);
        services.AddSingleton<UnitDeadlineStore>();
        services.AddSingleton<IUnitDeadlines>(sp => sp.GetRequiredService<UnitDeadlineStore>());
        services.AddSingleton<UnitDeadlineService>();
        return services;
    }
}
