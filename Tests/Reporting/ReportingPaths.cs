namespace TetReadiness.Tests.Reporting;

/// <summary>Where the Power BI schema, its doc and the M queries are, found from the test binaries upwards.</summary>
public static class ReportingPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string Schema => Path.Combine(Root.Value, "docs", "power-bi-schema.json");

    public static string Doc => Path.Combine(Root.Value, "docs", "power-bi.md");

    public static string FeedQueries => Path.Combine(Root.Value, "infra", "powerbi", "feed");

    public static string TableQueries => Path.Combine(Root.Value, "infra", "powerbi", "tables");

    public static string PowerBiDirectory => Path.Combine(Root.Value, "infra", "powerbi");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TetReadiness.sln")) && Directory.Exists(Path.Combine(directory.FullName, "docs")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (a folder with TetReadiness.sln and docs/) above {AppContext.BaseDirectory}.");
    }
}
