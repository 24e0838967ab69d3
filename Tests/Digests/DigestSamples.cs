using TetReadiness.Campaigns;
using TetReadiness.Digests;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;

namespace TetReadiness.Tests.Digests;

/// <summary>
/// A small campaign seen at 17:00 on 27/11/2026, two days after its deadline: three districts, five units, two of
/// them reported. Tests change the pieces they are about.
/// </summary>
public static class DigestSamples
{
    public const string CampaignId = "tet-2027";
    public const string BaseUrl = "https://tetreadiness.example.vn";

    public static readonly DateTimeOffset Now = new(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(7));

    public static DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public static Campaign Campaign(string id = CampaignId, string title = "Chuẩn bị Tết Đinh Mùi 2027", IReadOnlyList<string>? recipients = null, int deadlineDay = 25) => new(
        id,
        title,
        new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(7)),
        new DateTimeOffset(2026, 11, deadlineDay, 23, 59, 59, TimeSpan.FromHours(7)),
        new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(7)),
        recipients ?? ["sonoivu@hanoi.invalid"],
        1,
        Checklist());

    public static Checklist Checklist(string fireItemText = "Kiểm tra PCCC tại chợ") => new(
    [
        new ChecklistSection("pccc", "Phòng cháy, chữa cháy",
        [
            new ChecklistItem("pccc-cho", fireItemText, true),
            new ChecklistItem("pccc-phuong-tien", "Phương tiện chữa cháy sẵn sàng", false),
        ]),
        new ChecklistSection("an-sinh", "Chăm lo hộ nghèo", [new ChecklistItem("an-sinh-qua-tet", "Tặng quà Tết hộ nghèo", true)]),
    ]);

    public static IReadOnlyList<RosterUnit> Units(string unitName = "UBND Quận Ba Đình", string districtName = "Quận Ba Đình") =>
    [
        new("ba-dinh-ubnd", unitName, "ba-dinh", districtName, ["vanphong@ba-dinh.invalid"]),
        new("ba-dinh-ttyt", "Trung tâm Y tế Ba Đình", "ba-dinh", districtName, ["truc@ba-dinh-ttyt.invalid"]),
        new("ung-hoa-ubnd", "UBND Huyện Ứng Hòa", "ung-hoa", "Huyện Ứng Hòa", ["vanphong@ung-hoa.invalid"]),
        new("ung-hoa-chu", "Ban quản lý chợ Vân Đình", "ung-hoa", "Huyện Ứng Hòa", []),
        new("ba-vi-ubnd", "UBND Huyện Ba Vì", "ba-vi", "Huyện Ba Vì", ["vanphong@ba-vi.invalid"]),
    ];

    /// <summary>Ba Đình's people's committee reported on time on 20/11; Ứng Hòa's reported late, this morning.</summary>
    public static IReadOnlyDictionary<string, UnitReport> Reports() => new Dictionary<string, UnitReport>
    {
        ["ba-dinh-ubnd"] = new("ba-dinh-ubnd", 1, true, false, 0.5, At(20, 9), At(20, 9)),
        ["ung-hoa-ubnd"] = new("ung-hoa-ubnd", 1, false, true, 0.25, At(27, 10), At(27, 10)),
    };

    public static IReadOnlyList<LatestAnswer> Answers(string? note = "Thiếu bình chữa cháy ở cổng chợ") =>
    [
        Answer("ba-dinh-ubnd", "ba-dinh", "pccc-cho", AnswerStatusNames.Ready),
        Answer("ba-dinh-ubnd", "ba-dinh", "pccc-phuong-tien", AnswerStatusNames.Partial),
        Answer("ba-dinh-ubnd", "ba-dinh", "an-sinh-qua-tet", AnswerStatusNames.NotReady),
        Answer("ung-hoa-ubnd", "ung-hoa", "pccc-cho", AnswerStatusNames.Ready),
        Answer("ung-hoa-ubnd", "ung-hoa", "pccc-phuong-tien", AnswerStatusNames.NotReady, note),
        Answer("ung-hoa-ubnd", "ung-hoa", "an-sinh-qua-tet", AnswerStatusNames.NotApplicable),
    ];

    /// <summary>
    /// Four units reported: Ba Đình's people's committee was returned, Ứng Hòa's was accepted and asks to reopen it,
    /// Ba Đình's health centre and Ba Vì's await review.
    /// </summary>
    public static IReadOnlyDictionary<string, UnitReport> ReviewedReports() => new Dictionary<string, UnitReport>
    {
        ["ba-dinh-ubnd"] = new("ba-dinh-ubnd", 2, true, false, 0.5, At(26, 9), At(20, 9), ReviewStates.Returned),
        ["ba-dinh-ttyt"] = new("ba-dinh-ttyt", 1, false, true, 0.5, At(27, 8), At(27, 8)),
        ["ung-hoa-ubnd"] = new("ung-hoa-ubnd", 1, false, true, 0.25, At(27, 10), At(27, 10), ReviewStates.Accepted, ReopenRequested: true),
        ["ba-vi-ubnd"] = new("ba-vi-ubnd", 1, false, true, 1, At(27, 11), At(27, 11), ReviewStates.Submitted),
    };

    /// <summary>What a unit wrote in its latest revision, submitted on <paramref name="day"/> at <paramref name="hour"/>.</summary>
    public static DifficultiesAndProposals Remark(string unitId, int day, int hour, string? difficulties, string? proposals = null) =>
        new(unitId, "(tên khi gửi) " + unitId, string.Empty, 1, At(day, hour), difficulties, proposals);

    /// <summary>Ba Đình's health centre was reminded twice; Ứng Hòa's market board has no email, so its reminder failed.</summary>
    public static IReadOnlyList<ReminderEntity> Reminders() =>
    [
        Reminder("ba-dinh-ttyt", ReminderState.Sent, "truc@ba-dinh-ttyt.invalid", At(22, 8)),
        Reminder("ba-dinh-ttyt", ReminderState.Sent, "truc@ba-dinh-ttyt.invalid", At(26, 8)),
        Reminder("ba-dinh-ttyt", ReminderState.Superseded, string.Empty, null),
        Reminder("ung-hoa-chu", ReminderState.Failed, string.Empty, null),
        Reminder("ba-vi-ubnd", ReminderState.Queued, "vanphong@ba-vi.invalid", null),
    ];

    public static IReadOnlyList<StatusSnapshotEntity> PreviousSnapshots(Campaign campaign, IReadOnlyList<RosterUnit> units)
    {
        // Yesterday only Ba Đình's people's committee had reported.
        var yesterday = Reports().Where(r => r.Key == "ba-dinh-ubnd").ToDictionary(r => r.Key, r => r.Value);
        return StatusSnapshotEntity.From(StatusCalculator.Calculate(campaign, units, yesterday, Now.AddDays(-1)), Today.AddDays(-1), Now.AddDays(-1));
    }

    public static DigestCampaignData Data(
        Campaign? campaign = null,
        IReadOnlyList<RosterUnit>? units = null,
        IReadOnlyList<LatestAnswer>? answers = null,
        IReadOnlyList<StatusSnapshotEntity>? previous = null,
        IReadOnlyList<DifficultiesAndProposals>? remarks = null,
        IReadOnlyDictionary<string, UnitReport>? reports = null)
    {
        campaign ??= Campaign();
        units ??= Units();
        return new DigestCampaignData(
            campaign,
            units,
            reports ?? Reports(),
            ReminderHistory.ByUnit(Reminders()),
            answers ?? Answers(),
            previous ?? PreviousSnapshots(campaign, units),
            DifficultiesAndProposals: remarks);
    }

    public static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(7));

    private static LatestAnswer Answer(string unitId, string districtId, string itemId, string status, string? note = null) => new(
        unitId,
        districtId,
        itemId,
        itemId.StartsWith("pccc", StringComparison.Ordinal) ? "pccc" : "an-sinh",
        AnswerStatusNames.TryParse(status, out var parsed) ? parsed : AnswerStatus.NotApplicable,
        note,
        unitId == "ba-dinh-ubnd" ? At(20, 9) : At(27, 10));

    private static ReminderEntity Reminder(string unitId, string state, string recipients, DateTimeOffset? sentAt) => new()
    {
        PartitionKey = CampaignId,
        RowKey = ReminderEntity.RowKeyFor(unitId, Guid.NewGuid().ToString("N")[..6]),
        UnitId = unitId,
        State = state,
        Recipients = recipients,
        SentAt = sentAt,
    };
}
