using TetReadiness.Messages;

namespace TetReadiness.Tests.Messages;

/// <summary>
/// The English wording keeps what existing tests and clients match on, so the test requests (which ask for English)
/// keep passing once the services speak through the catalog. Each row: the message as a service will raise it, and
/// the text the existing assertions look for in it.
/// </summary>
public sealed class EnglishWordingTests
{
    private static readonly Dictionary<string, (Message Message, string[] Expected)> Wordings = new()
    {
        ["invalid fields"] = (c => c.InvalidFields(), ["see 'errors'", "invalid fields"]),
        ["storage"] = (c => c.StorageUnavailable(), ["Storage is unavailable", "nothing was written"]),
        ["cross-site"] = (c => c.CrossSiteRefused(), ["from another site"]),
        ["content type missing"] = (c => c.UnsupportedContentType("application/json", null), ["Content-Type must be application/json"]),
        ["content type wrong"] = (c => c.UnsupportedContentType("text/csv", "text/plain"), ["Content-Type must be text/csv", "text/plain"]),
        ["too large json"] = (c => c.BodyTooLarge(256), ["256 KiB"]),
        ["too large csv"] = (c => c.BodyTooLarge(5120), ["5120 KiB"]),
        ["empty body"] = (c => c.EmptyBody(), ["empty"]),
        ["null body"] = (c => c.NullBody(), ["JSON null"]),
        ["malformed json"] = (c => c.MalformedJson(1, 2, "$.answers"), ["Malformed JSON at line 1", "$.answers"]),
        ["malformed json, no position"] = (c => c.MalformedJson(null, null, null), ["Malformed JSON"]),
        ["not utf-8"] = (c => c.NotUtf8(2), ["not valid UTF-8", "byte 2", "CSV UTF-8"]),
        ["sign in"] = (c => c.SignInRequired(), ["Sign in"]),
        ["link invalid"] = (c => c.LinkInvalid(), ["nvalid"]),
        ["link tampered"] = (c => c.LinkTampered(), ["tampered", "nvalid"]),
        ["link expired"] = (c => c.LinkExpired(), ["expired"]),
        ["link revoked"] = (c => c.LinkRevoked(), ["revoked"]),
        ["link elsewhere"] = (c => c.LinkForAnotherUnitOrCampaign(), ["another unit or campaign"]),
        ["city coordinators"] = (c => c.CityCoordinatorsOnly(), ["City coordinators only"]),
        ["coordinators"] = (c => c.CoordinatorsOnly(), ["Coordinators only"]),
        ["may not report"] = (c => c.MayNotReportForUnit(), ["may not report"]),
        ["may not see"] = (c => c.MayNotSeeUnit(), ["may not see"]),
        ["area scope"] = (c => c.AreaOutsideScope(), ["outside your scope"]),
        ["unit scope"] = (c => c.UnitOutsideScope(), ["outside your scope"]),
        ["invalid campaign id"] = (c => c.InvalidId(IdKind.Campaign), ["Invalid campaign id"]),
        ["invalid unit id"] = (c => c.InvalidId(IdKind.Unit), ["Invalid unit id"]),
        ["invalid district id"] = (c => c.InvalidId(IdKind.District), ["Invalid district id"]),
        ["unknown campaign"] = (c => c.UnknownCampaign("tet-1999"), ["Unknown campaign", "tet-1999"]),
        ["campaign exists"] = (c => c.CampaignAlreadyExists("tet-2024"), ["already exists"]),
        ["not open"] = (c => c.CampaignNotOpenYet("15/01/2024 08:00"), ["not open yet"]),
        ["closed"] = (c => c.CampaignClosed("14/02/2024 23:59"), ["closed"]),
        ["deadline"] = (c => c.DeadlineNotAfterOpening(), ["after the opening"]),
        ["iso time"] = (c => c.IsoTimeRequired(), ["ISO 8601"]),
        ["too many items"] = (c => c.ChecklistTooManyItems(98), ["98"]),
        ["duplicate item id"] = (c => c.DuplicateId(IdKind.Item, "pccc-cho"), ["pccc-cho"]),
        ["unknown item"] = (c => c.UnknownItem("khong-co-muc-nay"), ["Unknown item", "khong-co-muc-nay"]),
        ["duplicate answer"] = (c => c.DuplicateAnswer(), ["Duplicate"]),
        ["required item"] = (c => c.RequiredItemMissing(), ["Required item missing", "Required"]),
        ["bad status"] = (c => c.InvalidStatus("maybe", ["ready", "partial", "not_ready", "not_applicable"]), ["Bad status", "ready, partial, not_ready, not_applicable"]),
        ["note too long"] = (c => c.NoteTooLong(2000), ["2000"]),
        ["note control"] = (c => c.NoteHasControlCharacters(), ["control characters"]),
        ["submitter"] = (c => c.SubmitterRequired(), ["Submitter name, title and phone are required"]),
        ["if-match"] = (c => c.InvalidIfMatch("W/r3"), ["If-Match must be an ETag like", "\"r3\""]),
        ["submission exists"] = (c => c.SubmissionExists(2), ["already exists", "revision 2"]),
        ["nothing to update"] = (c => c.NoSubmissionToUpdate(), ["No submission exists yet"]),
        ["moved on"] = (c => c.SubmissionMovedOn(20), ["revision 20"]),
        ["no submission"] = (c => c.NoSubmissionYet(), ["No submission yet"]),
        ["no revision"] = (c => c.NoSuchRevision(3), ["No such revision"]),
        ["inactive unit"] = (c => c.UnknownOrInactiveUnit("ba-vi-ubnd"), ["Unknown or inactive unit", "inactive unit"]),
        ["area level"] = (c => c.InvalidAreaLevel(60), ["areaLevel"]),
        ["rejected rows"] = (c => c.RosterRejected(2), ["2 rejected rows; nothing was written", "rejected rows"]),
        ["one rejected row"] = (c => c.RosterRejected(1), ["rejected rows"]),
        ["csv empty"] = (c => c.RosterEmpty(), ["empty"]),
        ["csv no units"] = (c => c.RosterHasNoUnits(), ["no units"]),
        ["missing column"] = (c => c.RosterMissingColumn("officer_emails", "district_id,district_name,unit_id,unit_name,officer_emails[,coordinator_emails]"), ["'officer_emails'"]),
        ["duplicate column"] = (c => c.RosterDuplicateColumn("unit_id"), ["unit_id"]),
        ["csv invalid id"] = (c => c.RosterInvalidId("district_id", "ba dinh"), ["district_id"]),
        ["duplicate unit id"] = (c => c.RosterDuplicateUnitId("ubnd", 2), ["'ubnd'"]),
        ["district name"] = (c => c.RosterDistrictNameDisagrees("ba-dinh", "Ba Dinh", 2, "Quan Ba Dinh"), ["district's name", "name"]),
        ["district coordinators"] = (c => c.RosterCoordinatorsDisagree("ba-dinh", 2), ["coordinators"]),
        ["formula"] = (c => c.RosterCellLooksLikeFormula("district_name", '='), ["formula", "district_name"]),
        ["empty cell"] = (c => c.RosterCellEmpty("unit_name"), ["unit_name"]),
        ["principal header"] = (c => c.PrincipalHeaderRefusedInAzure(), ["Auth__AllowClientPrincipalHeader"]),
        ["email key"] = (c => c.EmailKeyUnresolved(), ["Key Vault reference"]),
        ["feed off"] = (c => c.FeedOff(), ["feed is off"]),
        ["feed key missing"] = (c => c.FeedKeyMissing("key"), ["feed key is missing", "key"]),
        ["feed key invalid"] = (c => c.FeedKeyInvalid(), ["feed key is not valid"]),
        ["feed table"] = (c => c.UnknownFeedTable("nope", ["districts", "units", "campaigns"]), ["districts, units, campaigns"]),
    };

    public static TheoryData<string> Names => new(Wordings.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_English_wording_keeps_what_existing_assertions_match_on(string name)
    {
        var (message, expected) = Wordings[name];

        var english = message(EnglishMessages.Instance);

        Assert.All(expected, text => Assert.Contains(text, english, StringComparison.Ordinal));
    }

    [Fact]
    public void The_validation_title_stays_as_clients_know_it()
    {
        Assert.Equal("Validation failed", EnglishMessages.Instance.Title(RefusalKind.InvalidFields));
        Assert.Equal("Bad request", EnglishMessages.Instance.Title(RefusalKind.Invalid));
    }
}
