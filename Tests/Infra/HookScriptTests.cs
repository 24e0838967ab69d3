namespace TetReadiness.Tests.Infra;

/// <summary>
/// The azd hooks (infra/scripts, bash and their PowerShell twins) against a fake `az`: a secret is created only
/// after Key Vault says 404, any other answer is retried and never leads to an overwrite, a soft-deleted secret is
/// recovered, the Entra app registration is prepared once and only by a person, and Key Vault references to
/// secrets that exist must resolve while those absent on purpose need not.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class HookScriptTests : IDisposable
{
    private const string Forbidden = "ERROR: (Forbidden) Caller is not authorized to perform action on resource.\nCode: Forbidden";
    private const string NotFound = "ERROR: (SecretNotFound) A secret with (name/id) X was not found in this key vault.\nCode: SecretNotFound";
    private const string Throttled = "ERROR: (Throttled) Too many requests. Code: 429";
    private const string SecretId = "https://kv-test.vault.azure.net/secrets/X/0123456789abcdef";

    private readonly FakeAz az = new();

    public static TheoryData<string> Shells => new() { "bash", "pwsh" };

    private static Dictionary<string, string?> Environment => new()
    {
        ["AZURE_SUBSCRIPTION_ID"] = "00000000-0000-0000-0000-0000000000aa",
        ["AZURE_TENANT_ID"] = "00000000-0000-0000-0000-0000000000bb",
        ["AZURE_KEY_VAULT_NAME"] = "kv-test",
        ["AZURE_RESOURCE_GROUP"] = "rg-test",
        ["AZURE_FUNCTION_APP_NAME"] = "func-test",
        ["ENTRA_CLIENT_ID"] = "00000000-0000-0000-0000-0000000000cc",
        ["ENTRA_REDIRECT_URI"] = "https://func-test.azurewebsites.net/.auth/login/aad/callback",
        ["SENDGRID_FROM_EMAIL"] = "nhac-viec@example.vn",
        ["ALERT_EMAIL"] = "it@example.vn",
        ["SENDGRID_API_KEY"] = null,
        ["SKIP_ENTRA_SETUP"] = null,
    };

    public void Dispose() => az.Dispose();

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_secret_that_answers_403_and_then_200_is_left_alone_and_one_that_answers_404_is_created(string shell)
    {
        az.Answer("keyvault secret show UnitLinksPrimaryKey", (1, "", Forbidden), (0, SecretId, ""))
            .Answer("keyvault secret show FeedPrimaryKey", (1, "", NotFound))
            .Answer("keyvault secret show SendGridApiKey", (0, SecretId, ""));

        var run = az.Run(shell, "ensure-secrets", Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.DoesNotContain(az.Calls, call => call.StartsWith("keyvault secret set", StringComparison.Ordinal) && call.Contains("UnitLinksPrimaryKey", StringComparison.Ordinal));
        Assert.Empty(az.Written("UnitLinksPrimaryKey"));
        Assert.Contains("role assignment can take a few minutes", run.Output, StringComparison.Ordinal);
        Assert.Contains("UnitLinksPrimaryKey: already set, left unchanged.", run.Output, StringComparison.Ordinal);

        var created = Assert.Single(az.Written("FeedPrimaryKey"));
        Assert.Equal(64, Convert.FromBase64String(created).Length);
        Assert.Contains("FeedPrimaryKey: created.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(created, run.Output + run.Error, StringComparison.Ordinal);
        Assert.All(az.Calls, call => Assert.DoesNotContain(created, call, StringComparison.Ordinal));
        Assert.All(az.Calls.Where(call => call.StartsWith("keyvault", StringComparison.Ordinal)), call => Assert.Contains("--subscription 00000000-0000-0000-0000-0000000000aa", call, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_secret_that_keeps_answering_403_is_never_written_and_the_hook_fails_saying_what_to_check(string shell)
    {
        az.Answer("keyvault secret show UnitLinksPrimaryKey", (1, "", Forbidden))
            .Answer("keyvault secret show FeedPrimaryKey", (0, SecretId, ""))
            .Answer("keyvault secret show SendGridApiKey", (0, SecretId, ""));

        var run = az.Run(shell, "ensure-secrets", Environment);

        Assert.True(run.ExitCode != 0, run.Describe());
        Assert.DoesNotContain(az.Calls, call => call.StartsWith("keyvault secret set", StringComparison.Ordinal));
        Assert.Equal(4, az.Calls.Count(call => call.StartsWith("keyvault secret show", StringComparison.Ordinal) && call.Contains("UnitLinksPrimaryKey", StringComparison.Ordinal)));
        Assert.Contains("Key Vault Secrets Officer", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was overwritten", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_failed_write_is_followed_by_a_fresh_check_and_not_by_a_second_write(string shell)
    {
        // 404, the write is throttled, and meanwhile someone else created the secret: it must not be replaced.
        az.Answer("keyvault secret show UnitLinksPrimaryKey", (1, "", NotFound), (0, SecretId, ""))
            .Answer("keyvault secret set UnitLinksPrimaryKey", (1, "", Throttled))
            .Answer("keyvault secret show FeedPrimaryKey", (0, SecretId, ""))
            .Answer("keyvault secret show SendGridApiKey", (0, SecretId, ""));

        var run = az.Run(shell, "ensure-secrets", Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Single(az.Written("UnitLinksPrimaryKey"));
        Assert.Contains("UnitLinksPrimaryKey: already set, left unchanged.", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_soft_deleted_secret_is_recovered_not_replaced(string shell)
    {
        az.Answer("keyvault secret show FeedPrimaryKey", (1, "", NotFound), (0, SecretId, ""))
            .Answer("keyvault secret set FeedPrimaryKey", (1, "", "ERROR: (Conflict) Secret FeedPrimaryKey is currently in a deleted but recoverable state. Code: ObjectIsDeletedButRecoverable"))
            .Answer("keyvault secret show UnitLinksPrimaryKey", (0, SecretId, ""))
            .Answer("keyvault secret show SendGridApiKey", (0, SecretId, ""));

        var run = az.Run(shell, "ensure-secrets", Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains(az.Calls, call => call.StartsWith("keyvault secret recover", StringComparison.Ordinal) && call.Contains("FeedPrimaryKey", StringComparison.Ordinal));
        Assert.Single(az.Written("FeedPrimaryKey"));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void The_sendgrid_key_is_taken_from_the_environment_only_when_missing_and_never_echoed(string shell)
    {
        az.Answer("keyvault secret show SendGridApiKey", (1, "", NotFound))
            .Answer("keyvault secret show UnitLinksPrimaryKey", (0, SecretId, ""))
            .Answer("keyvault secret show FeedPrimaryKey", (0, SecretId, ""));
        var environment = Environment;
        environment["SENDGRID_API_KEY"] = "SG.test-key-that-must-not-leak";

        var run = az.Run(shell, "ensure-secrets", environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("SG.test-key-that-must-not-leak", Assert.Single(az.Written("SendGridApiKey")));
        Assert.DoesNotContain("SG.test-key", run.Output + run.Error + string.Join('\n', az.Calls), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Without_an_az_login_the_hook_stops_and_says_what_to_run(string shell)
    {
        az.Answer("account show", (1, "", "ERROR: Please run 'az login' to setup account."));

        var run = az.Run(shell, "preprovision", Environment);

        Assert.True(run.ExitCode != 0, run.Describe());
        Assert.Contains("az login --tenant 00000000-0000-0000-0000-0000000000bb", run.Error, StringComparison.Ordinal);
        Assert.Contains("az account set --subscription 00000000-0000-0000-0000-0000000000aa", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_missing_required_value_stops_before_provisioning(string shell)
    {
        az.Answer("account show", (0, "00000000-0000-0000-0000-0000000000aa", ""));
        var environment = Environment;
        environment["ALERT_EMAIL"] = null;

        var run = az.Run(shell, "preprovision", environment);

        Assert.True(run.ExitCode != 0, run.Describe());
        Assert.Contains("ALERT_EMAIL", run.Error, StringComparison.Ordinal);
        Assert.Contains("azd env set", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void The_operator_gets_the_coordinator_role_created_and_assigned_once(string shell)
    {
        AnswerEntra(roleExists: false, assigned: false);

        var run = az.Run(shell, "entra-app", Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Single(az.Calls, call => call.StartsWith("ad app update", StringComparison.Ordinal) && call.Contains("--app-roles @", StringComparison.Ordinal));
        var roles = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(az.Written("ad-app-update")))!.AsArray();
        Assert.Equal(["auditor", "coordinator"], roles.Select(role => role!["value"]!.GetValue<string>()));
        Assert.Equal("6f1f2c8e-7a52-4c1b-9d7e-3b0c5a9e4d21", roles[1]!["id"]!.GetValue<string>());
        Assert.Single(az.Calls, call => call.StartsWith("rest --method post", StringComparison.Ordinal) && call.Contains("https://graph.microsoft.com/v1.0/servicePrincipals/sp-object-id/appRoleAssignedTo", StringComparison.Ordinal));
        Assert.Contains("\"principalId\":\"user-object-id\"", Assert.Single(az.Written("rest")), StringComparison.Ordinal);
        Assert.Contains(az.Calls, call => call.StartsWith("ad app update", StringComparison.Ordinal) && call.Contains("https://func-test.azurewebsites.net/.auth/login/aad/callback", StringComparison.Ordinal) && call.Contains("https://existing.example/callback", StringComparison.Ordinal));
        Assert.Contains("you are now a city coordinator", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_second_run_changes_nothing(string shell)
    {
        AnswerEntra(roleExists: true, assigned: true);
        az.Answer("ad app show --query web.redirectUris[]", (0, "https://func-test.azurewebsites.net/.auth/login/aad/callback", ""));

        var run = az.Run(shell, "entra-app", Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.DoesNotContain(az.Calls, call => call.Contains("--app-roles", StringComparison.Ordinal) || call.Contains("--web-redirect-uris", StringComparison.Ordinal));
        Assert.DoesNotContain(az.Calls, call => call.StartsWith("rest --method post", StringComparison.Ordinal));
        Assert.Contains("you already are a city coordinator", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_pipeline_leaves_the_app_registration_alone(string shell)
    {
        az.Answer("account show --query user.type", (0, "servicePrincipal", ""));

        var run = az.Run(shell, "entra-app", Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.DoesNotContain(az.Calls, call => call.StartsWith("ad ", StringComparison.Ordinal) || call.StartsWith("rest", StringComparison.Ordinal));
        Assert.Contains("skipped for a service principal", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Key_vault_references_are_refreshed_until_existing_secrets_resolve_and_absent_optional_ones_are_not_failures(string shell)
    {
        const string Prefix = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-test/providers/Microsoft.Web/sites/func-test/config/configreferences/appsettings/";
        az.Answer("cloud show", (0, "https://management.azure.com/", ""))
            .Answer("rest get appsettings",
                (0, $"{Prefix}UnitLinks__PrimaryKey\tUnitLinksPrimaryKey\tAccessToKeyVaultDenied\n{Prefix}Feed__SecondaryKey\tFeedSecondaryKey\tSecretNotFound", ""),
                (0, $"{Prefix}UnitLinks__PrimaryKey\tUnitLinksPrimaryKey\tResolved\n{Prefix}Feed__SecondaryKey\tFeedSecondaryKey\tSecretNotFound", ""))
            .Answer("keyvault secret show UnitLinksPrimaryKey", (0, SecretId, ""))
            .Answer("keyvault secret show FeedSecondaryKey", (1, "", NotFound));

        var run = az.Run(shell, "key-vault-references", Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(2, az.Calls.Count(call => call.StartsWith("rest --method post", StringComparison.Ordinal) && call.Contains("/config/configreferences/appsettings/refresh?api-version=", StringComparison.Ordinal)));
        Assert.Contains("UnitLinks__PrimaryKey(AccessToKeyVaultDenied)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Feed__SecondaryKey", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_reference_to_an_existing_secret_that_never_resolves_fails_the_hook(string shell)
    {
        az.Answer("cloud show", (0, "https://management.azure.com/", ""))
            .Answer("rest get appsettings", (0, "/x/appsettings/SendGrid__ApiKey\tSendGridApiKey\tAccessToKeyVaultDenied", ""))
            .Answer("keyvault secret show SendGridApiKey", (0, SecretId, ""));

        var run = az.Run(shell, "key-vault-references", Environment);

        Assert.True(run.ExitCode != 0, run.Describe());
        Assert.Contains("SendGrid__ApiKey(AccessToKeyVaultDenied)", run.Error, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_status_that_can_never_be_read_fails_the_hook_instead_of_passing_as_all_resolved(string shell)
    {
        az.Answer("cloud show", (0, "https://management.azure.com/", ""))
            .Answer("rest get appsettings", (1, "", "(AuthorizationFailed) The client does not have authorization"));

        var run = az.Run(shell, "key-vault-references", Environment);

        Assert.True(run.ExitCode != 0, run.Describe());
        Assert.DoesNotContain("every reference to an existing secret resolved", run.Output, StringComparison.Ordinal);
    }

    private void AnswerEntra(bool roleExists, bool assigned)
    {
        az.Answer("account show --query user.type", (0, "user", ""))
            .Answer("cloud show", (0, "https://graph.microsoft.com/", ""))
            .Answer("ad app show --query length(appRoles[?value=='coordinator'])", (0, roleExists ? "1" : "0", ""))
            .Answer("ad app show --query appRoles", (0, "[{\"id\":\"11111111-1111-1111-1111-111111111111\",\"value\":\"auditor\",\"displayName\":\"Auditor\",\"description\":\"x\",\"allowedMemberTypes\":[\"User\"],\"isEnabled\":true}]", ""))
            .Answer("ad app show --query appRoles[?value=='coordinator'].id | [0]", (0, "6f1f2c8e-7a52-4c1b-9d7e-3b0c5a9e4d21", ""))
            .Answer("ad app show --query web.redirectUris[]", (0, "https://existing.example/callback", ""))
            .Answer("ad sp show", (0, "sp-object-id", ""))
            .Answer("ad signed-in-user show", (0, "user-object-id", ""))
            .Answer("rest get appRoleAssignments", (0, assigned ? "1" : "0", ""));
    }
}
