using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TetReadiness.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The storage clients (one per service, shared), <see cref="TableClients"/> for the features' stores, and the
    /// start-up that creates the tables the features register (<see cref="OwnedTable"/>) and the queues.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MissingResourceWatch>();
        services.AddSingleton(sp => StorageClientFactory.CreateTableService(
            configuration, sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<MissingResourceWatch>()));
        services.AddSingleton(sp => StorageClientFactory.CreateQueueService(
            configuration, sp.GetRequiredService<IOptions<StorageOptions>>().Value, watch: sp.GetRequiredService<MissingResourceWatch>()));
        services.AddSingleton<TableClients>();
        services.AddOwnedTables("Storage", MigrationTables.All);
        services.TryAddSingleton<DataMigrations>();
        services.AddSingleton(sp => new DataMigrationState(new Lazy<DataMigrations>(sp.GetRequiredService<DataMigrations>), sp.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>()));
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
