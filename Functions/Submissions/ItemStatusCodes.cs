namespace TetReadiness.Submissions;

/// <summary>
/// A revision's answers as one short column (<c>ItemStatuses</c> of <c>Submissions</c>): <c>itemId=r;itemId=p;…</c>
/// with r ready, p partial, n not ready, x not applicable. Item ids are slugs, so neither separator can occur in them.
/// Enough for every count a dashboard shows without reading <c>Answers</c>.
/// </summary>
public static class ItemStatusCodes
{
    public static string Encode(IEnumerable<Answer> answers) =>
        string.Join(';', answers.Select(a => a.ItemId + "=" + Code(a.Status)));

    public static IReadOnlyDictionary<string, AnswerStatus> Decode(string? encoded)
    {
        var statuses = new Dictionary<string, AnswerStatus>(StringComparer.Ordinal);
        foreach (var pair in (encoded ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.LastIndexOf('=');
            if (separator > 0 && separator == pair.Length - 2 && TryParse(pair[^1], out var status))
            {
                statuses[pair[..separator]] = status;
            }
        }

        return statuses;
    }

    private static char Code(AnswerStatus status) => status switch
    {
        AnswerStatus.Ready => 'r',
        AnswerStatus.Partial => 'p',
        AnswerStatus.NotReady => 'n',
        AnswerStatus.NotApplicable => 'x',
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static bool TryParse(char code, out AnswerStatus status)
    {
        (var ok, status) = code switch
        {
            'r' => (true, AnswerStatus.Ready),
            'p' => (true, AnswerStatus.Partial),
            'n' => (true, AnswerStatus.NotReady),
            'x' => (true, AnswerStatus.NotApplicable),
            _ => (false, default),
        };
        return ok;
    }
}
