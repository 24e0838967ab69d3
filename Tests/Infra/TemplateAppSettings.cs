using System.Text.Json.Nodes;

namespace TetReadiness.Tests.Infra;

/// <summary>The Function App's app settings as the compiled template writes them: name to value (a literal or an ARM expression).</summary>
public static class TemplateAppSettings
{
    public static IReadOnlyDictionary<string, string> Read(ArmTemplate template)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var config in template.Declared("Microsoft.Web/sites/config").Where(config => ArmTemplate.ChildNames(config).Contains("appsettings", StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var (name, value) in config.Properties)
            {
                settings[name] = Text(value);
            }
        }

        foreach (var site in template.Declared("Microsoft.Web/sites"))
        {
            if (site.Properties["siteConfig"]?["appSettings"] is JsonArray pairs)
            {
                foreach (var pair in pairs.OfType<JsonObject>())
                {
                    settings[pair["name"]!.GetValue<string>()] = Text(pair["value"]);
                }
            }
        }

        return settings;
    }

    private static string Text(JsonNode? value) =>
        value is JsonValue jsonValue && jsonValue.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? string.Empty;
}
