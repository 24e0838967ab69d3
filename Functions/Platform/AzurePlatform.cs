using Microsoft.Extensions.Configuration;

namespace TetReadiness.Platform;

/// <summary>
/// Where the app runs, from the variables the Azure platform itself sets: <c>WEBSITE_SITE_NAME</c> on App Service
/// plans (Flex Consumption included), <c>CONTAINER_APP_NAME</c> on Container Apps, and <c>WEBSITE_AUTH_ENABLED</c>
/// (<c>True</c>) when App Service Authentication (Easy Auth) is on for the app. Locally none is set.
/// </summary>
public sealed record AzurePlatform(bool IsAppService, bool IsContainerApp, bool EasyAuthEnabled)
{
    public static AzurePlatform Local { get; } = new(false, false, false);

    /// <summary>In Azure, behind a front end, rather than on a developer's machine.</summary>
    public bool IsAzure => IsAppService || IsContainerApp;

    public static AzurePlatform From(IConfiguration configuration)
    {
        var appService = !string.IsNullOrWhiteSpace(configuration["WEBSITE_SITE_NAME"]);
        var containerApp = !string.IsNullOrWhiteSpace(configuration["CONTAINER_APP_NAME"]);

        // The variable alone is not enough: only App Service sets it, so it counts only where App Service runs the app.
        var easyAuth = appService && string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);
        return new AzurePlatform(appService, containerApp, easyAuth);
    }
}
