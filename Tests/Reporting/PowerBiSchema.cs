using System.Text.Json;

namespace TetReadiness.Tests.Reporting;

/// <summary>docs/power-bi-schema.json, read as the tests compare against it.</summary>
public static class PowerBiSchema
{
    private static readonly Lazy<IReadOnlyList<SchemaTable>> Loaded = new(Load);

    public static IReadOnlyList<SchemaTable> Tables => Loaded.Value;

    public static SchemaTable Table(string name) => Tables.Single(t => t.Name == name);

    private static IReadOnlyList<SchemaTable> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ReportingPaths.Schema));
        return document.RootElement.GetProperty("tables").EnumerateArray().Select(table => new SchemaTable(
            table.GetProperty("name").GetString()!,
            table.GetProperty("powerBiName").GetString()!,
            table.GetProperty("sourceTable").GetString()!,
            table.GetProperty("kind").GetString()!,
            table.GetProperty("perCampaign").GetBoolean(),
            table.GetProperty("columns").EnumerateArray().Select(column => new SchemaColumn(
                column.GetProperty("name").GetString()!,
                column.GetProperty("type").GetString()!,
                column.GetProperty("description").GetString()!)).ToList())).ToList();
    }
}
