namespace TetReadiness.Messages;

/// <summary>
/// Every user-facing message, one member each, so the compiler keeps <see cref="VietnameseMessages"/> and
/// <see cref="EnglishMessages"/> complete. Terms follow docs/glossary.md. Times arrive formatted (Vietnam time,
/// <c>dd/MM/yyyy HH:mm</c>), so this folder depends on nothing else in the app.
/// </summary>
public interface IMessageCatalog
{
    /// <summary>The problem's <c>title</c>: one per kind, whatever the detail.</summary>
    string Title(RefusalKind kind);

    // The edge and request bodies.
    string CrossSiteRefused();

    string StorageUnavailable();

    string MethodNotAllowed(string method, string allowed);

    string NoSuchBackgroundFunction(string name);

    /// <param name="actual">The Content-Type sent, or null when there was none (or it could not be read).</param>
    string UnsupportedContentType(string expected, string? actual);

    string BodyTooLarge(int limitKiB);

    string EmptyBody();

    string NullBody();

    /// <param name="line">1-based, when the parser knows it.</param>
    /// <param name="position">1-based byte position in the line, when the parser knows it.</param>
    /// <param name="path">The JSON path of the value, e.g. <c>$.answers[0]</c>, when it is not the root.</param>
    string MalformedJson(long? line, long? position, string? path);

    string NotUtf8(int byteIndex);

    /// <summary>The detail of a problem whose fields are listed in <c>errors</c>.</summary>
    string InvalidFields();

    string FieldRequired();

    string IsoTimeRequired();

    string InvalidId(IdKind kind);

    string DuplicateId(IdKind kind, string id);

    /// <summary>An entry of a list that is JSON <c>null</c> (an answer, a section, an item).</summary>
    string NullEntry();

    // Who may do what.
    string SignInRequired();

    string LinkInvalid();

    string LinkTampered();

    string LinkExpired();

    string LinkRevoked();

    string LinkForAnotherUnitOrCampaign();

    string CityCoordinatorsOnly();

    string CoordinatorsOnly();

    string MayNotReportForUnit();

    string MayNotSeeUnit();

    string UnitOutsideScope();

    string AreaOutsideScope();

    // Campaigns.
    string UnknownCampaign(string campaignId);

    string CampaignAlreadyExists(string campaignId);

    string CampaignChangedConcurrently();

    string CampaignNotOpenYet(string opensAt);

    string CampaignClosed(string closedAt);

    string TitleRequired();

    string TitleInvalid(int maxLength);

    string DeadlineNotAfterOpening();

    string ClosingBeforeDeadline();

    string InvalidEmail();

    string ChecklistEmpty();

    string ChecklistTooManyItems(int maxItems);

    string ChecklistTooLongToStore(int maxLength);

    string SectionsRequired();

    string SectionTitleInvalid(int maxLength);

    string SectionNeedsItems();

    string ItemTextInvalid(int maxLength);

    // Submissions.
    string AnswersRequired();

    string UnknownItem(string itemId);

    string DuplicateAnswer();

    string InvalidStatus(string status, IReadOnlyList<string> allowed);

    string NoteTooLong(int maxLength);

    string NoteHasControlCharacters();

    string RequiredItemMissing();

    string SubmitterRequired();

    string SubmitterFieldInvalid(int maxLength);

    string InvalidPhone();

    string InvalidIfNoneMatch();

    string InvalidIfMatch(string tag);

    string SubmissionExists(int revision);

    string NoSubmissionToUpdate();

    string SubmissionMovedOn(int revision);

    string NoSubmissionYet();

    string NoSuchRevision(int revision);

    string UnknownOrInactiveUnit(string unitId);

    string TooManyConcurrentSubmissions();

    // Unit links.
    string UnknownUnit(string unitId);

    string LinkExpiryOutOfRange();

    string NoLinkSigningKey();

    string UnitChangedConcurrently();

    // Roster import (CSV); errors are keyed "header", "row {n}" or "rows".
    string InvalidAreaLevel(int maxLength);

    string RosterRejected(int count);

    string RosterEmpty();

    string RosterTooManyColumns(int count, int maxColumns);

    string RosterDuplicateColumn(string column);

    string RosterMissingColumn(string column, string expectedColumns);

    string RosterTooManyRows(int maxRows);

    string RosterInvalidId(string column, string value);

    string RosterDuplicateUnitId(string unitId, int firstRow);

    string RosterInvalidEmail(string column, string value);

    string RosterDistrictNameDisagrees(string districtId, string name, int firstRow, string firstName);

    string RosterCoordinatorsDisagree(string districtId, int firstRow);

    string RosterHasNoUnits();

    string RosterCellEmpty(string column);

    string RosterCellTooLong(string column, int maxLength);

    string RosterCellHasControlCharacters(string column);

    string RosterCellLooksLikeFormula(string column, char first);

    // Health: for the operator who reads /api/health.
    string PrincipalHeaderRefusedInAzure();

    string EmailKeyUnresolved();

    string EmailKeyRefused(int status);

    // The reporting feed.
    string FeedOff();

    string FeedKeyMissing(string parameter);

    string FeedKeyInvalid();

    string UnknownFeedTable(string table, IReadOnlyList<string> tables);

    string FeedFormatInvalid();

    string FeedModifiedSinceInvalid();

    // Issue 16 (voices).
    string DifficultiesTooLong(int maxLength);

    string ProposalsTooLong(int maxLength);

    string ReportTextHasControlCharacters();

    // Issue 16 (reviews).
    string ReportLocked(string acceptedAt, string acceptedBy);

    string NothingToReview();

    string ReviewRevisionStale(int sent, int current);

    string ReportAlreadyAccepted();

    string ReportAlreadyReturned(int revision);

    string ReportBeingReviewed();

    string ReportNotAccepted(string state);

    string ReopenAlreadyRequested(string requestedAt);

    string ReviewDecisionInvalid();

    string ReviewRevisionRequired();

    string ReviewTextTooLong(int maxLength);

    string ReviewTextHasControlCharacters();

    string ReviewStateInvalid();

    string MayNotReviewUnit();

    // Issue 16 (unitactions).
    string UnitCoordinatorsOnly();

    string NothingToRemind(string reviewState);

    string RemindedRecently(string lastRemindedAt, string nextAllowedAt);

    string NobodyToRemind();

    string UnitDeadlineBeforeCampaignDeadline(string campaignDeadline);

    string UnitDeadlineAfterClosing(string closesAt);

    string ReasonInvalid(int maxLength);

    string NoUnitDeadline();
}
