using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TetReadiness.Tests.Infra;

/// <summary>
/// Reads a template compiled by `bicep build`: every resource of every module, the names of resources declared
/// in a loop over a variable, and parameter values followed through modules to their defaults. Just enough ARM
/// expression reading for the infrastructure tests; anything else stays an expression string.
/// </summary>
public sealed partial class ArmTemplate
{
    private ArmTemplate(JsonObject root, string text)
    {
        Root = root;
        Text = text;
        Resources = Collect(new ArmScope(root, Deployment: null, DeploymentSymbol: null, Parent: null)).ToList();
    }

    public JsonObject Root { get; }

    /// <summary>The compiled JSON as text, for checks that no expression anywhere mentions something.</summary>
    public string Text { get; }

    /// <summary>Every resource, in every module, including `existing` references.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("The compiled template is not a JSON object."), json);

    /// <summary>The resources of a type that the template creates (not `existing` references).</summary>
    public IReadOnlyList<ArmResource> Declared(string type) =>
        Resources.Where(resource => !resource.IsExisting && string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The single declared resource of a type whose name ends in the literal <paramref name="childName"/> (sites/config 'appsettings').</summary>
    public ArmResource DeclaredChild(string type, string childName)
    {
        var matches = Declared(type).Where(resource => ChildNames(resource).Contains(childName, StringComparer.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one {type} named '{childName}', found {matches.Count}.");
    }

    /// <summary>
    /// The last segment of a resource's name: a literal, or every element of the variable array a copy loop
    /// iterates (<c>variables('tableNames')[copyIndex()]</c>).
    /// </summary>
    public static IReadOnlyList<string> ChildNames(ArmResource resource)
    {
        var name = resource.Name;
        if (LoopOverVariable().Match(name) is { Success: true } loop)
        {
            var variable = resource.Scope.Template["variables"]?[loop.Groups["variable"].Value] as JsonArray
                ?? throw new InvalidOperationException($"{resource} loops over variable '{loop.Groups["variable"].Value}', which is not an array.");
            return variable.OfType<JsonValue>().Select(element => element.GetValue<string>()).ToList();
        }

        if (LastLiteralArgument().Match(name) is { Success: true } literal)
        {
            return [literal.Groups["literal"].Value];
        }

        return name.StartsWith('[') ? [] : [name.Split('/')[^1]];
    }

    /// <summary>
    /// A property value with <c>[parameters('x')]</c> followed outwards: to the value the parent module passes,
    /// or to the parameter's default value, until it is no longer a bare parameter reference.
    /// </summary>
    public static JsonNode? Resolve(ArmScope scope, JsonNode? value)
    {
        while (value is JsonValue jsonValue && jsonValue.TryGetValue<string>(out var text) && BareParameter().Match(text) is { Success: true } match)
        {
            var parameter = match.Groups["parameter"].Value;
            if (scope.Deployment?["properties"]?["parameters"]?[parameter] is JsonObject passed && scope.Parent is not null)
            {
                value = passed["value"];
                scope = scope.Parent;
                continue;
            }

            value = scope.Template["parameters"]?[parameter]?["defaultValue"];
        }

        return value;
    }

    private static IEnumerable<ArmResource> Collect(ArmScope scope)
    {
        var resources = scope.Template["resources"] switch
        {
            JsonObject symbolic => symbolic.Select(pair => (pair.Key, Node: pair.Value as JsonObject)),
            JsonArray array => array.Select((node, index) => (Key: index.ToString(System.Globalization.CultureInfo.InvariantCulture), Node: node as JsonObject)),
            _ => [],
        };

        foreach (var (symbolicName, node) in resources)
        {
            if (node is null)
            {
                continue;
            }

            var resource = new ArmResource(symbolicName, node, scope);
            yield return resource;

            if (string.Equals(resource.Type, "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                && resource.Properties["template"] is JsonObject nested)
            {
                foreach (var inner in Collect(new ArmScope(nested, node, symbolicName, scope)))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"variables\('(?<variable>[^']+)'\)\[copyIndex\(\)\]\)?\]$")]
    private static partial Regex LoopOverVariable();

    [GeneratedRegex(@"'(?<literal>[^']*)'\)\]$")]
    private static partial Regex LastLiteralArgument();

    [GeneratedRegex(@"^\[parameters\('(?<parameter>[^']+)'\)\]$")]
    private static partial Regex BareParameter();
}
