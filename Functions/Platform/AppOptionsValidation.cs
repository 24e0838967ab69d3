using Microsoft.Extensions.Options;

namespace TetReadiness.Platform;

/// <summary>
/// <c>App__PublicBaseUrl</c> is the base of every link in an email and the app's own origin for the cross-site check,
/// so a wrong one fails start-up rather than mailing links nobody can open: an absolute http(s) address without query
/// or fragment, and in Azure an https address that is not this machine (the localhost default is for local runs only).
/// </summary>
public sealed class AppOptionsValidation(AzurePlatform platform) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            return ValidateOptionsResult.Fail(
                $"App__PublicBaseUrl must be the app's public address, an absolute http(s) URL without query or fragment (it is '{options.PublicBaseUrl}').");
        }

        if (platform.IsAzure && (url.Scheme != Uri.UriSchemeHttps || url.IsLoopback))
        {
            return ValidateOptionsResult.Fail(
                $"App__PublicBaseUrl is required in Azure: the https address people open, e.g. https://<app>.azurewebsites.net or a custom domain (it is '{options.PublicBaseUrl}').");
        }

        return ValidateOptionsResult.Success;
    }
}
