using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>The read-only reporting feed: its keys (<c>Feed__PrimaryKey</c>, <c>Feed__SecondaryKey</c>) and its reader.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FeedKeys>();
        services.AddSingleton<FeedReader>();
        return services;
    }
}
