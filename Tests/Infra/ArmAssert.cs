using System.Text.Json.Nodes;

namespace TetReadiness.Tests.Infra;

/// <summary>Assertions on compiled ARM resources, with parameter references followed to the values a default deployment gets.</summary>
public static class ArmAssert
{
    /// <summary>Compares a property (a dotted path under <c>properties</c>), followed to its parameter default, with the expected value.</summary>
    public static void Property<T>(ArmResource resource, string path, T expected)
    {
        var actual = Resolved(resource, path)?.ToJsonString() ?? "<missing>";
        Assert.True(
            actual == JsonValue.Create(expected)!.ToJsonString(),
            $"{resource}: {path} is {actual}, expected {JsonValue.Create(expected)!.ToJsonString()}");
    }

    /// <summary>A property (a dotted path under <c>properties</c>) followed to the value a default deployment gets.</summary>
    public static JsonNode? Resolved(ArmResource resource, string path)
    {
        JsonNode? node = resource.Properties;
        foreach (var segment in path.Split('.'))
        {
            node = ArmTemplate.Resolve(resource.Scope, node?[segment]);
        }

        return node;
    }

    /// <summary>A resource's <c>condition</c> followed to its parameter default: true when a default deployment creates it.</summary>
    public static bool CreatedByDefault(ArmResource resource) =>
        resource.Node["condition"] is not { } condition
        || ArmTemplate.Resolve(resource.Scope, condition) is JsonValue value && value.TryGetValue<bool>(out var created) && created;
}
