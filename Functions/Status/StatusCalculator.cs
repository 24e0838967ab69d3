using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Status;

/// <summary>Reporting rate, timeliness and readiness from a roster and the latest submissions. No I/O.</summary>
public static class StatusCalculator
{
    public static CampaignStatus Calculate(
        Campaign campaign,
        IReadOnlyList<RosterUnit> units,
        IReadOnlyDictionary<string, UnitReport> reports,
        DateTimeOffset asOf)
    {
        var districts = units
            .GroupBy(u => u.DistrictId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(group => Summarize(group.ToList(), reports, (total, reported, onTime, late, readiness) =>
                new DistrictStatus(group.Key, group.First().DistrictName, total, reported, onTime, late, total - reported, readiness)))
            .ToList();
        return Summarize(units, reports, (total, reported, onTime, late, readiness) =>
            new CampaignStatus(campaign.CampaignId, VietnamTime.ToVietnam(asOf), total, reported, onTime, late, total - reported, readiness, districts));
    }

    /// <summary>The same figures from stored per-area summaries (a closed campaign's final figures).</summary>
    public static CampaignStatus FromSummaries(Campaign campaign, IReadOnlyList<AreaSummary> areas, DateTimeOffset asOf)
    {
        var readinessCount = areas.Sum(a => a.ReadinessCount);
        return new CampaignStatus(
            campaign.CampaignId,
            VietnamTime.ToVietnam(asOf),
            areas.Sum(a => a.Units),
            areas.Sum(a => a.Reported),
            areas.Sum(a => a.OnTime),
            areas.Sum(a => a.Late),
            areas.Sum(a => a.Missing),
            readinessCount == 0 ? null : areas.Sum(a => a.ReadinessTotal) / readinessCount,
            areas.OrderBy(a => a.DistrictId, StringComparer.Ordinal)
                .Select(a => new DistrictStatus(a.DistrictId, a.DistrictName, a.Units, a.Reported, a.OnTime, a.Late, a.Missing, a.Readiness))
                .ToList());
    }

    /// <param name="deadlineOf">Each unit's deadline (its own, or the campaign's); the campaign's for every unit when null.</param>
    public static IReadOnlyList<NonReporter> NonReporters(
        Campaign campaign,
        IEnumerable<RosterUnit> units,
        IReadOnlyDictionary<string, UnitReport> reports,
        DateOnly today,
        Func<string, DateTimeOffset>? deadlineOf = null)
    {
        return units
            .Where(u => !reports.ContainsKey(u.UnitId))
            .OrderBy(u => u.DistrictId, StringComparer.Ordinal)
            .ThenBy(u => u.UnitId, StringComparer.Ordinal)
            .Select(u =>
            {
                var deadline = deadlineOf?.Invoke(u.UnitId) ?? campaign.Deadline;
                return new NonReporter(u.UnitId, u.UnitName, u.DistrictId, u.DistrictName, DaysOverdue(deadline, today))
                {
                    Deadline = VietnamTime.ToVietnam(deadline),
                    Extended = deadline > campaign.Deadline,
                };
            })
            .ToList();
    }

    /// <summary>Whole Vietnam calendar days past the deadline's date; 0 on or before it.</summary>
    public static int DaysOverdue(Campaign campaign, DateOnly today) => DaysOverdue(campaign.Deadline, today);

    /// <summary>Whole Vietnam calendar days past <paramref name="deadline"/>'s date; 0 on or before it.</summary>
    public static int DaysOverdue(DateTimeOffset deadline, DateOnly today) =>
        Math.Max(0, VietnamTime.DaysBetween(VietnamTime.DateOf(deadline), today));

    private static T Summarize<T>(IReadOnlyList<RosterUnit> units, IReadOnlyDictionary<string, UnitReport> reports, Func<int, int, int, int, double?, T> create)
    {
        var reported = units.Select(u => reports.GetValueOrDefault(u.UnitId)).OfType<UnitReport>().ToList();
        var onTime = reported.Count(r => r.OnTime);
        return create(units.Count, reported.Count, onTime, reported.Count - onTime, ReadinessScore.MeanOf(reported.Select(r => r.Readiness)));
    }
}
