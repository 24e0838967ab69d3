using System.Text.Json.Nodes;

namespace TetReadiness.Tests.Infra;

/// <summary>What keeps a city's data from being lost: redundancy, delete locks, soft delete and versioning, backups kept for a set time.</summary>
[Collection(InfraCollection.Name)]
public sealed class DataProtectionTests(CompiledTemplateFixture compiled)
{
    private ArmTemplate Template => compiled.Template;

    private ArmResource StorageAccount => Assert.Single(Template.Declared("Microsoft.Storage/storageAccounts"));

    [Fact]
    public void Storage_redundancy_is_a_parameter_that_defaults_to_zone_redundant_with_geo_redundancy_allowed()
    {
        var sku = StorageAccount.Node["sku"]!["name"]!;
        var parameter = Template.Root["parameters"]!["storageRedundancy"]!;

        Assert.StartsWith("[parameters(", sku.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Standard_ZRS", ArmTemplate.Resolve(StorageAccount.Scope, sku)!.GetValue<string>());
        Assert.Contains("Standard_GZRS", parameter["allowedValues"]!.AsArray().Select(value => value!.GetValue<string>()));
        Assert.Contains("Standard_LRS", parameter["allowedValues"]!.AsArray().Select(value => value!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts")]
    [InlineData("Microsoft.KeyVault/vaults")]
    public void A_cannot_delete_lock_covers_the_resource_by_default(string type)
    {
        var target = Assert.Single(Template.Declared(type));
        var lockResource = Assert.Single(
            Template.Declared("Microsoft.Authorization/locks"),
            candidate => candidate.Scope == target.Scope && candidate.Node["scope"]?.GetValue<string>().Contains($"'{type}'", StringComparison.Ordinal) == true);

        Assert.Equal("CanNotDelete", lockResource.Properties["level"]!.GetValue<string>());
        Assert.True(ArmAssert.CreatedByDefault(lockResource), $"{lockResource} is off by default");
        Assert.Equal(JsonValue.Create(true).ToJsonString(), Template.Root["parameters"]!["enableDeleteLocks"]!["defaultValue"]!.ToJsonString());
    }

    [Fact]
    public void Blobs_are_versioned_and_deleted_blobs_and_containers_stay_recoverable()
    {
        var blobService = Assert.Single(Template.Declared("Microsoft.Storage/storageAccounts/blobServices"));

        ArmAssert.Property(blobService, "isVersioningEnabled", true);
        ArmAssert.Property(blobService, "deleteRetentionPolicy.enabled", true);
        ArmAssert.Property(blobService, "containerDeleteRetentionPolicy.enabled", true);
        Assert.True(ArmAssert.Resolved(blobService, "deleteRetentionPolicy.days")!.GetValue<int>() >= 7);
    }

    [Fact]
    public void The_backups_container_exists_and_a_lifecycle_rule_deletes_exports_after_the_retention_parameter()
    {
        var containers = Template.Declared("Microsoft.Storage/storageAccounts/blobServices/containers");
        var backups = Assert.Single(containers, container => container.Name.Contains("parameters('backupContainerName')", StringComparison.Ordinal));
        var policy = Assert.Single(Template.Declared("Microsoft.Storage/storageAccounts/managementPolicies"));
        var rule = Assert.Single(policy.Properties["policy"]!["rules"]!.AsArray(), candidate => candidate!["definition"]!["filters"]!["prefixMatch"] is JsonArray prefixes
            && prefixes.Any(prefix => prefix!.GetValue<string>().Contains("backupContainerName", StringComparison.Ordinal)))!;
        var deleteAfter = rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"];

        Assert.Equal("backups", ArmTemplate.Resolve(backups.Scope, JsonValue.Create("[parameters('backupContainerName')]"))!.GetValue<string>());
        Assert.Equal("None", backups.Properties["publicAccess"]!.GetValue<string>());
        Assert.True(rule["enabled"]!.GetValue<bool>());
        Assert.Equal(90, ArmTemplate.Resolve(policy.Scope, deleteAfter)!.GetValue<int>());
    }

    [Fact]
    public void The_app_identity_may_write_the_backups()
    {
        // Storage Blob Data Owner includes everything Storage Blob Data Contributor grants.
        var owner = Template.Declared("Microsoft.Authorization/roleAssignments")
            .Where(assignment => assignment.Properties["roleDefinitionId"]!.GetValue<string>().Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", StringComparison.Ordinal));

        Assert.Contains(owner, assignment => assignment.Node["scope"]!.GetValue<string>().Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal));
    }

    [Fact]
    public void Log_retention_is_a_parameter_of_at_least_thirty_days()
    {
        var workspace = Assert.Single(Template.Declared("Microsoft.OperationalInsights/workspaces"));

        Assert.True(ArmAssert.Resolved(workspace, "retentionInDays")!.GetValue<int>() >= 30);
        Assert.StartsWith("[parameters(", workspace.Properties["retentionInDays"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("storage")]
    [InlineData("keyvault")]
    public void Private_networking_is_off_by_default_and_when_on_turns_public_access_off(string module)
    {
        var network = Assert.Single(Template.Resources, resource => resource.SymbolicName == "network" && resource.Scope.Parent is null);
        var deployment = Assert.Single(Template.Resources, resource => resource.Name == module && resource.Scope.Parent is null);

        Assert.False(ArmAssert.CreatedByDefault(network));
        Assert.Contains("Microsoft.App/environments", network.Properties.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("[not(parameters('privateNetworking'))]", deployment.Properties["parameters"]!["publicNetworkAccess"]!["value"]!.GetValue<string>());
    }
}
