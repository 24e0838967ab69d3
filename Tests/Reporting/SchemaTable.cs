namespace TetReadiness.Tests.Reporting;

public sealed record SchemaTable(string Name, string PowerBiName, string SourceTable, string Kind, bool PerCampaign, IReadOnlyList<SchemaColumn> Columns);
