using TetReadiness.Messages;

namespace TetReadiness.Submissions;

/// <summary>
/// <c>If-Match: "r{n}"</c> (submit only over revision n) and <c>If-None-Match: *</c> (first submission only).
/// Without either, a submission never fails for concurrency: it becomes the next revision.
/// </summary>
public sealed record SubmissionPreconditions(IReadOnlyList<int>? IfMatch, bool IfMatchAny, bool IfNoneMatchAny)
{
    public static SubmissionPreconditions None { get; } = new(null, false, false);

    public static SubmissionPreconditions Parse(string? ifMatch, string? ifNoneMatch)
    {
        var noneAny = ifNoneMatch?.Trim() == "*";
        if (!string.IsNullOrWhiteSpace(ifNoneMatch) && !noneAny)
        {
            throw Refusal.Invalid(c => c.InvalidIfNoneMatch());
        }

        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new SubmissionPreconditions(null, false, noneAny);
        }

        if (ifMatch.Trim() == "*")
        {
            return new SubmissionPreconditions(null, true, noneAny);
        }

        var revisions = new List<int>();
        foreach (var tag in ifMatch.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var value = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (value.Length < 4 || value[0] != '"' || value[^1] != '"' || value[1] != 'r' || !int.TryParse(value[2..^1], out var revision) || revision < 1)
            {
                throw Refusal.Invalid(c => c.InvalidIfMatch(tag));
            }

            revisions.Add(revision);
        }

        return new SubmissionPreconditions(revisions, false, noneAny);
    }

    /// <summary>Null when the current revision (0 = none yet) satisfies the preconditions, else why not.</summary>
    public Message? Check(int currentRevision)
    {
        if (IfNoneMatchAny && currentRevision > 0)
        {
            return c => c.SubmissionExists(currentRevision);
        }

        if (IfMatchAny && currentRevision == 0)
        {
            return c => c.NoSubmissionToUpdate();
        }

        if (IfMatch is not null && !IfMatch.Contains(currentRevision))
        {
            return currentRevision == 0
                ? c => c.NoSubmissionToUpdate()
                : c => c.SubmissionMovedOn(currentRevision);
        }

        return null;
    }
}
