using TetReadiness.Reminders;

namespace TetReadiness.Tests.Reminders;

public sealed class ReminderEmailTests
{
    private static readonly DateTimeOffset Deadline = new(2027, 1, 25, 17, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void An_escalated_reminder_says_the_area_coordinators_are_copied_and_threatens_nobody()
    {
        var email = ReminderEmail.Compose(Reminder("escalated", cc: "dieuphoi@ba-dinh.invalid"), "Tết Đinh Mùi 2027", Deadline, "https://tet.example/form?t=x");

        Assert.Equal("[Quá hạn 4 ngày – đồng gửi điều phối viên Phường Ba Đình] Tết Đinh Mùi 2027: UBND phường Ba Đình", email.Subject);
        Assert.Equal(["dieuphoi@ba-dinh.invalid"], email.Cc);
        foreach (var text in new[] { email.Subject, email.PlainText, email.Html })
        {
            Assert.DoesNotContain("lãnh đạo", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("gửi đồng thời tới điều phối viên Phường Ba Đình", email.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escalated_reminder_in_an_area_without_coordinators_claims_no_copy()
    {
        var email = ReminderEmail.Compose(Reminder("escalated", cc: string.Empty), "Tết Đinh Mùi 2027", Deadline, "https://tet.example/form?t=x");

        Assert.Equal("[Quá hạn 4 ngày] Tết Đinh Mùi 2027: UBND phường Ba Đình", email.Subject);
        Assert.Empty(email.Cc);
        Assert.DoesNotContain("điều phối viên", email.PlainText, StringComparison.Ordinal);
    }

    private static ReminderEntity Reminder(string kind, string cc) => new()
    {
        PartitionKey = "tet-2027",
        RowKey = ReminderEntity.RowKeyFor("ba-dinh-ubnd", "overdue-4"),
        Kind = kind,
        DaysOverdue = 4,
        UnitName = "UBND phường Ba Đình",
        DistrictName = "Phường Ba Đình",
        Recipients = "vanphong@ba-dinh.invalid",
        Cc = cc,
    };
}
