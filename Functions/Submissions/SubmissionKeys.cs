namespace TetReadiness.Submissions;

/// <summary>
/// Row keys of <c>Submissions</c>: <c>{DistrictId}|{UnitId}</c>, so an area's units are one key range of the campaign's
/// partition. Rows written before issue 15 were keyed by the unit id alone (legacy) until their migration.
/// </summary>
internal static class SubmissionKeys
{
    public const char Separator = '|';

    public static string Row(string districtId, string unitId) => districtId + Separator + unitId;

    /// <summary>The prefix every row of an area starts with.</summary>
    public static string AreaPrefix(string districtId) => districtId + Separator;

    /// <summary>The area a row key names; null for a legacy key (unit id only).</summary>
    public static string? DistrictOf(string rowKey)
    {
        var separator = rowKey.IndexOf(Separator, StringComparison.Ordinal);
        return separator > 0 ? rowKey[..separator] : null;
    }
}
