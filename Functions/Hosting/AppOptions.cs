namespace TetReadiness.Hosting;

/// <summary>Settings under <c>App</c>.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>The public address of the app (no trailing slash), the base of every link in an email.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>
    /// The form of one unit in one campaign for a signed-in officer, when no signed link can be made: <c>c</c> and
    /// <c>u</c> are what the form reads, so after sign-in it opens that unit (Easy Auth returns to this address).
    /// </summary>
    public string FormUrl(string campaignId, string unitId) =>
        $"{PublicBaseUrl.TrimEnd('/')}/form?c={Uri.EscapeDataString(campaignId)}&u={Uri.EscapeDataString(unitId)}";
}
