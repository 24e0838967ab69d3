namespace TetReadiness.Tests.Infra;

/// <summary>
/// A fact that needs Debian's shellcheck (./test.sh installs it with apt-get, as it does chromium). Where it cannot be
/// installed the test is reported as skipped, with the reason, rather than passing without having checked anything.
/// </summary>
public sealed class ShellcheckFactAttribute : FactAttribute
{
    public ShellcheckFactAttribute()
    {
        if (ShellcheckPath is null)
        {
            Skip = "shellcheck is not installed and could not be (apt-get install shellcheck); the hook scripts were not linted.";
        }
    }

    public static string? ShellcheckPath =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "shellcheck"))
            .FirstOrDefault(File.Exists);
}
