using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TetReadiness.Health;
using TetReadiness.Tests.Monitoring;

namespace TetReadiness.Tests.Health;

/// <summary>
/// What /api/health tells an operator about Key Vault references: the names of settings whose secret did not
/// resolve, never a value, and not the secondary keys that are absent outside a rotation.
/// </summary>
public sealed class SecretSettingsCheckTests
{
    private const string Reference = "@Microsoft.KeyVault(VaultName=kv-test;SecretName=X)";

    [Fact]
    public void Names_unresolved_required_secrets_without_values_and_logs_a_warning()
    {
        var logger = new RecordingLogger<SecretSettingsCheck>();
        var check = new SecretSettingsCheck(Configuration(new()
        {
            ["SendGrid:ApiKey"] = Reference,
            ["UnitLinks:PrimaryKey"] = "resolved-secret-value-0123456789",
            ["UnitLinks:SecondaryKey"] = Reference,
            ["Feed:SecondaryKey"] = Reference,
            ["Feed:PrimaryKey"] = " " + Reference,
        }), logger);

        var unresolved = check.Unresolved();

        Assert.Equal(["Feed__PrimaryKey", "SendGrid__ApiKey"], unresolved);
        var record = Assert.Single(logger.Records);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.StartsWith("Key Vault references unresolved: ", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("resolved-secret-value", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kv-test", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_secondary_keys_alone_are_neither_reported_nor_logged()
    {
        var logger = new RecordingLogger<SecretSettingsCheck>();
        var check = new SecretSettingsCheck(Configuration(new() { ["UnitLinks:SecondaryKey"] = Reference, ["Feed:SecondaryKey"] = Reference }), logger);

        Assert.Empty(check.Unresolved());
        Assert.Empty(logger.Records);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
