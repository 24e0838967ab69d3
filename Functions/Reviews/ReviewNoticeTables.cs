namespace TetReadiness.Reviews;

/// <summary>The table review notices own (the outbox of the emails a review sends); only the notice store names it.</summary>
public static class ReviewNoticeTables
{
    public const string ReviewNotices = "ReviewNotices";

    public static IReadOnlyList<string> All { get; } = [ReviewNotices];
}
