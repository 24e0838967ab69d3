using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Auth;

public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName));
        services.AddOptions<UnitLinkOptions>().Bind(configuration.GetSection(UnitLinkOptions.SectionName));
        services.AddSingleton<PrincipalHeaderTrust>();
        services.AddHostedService<PrincipalHeaderTrustCheck>();
        services.AddSingleton<UnitLinkSigner>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<CoordinatorDirectory>();
        services.AddSingleton<ReporterDirectory>();
        services.AddSingleton<UnitLinkService>();
        services.AddSingleton<CallerProfileService>();
        return services;
    }
}
