using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>Small, readable fixtures: a roster of a few units and a short checklist.</summary>
public static class Seed
{
    public const string RosterCsv =
        "district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n" +
        "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,vanphong@ba-dinh.invalid,dieuphoi@ba-dinh.invalid\n" +
        "ba-dinh,Quận Ba Đình,ba-dinh-ttyt,Trung tâm Y tế Ba Đình,truc@ba-dinh-ttyt.invalid,\n" +
        "hoan-kiem,Quận Hoàn Kiếm,hoan-kiem-ubnd,UBND Quận Hoàn Kiếm,vanphong@hoan-kiem.invalid;lanhdao@hoan-kiem.invalid,dieuphoi@hoan-kiem.invalid\n" +
        "ba-vi,Huyện Ba Vì,ba-vi-ubnd,UBND Huyện Ba Vì,,\n";

    public static CampaignDefinition Campaign(string opensAt = "2024-01-15T08:00:00+07:00", string deadline = "2024-01-31", string? closesAt = null) => new()
    {
        Title = "Chuẩn bị Tết Giáp Thìn 2024",
        OpensAt = opensAt,
        Deadline = deadline,
        ClosesAt = closesAt,
        DigestRecipients = ["sonoivu@hanoi.invalid"],
        Sections =
        [
            new CampaignDefinition.SectionDefinition
            {
                Id = "pccc",
                Title = "Phòng cháy, chữa cháy",
                Items =
                [
                    new CampaignDefinition.ItemDefinition { Id = "pccc-cho", Text = "Kiểm tra PCCC tại chợ", Required = true },
                    new CampaignDefinition.ItemDefinition { Id = "pccc-phuong-tien", Text = "Phương tiện chữa cháy sẵn sàng", Required = false },
                ],
            },
            new CampaignDefinition.SectionDefinition
            {
                Id = "an-sinh",
                Title = "Chăm lo hộ nghèo",
                Items = [new CampaignDefinition.ItemDefinition { Id = "an-sinh-qua-tet", Text = "Tặng quà Tết hộ nghèo", Required = true }],
            },
        ],
    };

    public static SubmissionRequest Answers(string fire = "ready", string equipment = "partial", string gifts = "not_ready", string? note = null) => new()
    {
        Answers =
        [
            new SubmissionRequest.AnswerRequest { ItemId = "pccc-cho", Status = fire, Note = note },
            new SubmissionRequest.AnswerRequest { ItemId = "pccc-phuong-tien", Status = equipment },
            new SubmissionRequest.AnswerRequest { ItemId = "an-sinh-qua-tet", Status = gifts },
        ],
    };

    public static async Task RosterAndCampaignAsync(TestApp app, string campaignId = "tet-2024", CampaignDefinition? campaign = null)
    {
        await app.Get<RosterImporter>().ImportAsync(RosterCsv, null, dryRun: false, TetReadiness.Identity.Caller.System, CancellationToken.None);
        await app.Get<CampaignService>().PutAsync(campaignId, _ => Task.FromResult(campaign ?? Campaign()), TetReadiness.Identity.Caller.System, CancellationToken.None);
    }
}
