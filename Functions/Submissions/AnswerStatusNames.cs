namespace TetReadiness.Submissions;

public static class AnswerStatusNames
{
    public const string Ready = "ready";
    public const string Partial = "partial";
    public const string NotReady = "not_ready";
    public const string NotApplicable = "not_applicable";

    public static IReadOnlyList<string> All { get; } = [Ready, Partial, NotReady, NotApplicable];

    public static string Name(this AnswerStatus status) => status switch
    {
        AnswerStatus.Ready => Ready,
        AnswerStatus.Partial => Partial,
        AnswerStatus.NotReady => NotReady,
        AnswerStatus.NotApplicable => NotApplicable,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? name, out AnswerStatus status)
    {
        (var ok, status) = name switch
        {
            Ready => (true, AnswerStatus.Ready),
            Partial => (true, AnswerStatus.Partial),
            NotReady => (true, AnswerStatus.NotReady),
            NotApplicable => (true, AnswerStatus.NotApplicable),
            _ => (false, default),
        };
        return ok;
    }
}
