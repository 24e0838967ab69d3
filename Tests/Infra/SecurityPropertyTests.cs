namespace TetReadiness.Tests.Infra;

/// <summary>The security properties of the compiled template (infra/main.bicep) that a city's deployment relies on.</summary>
[Collection(InfraCollection.Name)]
public sealed class SecurityPropertyTests(CompiledTemplateFixture compiled)
{
    private ArmTemplate Template => compiled.Template;

    private ArmResource StorageAccount => Assert.Single(Template.Declared("Microsoft.Storage/storageAccounts"));

    private ArmResource FunctionApp => Assert.Single(Template.Declared("Microsoft.Web/sites"));

    private IReadOnlyDictionary<string, string> AppSettings => TemplateAppSettings.Read(Template);

    [Fact]
    public void Storage_account_accepts_only_https_with_tls_1_2()
    {
        ArmAssert.Property(StorageAccount, "supportsHttpsTrafficOnly", true);
        ArmAssert.Property(StorageAccount, "minimumTlsVersion", "TLS1_2");
    }

    [Fact]
    public void Storage_account_blocks_public_blob_access()
    {
        ArmAssert.Property(StorageAccount, "allowBlobPublicAccess", false);
    }

    [Fact]
    public void Storage_shared_key_access_is_a_parameter_that_defaults_to_off()
    {
        var declared = StorageAccount.Properties["allowSharedKeyAccess"]?.ToJsonString() ?? "<missing>";

        Assert.True(declared.StartsWith("\"[parameters(", StringComparison.Ordinal), $"allowSharedKeyAccess must come from a parameter, is {declared}");
        ArmAssert.Property(StorageAccount, "allowSharedKeyAccess", false);
    }

    [Fact]
    public void Function_app_is_https_only_with_tls_1_2_and_no_ftp()
    {
        ArmAssert.Property(FunctionApp, "httpsOnly", true);
        ArmAssert.Property(FunctionApp, "siteConfig.minTlsVersion", "1.2");
        ArmAssert.Property(FunctionApp, "siteConfig.ftpsState", "Disabled");
        foreach (var channel in new[] { "ftp", "scm" })
        {
            ArmAssert.Property(Template.DeclaredChild("Microsoft.Web/sites/basicPublishingCredentialsPolicies", channel), "allow", false);
        }
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_flex_consumption_with_a_system_assigned_identity()
    {
        var plan = Assert.Single(Template.Declared("Microsoft.Web/serverfarms"));
        var runtime = FunctionApp.Properties["functionAppConfig"]!["runtime"]!;

        Assert.Equal("FlexConsumption", plan.Node["sku"]!["tier"]!.GetValue<string>());
        Assert.Equal("SystemAssigned", FunctionApp.Node["identity"]!["type"]!.GetValue<string>());
        Assert.Equal("dotnet-isolated", runtime["name"]!.GetValue<string>());
        Assert.Equal("10.0", runtime["version"]!.GetValue<string>());
    }

    [Fact]
    public void Function_app_reads_its_deployment_package_with_its_managed_identity()
    {
        var storage = FunctionApp.Properties["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Equal("SystemAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void App_settings_hold_no_keys_or_connection_strings()
    {
        string[] forbidden = ["AccountKey=", "SharedAccessSignature", "listKeys(", "SharedAccessKey", "sig="];
        var leaks = AppSettings
            .Where(setting => forbidden.Any(pattern => setting.Value.Contains(pattern, StringComparison.OrdinalIgnoreCase)))
            .Select(setting => setting.Key)
            .ToList();

        Assert.True(leaks.Count == 0, $"App settings carrying a key: {string.Join(", ", leaks)}");
        Assert.DoesNotContain("listKeys(", Template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(FunctionApp.Properties["siteConfig"]?["connectionStrings"]);
        Assert.DoesNotContain("AzureWebJobsStorage", AppSettings.Keys);
        Assert.DoesNotContain("Storage", AppSettings.Keys);
    }

    [Fact]
    public void Host_and_app_storage_use_identity_based_connections()
    {
        Assert.Contains("AzureWebJobsStorage__accountName", AppSettings.Keys);
        Assert.Contains("Storage__accountName", AppSettings.Keys);
    }

    [Theory]
    [InlineData("SendGrid__ApiKey", "SendGridApiKey")]
    [InlineData("UnitLinks__PrimaryKey", "UnitLinksPrimaryKey")]
    [InlineData("Feed__PrimaryKey", "FeedPrimaryKey")]
    [InlineData("UnitLinks__SecondaryKey", "UnitLinksSecondaryKey")]
    [InlineData("Feed__SecondaryKey", "FeedSecondaryKey")]
    public void Secrets_are_key_vault_references(string setting, string secretName)
    {
        Assert.True(AppSettings.TryGetValue(setting, out var value), $"app setting {setting} is missing");
        Assert.Contains("@Microsoft.KeyVault(", value, StringComparison.Ordinal);
        Assert.Contains($"SecretName={secretName})", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_vault_uses_rbac_and_keeps_deleted_secrets()
    {
        var vault = Assert.Single(Template.Declared("Microsoft.KeyVault/vaults"));

        ArmAssert.Property(vault, "enableRbacAuthorization", true);
        ArmAssert.Property(vault, "enablePurgeProtection", true);
    }

    [Fact]
    public void Telemetry_is_sent_with_entra_authentication_only()
    {
        var component = Assert.Single(Template.Declared("Microsoft.Insights/components"));

        ArmAssert.Property(component, "DisableLocalAuth", true);
        Assert.Equal("Authorization=AAD", AppSettings.GetValueOrDefault("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
    }

    [Theory]
    [InlineData("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b")]
    [InlineData("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88")]
    [InlineData("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")]
    [InlineData("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6")]
    [InlineData("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb")]
    public void Function_app_identity_holds_the_role(string role, string roleDefinitionId)
    {
        var assignments = Template.Declared("Microsoft.Authorization/roleAssignments")
            .Where(assignment => assignment.Properties["roleDefinitionId"]?.GetValue<string>().Contains(roleDefinitionId, StringComparison.OrdinalIgnoreCase) == true)
            .Where(IsFunctionAppIdentity)
            .ToList();

        Assert.True(assignments.Count == 1, $"Expected one '{role}' ({roleDefinitionId}) assignment to the Function App's identity, found {assignments.Count}.");
        Assert.Equal("ServicePrincipal", assignments[0].Properties["principalType"]?.GetValue<string>());
    }

    [Fact]
    public void Every_role_assignment_name_includes_the_principal_it_grants_to()
    {
        var assignments = Template.Declared("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, assignment =>
        {
            var principal = assignment.Properties["principalId"]!.GetValue<string>();
            var name = assignment.Name;
            Assert.True(
                principal.StartsWith("[parameters('", StringComparison.Ordinal) && name.Contains(principal.Trim('[', ']'), StringComparison.Ordinal),
                $"{assignment}: the name {name} must include the principal id {principal}, or a recreated identity fails with RoleAssignmentUpdateNotPermitted");
        });
    }

    [Fact]
    public void Easy_auth_lets_anonymous_requests_reach_the_app_and_signs_in_with_entra_id()
    {
        var auth = Template.DeclaredChild("Microsoft.Web/sites/config", "authsettingsV2");
        var registration = auth.Properties["identityProviders"]?["azureActiveDirectory"]?["registration"];

        ArmAssert.Property(auth, "platform.enabled", true);
        ArmAssert.Property(auth, "globalValidation.requireAuthentication", false);
        ArmAssert.Property(auth, "globalValidation.unauthenticatedClientAction", "AllowAnonymous");
        ArmAssert.Property(auth, "httpSettings.requireHttps", true);
        ArmAssert.Property(auth, "identityProviders.azureActiveDirectory.enabled", true);
        Assert.True(registration?["clientId"] is not null, "the Entra provider needs the app registration's clientId");
        Assert.Contains("/v2.0", registration?["openIdIssuer"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_never_sets_the_client_principal_header_switch()
    {
        Assert.DoesNotContain("AllowClientPrincipalHeader", Template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("reminders")]
    [InlineData("reminders-poison")]
    [InlineData("digests")]
    [InlineData("digests-poison")]
    [InlineData("review-notices")]
    [InlineData("review-notices-poison")]
    public void Queue_is_declared(string queue)
    {
        Assert.Contains(queue, DeclaredNames("Microsoft.Storage/storageAccounts/queueServices/queues"));
    }

    [Theory]
    [InlineData("Units")]
    [InlineData("Districts")]
    [InlineData("Campaigns")]
    [InlineData("ChecklistVersions")]
    [InlineData("ChecklistItems")]
    [InlineData("Submissions")]
    [InlineData("SubmissionRevisions")]
    [InlineData("Answers")]
    [InlineData("Reminders")]
    [InlineData("Digests")]
    [InlineData("StatusSnapshots")]
    [InlineData("AuditLog")]
    [InlineData("RosterImports")]
    public void Table_is_declared(string table)
    {
        Assert.Contains(table, DeclaredNames("Microsoft.Storage/storageAccounts/tableServices/tables"));
    }

    [Fact]
    public void Every_table_and_queue_the_app_names_is_declared()
    {
        var tables = DeclaredNames("Microsoft.Storage/storageAccounts/tableServices/tables");
        var queues = DeclaredNames("Microsoft.Storage/storageAccounts/queueServices/queues");
        var missing = AppStorageNames.Tables(AppStorageNames.FunctionsAssembly).Where(name => !tables.Contains(name)).Select(name => $"table {name}")
            .Concat(AppStorageNames.Queues(AppStorageNames.FunctionsAssembly)
                .SelectMany(name => new[] { name, $"{name}-poison" })
                .Where(name => !queues.Contains(name))
                .Select(name => $"queue {name}"))
            .ToList();

        Assert.True(missing.Count == 0, $"The app uses storage the template does not declare (infra/app/storage.bicep): {string.Join(", ", missing)}");
    }

    // The assignment's principalId, followed out of the roles module, is the function module's principalId output,
    // and that output is the site's system-assigned identity.
    private bool IsFunctionAppIdentity(ArmResource assignment)
    {
        var principal = ArmTemplate.Resolve(assignment.Scope, assignment.Properties["principalId"])?.GetValue<string>() ?? string.Empty;
        var siteModule = FunctionApp.Scope;
        var output = siteModule.Template["outputs"]?["principalId"]?["value"]?.GetValue<string>() ?? string.Empty;

        return principal.Contains($"'{siteModule.DeploymentSymbol}'", StringComparison.Ordinal)
            && principal.Contains("outputs.principalId", StringComparison.Ordinal)
            && output.Contains("identity.principalId", StringComparison.Ordinal);
    }

    private HashSet<string> DeclaredNames(string type) =>
        Template.Declared(type).SelectMany(ArmTemplate.ChildNames).ToHashSet(StringComparer.Ordinal);
}
