using TetReadiness.Campaigns;
using TetReadiness.Deadlines;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Digests;

/// <summary>
/// Everything a digest knows about one campaign, read once per email however many sections use it.
/// <see cref="DifficultiesAndProposals"/> holds the units of the scopes the email covers that wrote any (null: none).
/// <see cref="Deadlines"/>: the units' own deadlines (null: the campaign's for all).
/// </summary>
public sealed record DigestCampaignData(
    Campaign Campaign,
    IReadOnlyList<RosterUnit> Units,
    IReadOnlyDictionary<string, UnitReport> Reports,
    IReadOnlyDictionary<string, ReminderHistory> Reminders,
    IReadOnlyList<LatestAnswer> Answers,
    IReadOnlyList<StatusSnapshotEntity> PreviousSnapshots,
    IReadOnlyList<DifficultiesAndProposals>? DifficultiesAndProposals = null,
    CampaignDeadlines? Deadlines = null);
