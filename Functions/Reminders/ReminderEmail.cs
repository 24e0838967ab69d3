using System.Net;
using System.Text;
using TetReadiness.Email;
using TetReadiness.Time;

namespace TetReadiness.Reminders;

/// <summary>The reminder a silent unit receives: polite before the deadline, firm after it. Vietnamese, plain text and HTML.</summary>
public static class ReminderEmail
{
    public static EmailMessage Compose(ReminderEntity reminder, string campaignTitle, DateTimeOffset deadline, string formUrl)
    {
        var deadlineText = VietnamTime.Format(deadline);
        // Only a copy that really goes out is mentioned: an area without coordinators gets the plain overdue wording.
        var kind = reminder.Kind == "escalated" && Common.Emails.Parse(reminder.Cc).Count == 0 ? "overdue" : reminder.Kind;
        var (subject, lead) = kind switch
        {
            "upcoming" => ($"[Nhắc báo cáo] {campaignTitle}: còn {reminder.DaysLeft} ngày đến hạn",
                $"Còn {reminder.DaysLeft} ngày nữa là đến hạn báo cáo ({deadlineText}). Đơn vị chưa gửi báo cáo sẵn sàng phục vụ Tết."),
            "deadline" => ($"[Hạn chót hôm nay] {campaignTitle}",
                $"Hôm nay là hạn chót báo cáo ({deadlineText}). Đơn vị chưa gửi báo cáo sẵn sàng phục vụ Tết."),
            // A manual reminder to a unit whose report a coordinator sent back: it has reported, it has to report again.
            ManualReminder.ReturnedKind => ($"[Nhắc gửi lại báo cáo] {campaignTitle}: {reminder.UnitName}",
                $"Báo cáo của đơn vị đã được điều phối viên trả lại để chỉnh sửa, bổ sung (hạn báo cáo {deadlineText}). Đề nghị mở biểu mẫu, xem ý kiến của điều phối viên và gửi lại báo cáo."),
            // Says what happens (the area's coordinators are copied), never a threat: units should not fear reporting.
            "escalated" => ($"[Quá hạn {reminder.DaysOverdue} ngày – đồng gửi điều phối viên {reminder.DistrictName}] {campaignTitle}: {reminder.UnitName}",
                $"Đơn vị đã quá hạn báo cáo {reminder.DaysOverdue} ngày (hạn {deadlineText}). Thư này được gửi đồng thời tới điều phối viên {reminder.DistrictName} để cùng hỗ trợ đơn vị. Nếu đơn vị gặp khó khăn, vướng mắc khi báo cáo, xin liên hệ điều phối viên."),
            _ => ($"[Quá hạn {reminder.DaysOverdue} ngày] {campaignTitle}: {reminder.UnitName}",
                $"Đơn vị đã quá hạn báo cáo {reminder.DaysOverdue} ngày (hạn {deadlineText}). Đề nghị gửi báo cáo ngay."),
        };

        var text = new StringBuilder()
            .AppendLine($"Kính gửi {reminder.UnitName} ({reminder.DistrictName}),")
            .AppendLine()
            .AppendLine(lead)
            .AppendLine()
            .AppendLine($"Chiến dịch: {campaignTitle}")
            .AppendLine($"Mở biểu mẫu báo cáo: {formUrl}")
            .AppendLine()
            .AppendLine("Biểu mẫu dùng được trên điện thoại; câu trả lời được lưu nháp trên máy cho đến khi gửi.")
            .AppendLine("Thư tự động từ hệ thống Sẵn sàng Tết; vui lòng không trả lời thư này.")
            .ToString();

        string E(string value) => WebUtility.HtmlEncode(value);
        var color = reminder.Kind switch { "upcoming" => "#1d4ed8", "deadline" or ManualReminder.ReturnedKind => "#b45309", _ => "#b91c1c" };
        var html = $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>{E(subject)}</title></head>
            <body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:16px">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #e5e7eb">
            <tr><td style="background:{color};color:#ffffff;padding:16px;font-size:18px;font-weight:bold">{E(subject)}</td></tr>
            <tr><td style="padding:16px;font-size:15px;line-height:1.5">
            <p style="margin:0 0 12px">Kính gửi <strong>{E(reminder.UnitName)}</strong> ({E(reminder.DistrictName)}),</p>
            <p style="margin:0 0 12px">{E(lead)}</p>
            <p style="margin:0 0 16px">Chiến dịch: <strong>{E(campaignTitle)}</strong></p>
            <p style="margin:0 0 16px"><a href="{E(formUrl)}" style="display:inline-block;background:{color};color:#ffffff;padding:12px 20px;text-decoration:none;font-weight:bold">Mở biểu mẫu báo cáo</a></p>
            <p style="margin:0;font-size:13px;color:#6b7280">Biểu mẫu dùng được trên điện thoại; câu trả lời được lưu nháp trên máy cho đến khi gửi.<br>Thư tự động từ hệ thống Sẵn sàng Tết; vui lòng không trả lời thư này.</p>
            </td></tr></table></td></tr></table>
            </body></html>
            """;
        return new EmailMessage(
            Common.Emails.Parse(reminder.Recipients),
            Common.Emails.Parse(reminder.Cc),
            subject,
            text,
            html,
            "reminder-" + reminder.Kind);
    }
}
