using System.Text.Json.Nodes;

namespace TetReadiness.Tests.Infra;

/// <summary>
/// One template in a compiled deployment: the root, or a module's nested template together with the deployment
/// resource that passes its parameters and that resource's symbolic name in the parent template.
/// </summary>
public sealed record ArmScope(JsonObject Template, JsonObject? Deployment, string? DeploymentSymbol, ArmScope? Parent)
{
    public string ModuleName => Deployment?["name"]?.GetValue<string>() ?? "main";
}
