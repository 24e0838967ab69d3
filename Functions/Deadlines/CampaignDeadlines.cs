namespace TetReadiness.Deadlines;

/// <summary>
/// A campaign's deadline and the units' own. A unit's deadline is its own when that is later than the campaign's,
/// else the campaign's: a grant never makes a unit's deadline earlier, even after the campaign's deadline moved past it. No I/O.
/// </summary>
public sealed record CampaignDeadlines(DateTimeOffset CampaignDeadline, IReadOnlyDictionary<string, UnitDeadline> Granted)
{
    public DateTimeOffset DeadlineOf(string unitId) => Of(CampaignDeadline, Granted.GetValueOrDefault(unitId));

    public bool IsExtended(string unitId) => DeadlineOf(unitId) > CampaignDeadline;

    /// <summary>The deadline of a unit whose own deadline is <paramref name="granted"/> (or none).</summary>
    public static DateTimeOffset Of(DateTimeOffset campaignDeadline, UnitDeadline? granted) =>
        granted is { Deadline: var own } && own > campaignDeadline ? own : campaignDeadline;
}
