using TetReadiness.Messages;

namespace TetReadiness.Tests.Messages;

/// <summary>A refusal becomes one problem document in one language: title, detail and every error alike.</summary>
public sealed class ProblemDocumentTests
{
    private static RefusalException RejectedRoster() => Refusal.InvalidFields(
        new Dictionary<string, IReadOnlyList<Message>>
        {
            ["row 4"] = [c => c.RosterCoordinatorsDisagree("ba-dinh", 2)],
            ["header"] = [c => c.RosterMissingColumn("officer_emails", "district_id,unit_id"), c => c.RosterDuplicateColumn("unit_id")],
            ["row 3"] = [c => c.RosterCellEmpty("unit_name")],
        },
        c => c.RosterRejected(3));

    [Fact]
    public void Without_English_asked_for_everything_is_Vietnamese()
    {
        var problem = ProblemDocument.Of(RejectedRoster(), Language.Vietnamese);

        Assert.Equal("Dữ liệu không hợp lệ", problem.Title);
        Assert.Equal("Danh sách có 3 dòng lỗi; chưa ghi gì.", problem.Detail);
        Assert.Equal(["Điều phối viên của 'ba-dinh' khác dòng 2."], problem.Errors!["row 4"]);
        Assert.Equal(
            ["Thiếu cột 'officer_emails'; cần các cột district_id,unit_id.", "Cột 'unit_id' bị lặp."],
            problem.Errors["header"]);
        Assert.Equal("vi", problem.ContentLanguage);
    }

    [Fact]
    public void With_English_asked_for_everything_is_English()
    {
        var problem = ProblemDocument.Of(RejectedRoster(), Language.English);

        Assert.Equal("Validation failed", problem.Title);
        Assert.Equal("The roster has 3 rejected rows; nothing was written.", problem.Detail);
        Assert.Equal(["Rows disagree about the district's coordinators: 'ba-dinh' has other coordinators on row 2."], problem.Errors!["row 4"]);
        Assert.Equal(["Empty unit_name."], problem.Errors["row 3"]);
        Assert.Equal("en", problem.ContentLanguage);
    }

    [Theory]
    [InlineData(Language.Vietnamese)]
    [InlineData(Language.English)]
    public void Title_detail_and_errors_come_from_the_same_catalog(Language language)
    {
        var catalog = MessageCatalogs.For(language);
        var other = MessageCatalogs.For(language == Language.English ? Language.Vietnamese : Language.English);

        var problem = ProblemDocument.Of(RejectedRoster(), language);

        Assert.Equal(catalog.Title(RefusalKind.InvalidFields), problem.Title);
        Assert.Equal(catalog.RosterRejected(3), problem.Detail);
        Assert.Equal(catalog.RosterCellEmpty("unit_name"), Assert.Single(problem.Errors!["row 3"]));
        var texts = problem.Errors.Values.SelectMany(e => e).Append(problem.Detail).Append(problem.Title).ToList();
        Assert.DoesNotContain(other.RosterCellEmpty("unit_name"), texts);
        Assert.DoesNotContain(other.RosterRejected(3), texts);
        Assert.DoesNotContain(other.Title(RefusalKind.InvalidFields), texts);
    }

    [Fact]
    public void Errors_keep_the_order_the_refusal_gave_them()
    {
        var problem = ProblemDocument.Of(RejectedRoster(), Language.English);

        Assert.Equal(["row 4", "header", "row 3"], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData(RefusalKind.MethodNotAllowed, 405)]
    [InlineData(RefusalKind.NotSignedIn, 401)]
    [InlineData(RefusalKind.Forbidden, 403)]
    [InlineData(RefusalKind.NotFound, 404)]
    [InlineData(RefusalKind.UnsupportedMediaType, 415)]
    [InlineData(RefusalKind.TooLarge, 413)]
    [InlineData(RefusalKind.Invalid, 400)]
    [InlineData(RefusalKind.InvalidFields, 400)]
    [InlineData(RefusalKind.Conflict, 409)]
    [InlineData(RefusalKind.PreconditionFailed, 412)]
    [InlineData(RefusalKind.Unavailable, 503)]
    [InlineData(RefusalKind.Misconfigured, 503)]
    public void Each_kind_has_its_status_and_type(RefusalKind kind, int status)
    {
        var problem = ProblemDocument.Of(new RefusalException(kind, c => c.StorageUnavailable()), Language.Vietnamese);

        Assert.Equal(status, problem.Status);
        Assert.Equal($"https://httpstatuses.io/{status}", problem.Type);
    }

    [Fact]
    public void Every_kind_is_mapped_to_a_status()
    {
        Assert.All(Enum.GetValues<RefusalKind>(), kind => Assert.InRange(kind.Status(), 400, 599));
    }

    [Fact]
    public void A_refusal_without_errors_has_no_errors_member()
    {
        var problem = ProblemDocument.Of(Refusal.NotFound(c => c.UnknownCampaign("tet-2099")), Language.English);

        Assert.Null(problem.Errors);
        Assert.Equal(["type", "title", "status", "detail", "instance"], problem.ToBody("/api/campaigns/tet-2099").Keys);
        Assert.Equal("Unknown campaign 'tet-2099'.", problem.ToBody(null)["detail"]);
    }

    [Fact]
    public void The_body_lists_the_members_in_the_order_clients_see_them()
    {
        var body = ProblemDocument.Of(RejectedRoster(), Language.Vietnamese).ToBody("/api/roster");

        Assert.Equal(["type", "title", "status", "detail", "instance", "errors"], body.Keys);
        Assert.Equal("/api/roster", body["instance"]);
    }

    [Fact]
    public void An_invalid_id_names_the_field_in_errors_in_the_same_words_as_the_detail()
    {
        var problem = ProblemDocument.Of(Refusal.InvalidId(IdKind.Unit, "unitId"), Language.English);

        Assert.Equal("Bad request", problem.Title);
        Assert.Equal(problem.Detail, Assert.Single(problem.Errors!["unitId"]));
        Assert.StartsWith("Invalid unit id", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exception_message_and_detail_are_the_English_wording_for_logs_and_rule_tests()
    {
        var refusal = Refusal.Conflict(c => c.CampaignClosed("14/02/2024 23:59"));

        Assert.Equal(EnglishMessages.Instance.CampaignClosed("14/02/2024 23:59"), refusal.Message);
        Assert.Equal(refusal.Message, refusal.Detail);
        Assert.Equal(409, refusal.Status);
        Assert.Equal(VietnameseMessages.Instance.CampaignClosed("14/02/2024 23:59"), refusal.DetailIn(VietnameseMessages.Instance));
    }

    [Fact]
    public void A_retry_after_travels_with_the_refusal()
    {
        var refusal = Refusal.Unavailable(c => c.TooManyConcurrentSubmissions(), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), refusal.RetryAfter);
        Assert.Equal(503, ProblemDocument.Of(refusal, Language.English).Status);
    }

    [Fact]
    public void Too_large_states_the_limit_in_KiB()
    {
        var problem = ProblemDocument.Of(Refusal.TooLarge(256 * 1024), Language.English);

        Assert.Equal(413, problem.Status);
        Assert.Contains("256 KiB", problem.Detail, StringComparison.Ordinal);
    }
}
