namespace TetReadiness.Tests.Architecture;

public sealed class LocalModeSeparationTests
{
    [Fact]
    public void The_deployed_app_holds_no_local_mode_code()
    {
        var project = File.ReadAllText(Path.Combine(FunctionsSources.Root, "TetReadiness.Functions.csproj"));

        Assert.DoesNotContain("NCrontab", project, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(FunctionsSources.Root, "Hosting", "Local")));
        Assert.DoesNotContain(FunctionsSources.Files, f => f.Code.Contains("TetReadiness.LocalHost", StringComparison.Ordinal) || f.Code.Contains("Hosting.Local", StringComparison.Ordinal));
        Assert.DoesNotContain(FunctionsSources.Files, f => f.Code.Contains("WebApplication.CreateBuilder", StringComparison.Ordinal));
    }
}
