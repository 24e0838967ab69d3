using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TetReadiness.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>Where the app runs (<see cref="AzurePlatform"/>) and its public address (<see cref="AppOptions"/>).</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => AzurePlatform.From(configuration));
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidation>();
        return services;
    }
}
