using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TetReadiness.Auth;
using TetReadiness.Campaigns;
using TetReadiness.Digests;
using TetReadiness.Email;
using TetReadiness.Health;
using TetReadiness.Http;
using TetReadiness.Monitoring;
using TetReadiness.Reminders;
using TetReadiness.Reporting;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Storage;
using TetReadiness.Submissions;

namespace TetReadiness.Hosting;

public static class TetReadinessServiceCollectionExtensions
{
    /// <summary>Everything the functions need, for the Functions worker and local mode alike.</summary>
    public static IServiceCollection AddTetReadiness(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.SectionName));
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => StorageClientFactory.CreateTableService(configuration, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => StorageClientFactory.CreateQueueService(configuration, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<StorageTables>();
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<HttpResponder>();
        services.AddAuth(configuration);
        services.AddSingleton<HealthCheck>();

        services.AddSingleton<RosterStore>();
        services.AddSingleton<RosterImporter>();

        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CampaignCatalog>();
        services.AddSingleton<CampaignService>();

        services.AddSingleton<RevisionStore>();
        services.AddSingleton<LatestAnswerStore>();
        services.AddSingleton<SubmissionProjector>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<ProjectionRepairService>();

        services.AddSingleton<StatusService>();

        services.AddEmail(configuration);
        services.AddReminders(configuration);
        services.AddDigests();
        services.AddReporting(configuration);
        services.AddMonitoring(configuration);
        return services;
    }
}
