using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Health;

namespace TetReadiness.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueWatchOptions>().Bind(configuration.GetSection(QueueWatchOptions.SectionName));
        services.AddSingleton<QueueWatch>();
        services.AddSingleton<SecretSettingsCheck>();
        return services;
    }
}
