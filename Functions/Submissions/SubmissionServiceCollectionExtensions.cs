using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Storage;

namespace TetReadiness.Submissions;

public static class SubmissionServiceCollectionExtensions
{
    /// <summary>Submissions: their tables, the revision log and its projections, the repair, and the reports others read.</summary>
    public static IServiceCollection AddSubmissions(this IServiceCollection services)
    {
        services.AddOwnedTables("Submissions", SubmissionTables.All);
        services.AddSingleton<RevisionStore>();
        services.AddSingleton<SubmissionProjector>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<SubmissionAreaReconciler>();
        services.AddSingleton<ProjectionRepairService>();
        services.AddDataMigration<SubmissionAreaKeysMigration>();
        services.AddSingleton<ISubmissionReports, SubmissionReports>();
        services.AddSingleton<IReviewLocks, ReviewLocks>();
        return services;
    }
}
