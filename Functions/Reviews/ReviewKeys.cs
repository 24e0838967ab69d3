namespace TetReadiness.Reviews;

/// <summary>
/// Keys of <c>Reviews</c>: partition = campaign id, row key <c>{unitId}|{999999 - sequence}</c>, so a unit's newest
/// transition sorts first and its log is one key range.
/// </summary>
public static class ReviewKeys
{
    public const int MaxSequence = 999_999;

    public static string Row(string unitId, int sequence) => $"{UnitPrefix(unitId)}{MaxSequence - sequence:D6}";

    public static string UnitPrefix(string unitId) => unitId + "|";
}
