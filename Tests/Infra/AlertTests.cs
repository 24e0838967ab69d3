using System.Reflection;
using System.Text.Json.Nodes;

namespace TetReadiness.Tests.Infra;

/// <summary>The alerts on-call relies on are in the compiled template, wired to the action group, with the right defaults.</summary>
[Collection(InfraCollection.Name)]
public sealed class AlertTests(CompiledTemplateFixture compiled)
{
    private ArmTemplate Template => compiled.Template;

    private IReadOnlyList<ArmResource> LogAlerts => Template.Declared("Microsoft.Insights/scheduledQueryRules");

    [Theory]
    [InlineData("queue-age", "oldestAgeMinutes >")]
    [InlineData("poison", "poisonLength > 0")]
    [InlineData("key-vault-unresolved", "Key Vault references unresolved")]
    [InlineData("missed", "operation_Name ==")]
    [InlineData("feed-401-surge", "resultCode == \"401\"")]
    [InlineData("feed-401-surge", "/api/feed/")]
    [InlineData("email-failed", "failed permanently")]
    [InlineData("email-failed", "Email send failed:")]
    [InlineData("email-failed", "severityLevel >= 3")]
    [InlineData("5xx-burst", "resultCode startswith \"5\"")]
    public void Log_alert_watches_for(string alertName, string queryFragment)
    {
        var rule = Assert.Single(LogAlerts, candidate => candidate.Name.Contains($"-{alertName}", StringComparison.Ordinal));
        var query = rule.Properties["criteria"]!["allOf"]![0]!["query"]!.GetValue<string>();

        Assert.Contains(queryFragment, query, StringComparison.Ordinal);
        Assert.True(rule.Properties["enabled"]!.GetValue<bool>());
        Assert.Single(rule.Properties["actions"]!["actionGroups"]!.AsArray());
    }

    [Fact]
    public void Email_alert_ignores_transient_retries()
    {
        var rule = Assert.Single(LogAlerts, candidate => candidate.Name.Contains("-email-failed", StringComparison.Ordinal));
        var query = rule.Properties["criteria"]!["allOf"]![0]!["query"]!.GetValue<string>();

        // "Email send failed (...)" is the Warning logged for every attempt, including those the queue retries.
        Assert.DoesNotContain("Email send failed\"", query, StringComparison.Ordinal);
        Assert.DoesNotContain("EmailSendFailed", query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queue-age", "watchedQueues")]
    [InlineData("poison", "watchedQueues")]
    [InlineData("missed", "timerFunctions")]
    public void Alert_rules_are_one_per_entry_of_a_parameter_list(string alertName, string parameter)
    {
        var rule = Assert.Single(LogAlerts, candidate => candidate.Name.Contains($"-{alertName}", StringComparison.Ordinal));

        Assert.Contains($"parameters('{parameter}')", rule.Node["copy"]?["count"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal($"[parameters('{parameter}')]", rule.Scope.Deployment!["properties"]!["parameters"]![parameter]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("reminders")]
    [InlineData("digests")]
    [InlineData("review-notices")]
    public void Reminder_and_digest_queues_are_watched_by_default(string queue)
    {
        Assert.Contains(queue, WatchedQueues);
    }

    [Fact]
    public void Every_watched_queue_and_its_poison_twin_is_declared()
    {
        var declared = Template.Declared("Microsoft.Storage/storageAccounts/queueServices/queues").SelectMany(ArmTemplate.ChildNames).ToHashSet(StringComparer.Ordinal);

        Assert.All(WatchedQueues, queue =>
        {
            Assert.Contains(queue, declared);
            Assert.Contains($"{queue}-poison", declared);
        });
    }

    [Theory]
    [InlineData("ReminderScan")]
    [InlineData("DailyDigest")]
    [InlineData("ProjectionRepair")]
    [InlineData("ExportTables")]
    [InlineData("QueueWatch")]
    public void Timer_function_has_a_missed_run_alert_by_default(string function)
    {
        Assert.Contains(function, TimerFunctions);
    }

    [Fact]
    public void Every_timer_function_of_the_app_has_a_missed_run_alert_except_the_manual_redrive()
    {
        var timers = AppStorageNames.FunctionsAssembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.GetParameters().Any(parameter => parameter.GetCustomAttributes().Any(attribute => attribute.GetType().Name == "TimerTriggerAttribute")))
            .Select(FunctionName)
            .Where(name => name != "RedrivePoison")
            .ToList();

        Assert.NotEmpty(timers);
        Assert.All(timers, timer => Assert.Contains(timer, TimerFunctions));
    }

    [Fact]
    public void An_availability_test_probes_the_health_endpoint_from_several_locations_and_alerts()
    {
        var test = Assert.Single(Template.Declared("Microsoft.Insights/webtests"));
        var alert = Assert.Single(Template.Declared("Microsoft.Insights/metricAlerts"));

        Assert.Equal("standard", test.Node["kind"]!.GetValue<string>());
        Assert.Contains("/api/health", ArmTemplate.Resolve(test.Scope, test.Properties["Request"]!["RequestUrl"])!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, test.Properties["ValidationRules"]!["ExpectedHttpStatusCode"]!.GetValue<int>());
        Assert.True(test.Properties["Locations"]!.AsArray().Count >= 5);
        Assert.Contains("hidden-link:", test.Node["tags"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria", alert.Properties["criteria"]!["odata.type"]!.GetValue<string>());
        Assert.Contains("webtests", alert.Properties["criteria"]!["webTestId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(alert.Properties["actions"]!.AsArray());
    }

    [Fact]
    public void The_action_group_emails_every_address_of_a_parameter_list()
    {
        var actionGroup = Assert.Single(Template.Declared("Microsoft.Insights/actionGroups"));
        var receivers = Assert.Single(actionGroup.Properties["copy"]!.AsArray(), copy => copy!["name"]!.GetValue<string>() == "emailReceivers")!;

        Assert.Equal("[length(parameters('alertEmails'))]", receivers["count"]!.GetValue<string>());
        Assert.Equal("array", Template.Root["parameters"]!["alertEmails"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void A_campaign_week_workbook_charts_submissions_reminders_queues_errors_and_latency()
    {
        var workbook = Assert.Single(Template.Declared("Microsoft.Insights/workbooks"));
        var content = workbook.Scope.Template["variables"]!.ToJsonString();

        Assert.Contains("variables('content')", workbook.Properties["serializedData"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var fragment in new[] { "PutSubmission", "failed permanently", "Queue watch:", "resultCode startswith", "percentile(duration, 95)" })
        {
            Assert.Contains(fragment, content, StringComparison.Ordinal);
        }
    }

    private static string FunctionName(MethodInfo method)
    {
        var attribute = method.GetCustomAttributes().Single(candidate => candidate.GetType().Name == "FunctionAttribute");
        return (string)attribute.GetType().GetProperty("Name")!.GetValue(attribute)!;
    }

    private IReadOnlyList<string> WatchedQueues => ParameterDefault("watchedQueues").Select(entry => entry!["name"]!.GetValue<string>()).ToList();

    private IReadOnlyList<string> TimerFunctions => ParameterDefault("timerFunctions").Select(entry => entry!["name"]!.GetValue<string>()).ToList();

    private JsonArray ParameterDefault(string name) => Template.Root["parameters"]![name]!["defaultValue"]!.AsArray();
}
