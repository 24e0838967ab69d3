namespace TetReadiness.Reviews;

/// <summary>The body of <c>POST .../review</c>, as sent; checked by <see cref="ReviewRules.ReadReview"/>.</summary>
public sealed class ReviewRequest
{
    public string? Decision { get; set; }

    public string? Comment { get; set; }

    public int? Revision { get; set; }
}
