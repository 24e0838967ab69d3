namespace TetReadiness.Storage;

/// <summary>The queues the app uses; each has a <c>-poison</c> twin where messages go after <c>maxDequeueCount</c> failures.</summary>
public static class QueueNames
{
    public const string Reminders = "reminders";
    public const string Digests = "digests";
    public const string ReviewNotices = "review-notices";

    public static IReadOnlyList<string> All { get; } = [Reminders, Digests, ReviewNotices];
}
