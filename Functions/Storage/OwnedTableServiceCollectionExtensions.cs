using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Storage;

public static class OwnedTableServiceCollectionExtensions
{
    /// <summary>Declares the tables <paramref name="owner"/> owns (created at start-up, backed up, restored).</summary>
    public static IServiceCollection AddOwnedTables(this IServiceCollection services, string owner, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            services.AddSingleton(new OwnedTable(name, owner));
        }

        return services;
    }
}
