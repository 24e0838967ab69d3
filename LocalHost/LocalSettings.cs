using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace TetReadiness.LocalHost;

/// <summary>
/// Loads the <c>Values</c> of <c>local.settings.json</c> as Core Tools does, below environment variables,
/// so <c>SendGrid__Host=...</c> on the command line wins in both modes.
/// </summary>
public static class LocalSettings
{
    public static void AddTo(IConfigurationBuilder configuration, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values))
        {
            return;
        }

        var data = values.EnumerateObject().ToDictionary(
            p => p.Name.Replace("__", ":", StringComparison.Ordinal),
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText());
        var source = new MemoryConfigurationSource { InitialData = data };
        var sources = configuration.Sources;
        var firstEnvironment = sources.Select((s, i) => (s, i)).FirstOrDefault(p => p.s is EnvironmentVariablesConfigurationSource).i;
        sources.Insert(sources.Any(s => s is EnvironmentVariablesConfigurationSource) ? firstEnvironment : sources.Count, source);
    }
}
