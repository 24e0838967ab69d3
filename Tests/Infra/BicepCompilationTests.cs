using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TetReadiness.Tests.Infra;

/// <summary>Every Bicep file compiles and lints with zero diagnostics under infra/bicepconfig.json (every rule an error).</summary>
[Collection(InfraCollection.Name)]
public sealed partial class BicepCompilationTests(CompiledTemplateFixture compiled)
{
    // What azd would provide for the required parameters (no default in main.bicepparam); the optional ones
    // are removed so their defaults are what gets checked.
    private static readonly Dictionary<string, string?> ParameterEnvironment = new()
    {
        ["ENTRA_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
        ["SENDGRID_FROM_EMAIL"] = "nhac-viec@example.vn",
        ["ALERT_EMAIL"] = "it@example.vn, truc-ban@example.vn",
        ["AZURE_LOCATION"] = null,
        ["ALLOW_SHARED_KEY_ACCESS"] = null,
        ["STORAGE_REDUNDANCY"] = null,
        ["ENABLE_DELETE_LOCKS"] = null,
        ["PRIVATE_NETWORKING"] = null,
        ["OPERATOR_IP_RANGES"] = null,
        // A pipeline variable that is not defined arrives as an empty string: the default still applies.
        ["SENDGRID_FROM_NAME"] = string.Empty,
        ["EXPORT_TABLES_SCHEDULE"] = string.Empty,
    };

    [Fact]
    public void Main_template_builds_without_any_diagnostic()
    {
        Assert.True(compiled.Build.Diagnostics.Count == 0, compiled.Build.Describe());
    }

    [Fact]
    public void Every_bicep_file_lints_without_any_diagnostic()
    {
        var result = BicepCli.Run(["lint", "--pattern", Path.Combine(InfraPaths.InfraDirectory, "**", "*.bicep")]);

        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0, result.Describe());
    }

    [Fact]
    public void Linter_configuration_turns_every_rule_into_an_error()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.InfraDirectory, "bicepconfig.json")))!;
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.True(config["analyzers"]!["core"]!["enabled"]!.GetValue<bool>());
        Assert.Contains("use-recent-api-versions", rules.Select(rule => rule.Key));
        Assert.All(rules, rule => Assert.Equal("error", rule.Value!["level"]!.GetValue<string>()));
    }

    [Fact]
    public void Parameters_file_builds_and_lints_without_any_diagnostic()
    {
        var outputFile = Path.Combine(Path.GetTempPath(), $"tetreadiness-params-{Guid.NewGuid():N}.json");
        try
        {
            var build = BicepCli.Run(["build-params", InfraPaths.MainParameters, "--outfile", outputFile], ParameterEnvironment);
            var lint = BicepCli.Run(["lint", InfraPaths.MainParameters], ParameterEnvironment);

            Assert.True(build.ExitCode == 0 && build.Diagnostics.Count == 0, build.Describe());
            Assert.True(lint.ExitCode == 0 && lint.Diagnostics.Count == 0, lint.Describe());

            var parameters = JsonNode.Parse(File.ReadAllText(outputFile))!["parameters"]!;
            Assert.Equal("southeastasia", parameters["location"]!["value"]!.GetValue<string>());
            Assert.False(parameters["allowSharedKeyAccess"]!["value"]!.GetValue<bool>());
            Assert.Equal("Standard_ZRS", parameters["storageRedundancy"]!["value"]!.GetValue<string>());
            Assert.True(parameters["enableDeleteLocks"]!["value"]!.GetValue<bool>());
            Assert.False(parameters["privateNetworking"]!["value"]!.GetValue<bool>());
            Assert.Empty(parameters["operatorIpRanges"]!["value"]!.AsArray());
            Assert.Equal(["it@example.vn", "truc-ban@example.vn"], parameters["alertEmails"]!["value"]!.AsArray().Select(email => email!.GetValue<string>()));
            Assert.Equal("Sẵn sàng Tết", parameters["sendGridFromName"]!["value"]!.GetValue<string>());
            Assert.Equal("0 30 19 * * *", parameters["exportTablesSchedule"]!["value"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(outputFile);
        }
    }

    [Fact]
    public void Bicep_files_use_local_modules_only()
    {
        var registryModules = Directory.EnumerateFiles(InfraPaths.InfraDirectory, "*.bicep*", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file)
                .Where(line => RegistryModule().IsMatch(line))
                .Select(line => $"{Path.GetRelativePath(InfraPaths.RepositoryRoot, file)}: {line.Trim()}"))
            .ToList();

        Assert.True(registryModules.Count == 0, "Registry modules cannot be restored offline:\n" + string.Join('\n', registryModules));
    }

    [GeneratedRegex(@"^\s*(module|using|import)\b.*'(br|ts)[:/]")]
    private static partial Regex RegistryModule();
}
