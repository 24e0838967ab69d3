using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TetReadiness.Storage;

public static class DataMigrationServiceCollectionExtensions
{
    /// <summary>Registers a migration the owning feature needs; migrations run in the order they are registered.</summary>
    public static IServiceCollection AddDataMigration<T>(this IServiceCollection services)
        where T : class, IDataMigration
    {
        services.TryAddSingleton<DataMigrations>();
        services.AddSingleton<IDataMigration, T>();
        return services;
    }
}
