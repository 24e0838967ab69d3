using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Profile;

public static class ProfileServiceCollectionExtensions
{
    /// <summary><c>GET /api/me</c>: who the caller is and what they may do.</summary>
    public static IServiceCollection AddProfile(this IServiceCollection services)
    {
        services.AddSingleton<CallerProfileService>();
        return services;
    }
}
