using System.Text.Json;
using TetReadiness.Campaigns;
using TetReadiness.Http;
using TetReadiness.Time;

namespace TetReadiness.Tests.Web;

/// <summary>What the browser tests start from: seven units in three areas and the demo Tết checklist (25 items).</summary>
public static class WebSeed
{
    public const string RosterCsv =
        "district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n" +
        "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,vanphong@ba-dinh.invalid,dieuphoi@ba-dinh.invalid\n" +
        "ba-dinh,Quận Ba Đình,ba-dinh-ttyt,Trung tâm Y tế Quận Ba Đình,truc@ba-dinh-ttyt.invalid,\n" +
        "ba-dinh,Quận Ba Đình,ba-dinh-cho,Ban Quản lý chợ Ba Đình,cho@ba-dinh.invalid,\n" +
        "hoan-kiem,Quận Hoàn Kiếm,hoan-kiem-ubnd,UBND Quận Hoàn Kiếm,vanphong@hoan-kiem.invalid,dieuphoi@hoan-kiem.invalid\n" +
        "hoan-kiem,Quận Hoàn Kiếm,hoan-kiem-cong-an,Công an Quận Hoàn Kiếm,,\n" +
        "ba-vi,Huyện Ba Vì,ba-vi-ubnd,UBND Huyện Ba Vì,,\n" +
        "ba-vi,Huyện Ba Vì,ba-vi-ttyt,Trung tâm Y tế Huyện Ba Vì,,\n";

    private static readonly string[] Statuses = ["ready", "ready", "partial", "ready", "not_ready", "ready", "not_applicable"];

    public static DateOnly Today => VietnamTime.Today(TimeProvider.System);

    /// <summary>The demo checklist with the given title and dates (opening at 08:00, deadline at 17:00, Vietnam time).</summary>
    public static CampaignDefinition Campaign(string title, DateOnly opens, DateOnly deadline)
    {
        var checklist = JsonSerializer.Deserialize<CampaignDefinition>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Demo", "tet-checklist.json")), ApiJson.Options)!;
        checklist.Title = title;
        checklist.OpensAt = At(opens, 8);
        checklist.Deadline = At(deadline, 17);
        checklist.DigestRecipients = ["sonoivu@hanoi.invalid"];
        return checklist;
    }

    public static IEnumerable<CampaignDefinition.ItemDefinition> Items(CampaignDefinition campaign) =>
        campaign.Sections!.SelectMany(section => section.Items!);

    /// <summary>A complete submission body, as another device would send it.</summary>
    public static object Answers(CampaignDefinition campaign, string? firstStatus = null, string submitterName = "Lê Văn Cường", string? difficulties = null) => new
    {
        answers = Items(campaign).Select((item, i) => new { itemId = item.Id, status = i == 0 && firstStatus is not null ? firstStatus : Statuses[i % Statuses.Length] }).ToList(),
        submitter = new { name = submitterName, title = "Chánh Văn phòng", phone = "024 3825 1234" },
        difficulties,
    };

    private static string At(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), VietnamTime.Offset).ToString("yyyy-MM-ddTHH:mm:sszzz");
}
