namespace TetReadiness.Tests.Infra;

/// <summary>Where the repository's infrastructure files are, found from the test binaries upwards.</summary>
public static class InfraPaths
{
    private static readonly Lazy<string> RepositoryRootPath = new(FindRepositoryRoot);

    public static string RepositoryRoot => RepositoryRootPath.Value;

    public static string InfraDirectory => Path.Combine(RepositoryRoot, "infra");

    public static string MainTemplate => Path.Combine(InfraDirectory, "main.bicep");

    public static string MainParameters => Path.Combine(InfraDirectory, "main.bicepparam");

    public static string OptionalSettings => Path.Combine(InfraDirectory, "optional-settings.json");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "infra", "main.bicep"))
                && File.Exists(Path.Combine(directory.FullName, "azure.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (a folder with infra/main.bicep and azure.yaml) above {AppContext.BaseDirectory}.");
    }
}
