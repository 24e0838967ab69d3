using TetReadiness.Time;

namespace TetReadiness.Reviews;

/// <summary>One transition of a unit's review, as <c>GET .../reviews</c> lists them (newest first).</summary>
public sealed record ReviewHistoryEntry(
    int Sequence,
    int Revision,
    string FromState,
    string ToState,
    string Decision,
    string? Comment,
    string By,
    string Via,
    DateTimeOffset At)
{
    public static ReviewHistoryEntry Of(ReviewTransition t) =>
        new(t.Sequence, t.Revision, t.FromState, t.ToState, t.Decision, t.Comment, t.By, t.Via, VietnamTime.ToVietnam(t.At));
}
