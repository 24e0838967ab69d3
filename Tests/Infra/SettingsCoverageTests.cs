namespace TetReadiness.Tests.Infra;

/// <summary>
/// Every setting the app binds is either set by the template (infra/app/function.bicep) or listed, with a reason,
/// in infra/optional-settings.json: a renamed or forgotten setting breaks the build, not production.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class SettingsCoverageTests(CompiledTemplateFixture compiled)
{
    private IReadOnlyDictionary<string, string> AppSettings => TemplateAppSettings.Read(compiled.Template);

    private static IReadOnlyList<OptionalSetting> Optional => OptionalSettings.Read(InfraPaths.OptionalSettings);

    private static IReadOnlyList<RequiredSetting> Bound => AppBoundSettings.Discover(AppStorageNames.FunctionsAssembly);

    [Fact]
    public void Every_setting_the_app_binds_is_set_by_the_template_or_listed_as_optional()
    {
        var optionalNames = Optional.Select(setting => setting.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = Bound
            .Where(required => !AppSettings.Keys.Any(required.IsSatisfiedBy) && !optionalNames.Contains(required.Name))
            .ToList();

        Assert.True(
            missing.Count == 0,
            "Settings the app binds that infra/app/function.bicep does not set and infra/optional-settings.json does not list:\n"
                + string.Join('\n', missing.Select(setting => $"  missing app setting {setting}")));
    }

    [Fact]
    public void Discovery_sees_the_apps_options_and_bindings()
    {
        // Guards the test above against passing because reflection found nothing.
        Assert.Contains(Bound, setting => setting.Name.Equals("Storage__AccountName", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("AzureWebJobsDisableHomepage")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    [InlineData("Storage__accountName")]
    [InlineData("Storage__tableServiceUri")]
    [InlineData("Storage__queueServiceUri")]
    [InlineData("App__PublicBaseUrl")]
    [InlineData("SendGrid__ApiKey")]
    [InlineData("SendGrid__FromEmail")]
    [InlineData("SendGrid__FromName")]
    [InlineData("UnitLinks__PrimaryKey")]
    [InlineData("Feed__PrimaryKey")]
    [InlineData("ReminderScanSchedule")]
    [InlineData("DailyDigestSchedule")]
    [InlineData("ProjectionRepairSchedule")]
    [InlineData("StatusRollupSchedule")]
    [InlineData("ExportTablesSchedule")]
    [InlineData("RedrivePoisonSchedule")]
    [InlineData("UnitLinks__SecondaryKey")]
    [InlineData("Feed__SecondaryKey")]
    [InlineData("Storage__blobServiceUri")]
    [InlineData("QueueWatch__Queues")]
    public void Template_sets_app_setting(string name)
    {
        Assert.True(AppSettings.ContainsKey(name), $"missing app setting {name} in infra/app/function.bicep");
    }

    [Theory]
    [InlineData("reminderScanSchedule", "0 0 1 * * *")]
    [InlineData("dailyDigestSchedule", "0 0 10 * * *")]
    [InlineData("projectionRepairSchedule", "0 */5 * * * *")]
    [InlineData("exportTablesSchedule", "0 30 19 * * *")]
    [InlineData("redrivePoisonSchedule", "0 0 0 1 1 *")]
    public void Timer_schedule_defaults_to_vietnam_time_written_in_utc(string parameter, string schedule)
    {
        Assert.Equal(schedule, compiled.Template.Root["parameters"]![parameter]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void Poison_redrive_is_disabled_so_an_operator_runs_it_on_purpose()
    {
        Assert.Equal("true", AppSettings.GetValueOrDefault("AzureWebJobs.RedrivePoison.Disabled"));
    }

    [Fact]
    public void Template_does_not_rely_on_website_time_zone()
    {
        Assert.DoesNotContain("WEBSITE_TIME_ZONE", AppSettings.Keys);
    }

    [Fact]
    public void Every_optional_setting_gives_a_reason_and_is_left_unset()
    {
        Assert.All(Optional, setting =>
        {
            Assert.False(string.IsNullOrWhiteSpace(setting.Reason), $"{setting.Name} needs a reason in infra/optional-settings.json");
            Assert.False(AppSettings.ContainsKey(setting.Name), $"{setting.Name} is listed as optional but the template sets it");
        });
    }

    [Fact]
    public void Client_principal_header_switch_is_listed_as_optional_and_never_set()
    {
        Assert.Contains(Optional, setting => setting.Name == "Auth__AllowClientPrincipalHeader");
        Assert.DoesNotContain(AppSettings.Keys, name => name.StartsWith("Auth__AllowClientPrincipalHeader", StringComparison.OrdinalIgnoreCase));
    }
}
