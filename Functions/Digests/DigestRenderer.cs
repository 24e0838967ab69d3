using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using TetReadiness.Email;
using TetReadiness.Status;
using TetReadiness.Time;

namespace TetReadiness.Digests;

/// <summary>
/// Turns <see cref="DigestContent"/> into an email: HTML built from tables and inline styles (what Outlook, Gmail and
/// phone mail apps all render; no scripts, no external images or CSS) and a plain-text part saying the same.
/// Every text that came from a user (titles, names, notes, item texts, difficulties and proposals) is HTML-encoded. No I/O.
/// </summary>
public static class DigestRenderer
{
    public const string Category = "digest";

    // Encodes what HTML treats as markup (< > & " ' and a few more) but leaves Vietnamese letters readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Font = "font-family:Arial,Helvetica,sans-serif;";
    private const string Cell = "padding:5px 6px;border-bottom:1px solid #e5e7eb;font-size:14px;";
    private const string HeadCell = "padding:5px 6px;border-bottom:2px solid #d1d5db;font-size:13px;text-align:left;background:#f9fafb;";
    private const string Muted = "color:#6b7280;";
    private const string Alert = "color:#b91c1c;font-weight:bold;";

    public static string Subject(DateOnly date) => $"Báo cáo tiến độ sẵn sàng Tết – {VietnamTime.FormatDate(date)}";

    public static EmailMessage Render(DigestContent content) =>
        new([content.Recipient], [], Subject(content.Date), PlainText(content), Html(content), Category);

    public static string PlainText(DigestContent content)
    {
        var text = new StringBuilder();
        text.AppendLine(Subject(content.Date))
            .AppendLine($"Số liệu tính đến {VietnamTime.Format(content.AsOf)} (giờ Việt Nam).")
            .AppendLine()
            .AppendLine("Kính gửi anh/chị,")
            .AppendLine(content.Sections.Count == 1
                ? "Dưới đây là tiến độ báo cáo sẵn sàng Tết trong phạm vi anh/chị theo dõi."
                : $"Dưới đây là tiến độ báo cáo sẵn sàng Tết, gồm {content.Sections.Count} phần theo phạm vi anh/chị theo dõi.");

        foreach (var section in content.Sections)
        {
            var status = section.Status;
            text.AppendLine()
                .AppendLine(new string('=', 60))
                .AppendLine($"{section.CampaignTitle} – {section.ScopeName}")
                .AppendLine($"Hạn báo cáo: {VietnamTime.Format(section.Deadline)}")
                .AppendLine(new string('=', 60))
                .AppendLine($"Đã báo cáo: {status.Reported}/{status.Units} đơn vị ({Percent(Rate(status.Reported, status.Units))})")
                .AppendLine($"Đúng hạn: {status.OnTime} · Trễ hạn: {status.Late} · Chưa báo cáo: {status.Missing}")
                .AppendLine($"Mức sẵn sàng trung bình: {Percent(status.Readiness)}")
                .AppendLine()
                .AppendLine(ChangeSentence(section));
            text.AppendLine(RecentSentence(section.Changes.ReportedRecently.Count));
            foreach (var recent in section.Changes.ReportedRecently)
            {
                text.AppendLine($"  - {recent.UnitName} ({recent.DistrictName}), {VietnamTime.Format(recent.FirstSubmittedAt)}{(recent.OnTime ? string.Empty : ", trễ hạn")}");
            }

            if (section.Scope.IsCity && status.Districts.Count > 0)
            {
                text.AppendLine().AppendLine("Tiến độ theo địa bàn:");
                foreach (var district in status.Districts)
                {
                    text.AppendLine($"  {district.DistrictName}: {district.Reported}/{district.Units} ({Percent(Rate(district.Reported, district.Units))}), sẵn sàng {Percent(district.Readiness)}");
                }
            }

            text.AppendLine();
            if (section.Missing.Count == 0)
            {
                text.AppendLine("Tất cả đơn vị đã báo cáo.");
            }
            else
            {
                text.AppendLine($"Đơn vị chưa báo cáo ({section.Missing.Count}):");
                foreach (var missing in section.Missing)
                {
                    text.AppendLine($"  - {missing.UnitName} ({missing.DistrictName}): {Overdue(missing.DaysOverdue)}; {Reminded(missing)}; nhắc lần cuối {LastReminded(missing)}");
                }
            }

            if (status.Reported > 0)
            {
                var reviews = section.Reviews;
                text.AppendLine()
                    .AppendLine("Duyệt báo cáo:")
                    .AppendLine($"  {AwaitingReview(reviews.AwaitingReview)}")
                    .AppendLine($"  {UnitList(ReturnedLabel, reviews.Returned)}")
                    .AppendLine($"  {UnitList(ReopenLabel, reviews.ReopenRequested)}");
            }

            text.AppendLine();
            if (section.LeastReady.Count == 0)
            {
                text.AppendLine(status.Reported == 0 ? "Chưa có đơn vị nào gửi câu trả lời." : "Không có mục nào dưới mức sẵn sàng hoàn toàn.");
            }
            else
            {
                text.AppendLine("Các mục kém sẵn sàng nhất:");
                foreach (var item in section.LeastReady)
                {
                    text.AppendLine($"  - {item.ItemText} [{item.SectionTitle}]: sẵn sàng {Percent(item.Readiness)}; chưa sẵn sàng {item.NotReady}, một phần {item.Partial} / {item.Answered} đơn vị");
                    foreach (var note in item.Notes)
                    {
                        text.AppendLine($"      Ghi chú – {note.UnitName}: {note.Note}");
                    }
                }
            }

            text.AppendLine();
            var remarks = section.Remarks;
            if (remarks.DifficultiesCount + remarks.ProposalsCount == 0)
            {
                text.AppendLine(NoRemarks);
            }
            else
            {
                AppendRemarksText(text, DifficultiesLabel, remarks.DifficultiesCount, remarks.Difficulties);
                AppendRemarksText(text, ProposalsLabel, remarks.ProposalsCount, remarks.Proposals);
            }

            text.AppendLine().AppendLine($"Xem chi tiết: {section.StatusUrl}");
        }

        text.AppendLine()
            .AppendLine("--")
            .AppendLine("Thư tự động từ hệ thống Sẵn sàng Tết, gửi mỗi ngày một lần; vui lòng không trả lời thư này.");
        return text.ToString();
    }

    public static string Html(DigestContent content)
    {
        var subject = Subject(content.Date);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(subject)).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f3f4f6;").Append(Font).Append("color:#111827\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f3f4f6\"><tr><td align=\"center\" style=\"padding:16px\">\n")
            .Append("<table role=\"presentation\" width=\"680\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;max-width:680px;background:#ffffff;border:1px solid #e5e7eb\">\n")
            .Append("<tr><td style=\"background:#b91c1c;color:#ffffff;padding:16px 20px;").Append(Font).Append("\">")
            .Append("<div style=\"font-size:20px;font-weight:bold\">").Append(E(subject)).Append("</div>")
            .Append("<div style=\"font-size:13px;margin-top:4px\">Số liệu tính đến ").Append(E(VietnamTime.Format(content.AsOf))).Append(" (giờ Việt Nam)</div>")
            .Append("</td></tr>\n")
            .Append("<tr><td style=\"padding:16px 20px 0;font-size:15px;line-height:1.5\">")
            .Append("<p style=\"margin:0 0 8px\">Kính gửi anh/chị,</p><p style=\"margin:0\">")
            .Append(content.Sections.Count == 1
                ? "Dưới đây là tiến độ báo cáo sẵn sàng Tết trong phạm vi anh/chị theo dõi."
                : $"Dưới đây là tiến độ báo cáo sẵn sàng Tết, gồm {content.Sections.Count} phần theo phạm vi anh/chị theo dõi.")
            .Append("</p></td></tr>\n");

        foreach (var section in content.Sections)
        {
            html.Append("<tr><td style=\"padding:20px\">\n");
            AppendSection(html, section);
            html.Append("</td></tr>\n");
        }

        html.Append("<tr><td style=\"padding:12px 20px;border-top:1px solid #e5e7eb;font-size:12px;").Append(Muted).Append("\">")
            .Append("Thư tự động từ hệ thống Sẵn sàng Tết, gửi mỗi ngày một lần; vui lòng không trả lời thư này. Giờ trong thư là giờ Việt Nam (UTC+7).")
            .Append("</td></tr>\n</table>\n</td></tr></table>\n</body></html>\n");
        return html.ToString();
    }

    private static void AppendSection(StringBuilder html, DigestSection section)
    {
        var status = section.Status;
        html.Append("<h2 style=\"margin:0 0 4px;font-size:18px;color:#111827\">").Append(E(section.CampaignTitle))
            .Append(" – ").Append(E(section.ScopeName)).Append("</h2>\n")
            .Append("<p style=\"margin:0 0 12px;font-size:13px;").Append(Muted).Append("\">Hạn báo cáo: ").Append(E(VietnamTime.Format(section.Deadline))).Append("</p>\n");

        // Headline numbers, one cell each.
        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;margin:0 0 12px\"><tr>");
        Figure(html, "Đã báo cáo", $"{status.Reported}/{status.Units}", Percent(Rate(status.Reported, status.Units)));
        Figure(html, "Đúng hạn", status.OnTime.ToString(CultureInfo.InvariantCulture), null);
        Figure(html, "Trễ hạn", status.Late.ToString(CultureInfo.InvariantCulture), null);
        Figure(html, "Chưa báo cáo", status.Missing.ToString(CultureInfo.InvariantCulture), null);
        Figure(html, "Mức sẵn sàng TB", Percent(status.Readiness), null);
        html.Append("</tr></table>\n");

        html.Append("<p style=\"margin:0 0 4px;font-size:14px\">").Append(E(ChangeSentence(section))).Append("</p>\n")
            .Append("<p style=\"margin:0 0 12px;font-size:14px\">").Append(E(RecentSentence(section.Changes.ReportedRecently.Count)));
        if (section.Changes.ReportedRecently.Count > 0)
        {
            html.Append(' ').Append(string.Join(", ", section.Changes.ReportedRecently.Select(r =>
                $"<strong>{E(r.UnitName)}</strong> ({E(r.DistrictName)}, {E(VietnamTime.Format(r.FirstSubmittedAt))}{(r.OnTime ? string.Empty : ", trễ hạn")})")));
        }

        html.Append("</p>\n");

        AppendDistricts(html, status.Districts);
        AppendMissing(html, section.Missing);
        if (status.Reported > 0)
        {
            AppendReviews(html, section.Reviews);
        }

        AppendLeastReady(html, section.LeastReady, status.Reported);
        AppendRemarks(html, section.Remarks);

        html.Append("<p style=\"margin:12px 0 0;font-size:14px\"><a href=\"").Append(E(section.StatusUrl))
            .Append("\" style=\"color:#1d4ed8\">Xem chi tiết trên trang tiến độ</a></p>\n");
    }

    private static void Figure(StringBuilder html, string label, string value, string? detail)
    {
        html.Append("<td style=\"padding:8px;border:1px solid #e5e7eb;text-align:center\">")
            .Append("<div style=\"font-size:12px;").Append(Muted).Append("\">").Append(label).Append("</div>")
            .Append("<div style=\"font-size:20px;font-weight:bold\">").Append(E(value)).Append("</div>");
        if (detail is not null)
        {
            html.Append("<div style=\"font-size:12px;").Append(Muted).Append("\">").Append(E(detail)).Append("</div>");
        }

        html.Append("</td>");
    }

    /// <summary>A bar per district: the reporting rate as a filled cell, which every mail client draws.</summary>
    private static void AppendDistricts(StringBuilder html, IReadOnlyList<DistrictStatus> districts)
    {
        if (districts.Count == 0)
        {
            return;
        }

        html.Append("<h3 style=\"margin:12px 0 6px;font-size:15px\">Tiến độ theo địa bàn</h3>\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse\">")
            .Append("<tr><th style=\"").Append(HeadCell).Append("\">Địa bàn</th><th style=\"").Append(HeadCell).Append("\">Đã báo cáo</th>")
            .Append("<th style=\"").Append(HeadCell).Append("width:40%\">Tỷ lệ</th><th style=\"").Append(HeadCell).Append("\">Sẵn sàng</th></tr>\n");
        foreach (var district in districts)
        {
            var rate = Rate(district.Reported, district.Units);
            html.Append("<tr valign=\"top\"><td style=\"").Append(Cell).Append("\">").Append(E(district.DistrictName)).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(district.Reported).Append('/').Append(district.Units).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">");
            Bar(html, rate);
            html.Append("<div style=\"font-size:12px;").Append(Muted).Append("\">").Append(E(Percent(rate))).Append("</div></td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(E(Percent(district.Readiness))).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Bar(StringBuilder html, double? rate)
    {
        var percent = (int)Math.Round((rate ?? 0) * 100, MidpointRounding.AwayFromZero);
        var color = percent >= 80 ? "#16a34a" : percent >= 50 ? "#d97706" : "#dc2626";
        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;background:#e5e7eb\"><tr>");
        if (percent > 0)
        {
            html.Append("<td width=\"").Append(percent).Append("%\" style=\"background:").Append(color).Append(";height:10px;font-size:0\">&nbsp;</td>");
        }

        if (percent < 100)
        {
            html.Append("<td style=\"height:10px;font-size:0\">&nbsp;</td>");
        }

        html.Append("</tr></table>");
    }

    private static void AppendMissing(StringBuilder html, IReadOnlyList<MissingUnit> missing)
    {
        if (missing.Count == 0)
        {
            html.Append("<p style=\"margin:12px 0 0;font-size:14px;color:#15803d;font-weight:bold\">Tất cả đơn vị đã báo cáo.</p>\n");
            return;
        }

        html.Append("<h3 style=\"margin:16px 0 6px;font-size:15px\">Đơn vị chưa báo cáo (").Append(missing.Count).Append(")</h3>\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr>");
        foreach (var heading in new[] { "Đơn vị", "Địa bàn", "Quá hạn", "Đã nhắc", "Nhắc lần cuối" })
        {
            html.Append("<th style=\"").Append(HeadCell).Append("\">").Append(heading).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var unit in missing)
        {
            html.Append("<tr valign=\"top\"><td style=\"").Append(Cell).Append("\">").Append(E(unit.UnitName)).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(E(unit.DistrictName)).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append(unit.DaysOverdue > 0 ? Alert : string.Empty).Append("\">").Append(E(Overdue(unit.DaysOverdue))).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(E(RemindersSent(unit.RemindersSent)));
            if (unit.NoEmail)
            {
                html.Append("<br><span style=\"").Append(Alert).Append("\">chưa có email</span>");
            }

            html.Append("</td><td style=\"").Append(Cell).Append("white-space:nowrap\">").Append(E(LastReminded(unit))).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendLeastReady(StringBuilder html, IReadOnlyList<ItemReadiness> items, int reported)
    {
        if (items.Count == 0)
        {
            html.Append("<p style=\"margin:12px 0 0;font-size:14px;").Append(Muted).Append("\">")
                .Append(reported == 0 ? "Chưa có đơn vị nào gửi câu trả lời." : "Không có mục nào dưới mức sẵn sàng hoàn toàn.")
                .Append("</p>\n");
            return;
        }

        html.Append("<h3 style=\"margin:16px 0 6px;font-size:15px\">Các mục kém sẵn sàng nhất</h3>\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr>");
        foreach (var heading in new[] { "Mục kiểm tra", "Sẵn sàng", "Chưa sẵn sàng", "Một phần" })
        {
            html.Append("<th style=\"").Append(HeadCell).Append("\">").Append(heading).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var item in items)
        {
            html.Append("<tr valign=\"top\"><td style=\"").Append(Cell).Append("\">").Append(E(item.ItemText))
                .Append("<div style=\"font-size:12px;").Append(Muted).Append("\">").Append(E(item.SectionTitle)).Append("</div>");
            foreach (var note in item.Notes)
            {
                html.Append("<div style=\"font-size:12px;color:#374151;margin-top:4px\">Ghi chú – ").Append(E(note.UnitName)).Append(": <em>")
                    .Append(E(note.Note)).Append("</em></div>");
            }

            html.Append("</td><td style=\"").Append(Cell).Append("\">").Append(E(Percent(item.Readiness))).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(item.NotReady).Append('/').Append(item.Answered).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(item.Partial).Append('/').Append(item.Answered).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendReviews(StringBuilder html, DigestReviews reviews)
    {
        html.Append("<h3 style=\"margin:16px 0 6px;font-size:15px\">Duyệt báo cáo</h3>\n")
            .Append("<p style=\"margin:0 0 4px;font-size:14px\">").Append(E(AwaitingReview(reviews.AwaitingReview))).Append("</p>\n");
        foreach (var (label, units) in new[] { (ReturnedLabel, reviews.Returned), (ReopenLabel, reviews.ReopenRequested) })
        {
            html.Append("<p style=\"margin:0 0 4px;font-size:14px\">");
            if (units.Count == 0)
            {
                html.Append(E(UnitList(label, units)));
            }
            else
            {
                html.Append("<span style=\"").Append(Alert).Append("\">").Append(E($"{label} ({units.Count}):")).Append("</span> ")
                    .Append(string.Join(", ", units.Select(u => $"<strong>{E(u.UnitName)}</strong> ({E(u.DistrictName)})")));
            }

            html.Append("</p>\n");
        }
    }

    private static void AppendRemarks(StringBuilder html, DigestRemarks remarks)
    {
        if (remarks.DifficultiesCount + remarks.ProposalsCount == 0)
        {
            html.Append("<p style=\"margin:12px 0 0;font-size:14px;").Append(Muted).Append("\">").Append(NoRemarks).Append("</p>\n");
            return;
        }

        foreach (var (label, count, shown) in new[] { (DifficultiesLabel, remarks.DifficultiesCount, remarks.Difficulties), (ProposalsLabel, remarks.ProposalsCount, remarks.Proposals) })
        {
            if (count == 0)
            {
                html.Append("<p style=\"margin:12px 0 0;font-size:14px;").Append(Muted).Append("\">").Append(E(RemarksHeading(label, count))).Append(".</p>\n");
                continue;
            }

            html.Append("<h3 style=\"margin:16px 0 6px;font-size:15px\">").Append(E(RemarksHeading(label, count))).Append("</h3>\n");
            foreach (var remark in shown)
            {
                html.Append("<div style=\"margin:0 0 6px;font-size:14px\"><strong>").Append(E(remark.Unit.UnitName)).Append("</strong> <span style=\"font-size:12px;").Append(Muted).Append("\">(")
                    .Append(E(remark.Unit.DistrictName)).Append(", ").Append(E(VietnamTime.Format(remark.SubmittedAt))).Append(")</span>: <em>")
                    .Append(E(remark.Excerpt)).Append("</em></div>\n");
            }

            if (count > shown.Count)
            {
                html.Append("<p style=\"margin:0 0 6px;font-size:13px;").Append(Muted).Append("\">").Append(E(More(count - shown.Count))).Append("</p>\n");
            }
        }
    }

    private static void AppendRemarksText(StringBuilder text, string label, int count, IReadOnlyList<DigestRemark> shown)
    {
        text.AppendLine(RemarksHeading(label, count) + (count > 0 ? ":" : "."));
        foreach (var remark in shown)
        {
            text.AppendLine($"  - {remark.Unit.UnitName} ({remark.Unit.DistrictName}, {VietnamTime.Format(remark.SubmittedAt)}): {remark.Excerpt}");
        }

        if (count > shown.Count)
        {
            text.AppendLine($"  {More(count - shown.Count)}");
        }
    }

    private const string ReturnedLabel = "Đã trả lại, chưa gửi lại";
    private const string ReopenLabel = "Đề nghị mở lại";
    private const string DifficultiesLabel = "Khó khăn, vướng mắc";
    private const string ProposalsLabel = "Đề xuất, kiến nghị";
    private const string NoRemarks = "Chưa có đơn vị nào nêu khó khăn, vướng mắc hay đề xuất, kiến nghị.";

    private static string AwaitingReview(int count) => count == 0 ? "Không có báo cáo nào chờ duyệt." : $"Chờ duyệt: {count} báo cáo.";

    private static string UnitList(string label, IReadOnlyList<DigestUnit> units) => units.Count == 0
        ? $"{label}: không có."
        : $"{label} ({units.Count}): {string.Join(", ", units.Select(u => $"{u.UnitName} ({u.DistrictName})"))}";

    private static string RemarksHeading(string label, int count) => count == 0 ? $"{label}: chưa có đơn vị nào nêu" : $"{label} ({count} đơn vị nêu)";

    private static string More(int count) => $"… và {count} đơn vị khác; xem đầy đủ trên trang tiến độ.";

    private static string ChangeSentence(DigestSection section)
    {
        var changes = section.Changes;
        if (changes.PreviousDate is not { } previousDate)
        {
            return "Chưa có số liệu của kỳ trước để so sánh.";
        }

        var reported = section.Status.Reported;
        var delta = reported - (changes.PreviousReported ?? 0);
        var change = delta switch { > 0 => $"+{delta} đơn vị", 0 => "không đổi", _ => $"{delta} đơn vị" };
        return $"So với ngày {VietnamTime.FormatDate(previousDate)}: đã báo cáo {changes.PreviousReported} → {reported} ({change}); "
            + $"mức sẵn sàng trung bình {Percent(changes.PreviousReadiness)} → {Percent(section.Status.Readiness)}.";
    }

    private static string RecentSentence(int count) => count == 0
        ? "Không có đơn vị nào báo cáo lần đầu trong 24 giờ qua."
        : $"Báo cáo lần đầu trong 24 giờ qua ({count}):";

    private static string Overdue(int days) => days > 0 ? $"{days} ngày" : "chưa quá hạn";

    private static string RemindersSent(int sent) => sent == 0 ? "chưa nhắc" : $"{sent} lần";

    private static string Reminded(MissingUnit unit) =>
        (unit.RemindersSent == 0 ? "chưa nhắc" : $"đã nhắc {unit.RemindersSent} lần") + (unit.NoEmail ? ", chưa có email" : string.Empty);

    private static string LastReminded(MissingUnit unit) => unit.LastRemindedAt is { } at ? VietnamTime.Format(at) : "—";

    private static double? Rate(int reported, int units) => units == 0 ? null : (double)reported / units;

    private static string Percent(double? fraction) => fraction is { } value
        ? Math.Round(value * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%"
        : "—";

    private static string E(string text) => Encoder.Encode(text);
}
