namespace TetReadiness.Platform;

/// <summary>Settings under <c>App</c>.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>The public address of the app (no trailing slash), the base of every link in an email.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>The form of one unit in one campaign for a signed-in officer, when no signed link can be made (<see cref="PublicUrls.Form"/>).</summary>
    public string FormUrl(string campaignId, string unitId) => PublicUrls.Form(PublicBaseUrl, campaignId, unitId);
}
