using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Who is calling: the trusted principal header, unit-link signing and the resolver every HTTP function uses.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UnitLinkOptions>().Bind(configuration.GetSection(UnitLinkOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PrincipalHeaderTrust>();
        services.AddHostedService<PrincipalHeaderTrustCheck>();
        services.AddSingleton<UnitLinkSigner>();
        services.AddSingleton<CallerResolver>();
        return services;
    }
}
