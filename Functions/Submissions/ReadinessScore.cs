namespace TetReadiness.Submissions;

/// <summary>
/// Readiness = (ready + 0.5 × partial) ÷ answers that are not <c>not_applicable</c>, from 0 to 1;
/// null when every answer is not applicable. An area's or a campaign's readiness is the unweighted mean
/// over reporting units.
/// </summary>
public static class ReadinessScore
{
    public static double? Of(IEnumerable<AnswerStatus> statuses)
    {
        var counted = 0;
        var score = 0.0;
        foreach (var status in statuses)
        {
            if (ScoreOf(status) is { } value)
            {
                counted++;
                score += value;
            }
        }

        return counted == 0 ? null : score / counted;
    }

    /// <summary>One item's contribution: 1, 0.5, 0, or null when it does not count.</summary>
    public static double? ScoreOf(AnswerStatus status) => status switch
    {
        AnswerStatus.Ready => 1.0,
        AnswerStatus.Partial => 0.5,
        AnswerStatus.NotReady => 0.0,
        _ => null,
    };

    public static double? MeanOf(IEnumerable<double?> readiness)
    {
        var values = readiness.Where(r => r.HasValue).Select(r => r!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
