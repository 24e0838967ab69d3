using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Storage;

namespace TetReadiness.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log and its table.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOwnedTables("Audit", AuditTables.All);
        services.AddSingleton<IAuditLog, AuditLog>();
        return services;
    }
}
