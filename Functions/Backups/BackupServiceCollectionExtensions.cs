using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TetReadiness.Storage;

namespace TetReadiness.Backups;

public static class BackupServiceCollectionExtensions
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => StorageClientFactory.CreateBlobService(configuration, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<TableExporter>();
        return services;
    }
}
