using System.Text.RegularExpressions;

namespace TetReadiness.Tests.Infra;

/// <summary>The deploy workflow gives the template every value an operator's azd environment can hold, and smoke-tests what it deployed.</summary>
public sealed partial class DeployWorkflowTests
{
    private static string Workflow => File.ReadAllText(Path.Combine(InfraPaths.RepositoryRoot, ".github", "workflows", "deploy.yml"));

    [Fact]
    public void Every_variable_main_bicepparam_reads_is_passed_by_the_deploy_workflow()
    {
        var read = EnvironmentVariable().Matches(File.ReadAllText(InfraPaths.MainParameters))
            .Select(match => match.Groups["name"].Value)
            // azd sets the deploying principal itself.
            .Where(name => name != "AZURE_PRINCIPAL_ID")
            .Distinct()
            .ToList();

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.Matches($@"(?m)^\s+{name}: \$\{{\{{ vars\.{name}", Workflow));
        Assert.Matches(@"(?m)^\s+AZURE_RESOURCE_GROUP: \$\{\{ vars\.AZURE_RESOURCE_GROUP", Workflow);
    }

    [Fact]
    public void The_deploy_workflow_smoke_tests_the_deployed_app()
    {
        Assert.Contains("bash scripts/smoke.sh \"$(azd env get-value APP_URL)\"", Workflow, StringComparison.Ordinal);
        Assert.True(Workflow.IndexOf("azd deploy", StringComparison.Ordinal) < Workflow.IndexOf("scripts/smoke.sh \"", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"readEnvironmentVariable\('(?<name>[A-Z_]+)'")]
    private static partial Regex EnvironmentVariable();
}
