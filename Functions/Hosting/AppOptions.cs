namespace TetReadiness.Hosting;

/// <summary>Settings under <c>App</c>.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>The public address of the app (no trailing slash), the base of every link in an email.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    public string FormUrl(string campaignId, string unitId) =>
        $"{PublicBaseUrl.TrimEnd('/')}/form?campaign={Uri.EscapeDataString(campaignId)}&unit={Uri.EscapeDataString(unitId)}";
}
