using System.Net;
using System.Text;
using TetReadiness.Email;
using TetReadiness.Time;

namespace TetReadiness.Reviews;

/// <summary>
/// The emails a review sends, Vietnamese first with one English line after, plain text and HTML. A returned (or
/// reopened) report goes to the unit's officers with the coordinator's comment quoted, the unit's deadline and the link
/// that opens its form; a request to reopen goes to the area's coordinators with the unit's reason and the dashboard's
/// address. No I/O.
/// </summary>
public static class ReviewNoticeEmail
{
    /// <summary>To the unit's officers: its report was returned, or its accepted report reopened, for changes.</summary>
    public static EmailMessage Returned(ReviewNoticeEntity notice, IReadOnlyList<string> officers, string campaignTitle, DateTimeOffset deadline, string formUrl)
    {
        var reopened = notice.Decision == ReviewDecisions.Reopened;
        var subject = reopened
            ? $"[Báo cáo được mở lại] {campaignTitle}: {notice.UnitName}"
            : $"[Báo cáo được trả lại] {campaignTitle}: {notice.UnitName}";
        var lead = reopened
            ? $"Điều phối viên đã mở lại báo cáo lần gửi thứ {notice.Revision} của đơn vị để đơn vị chỉnh sửa, bổ sung và gửi lại."
            : $"Điều phối viên đã trả lại báo cáo lần gửi thứ {notice.Revision} của đơn vị để đơn vị chỉnh sửa, bổ sung và gửi lại.";
        var deadlineText = VietnamTime.Format(deadline);
        var english = reopened
            ? $"English: the coordinator reopened your accepted report (revision {notice.Revision}) with the comment above; please revise and resubmit by {deadlineText}."
            : $"English: the coordinator returned your report (revision {notice.Revision}) with the comment above; please revise and resubmit by {deadlineText}.";
        var details = new[] { ("Chiến dịch", campaignTitle), ("Hạn báo cáo", deadlineText) };
        return Compose(
            officers,
            subject,
            $"Kính gửi {notice.UnitName} ({notice.DistrictName}),",
            lead,
            "Ý kiến của điều phối viên:",
            notice.Comment,
            details,
            ("Mở biểu mẫu để chỉnh sửa và gửi lại", formUrl),
            english,
            "#b45309",
            "review-" + notice.Decision);
    }

    /// <summary>To the area's coordinators: a unit asks to reopen its accepted report.</summary>
    public static EmailMessage ReopenRequested(ReviewNoticeEntity notice, IReadOnlyList<string> coordinators, string campaignTitle, string dashboardUrl)
    {
        var subject = $"[Đề nghị mở lại báo cáo] {campaignTitle}: {notice.UnitName}";
        var lead = $"{notice.UnitName} ({notice.DistrictName}) đề nghị mở lại báo cáo đã được chấp nhận (lần gửi thứ {notice.Revision}) để chỉnh sửa. Anh/chị có thể mở lại báo cáo trên trang theo dõi.";
        var english = $"English: {notice.UnitName} asks to reopen its accepted report (revision {notice.Revision}) for the reason above; you can reopen it from the dashboard.";
        return Compose(
            coordinators,
            subject,
            "Kính gửi anh/chị điều phối viên,",
            lead,
            "Lý do đơn vị nêu:",
            notice.Comment,
            [("Chiến dịch", campaignTitle), ("Đơn vị", $"{notice.UnitName} ({notice.DistrictName})")],
            ("Mở trang theo dõi", dashboardUrl),
            english,
            "#1d4ed8",
            "review-" + notice.Decision);
    }

    private static EmailMessage Compose(
        IReadOnlyList<string> to,
        string subject,
        string greeting,
        string lead,
        string quoteLabel,
        string? quote,
        IReadOnlyList<(string Label, string Value)> details,
        (string Label, string Url) action,
        string english,
        string color,
        string category)
    {
        var quoted = (quote ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
        var text = new StringBuilder().AppendLine(greeting).AppendLine().AppendLine(lead).AppendLine().AppendLine(quoteLabel);
        foreach (var line in quoted)
        {
            text.Append("> ").AppendLine(line);
        }

        text.AppendLine();
        foreach (var (label, value) in details)
        {
            text.AppendLine($"{label}: {value}");
        }

        text.AppendLine($"{action.Label}: {action.Url}")
            .AppendLine()
            .AppendLine("Thư tự động từ hệ thống Sẵn sàng Tết; vui lòng không trả lời thư này.")
            .AppendLine(english);

        string E(string value) => WebUtility.HtmlEncode(value);
        var quoteHtml = string.Join("<br>", quoted.Select(E));
        var detailsHtml = string.Concat(details.Select(d => $"<p style=\"margin:0 0 8px\">{E(d.Label)}: <strong>{E(d.Value)}</strong></p>"));
        var html = $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>{E(subject)}</title></head>
            <body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:16px">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #e5e7eb">
            <tr><td style="background:{color};color:#ffffff;padding:16px;font-size:18px;font-weight:bold">{E(subject)}</td></tr>
            <tr><td style="padding:16px;font-size:15px;line-height:1.5">
            <p style="margin:0 0 12px">{E(greeting)}</p>
            <p style="margin:0 0 12px">{E(lead)}</p>
            <p style="margin:0 0 4px">{E(quoteLabel)}</p>
            <blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid {color};background:#f9fafb">{quoteHtml}</blockquote>
            {detailsHtml}
            <p style="margin:16px 0"><a href="{E(action.Url)}" style="display:inline-block;background:{color};color:#ffffff;padding:12px 20px;text-decoration:none;font-weight:bold">{E(action.Label)}</a></p>
            <p style="margin:0;font-size:13px;color:#6b7280">Thư tự động từ hệ thống Sẵn sàng Tết; vui lòng không trả lời thư này.<br>{E(english)}</p>
            </td></tr></table></td></tr></table>
            </body></html>
            """;
        return new EmailMessage(to, [], subject, text.ToString(), html, category);
    }
}
