namespace TetReadiness.Reviews;

/// <summary>The tables reviews own; only the review stores name them.</summary>
public static class ReviewTables
{
    public const string Reviews = "Reviews";

    public static IReadOnlyList<string> All { get; } = [Reviews];
}
