using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.LocalHost;

namespace TetReadiness.Tests.Hosting;

/// <summary>Local mode serves exactly the functions Azure does: those the attributes and <c>functions.metadata</c> declare.</summary>
public sealed class FunctionCatalogTests
{
    private static readonly Assembly FunctionsAssembly = LocalFunctionsHost.FunctionsAssembly;

    private static readonly IReadOnlyList<FunctionDescriptor> Discovered = FunctionCatalog.Discover(FunctionsAssembly);

    private static IEnumerable<(string Name, MethodInfo Method)> AttributedMethods() =>
        FunctionsAssembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Attribute: m.GetCustomAttribute<FunctionAttribute>(), Method: m))
            .Where(p => p.Attribute is not null)
            .Select(p => (p.Attribute!.Name, p.Method));

    [Fact]
    public void Every_method_with_a_Function_attribute_is_discovered_once()
    {
        var attributed = AttributedMethods().ToList();

        Assert.NotEmpty(attributed);
        Assert.Equal(attributed.Select(a => a.Name).Order(StringComparer.Ordinal), Discovered.Select(f => f.Name));
        Assert.All(attributed, a => Assert.Same(a.Method, Discovered.Single(f => f.Name == a.Name).Method));
    }

    [Fact]
    public void Every_function_is_public_so_the_worker_can_call_it()
    {
        Assert.All(AttributedMethods(), a => Assert.True(a.Method.IsPublic && a.Method.DeclaringType!.IsPublic, $"{a.Name} is not public"));
    }

    [Fact]
    public void The_catalog_matches_the_functions_metadata_the_Functions_host_reads()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var declared = metadata.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)));

        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), Discovered.Select(f => f.Name));
        foreach (var function in Discovered)
        {
            var binding = declared[function.Name];
            switch (function.Trigger)
            {
                case FunctionTriggerKind.Http:
                    Assert.Equal("httpTrigger", binding.GetProperty("type").GetString());
                    Assert.Equal(binding.GetProperty("route").GetString(), function.Route);
                    Assert.Equal(binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()), function.HttpMethods!);
                    break;
                case FunctionTriggerKind.Timer:
                    Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
                    Assert.Equal(binding.GetProperty("schedule").GetString(), function.Schedule);
                    break;
                case FunctionTriggerKind.Queue:
                    Assert.Equal("queueTrigger", binding.GetProperty("type").GetString());
                    Assert.Equal(binding.GetProperty("queueName").GetString(), function.QueueName);
                    break;
            }
        }
    }

    [Fact]
    public void Every_API_route_spells_out_api_because_host_json_sets_an_empty_route_prefix()
    {
        Assert.Equal(string.Empty, HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json")).RoutePrefix);

        var http = Discovered.Where(f => f.Trigger == FunctionTriggerKind.Http).ToList();
        Assert.Contains(http, f => f.Route!.StartsWith("api/", StringComparison.Ordinal));

        // Only the web pages (TetReadiness.Web) live outside /api; any other function must start its route with api/.
        Assert.All(
            http.Where(f => f.Method.DeclaringType!.Namespace != "TetReadiness.Web"),
            f => Assert.StartsWith("api/", f.Route, StringComparison.Ordinal));
    }

    [Fact]
    public void No_two_HTTP_functions_answer_the_same_route_and_method()
    {
        var pairs = Discovered.Where(f => f.Trigger == FunctionTriggerKind.Http)
            .SelectMany(f => f.HttpMethods!.Select(m => $"{m} {f.Route}"))
            .ToList();

        Assert.Equal(pairs.Count, pairs.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_string_argument_of_an_HTTP_function_is_a_route_value()
    {
        foreach (var function in Discovered.Where(f => f.Trigger == FunctionTriggerKind.Http))
        {
            var routeValues = System.Text.RegularExpressions.Regex.Matches(function.Route!, "{([^}:?]+)").Select(m => m.Groups[1].Value).ToHashSet();
            var parameters = function.Method.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!);
            Assert.All(parameters, name => Assert.Contains(name, routeValues));
        }
    }

    [Fact]
    public void Every_setting_a_trigger_names_is_documented_in_the_example_settings()
    {
        var example = FindRepoFile("Functions", "local.settings.example.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(example));
        var documented = settings.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var named = Discovered
            .SelectMany(f => new[] { f.Schedule, f.QueueName })
            .OfType<string>()
            .SelectMany(expression => System.Text.RegularExpressions.Regex.Matches(expression, "%([^%]+)%").Select(m => m.Groups[1].Value))
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, setting => Assert.Contains(setting, documented));
    }

    private static string FindRepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(Path.Combine(parts));
    }
}
