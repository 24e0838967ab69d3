using System.Text.Json;

namespace TetReadiness.Tests.Infra;

/// <summary>Reads infra/optional-settings.json, the machine-readable list that docs/deploy-azure.md points to.</summary>
public static class OptionalSettings
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<OptionalSetting> Read(string path)
    {
        using var stream = File.OpenRead(path);
        var document = JsonSerializer.Deserialize<OptionalSettingsDocument>(stream, Options)
            ?? throw new InvalidOperationException($"{path} is empty.");
        return document.Settings;
    }

    private sealed record OptionalSettingsDocument(IReadOnlyList<OptionalSetting> Settings);
}
