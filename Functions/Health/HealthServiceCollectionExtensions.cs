using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary><c>GET /api/health</c>: storage, refused settings, email and unresolved Key Vault references.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSingleton<HealthCheck>();
        services.AddSingleton<SecretSettingsCheck>();
        return services;
    }
}
