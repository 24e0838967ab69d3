using System.Text;
using System.Text.Json;
using TetReadiness.Campaigns;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Links;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// The bad-input battery, by name: malformed and truncated JSON, wrong types, huge strings, control characters,
/// path traversal and OData-looking ids in every id position, wrong content types and preconditions, and forged or
/// tampered unit links. Principals are in <see cref="ForgedPrincipals"/>.
/// </summary>
public static class BadRequestCases
{
    private const string Put = nameof(SubmissionFunctions.PutSubmission);

    /// <summary>Ids as the host hands them to a function (route values are decoded).</summary>
    public static readonly IReadOnlyDictionary<string, string> BadIds = new Dictionary<string, string>
    {
        ["traversal"] = "../..",
        ["encoded traversal"] = "..%2F..",
        ["odata or"] = "a'or'1'eq'1",
        ["odata eq"] = "x eq x",
        ["encoded odata eq"] = "x%20eq%20x",
        ["nul"] = "\0",
        ["encoded nul"] = "%00",
        ["65 chars"] = new string('a', 65),
        ["upper case"] = "BA-DINH-UBND",
        ["trailing newline"] = "ba-dinh-ubnd\n",
    };

    private static readonly UnitLinkSigner OtherKey = new(Microsoft.Extensions.Options.Options.Create(new UnitLinkOptions { PrimaryKey = "attacker-key-0123456789abcdef0123456789" }), Microsoft.Extensions.Logging.Abstractions.NullLogger<UnitLinkSigner>.Instance);

    public static IReadOnlyDictionary<string, BadRequestCase> All { get; } = Build();

    public static TheoryData<string> Names => new(All.Keys);

    private static string Answer(string answerJson) => "{\"answers\":[" + answerJson + ",{\"itemId\":\"an-sinh-qua-tet\",\"status\":\"ready\"}]}";

    private static string Note(string note) => Answer("{\"itemId\":\"pccc-cho\",\"status\":\"ready\",\"note\":" + JsonSerializer.Serialize(note) + "}");

    private static string Submitter(string name, string title = "Văn phòng", string phone = "0912345678") =>
        JsonSerializer.Serialize(new { answers = Seed.Answers().Answers, submitter = new { name, title, phone } }, ApiJson.Options);

    /// <summary>A valid campaign but for its opening time (a US parser reads 01/05/2024 as 5 January, a valid opening).</summary>
    private static string CampaignOpening(string opensAt)
    {
        var definition = Seed.Campaign();
        definition.OpensAt = opensAt;
        return JsonSerializer.Serialize(definition, ApiJson.Options);
    }

    private static Dictionary<string, BadRequestCase> Build()
    {
        var cases = new Dictionary<string, BadRequestCase>();
        void Add(string name, BadRequestCase badCase) => cases.Add(name, badCase);

        // Malformed and truncated JSON.
        Add("json: open brace only", new(Put, 400, Body: "{"));
        Add("json: truncated array", new(Put, 400, Body: "{\"answers\": ["));
        Add("json: truncated valid body", new(Put, 400, Body: Api.AnswersJson[..^7]));
        Add("json: not json", new(Put, 400, Body: "answers=ready"));
        Add("json: empty body", new(Put, 400, Body: string.Empty));
        Add("json: null", new(Put, 400, Body: "null"));
        Add("json: array root", new(Put, 400, Body: "[]"));
        Add("json: trailing comma", new(Put, 400, Body: "{\"answers\":[],}"));
        Add("json: comment", new(Put, 400, Body: "/* x */ {\"answers\":[]}"));
        Add("json: single quotes", new(Put, 400, Body: "{'answers':[]}"));
        Add("json: nested 200 deep", new(Put, 400, Body: "{\"answers\":" + new string('[', 200) + new string(']', 200) + "}"));
        Add("json: lone surrogate escape", new(Put, 400, Body: Answer("{\"itemId\":\"pccc-cho\",\"status\":\"ready\",\"note\":\"\\ud800\"}")));
        Add("json: bom then garbage", new(Put, 400, Body: "\uFEFF}{"));
        Add("json: two documents", new(Put, 400, Body: Api.AnswersJson + Api.AnswersJson));

        // Wrong types and shapes.
        Add("type: answers as object", new(Put, 400, Body: "{\"answers\":{\"itemId\":\"pccc-cho\",\"status\":\"ready\"}}"));
        Add("type: answers as string", new(Put, 400, Body: "{\"answers\":\"ready\"}"));
        Add("type: status as number", new(Put, 400, Body: Answer("{\"itemId\":\"pccc-cho\",\"status\":1}")));
        Add("type: note as array", new(Put, 400, Body: Answer("{\"itemId\":\"pccc-cho\",\"status\":\"ready\",\"note\":[\"a\"]}")));
        Add("type: item id as number", new(Put, 400, Body: Answer("{\"itemId\":7,\"status\":\"ready\"}")));
        Add("type: submitter as string", new(Put, 400, Body: "{\"answers\":[],\"submitter\":\"An\"}"));
        Add("type: campaign sections as string", new(nameof(CampaignFunctions.PutCampaign), 400, CampaignId: "tet-2099", Body: "{\"title\":\"x\",\"sections\":\"pccc\"}"));
        Add("type: mint expiry as number", new(nameof(LinkFunctions.MintUnitLink), 400, Body: "{\"expiresAt\":1}"));
        Add("shape: null answer", new(Put, 400, Body: "{\"answers\":[null]}"));
        Add("shape: unknown item", new(Put, 400, Body: Answer("{\"itemId\":\"khong-co\",\"status\":\"ready\"}")));
        Add("shape: unknown status", new(Put, 400, Body: Answer("{\"itemId\":\"pccc-cho\",\"status\":\"maybe\"}")));
        Add("shape: status in upper case", new(Put, 400, Body: Answer("{\"itemId\":\"pccc-cho\",\"status\":\"READY\"}")));
        Add("shape: duplicate answer", new(Put, 400, Body: "{\"answers\":[{\"itemId\":\"pccc-cho\",\"status\":\"ready\"},{\"itemId\":\"pccc-cho\",\"status\":\"partial\"},{\"itemId\":\"an-sinh-qua-tet\",\"status\":\"ready\"}]}"));
        Add("shape: required items missing", new(Put, 400, Body: "{\"answers\":[]}"));
        Add("shape: no answers", new(Put, 400, Body: "{}"));
        Add("shape: mint expiry not a time", new(nameof(LinkFunctions.MintUnitLink), 400, Body: "{\"expiresAt\":\"mai\"}"));
        Add("shape: mint expiry day/month", new(nameof(LinkFunctions.MintUnitLink), 400, Body: "{\"expiresAt\":\"02/01/2024\"}"));
        Add("shape: campaign opening day/month", new(nameof(CampaignFunctions.PutCampaign), 400, CampaignId: "tet-2099", Body: CampaignOpening("01/05/2024")));
        Add("shape: mint expiry after close", new(nameof(LinkFunctions.MintUnitLink), 400, Body: "{\"expiresAt\":\"2030-01-01T00:00:00+07:00\"}"));

        // Huge strings and bodies.
        Add("huge: note of 2001 chars", new(Put, 400, Body: Note(new string('n', 2001))));
        Add("huge: 300 KiB body", new(Put, 413, Body: Note(new string('n', 300 * 1024))));
        Add("huge: 21 MiB roster", new(nameof(RosterFunctions.ImportRoster), 413, Body: Seed.RosterCsv + new string('x', 21 * 1024 * 1024), ContentType: "text/csv"));
        Add("huge: 300 KiB campaign", new(nameof(CampaignFunctions.PutCampaign), 413, CampaignId: "tet-2099", Body: "{\"title\":\"" + new string('t', 300 * 1024) + "\"}"));
        Add("huge: 10 KiB mint body", new(nameof(LinkFunctions.MintUnitLink), 413, Body: "{\"expiresAt\":\"" + new string('1', 10 * 1024) + "\"}"));
        Add("huge: item id of 10,000 chars", new(Put, 400, Body: Answer("{\"itemId\":\"" + new string('i', 10_000) + "\",\"status\":\"ready\"}")));
        Add("huge: submitter name of 101 chars", new(Put, 400, Body: Submitter(new string('A', 101))));
        Add("huge: difficulties of 4001 chars", new(Put, 400, Body: JsonSerializer.Serialize(new { answers = Seed.Answers().Answers, difficulties = new string('k', 4001) }, ApiJson.Options)));
        Add("huge: one letter with 20,000 combining marks as proposals", new(Put, 400, Body: JsonSerializer.Serialize(new { answers = Seed.Answers().Answers, proposals = "a" + new string('\u0301', 20_000) }, ApiJson.Options)));

        // Control characters.
        Add("control: NUL in note", new(Put, 400, Body: Note("có\0lỗi")));
        Add("control: ESC in note", new(Put, 400, Body: Note("\u001b[31mđỏ")));
        Add("control: BEL in note", new(Put, 400, Body: Note("chuông\u0007")));
        Add("control: DEL in note", new(Put, 400, Body: Note("xoá\u007f")));
        Add("control: newline in submitter name", new(Put, 400, Body: Submitter("Trần\nVăn An")));
        Add("control: NUL in submitter title", new(Put, 400, Body: Submitter("Trần Văn An", "Văn\0phòng")));
        Add("control: letters in phone", new(Put, 400, Body: Submitter("Trần Văn An", phone: "0912abc")));
        Add("control: formula in roster name", new(nameof(RosterFunctions.ImportRoster), 400, ContentType: "text/csv",
            Body: "district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\nba-dinh,Quận Ba Đình,ba-dinh-ubnd,=HYPERLINK(\"http://x\"),vanphong@ba-dinh.invalid,\n"));

        // Bad ids in every id position.
        foreach (var (kind, id) in BadIds)
        {
            Add($"id: unit of a submission put, {kind}", new(Put, 400, UnitId: id, Body: Api.AnswersJson));
            Add($"id: campaign of a submission get, {kind}", new(nameof(SubmissionFunctions.GetSubmission), 400, CampaignId: id));
        }

        Add("id: campaign of a submission put, odata or", new(Put, 400, CampaignId: "a'or'1'eq'1", Body: Api.AnswersJson));
        Add("id: unit of revisions, nul", new(nameof(SubmissionFunctions.ListRevisions), 400, UnitId: "\0"));
        Add("id: campaign of revisions, traversal", new(nameof(SubmissionFunctions.ListRevisions), 400, CampaignId: "../.."));
        Add("id: campaign get, odata or", new(nameof(CampaignFunctions.GetCampaign), 400, CampaignId: "a'or'1'eq'1"));
        Add("id: campaign put, traversal", new(nameof(CampaignFunctions.PutCampaign), 400, CampaignId: "../..", Body: JsonSerializer.Serialize(Seed.Campaign(), ApiJson.Options)));
        Add("id: campaign put, upper case", new(nameof(CampaignFunctions.PutCampaign), 400, CampaignId: "TET-2099", Body: JsonSerializer.Serialize(Seed.Campaign(), ApiJson.Options)));
        Add("id: campaign of status, odata eq", new(nameof(StatusFunctions.GetCampaignStatus), 400, CampaignId: "x eq x"));
        Add("id: campaign of non-reporters, nul", new(nameof(StatusFunctions.GetNonReporters), 400, CampaignId: "\0"));
        Add("id: district filter, odata or", new(nameof(StatusFunctions.GetCampaignStatus), 400, Query: "?district=a'or'1'eq'1"));
        Add("id: district filter, encoded odata eq", new(nameof(StatusFunctions.GetNonReporters), 400, Query: "?district=x%20eq%20x"));
        Add("id: district filter, 65 chars", new(nameof(StatusFunctions.GetNonReporters), 400, Query: "?district=" + new string('d', 65)));
        Add("id: campaign of links, encoded traversal", new(nameof(LinkFunctions.ListUnitLinks), 400, CampaignId: "..%2F.."));
        Add("id: unit of mint, upper case", new(nameof(LinkFunctions.MintUnitLink), 400, UnitId: "BA-DINH-UBND"));
        Add("id: campaign of mint, 65 chars", new(nameof(LinkFunctions.MintUnitLink), 400, CampaignId: new string('c', 65)));
        Add("id: unit of revoke, odata or", new(nameof(LinkFunctions.RevokeUnitLinks), 400, UnitId: "a'or'1'eq'1"));
        Add("id: unit of revoke, traversal", new(nameof(LinkFunctions.RevokeUnitLinks), 400, UnitId: "../.."));

        // Content types.
        Add("media: text/plain submission", new(Put, 415, Body: Api.AnswersJson, ContentType: "text/plain"));
        Add("media: no content type", new(Put, 415, Body: Api.AnswersJson, ContentType: null));
        Add("media: xml", new(Put, 415, Body: "<answers/>", ContentType: "application/xml"));
        Add("media: form post", new(Put, 415, Body: "answers=1", ContentType: "application/x-www-form-urlencoded"));
        Add("media: multipart", new(Put, 415, Body: Api.AnswersJson, ContentType: "multipart/form-data; boundary=x"));
        Add("media: json in latin1", new(Put, 415, Body: Api.AnswersJson, ContentType: "application/json; charset=iso-8859-1"));
        Add("media: garbage content type", new(Put, 415, Body: Api.AnswersJson, ContentType: ";;;"));
        Add("media: roster as json", new(nameof(RosterFunctions.ImportRoster), 415, Body: "{}", ContentType: "application/json"));
        Add("media: campaign as text", new(nameof(CampaignFunctions.PutCampaign), 415, CampaignId: "tet-2099", Body: "{}", ContentType: "text/plain"));
        Add("media: mint body as text", new(nameof(LinkFunctions.MintUnitLink), 415, Body: "expiresAt=1", ContentType: "text/plain"));

        // Preconditions.
        Add("precondition: If-Match not an etag", new(Put, 400, Body: Api.AnswersJson, Headers: (_, _) => new() { ["If-Match"] = "garbage" }));
        Add("precondition: If-Match revision 0", new(Put, 400, Body: Api.AnswersJson, Headers: (_, _) => new() { ["If-Match"] = "\"r0\"" }));
        Add("precondition: If-None-Match not star", new(Put, 400, Body: Api.AnswersJson, Headers: (_, _) => new() { ["If-None-Match"] = "\"r1\"" }));
        Add("precondition: stale If-Match", new(Put, 412, Body: Api.AnswersJson, Headers: (_, _) => new() { ["If-Match"] = "\"r7\"" }));
        Add("precondition: If-None-Match over a report", new(Put, 412, Body: Api.AnswersJson, Headers: (_, _) => new() { ["If-None-Match"] = "*" }));

        // Forged and tampered unit links (no principal).
        static Dictionary<string, string> Link(string token) => AsCaller.LinkHeader(token);
        string Valid(UnitLinkSigner signer, DateTimeOffset now, string unitId = "ba-dinh-ubnd") =>
            signer.Sign(new UnitLink("tet-2024", unitId, 0, now.AddDays(5)));
        Add("token: wrong signature", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (s, n) => Link(Flip(Valid(s, n)))));
        Add("token: swapped payload", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (s, n) => Link(Valid(s, n, "hoan-kiem-ubnd").Split('.')[0] + "." + Valid(s, n).Split('.')[1])));
        Add("token: truncated", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (s, n) => Link(Valid(s, n)[..20])));
        Add("token: payload only", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (s, n) => Link(Valid(s, n).Split('.')[0])));
        Add("token: expired", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (s, n) => Link(s.Sign(new UnitLink("tet-2024", "ba-dinh-ubnd", 0, n.AddMinutes(-1))))));
        Add("token: other key", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (_, n) => Link(OtherKey.Sign(new UnitLink("tet-2024", "ba-dinh-ubnd", 0, n.AddDays(5))))));
        Add("token: 600 chars", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (_, _) => Link(new string('A', 300) + "." + new string('B', 299))));
        Add("token: three parts", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (s, n) => Link(Valid(s, n) + ".x")));
        Add("token: dot only", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (_, _) => Link(".")));
        Add("token: not base64url", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (_, _) => Link("ü+/=.ü+/=")));
        Add("token: forged unsigned payload", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (_, _) => Link(Base64Url("1|00000000|tet-2024|ba-dinh-ubnd|0|9999999999") + ".AAAA")));
        Add("token: tampered in the query", new(nameof(SubmissionFunctions.GetSubmission), 401, Headers: (_, _) => AsCaller.Nobody, Query: "?t=" + Base64Url("1|x|tet-2024|ba-dinh-ubnd|0|9999999999") + ".QUFB"));
        Add("token: as a bearer token", new(Put, 401, Body: Api.LinkAnswersJson, Headers: (s, n) => new() { [HttpCall.PrincipalHeader] = HttpCall.Anonymous, ["Authorization"] = "Bearer " + Valid(s, n) }));
        Add("token: for another unit", new(Put, 403, Body: Api.LinkAnswersJson, Headers: (s, n) => Link(Valid(s, n, "hoan-kiem-ubnd"))));
        Add("token: of a later generation", new(Put, 403, Body: Api.LinkAnswersJson, Headers: (s, n) => Link(s.Sign(new UnitLink("tet-2024", "ba-dinh-ubnd", 1, n.AddDays(5))))));
        return cases;
    }

    private static string Flip(string token) => token[..^2] + (token[^2] == 'A' ? "BB" : "AA");

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
