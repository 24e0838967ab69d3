namespace TetReadiness.Messages;

/// <summary>
/// English: for callers that ask for it (<c>Accept-Language: en</c>) and for logs. The wording keeps what clients and
/// tests already match on ("Unknown campaign", "see 'errors'", "Malformed JSON at line …").
/// </summary>
public sealed class EnglishMessages : IMessageCatalog
{
    private EnglishMessages()
    {
    }

    public static EnglishMessages Instance { get; } = new();

    public string Title(RefusalKind kind) => kind switch
    {
        RefusalKind.MethodNotAllowed => "Method not allowed",
        RefusalKind.NotSignedIn => "Unauthorized",
        RefusalKind.Forbidden => "Forbidden",
        RefusalKind.NotFound => "Not found",
        RefusalKind.UnsupportedMediaType => "Unsupported media type",
        RefusalKind.TooLarge => "Payload too large",
        RefusalKind.Invalid => "Bad request",
        RefusalKind.InvalidFields => "Validation failed",
        RefusalKind.Conflict => "Conflict",
        RefusalKind.PreconditionFailed => "Precondition failed",
        RefusalKind.Unavailable => "Service unavailable",
        RefusalKind.Misconfigured => "Misconfigured",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public string CrossSiteRefused() => "A request that changes data was sent from another site; it is refused.";

    public string StorageUnavailable() => "Storage is unavailable; nothing was written. Please retry in a few minutes.";

    public string MethodNotAllowed(string method, string allowed) => $"{method} is not allowed here. Allowed: {allowed}.";

    public string NoSuchBackgroundFunction(string name) => $"No timer or queue function named '{name}'.";

    public string UnsupportedContentType(string expected, string? actual) => actual is null
        ? $"Content-Type must be {expected}."
        : $"Content-Type must be {expected} (UTF-8), not '{actual}'.";

    public string BodyTooLarge(int limitKiB) => $"The request body is larger than {limitKiB} KiB.";

    public string EmptyBody() => "The request body is empty; a JSON object is expected.";

    public string NullBody() => "The request body is JSON null; a JSON object is expected.";

    public string MalformedJson(long? line, long? position, string? path) =>
        "Malformed JSON"
        + (line is null ? string.Empty : $" at line {line}, position {position}")
        + (path is null ? string.Empty : $" ({path})")
        + ".";

    public string NotUtf8(int byteIndex) => $"The body is not valid UTF-8 (byte {byteIndex}); save the file as 'CSV UTF-8' in Excel.";

    public string InvalidFields() => "The request has invalid fields; see 'errors'.";

    public string FieldRequired() => "Required.";

    public string IsoTimeRequired() =>
        "An ISO 8601 time is required, year first: 2027-01-30 or 2027-01-30T17:00:00+07:00; day/month forms such as 30/01/2027 are refused.";

    public string InvalidId(IdKind kind) => $"Invalid {Noun(kind)} id: only a-z, 0-9 and '-', at most 64 characters.";

    public string DuplicateId(IdKind kind, string id) => $"Duplicate {Noun(kind)} id '{id}'.";

    public string NullEntry() => "The entry is empty (null).";

    public string SignInRequired() => "Sign in (/.auth/login/aad), or use your unit's report link.";

    public string LinkInvalid() => "The link is invalid.";

    public string LinkTampered() => "The link is invalid or was tampered with.";

    public string LinkExpired() => "The link has expired; ask your coordinator for a new one.";

    public string LinkRevoked() => "The link was revoked; ask your coordinator for a new one.";

    public string LinkForAnotherUnitOrCampaign() => "The link is for another unit or campaign.";

    public string CityCoordinatorsOnly() => "City coordinators only.";

    public string CoordinatorsOnly() => "Coordinators only.";

    public string MayNotReportForUnit() => "You may not report for this unit.";

    public string MayNotSeeUnit() => "You may not see this unit.";

    public string UnitOutsideScope() => "The unit is outside your scope.";

    public string AreaOutsideScope() => "The area is outside your scope.";

    public string UnknownCampaign(string campaignId) => $"Unknown campaign '{campaignId}'.";

    public string CampaignAlreadyExists(string campaignId) => $"The campaign '{campaignId}' already exists; choose another id.";

    public string CampaignChangedConcurrently() => "The campaign changed concurrently; reload and retry.";

    public string CampaignNotOpenYet(string opensAt) => $"The campaign is not open yet; it takes reports from {opensAt}.";

    public string CampaignClosed(string closedAt) => $"The campaign closed at {closedAt}.";

    public string TitleRequired() => "The title is required.";

    public string TitleInvalid(int maxLength) => $"The title must be at most {maxLength} characters, without control characters.";

    public string DeadlineNotAfterOpening() => "The deadline must be after the opening.";

    public string ClosingBeforeDeadline() => "Closing cannot be before the deadline.";

    public string InvalidEmail() => "Invalid email.";

    public string ChecklistEmpty() => "The checklist needs at least one item.";

    public string ChecklistTooManyItems(int maxItems) => $"At most {maxItems} items, so that each submission fits in one write batch.";

    public string ChecklistTooLongToStore(int maxLength) => $"The checklist is too long to store (at most {maxLength} characters once stored).";

    public string SectionsRequired() => "At least one section is required.";

    public string SectionTitleInvalid(int maxLength) => $"The section title is empty, over {maxLength} characters or has control characters.";

    public string SectionNeedsItems() => "A section needs at least one item.";

    public string ItemTextInvalid(int maxLength) => $"The item text is empty, over {maxLength} characters or has control characters.";

    public string AnswersRequired() => "'answers' is required.";

    public string UnknownItem(string itemId) => $"Unknown item '{itemId}': it is not in the checklist.";

    public string DuplicateAnswer() => "Duplicate answer for this item.";

    public string InvalidStatus(string status, IReadOnlyList<string> allowed) => $"Bad status '{status}'; use {string.Join(", ", allowed)}.";

    public string NoteTooLong(int maxLength) => $"Note over {maxLength} characters.";

    public string NoteHasControlCharacters() => "Note has control characters.";

    public string RequiredItemMissing() => "Required item missing.";

    public string SubmitterRequired() => "Submitter name, title and phone are required.";

    public string SubmitterFieldInvalid(int maxLength) => $"At most {maxLength} characters, without control characters.";

    public string InvalidPhone() => "A phone number has only digits, spaces and + - . ( ).";

    public string InvalidIfNoneMatch() => "If-None-Match only accepts '*' here (first submission only).";

    public string InvalidIfMatch(string tag) => $"If-Match must be an ETag like \"r3\" from an earlier response, not {tag}.";

    public string SubmissionExists(int revision) => $"A submission already exists: revision {revision}; reload to see it before sending.";

    public string NoSubmissionToUpdate() => "No submission exists yet to update.";

    public string SubmissionMovedOn(int revision) => $"The submission is now at revision {revision}: it changed after you opened the form; reload before sending.";

    public string NoSubmissionYet() => "No submission yet: the unit has not reported for this campaign.";

    public string NoSuchRevision(int revision) => $"No such revision: {revision}.";

    public string UnknownOrInactiveUnit(string unitId) => $"Unknown or inactive unit '{unitId}': it is not on the current roster.";

    public string TooManyConcurrentSubmissions() => "Too many concurrent submissions for this unit; please retry.";

    public string UnknownUnit(string unitId) => $"Unknown unit '{unitId}'.";

    public string LinkExpiryOutOfRange() => "Must be in the future and not after the campaign closes.";

    public string NoLinkSigningKey() => "No unit-link signing key is configured (UnitLinks__PrimaryKey).";

    public string UnitChangedConcurrently() => "The unit changed concurrently; retry.";

    public string InvalidAreaLevel(int maxLength) =>
        $"Invalid areaLevel: at most {maxLength} characters, without control characters, not starting with = + - @.";

    public string RosterRejected(int count) => $"The roster has {count} rejected rows; nothing was written.";

    public string RosterEmpty() => "The CSV is empty.";

    public string RosterTooManyColumns(int count, int maxColumns) => $"Too many columns ({count} > {maxColumns}).";

    public string RosterDuplicateColumn(string column) => $"Duplicate column '{column}'.";

    public string RosterMissingColumn(string column, string expectedColumns) => $"Missing column '{column}'; expected {expectedColumns}.";

    public string RosterTooManyRows(int maxRows) => $"More than {maxRows} rows.";

    public string RosterInvalidId(string column, string value) =>
        $"{column} '{value}' is not a valid id: only a-z, 0-9 and '-', at most 64 characters.";

    public string RosterDuplicateUnitId(string unitId, int firstRow) =>
        $"unit_id '{unitId}' is already on row {firstRow}; unit ids must be unique across the city.";

    public string RosterInvalidEmail(string column, string value) => $"{column}: '{value}' is not a valid email.";

    public string RosterDistrictNameDisagrees(string districtId, string name, int firstRow, string firstName) =>
        $"Rows disagree about the district's name: '{districtId}' is '{name}' here and '{firstName}' on row {firstRow}.";

    public string RosterCoordinatorsDisagree(string districtId, int firstRow) =>
        $"Rows disagree about the district's coordinators: '{districtId}' has other coordinators on row {firstRow}.";

    public string RosterHasNoUnits() => "The CSV has no units.";

    public string RosterCellEmpty(string column) => $"Empty {column}.";

    public string RosterCellTooLong(string column, int maxLength) => $"{column} is over {maxLength} characters.";

    public string RosterCellHasControlCharacters(string column) => $"{column} has control characters, which are not allowed.";

    public string RosterCellLooksLikeFormula(string column, char first) =>
        $"{column} starts with '{first}': cells starting with = + - @ are rejected as formula injection.";

    public string PrincipalHeaderRefusedInAzure() =>
        "Auth__AllowClientPrincipalHeader=true is refused in Azure: it is for a developer's machine only. "
        + "X-MS-CLIENT-PRINCIPAL is trusted only from App Service Authentication; remove the setting.";

    public string EmailKeyUnresolved() =>
        "SendGrid__ApiKey is a Key Vault reference the platform has not resolved (check the app's access to the vault and the secret's name). "
        + "Reminders and digests wait and go out once it resolves.";

    public string EmailKeyRefused(int status) => $"SendGrid refused the API key (HTTP {status}). Reminders and digests wait and go out once the key works.";

    public string FeedOff() => "The reporting feed is off: no key is configured; set Feed__PrimaryKey.";

    public string FeedKeyMissing(string parameter) => $"The feed key is missing: pass it as the query parameter '{parameter}'.";

    public string FeedKeyInvalid() => "The feed key is not valid.";

    public string UnknownFeedTable(string table, IReadOnlyList<string> tables) => $"No feed table '{table}'; the tables are: {string.Join(", ", tables)}.";

    public string FeedFormatInvalid() => "Use format=json (the default) or format=csv.";

    public string FeedModifiedSinceInvalid() =>
        "An ISO 8601 time such as 2024-02-01T00:00:00Z or 2024-02-01T07:00:00%2B07:00 (without an offset it is Vietnam time).";

    // Issue 16 (voices).
    public string DifficultiesTooLong(int maxLength) => $"Difficulties over {maxLength} characters; please shorten them.";

    public string ProposalsTooLong(int maxLength) => $"Proposals over {maxLength} characters; please shorten them.";

    public string ReportTextHasControlCharacters() => "Text has control characters.";

    // Issue 16 (reviews).
    public string ReportLocked(string acceptedAt, string acceptedBy) =>
        $"The report is 'accepted' (at {acceptedAt}, by {acceptedBy}) and so locked; to change it, ask your coordinator to reopen it.";

    public string NothingToReview() => "The unit has not submitted a report to review.";

    public string ReviewRevisionStale(int sent, int current) =>
        $"The unit submitted again: the report is now revision {current}, not {sent}. Reload and review the newest revision.";

    public string ReportAlreadyAccepted() => "The report is already accepted and locked; to return it, reopen it.";

    public string ReportAlreadyReturned(int revision) => $"Revision {revision} was already returned; wait for the unit to submit again.";

    public string ReportBeingReviewed() => "Another coordinator has just reviewed this report; reload and try again.";

    public string ReportNotAccepted(string state) => $"Only an accepted report can be reopened; this one is '{state}'.";

    public string ReopenAlreadyRequested(string requestedAt) =>
        $"The unit asked to reopen it at {requestedAt}; the request is waiting for a coordinator.";

    public string ReviewDecisionInvalid() => "'decision' must be 'accepted' or 'returned'.";

    public string ReviewRevisionRequired() => "'revision' is required: the revision you reviewed (1 or more).";

    public string ReviewTextTooLong(int maxLength) => $"The text is longer than {maxLength} characters.";

    public string ReviewTextHasControlCharacters() => "The text has control characters; only line breaks are allowed.";

    public string ReviewStateInvalid() => "'state' must be 'submitted', 'returned' or 'accepted'.";

    public string MayNotReviewUnit() => "Only a coordinator of the unit's area may review, return or reopen this report.";

    private static string Noun(IdKind kind) => kind switch
    {
        IdKind.Campaign => "campaign",
        IdKind.Unit => "unit",
        IdKind.District => "district",
        IdKind.Section => "section",
        IdKind.Item => "item",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // Issue 16 (unitactions).
    public string UnitCoordinatorsOnly() => "Only the coordinators of the unit's area may do this.";

    public string NothingToRemind(string reviewState) =>
        $"The unit has reported (state '{reviewState}'): there is nothing to remind it of; only a unit that has not reported, or whose report was returned, is reminded.";

    public string RemindedRecently(string lastRemindedAt, string nextAllowedAt) =>
        $"The unit was reminded at {lastRemindedAt}; it can be reminded again from {nextAllowedAt}.";

    public string NobodyToRemind() =>
        "The unit has no officer email in the roster, so no reminder can be sent; add one with the next roster import, or call the unit.";

    public string UnitDeadlineBeforeCampaignDeadline(string campaignDeadline) =>
        $"The unit's own deadline cannot be earlier than the campaign's ({campaignDeadline}).";

    public string UnitDeadlineAfterClosing(string closesAt) => $"The unit's own deadline cannot be after the campaign closes ({closesAt}).";

    public string ReasonInvalid(int maxLength) => $"The reason must be at most {maxLength} characters, without control characters.";

    public string NoUnitDeadline() => "The unit has no deadline of its own; its deadline is the campaign's.";
}
