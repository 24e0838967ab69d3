using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TetReadiness.Outbox;
using TetReadiness.Reminders;
using TetReadiness.Tests.Infra;

namespace TetReadiness.Tests.Outbox;

/// <summary>
/// One setting for send attempts: the host's <c>maxDequeueCount</c>, read from the host.json deployed beside the app
/// (or the app setting that overrides it for the host too), so a row fails exactly when its message is poisoned.
/// </summary>
public sealed class OutboxAttemptsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tetreadiness-hostjson-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_attempts_are_the_maxDequeueCount_of_the_host_json_the_build_puts_beside_the_app()
    {
        var deployed = HostJsonQueues.DefaultPath;
        var repository = Path.Combine(InfraPaths.RepositoryRoot, "host.json");
        var inFile = JsonNode.Parse(File.ReadAllText(repository))!["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>();

        Assert.Equal(File.ReadAllText(repository), File.ReadAllText(deployed));
        Assert.Equal(inFile, HostJsonQueues.MaxDequeueCount(Settings(), deployed));
        Assert.Equal(inFile, Resolve(Settings()).MaxSendAttempts);
    }

    [Fact]
    public void The_app_setting_that_overrides_host_json_for_the_host_overrides_it_for_the_outbox_too()
    {
        var settings = Settings((HostJsonQueues.MaxDequeueCountSetting, "3"));

        Assert.Equal(3, Resolve(settings).MaxSendAttempts);
    }

    [Theory]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 7 } } }""", 7)]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "batchSize": 16 } } }""", 5)]
    [InlineData("""{ "version": "2.0" }""", 5)]
    public void Without_maxDequeueCount_the_queue_extensions_default_of_five_applies(string hostJson, int expected)
    {
        var path = Path.Combine(folder, "host.json");
        File.WriteAllText(path, hostJson);

        Assert.Equal(expected, HostJsonQueues.MaxDequeueCount(Settings(), path));
    }

    [Theory]
    [InlineData("""{ "extensions": { "queues": { "maxDequeueCount": 0 } } }""", "at least 1")]
    [InlineData("""{ "extensions": { "queues": { "maxDequeueCount": "five" } } }""", "maxDequeueCount")]
    [InlineData("""{ "extensions": """, "not valid JSON")]
    public void A_host_json_the_outbox_cannot_read_is_an_error_that_says_where(string hostJson, string says)
    {
        var path = Path.Combine(folder, "host.json");
        File.WriteAllText(path, hostJson);

        var error = Assert.Throws<InvalidOperationException>(() => HostJsonQueues.MaxDequeueCount(Settings(), path));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_host_json_is_an_error_that_names_the_path()
    {
        var path = Path.Combine(folder, "host.json");

        var error = Assert.Throws<InvalidOperationException>(() => HostJsonQueues.MaxDequeueCount(Settings(), path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_Reminders_MaxSendAttempts_that_disagrees_with_the_host_stops_the_app_at_start_and_says_what_to_do()
    {
        using var host = Build(("Reminders:MaxSendAttempts", "3"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Remove Reminders__MaxSendAttempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxDequeueCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_starts_when_the_retired_setting_agrees_with_the_host_or_is_gone()
    {
        using var agreeing = Build(("Reminders:MaxSendAttempts", "3"), (HostJsonQueues.MaxDequeueCountSetting, "3"));
        using var without = Build();

        await agreeing.StartAsync();
        await without.StartAsync();

        await agreeing.StopAsync();
        await without.StopAsync();
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static OutboxOptions Resolve(IConfiguration settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton(settings);
        services.AddOutbox();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OutboxOptions>>().Value;
    }

    /// <summary>A generic host, as the Functions worker builds one, with the outbox and reminders registered.</summary>
    private static IHost Build(params (string Key, string Value)[] values)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        builder.Services.AddOutbox();
        builder.Services.AddReminders(builder.Configuration);
        return builder.Build();
    }
}
