using System.Text.Json.Nodes;

namespace TetReadiness.Tests.Infra;

/// <summary>A resource declared in a compiled ARM template, with the template it sits in.</summary>
public sealed record ArmResource(string SymbolicName, JsonObject Node, ArmScope Scope)
{
    public string Type => Node["type"]?.GetValue<string>() ?? string.Empty;

    public string Name => Node["name"]?.GetValue<string>() ?? string.Empty;

    public bool IsExisting => Node["existing"]?.GetValue<bool>() == true;

    public JsonObject Properties => Node["properties"] as JsonObject ?? [];

    public override string ToString() => $"{Type} '{SymbolicName}' in module {Scope.ModuleName}";
}
