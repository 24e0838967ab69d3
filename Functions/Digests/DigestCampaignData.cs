using TetReadiness.Campaigns;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;

namespace TetReadiness.Digests;

/// <summary>Everything a digest knows about one campaign, read once per email however many sections use it.</summary>
public sealed record DigestCampaignData(
    Campaign Campaign,
    IReadOnlyList<RosterUnit> Units,
    IReadOnlyDictionary<string, UnitReport> Reports,
    IReadOnlyDictionary<string, ReminderHistory> Reminders,
    IReadOnlyList<AnswerEntity> Answers,
    IReadOnlyList<StatusSnapshotEntity> PreviousSnapshots);
