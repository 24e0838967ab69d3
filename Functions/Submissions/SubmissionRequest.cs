namespace TetReadiness.Submissions;

/// <summary>The body of <c>PUT .../submission</c>, as sent; checked by <see cref="ChecklistValidator"/>.</summary>
public sealed class SubmissionRequest
{
    public List<AnswerRequest?>? Answers { get; set; }

    public SubmitterRequest? Submitter { get; set; }

    /// <summary>"Khó khăn, vướng mắc": free text, optional (<see cref="ReportTextValidator"/>).</summary>
    public string? Difficulties { get; set; }

    /// <summary>"Đề xuất, kiến nghị": free text, optional (<see cref="ReportTextValidator"/>).</summary>
    public string? Proposals { get; set; }

    public sealed class AnswerRequest
    {
        public string? ItemId { get; set; }

        public string? Status { get; set; }

        public string? Note { get; set; }
    }

    public sealed class SubmitterRequest
    {
        public string? Name { get; set; }

        public string? Title { get; set; }

        public string? Phone { get; set; }
    }
}
