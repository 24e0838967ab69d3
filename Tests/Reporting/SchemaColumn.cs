namespace TetReadiness.Tests.Reporting;

public sealed record SchemaColumn(string Name, string Type, string Description);
