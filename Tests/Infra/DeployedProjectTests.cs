using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TetReadiness.Tests.Infra;

/// <summary>
/// What <c>azd deploy</c> publishes is the Functions project and what it references, so the development host
/// (LocalHost/: local mode, the demo seeder, NCrontab) stays out of Azure as long as the app never references it.
/// </summary>
public sealed class DeployedProjectTests
{
    [Fact]
    public void Azd_deploys_the_functions_project_which_references_no_other_project()
    {
        var azureYaml = File.ReadAllText(Path.Combine(InfraPaths.RepositoryRoot, "azure.yaml"));
        var project = XDocument.Load(Path.Combine(InfraPaths.RepositoryRoot, "Functions", "TetReadiness.Functions.csproj"));

        Assert.Equal(["./Functions"], Regex.Matches(azureYaml, @"^\s+project:\s*(\S+)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.DoesNotContain(project.Descendants("PackageReference"), reference => (string?)reference.Attribute("Include") == "NCrontab");
    }

    [Fact]
    public void The_development_host_is_a_project_of_its_own_beside_the_app()
    {
        var localHost = XDocument.Load(Path.Combine(InfraPaths.RepositoryRoot, "LocalHost", "TetReadiness.LocalHost.csproj"));

        Assert.Contains(localHost.Descendants("ProjectReference"), reference => ((string?)reference.Attribute("Include"))?.EndsWith("TetReadiness.Functions.csproj", StringComparison.Ordinal) == true);
        Assert.False(Directory.Exists(Path.Combine(InfraPaths.RepositoryRoot, "Functions", "Demo")));
    }
}
