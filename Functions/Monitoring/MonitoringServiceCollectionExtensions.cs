using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueWatchOptions>().Bind(configuration.GetSection(QueueWatchOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QueueWatch>();
        return services;
    }
}
