using TetReadiness.Reviews;
using TetReadiness.Submissions;

namespace TetReadiness.Tests.Reviews;

/// <summary>Review transitions as the review feature hands them to <see cref="IReviewNotices"/>, for the seeded roster.</summary>
public static class ReviewNoticeSamples
{
    public const string Comment = "Mục PCCC tại chợ: bổ sung số bình chữa cháy đã kiểm tra.\nGhi rõ ngày kiểm tra <script>.";

    public const string Reason = "Đơn vị ghi nhầm số hộ nghèo được tặng quà; xin sửa lại.";

    public static readonly DateTimeOffset At = new(2024, 1, 25, 10, 0, 0, TimeSpan.FromHours(7));

    public static ReviewTransition Returned(string unitId = "ba-dinh-ubnd", int sequence = 1, string decision = ReviewDecisions.Returned, DateTimeOffset? at = null) =>
        Transition(unitId, sequence, decision == ReviewDecisions.Reopened ? ReviewStates.Accepted : ReviewStates.Submitted, ReviewStates.Returned, decision, Comment, at);

    public static ReviewTransition ReopenRequested(string unitId = "ba-dinh-ttyt", int sequence = 2, DateTimeOffset? at = null) =>
        Transition(unitId, sequence, ReviewStates.Accepted, ReviewStates.Accepted, ReviewDecisions.ReopenRequested, Reason, at);

    private static ReviewTransition Transition(string unitId, int sequence, string from, string to, string decision, string comment, DateTimeOffset? at)
    {
        var (unitName, districtId, districtName) = unitId switch
        {
            "ba-dinh-ubnd" => ("UBND Quận Ba Đình", "ba-dinh", "Quận Ba Đình"),
            "ba-dinh-ttyt" => ("Trung tâm Y tế Ba Đình", "ba-dinh", "Quận Ba Đình"),
            "hoan-kiem-ubnd" => ("UBND Quận Hoàn Kiếm", "hoan-kiem", "Quận Hoàn Kiếm"),
            _ => ("UBND Huyện Ba Vì", "ba-vi", "Huyện Ba Vì"),
        };
        return new ReviewTransition("tet-2024", unitId, unitName, districtId, districtName, sequence, 1, from, to, decision, comment,
            decision == ReviewDecisions.ReopenRequested ? "vanphong@ba-dinh.invalid" : "dieuphoi@ba-dinh.invalid", "entra", at ?? At);
    }
}
