using TetReadiness.Submissions;

namespace TetReadiness.Tests.Status;

/// <summary>
/// The app's own <see cref="SubmissionReports"/> (real rows in Azurite) with review states laid over the reports it
/// reads, as the <c>Submissions</c> rows' review copy gives them once the review feature writes it: what status,
/// reminders and the rollup count, without going through a review.
/// </summary>
public sealed class ReviewedReports(SubmissionReports inner, IReadOnlyDictionary<string, (string State, bool ReopenRequested)> states) : ISubmissionReports
{
    public async Task<IReadOnlyDictionary<string, UnitReport>> ReadReportsAsync(string campaignId, CancellationToken cancellationToken) =>
        (await inner.ReadReportsAsync(campaignId, cancellationToken)).ToDictionary(pair => pair.Key, pair => Reviewed(pair.Value), StringComparer.Ordinal);

    public async Task<IReadOnlyList<UnitContribution>> ReadContributionsAsync(string campaignId, CancellationToken cancellationToken) =>
        [.. (await inner.ReadContributionsAsync(campaignId, cancellationToken)).Select(c => c with { Report = Reviewed(c.Report) })];

    public async Task<IReadOnlyList<UnitContribution>> ReadAreaContributionsAsync(string campaignId, string districtId, CancellationToken cancellationToken) =>
        [.. (await inner.ReadAreaContributionsAsync(campaignId, districtId, cancellationToken)).Select(c => c with { Report = Reviewed(c.Report) })];

    public Task<bool> AreaKeysReadyAsync(CancellationToken cancellationToken) => inner.AreaKeysReadyAsync(cancellationToken);

    public Task<IReadOnlyList<LatestAnswer>> ReadLatestAnswersAsync(string campaignId, CancellationToken cancellationToken) =>
        inner.ReadLatestAnswersAsync(campaignId, cancellationToken);

    private UnitReport Reviewed(UnitReport report) =>
        states.TryGetValue(report.UnitId, out var review) ? report with { ReviewState = review.State, ReopenRequested = review.ReopenRequested } : report;
}
