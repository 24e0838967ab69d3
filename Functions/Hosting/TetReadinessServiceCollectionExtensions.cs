using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TetReadiness.Audit;
using TetReadiness.Backups;
using TetReadiness.Campaigns;
using TetReadiness.Deadlines;
using TetReadiness.Digests;
using TetReadiness.Email;
using TetReadiness.Health;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Links;
using TetReadiness.Monitoring;
using TetReadiness.Notes;
using TetReadiness.Outbox;
using TetReadiness.Platform;
using TetReadiness.Profile;
using TetReadiness.Reminders;
using TetReadiness.Reporting;
using TetReadiness.Reviews;
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
        services.AddLogging(logging => logging.AddTelemetryFilters());
        services.AddPlatform(configuration);
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);

        // A backstop: every background loop of the app catches what it meets and carries on, and one that did not
        // must not take the whole app down with it (the default stops the host).
        services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);

        services.AddStorage(configuration);
        services.AddHttpEdge(sp => sp.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl);

        // Each feature registers its services and the tables it owns. Start-up, backups and restores go through the
        // owned tables in this order: Roster, Campaigns, Submissions, Reviews, Reminders, Digests, Deadlines, Notes, Audit.
        services.AddIdentity(configuration);
        services.AddRoster();
        services.AddCampaigns();
        services.AddSubmissions();
        services.AddReviews();
        services.AddStatus();
        services.AddLinks();
        services.AddProfile();
        services.AddEmail(configuration);
        services.AddReminders(configuration);
        services.AddDigests();
        services.AddDeadlines();
        services.AddNotes();
        services.AddAudit();
        services.AddOutbox();
        services.AddReporting(configuration);
        services.AddBackups(configuration);
        services.AddHealth();
        services.AddMonitoring(configuration);
        return services;
    }
}
