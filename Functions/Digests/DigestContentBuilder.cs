using System.Globalization;
using TetReadiness.Platform;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Digests;

/// <summary>
/// What a digest says, from what was read: numbers from <see cref="StatusCalculator"/> (the same as the status API),
/// missing units with their reminders, the least-ready items, the change since the previous snapshot, the review
/// states of the reports and the newest difficulties and proposals. No I/O.
/// </summary>
public static class DigestContentBuilder
{
    public const string CityName = "Toàn thành phố";
    public const int LeastReadyItemCount = 5;
    public const int NotesPerItem = 2;
    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(24);
    public const int RemarksShown = 5;
    public const int ExcerptLength = 300;
    private const int WordBoundarySlack = 40;

    /// <summary>A section per scope, in order; scopes whose campaign is gone (not in <paramref name="campaigns"/>) are left out.</summary>
    public static DigestContent Build(
        string recipient,
        DateOnly date,
        DateTimeOffset now,
        IReadOnlyList<DigestScope> scopes,
        IReadOnlyDictionary<string, DigestCampaignData> campaigns,
        string publicBaseUrl)
    {
        var sections = scopes
            .Where(scope => campaigns.ContainsKey(scope.CampaignId))
            .Select(scope => Section(scope, campaigns[scope.CampaignId], now, publicBaseUrl))
            .ToList();
        return new DigestContent(recipient, date, VietnamTime.ToVietnam(now), sections);
    }

    public static DigestSection Section(DigestScope scope, DigestCampaignData data, DateTimeOffset now, string publicBaseUrl)
    {
        var campaign = data.Campaign;
        var units = data.Units.Where(u => scope.IsCity || u.DistrictId == scope.DistrictId).ToList();
        var status = StatusCalculator.Calculate(campaign, units, data.Reports, now);
        var scopeName = scope.IsCity ? CityName : units.FirstOrDefault()?.DistrictName ?? scope.DistrictId!;
        return new DigestSection(
            scope,
            campaign.Title,
            campaign.Deadline,
            scopeName,
            status,
            Missing(data, units, VietnamTime.DateOf(now)),
            LeastReady(data, units),
            Changes(scope, data, units, now),
            StatusUrl(publicBaseUrl, scope),
            Reviews(data, units),
            Remarks(data, units));
    }

    /// <summary>
    /// <paramref name="text"/> on one line (runs of spaces and line breaks become one space), cut to about
    /// <paramref name="length"/> characters (text elements, as the form counts them), at a word when one ends near
    /// the cut, and marked with "…" when cut.
    /// </summary>
    public static string Excerpt(string text, int length = ExcerptLength)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var elements = new StringInfo(oneLine);
        if (elements.LengthInTextElements <= length)
        {
            return oneLine;
        }

        var cut = elements.SubstringByTextElements(0, length);
        var space = cut.LastIndexOf(' ');
        if (space > 0 && space >= cut.Length - WordBoundarySlack)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', ';', ':') + "…";
    }

    /// <summary>The coordinators' status page (<c>/status</c>), opened on the campaign (<c>c</c>) and district (<c>d</c>) of the section.</summary>
    public static string StatusUrl(string publicBaseUrl, DigestScope scope) => PublicUrls.Status(publicBaseUrl, scope.CampaignId, scope.DistrictId);

    private static IReadOnlyList<MissingUnit> Missing(DigestCampaignData data, IReadOnlyList<RosterUnit> units, DateOnly today)
    {
        var byId = units.ToDictionary(u => u.UnitId, StringComparer.Ordinal);
        return StatusCalculator.NonReporters(data.Campaign, units, data.Reports, today, data.Deadlines is { } deadlines ? deadlines.DeadlineOf : null)
            .Select(missing =>
            {
                var history = data.Reminders.GetValueOrDefault(missing.UnitId) ?? ReminderHistory.None;
                var noEmail = history.NoEmail || byId[missing.UnitId].OfficerEmails.Count == 0;
                return new MissingUnit(missing.UnitId, missing.UnitName, missing.DistrictName, missing.DaysOverdue, history.Sent, history.LastSentAt, noEmail);
            })
            .ToList();
    }

    /// <summary>The items of the current checklist with the lowest mean readiness among the scope's reporting units.</summary>
    private static IReadOnlyList<ItemReadiness> LeastReady(DigestCampaignData data, IReadOnlyList<RosterUnit> units) =>
        LeastReadyItems.Of(
            data.Campaign,
            units.Where(u => data.Reports.ContainsKey(u.UnitId)).ToDictionary(u => u.UnitId, StringComparer.Ordinal),
            data.Answers,
            LeastReadyItemCount,
            NotesPerItem);

    /// <summary>The scope's reports by review state (<see cref="UnitReport.ReviewState"/>), units by area then id.</summary>
    private static DigestReviews Reviews(DigestCampaignData data, IReadOnlyList<RosterUnit> units)
    {
        var reported = units
            .Select(unit => (Unit: unit, Report: data.Reports.GetValueOrDefault(unit.UnitId)))
            .Where(pair => pair.Report is not null)
            .OrderBy(pair => pair.Unit.DistrictId, StringComparer.Ordinal)
            .ThenBy(pair => pair.Unit.UnitId, StringComparer.Ordinal)
            .ToList();
        return new DigestReviews(
            reported.Count(pair => pair.Report!.ReviewState == ReviewStates.Submitted),
            [.. reported.Where(pair => pair.Report!.ReviewState == ReviewStates.Returned).Select(pair => Named(pair.Unit))],
            [.. reported.Where(pair => pair.Report!.ReopenRequested).Select(pair => Named(pair.Unit))]);
    }

    /// <summary>How many of the scope's units wrote difficulties, and proposals, and the newest few of each.</summary>
    private static DigestRemarks Remarks(DigestCampaignData data, IReadOnlyList<RosterUnit> units)
    {
        var byId = units.ToDictionary(u => u.UnitId, StringComparer.Ordinal);
        var written = (data.DifficultiesAndProposals ?? []).Where(r => byId.ContainsKey(r.UnitId)).ToList();
        IReadOnlyList<DigestRemark> Newest(Func<DifficultiesAndProposals, string?> text) =>
        [
            .. written
                .Where(r => text(r) is not null)
                .OrderByDescending(r => r.SubmittedAt)
                .ThenBy(r => r.UnitId, StringComparer.Ordinal)
                .Take(RemarksShown)
                .Select(r => new DigestRemark(Named(byId[r.UnitId]), r.SubmittedAt, Excerpt(text(r)!))),
        ];

        return new DigestRemarks(
            written.Count(r => r.Difficulties is not null),
            Newest(r => r.Difficulties),
            written.Count(r => r.Proposals is not null),
            Newest(r => r.Proposals));
    }

    private static DigestUnit Named(RosterUnit unit) => new(unit.UnitId, unit.UnitName, unit.DistrictName);

    private static DigestChanges Changes(DigestScope scope, DigestCampaignData data, IReadOnlyList<RosterUnit> units, DateTimeOffset now)
    {
        var previous = data.PreviousSnapshots.FirstOrDefault(s => scope.IsCity
            ? s.Scope == StatusSnapshotEntity.CityScope
            : s.Scope == StatusSnapshotEntity.DistrictScope && s.DistrictId == scope.DistrictId);
        var recent = units
            .Select(unit => (Unit: unit, Report: data.Reports.GetValueOrDefault(unit.UnitId)))
            .Where(pair => pair.Report is { } report && report.FirstSubmittedAt > now - RecentWindow && report.FirstSubmittedAt <= now)
            .OrderBy(pair => pair.Report!.FirstSubmittedAt)
            .Select(pair => new RecentReport(pair.Unit.UnitId, pair.Unit.UnitName, pair.Unit.DistrictName, pair.Report!.FirstSubmittedAt, pair.Report.OnTime))
            .ToList();
        return previous is null
            ? new DigestChanges(null, null, null, recent)
            : new DigestChanges(
                DateOnly.ParseExact(previous.SnapshotDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                previous.Reported,
                previous.Readiness,
                recent);
    }
}
