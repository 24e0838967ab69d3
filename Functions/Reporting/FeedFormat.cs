namespace TetReadiness.Reporting;

/// <summary><c>format=json</c> (the default: an array of flat objects) or <c>format=csv</c> (UTF-8 with BOM, for Excel).</summary>
public enum FeedFormat
{
    Json,
    Csv,
}
