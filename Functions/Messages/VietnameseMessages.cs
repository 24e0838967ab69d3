namespace TetReadiness.Messages;

/// <summary>
/// Vietnamese: the default language of every response and of the pages. Terms follow docs/glossary.md (chiến dịch,
/// đơn vị, địa bàn, điều phối viên, lần gửi…).
/// </summary>
public sealed class VietnameseMessages : IMessageCatalog
{
    private VietnameseMessages()
    {
    }

    public static VietnameseMessages Instance { get; } = new();

    public string Title(RefusalKind kind) => kind switch
    {
        RefusalKind.MethodNotAllowed => "Phương thức không được hỗ trợ",
        RefusalKind.NotSignedIn => "Cần đăng nhập",
        RefusalKind.Forbidden => "Không có quyền",
        RefusalKind.NotFound => "Không tìm thấy",
        RefusalKind.UnsupportedMediaType => "Sai kiểu nội dung",
        RefusalKind.TooLarge => "Dữ liệu gửi lên quá lớn",
        RefusalKind.Invalid => "Yêu cầu không hợp lệ",
        RefusalKind.InvalidFields => "Dữ liệu không hợp lệ",
        RefusalKind.Conflict => "Xung đột dữ liệu",
        RefusalKind.PreconditionFailed => "Điều kiện gửi không còn đúng",
        RefusalKind.Unavailable => "Dịch vụ tạm thời gián đoạn",
        RefusalKind.Misconfigured => "Cấu hình sai",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public string CrossSiteRefused() => "Yêu cầu thay đổi dữ liệu gửi từ một trang web khác bị từ chối.";

    public string StorageUnavailable() => "Hệ thống lưu trữ tạm thời không phản hồi; dữ liệu chưa được ghi. Vui lòng thử lại sau ít phút.";

    public string MethodNotAllowed(string method, string allowed) => $"Không dùng được phương thức {method} ở đây. Được phép: {allowed}.";

    public string NoSuchBackgroundFunction(string name) => $"Không có hàm chạy theo lịch hoặc theo hàng đợi nào tên '{name}'.";

    public string UnsupportedContentType(string expected, string? actual) => actual is null
        ? $"Content-Type phải là {expected}."
        : $"Content-Type phải là {expected} (UTF-8), không phải '{actual}'.";

    public string BodyTooLarge(int limitKiB) => $"Dữ liệu gửi lên lớn hơn {limitKiB} KiB.";

    public string EmptyBody() => "Thân yêu cầu trống; cần một đối tượng JSON.";

    public string NullBody() => "Thân yêu cầu là JSON null; cần một đối tượng JSON.";

    public string MalformedJson(long? line, long? position, string? path) =>
        "JSON không hợp lệ"
        + (line is null ? string.Empty : $" ở dòng {line}, vị trí {position}")
        + (path is null ? string.Empty : $" ({path})")
        + ".";

    public string NotUtf8(int byteIndex) => $"Tệp không phải UTF-8 (byte {byteIndex}). Hãy lưu từ Excel dạng \"CSV UTF-8\".";

    public string InvalidFields() => "Dữ liệu gửi lên không hợp lệ; xem từng lỗi trong 'errors'.";

    public string FieldRequired() => "Bắt buộc.";

    public string IsoTimeRequired() =>
        "Cần thời điểm ISO 8601, năm trước: 2027-01-30 hoặc 2027-01-30T17:00:00+07:00; không nhận dạng ngày/tháng như 30/01/2027.";

    public string InvalidId(IdKind kind) => $"Mã {Noun(kind)} không hợp lệ: chỉ gồm a-z, 0-9 và '-', tối đa 64 ký tự.";

    public string DuplicateId(IdKind kind, string id) => $"Mã {Noun(kind)} '{id}' bị lặp.";

    public string NullEntry() => "Giá trị trống (null).";

    public string SignInRequired() => "Cần đăng nhập (/.auth/login/aad) hoặc dùng liên kết báo cáo của đơn vị.";

    public string LinkInvalid() => "Liên kết không hợp lệ.";

    public string LinkTampered() => "Liên kết không hợp lệ hoặc đã bị thay đổi.";

    public string LinkExpired() => "Liên kết đã hết hạn; xin liên kết mới từ điều phối viên.";

    public string LinkRevoked() => "Liên kết đã bị thu hồi; xin liên kết mới từ điều phối viên.";

    public string LinkForAnotherUnitOrCampaign() => "Liên kết này dành cho đơn vị hoặc chiến dịch khác.";

    public string CityCoordinatorsOnly() => "Chỉ điều phối viên cấp thành phố được làm việc này.";

    public string CoordinatorsOnly() => "Chỉ điều phối viên được làm việc này.";

    public string MayNotReportForUnit() => "Bạn không có quyền báo cáo cho đơn vị này.";

    public string MayNotSeeUnit() => "Bạn không có quyền xem đơn vị này.";

    public string UnitOutsideScope() => "Đơn vị ngoài phạm vi của bạn.";

    public string AreaOutsideScope() => "Địa bàn ngoài phạm vi của bạn.";

    public string UnknownCampaign(string campaignId) => $"Không có chiến dịch '{campaignId}'.";

    public string CampaignAlreadyExists(string campaignId) => $"Chiến dịch '{campaignId}' đã có; chọn mã khác.";

    public string CampaignChangedConcurrently() => "Chiến dịch vừa được người khác thay đổi; hãy tải lại rồi thử lại.";

    public string CampaignNotOpenYet(string opensAt) => $"Chiến dịch chưa mở; nhận báo cáo từ {opensAt}.";

    public string CampaignClosed(string closedAt) => $"Chiến dịch đã đóng lúc {closedAt}.";

    public string TitleRequired() => "Thiếu tiêu đề.";

    public string TitleInvalid(int maxLength) => $"Tiêu đề tối đa {maxLength} ký tự, không có ký tự điều khiển.";

    public string DeadlineNotAfterOpening() => "Hạn chót phải sau thời điểm mở.";

    public string ClosingBeforeDeadline() => "Thời điểm đóng không được trước hạn chót.";

    public string InvalidEmail() => "Email không hợp lệ.";

    public string ChecklistEmpty() => "Danh mục phải có ít nhất một mục.";

    public string ChecklistTooManyItems(int maxItems) => $"Tối đa {maxItems} mục, để mỗi lần gửi vừa một lô ghi.";

    public string ChecklistTooLongToStore(int maxLength) => $"Danh mục quá dài để lưu (tối đa {maxLength} ký tự khi lưu).";

    public string SectionsRequired() => "Danh mục phải có ít nhất một phần.";

    public string SectionTitleInvalid(int maxLength) => $"Tiêu đề phần trống, dài quá {maxLength} ký tự hoặc có ký tự điều khiển.";

    public string SectionNeedsItems() => "Phần phải có ít nhất một mục.";

    public string ItemTextInvalid(int maxLength) => $"Nội dung mục trống, dài quá {maxLength} ký tự hoặc có ký tự điều khiển.";

    public string AnswersRequired() => "Thiếu danh sách câu trả lời ('answers').";

    public string UnknownItem(string itemId) => $"Mục '{itemId}' không có trong danh mục.";

    public string DuplicateAnswer() => "Mục này được trả lời hai lần.";

    public string InvalidStatus(string status, IReadOnlyList<string> allowed) => $"Trạng thái '{status}' không hợp lệ; dùng {string.Join(", ", allowed)}.";

    public string NoteTooLong(int maxLength) => $"Ghi chú dài quá {maxLength} ký tự.";

    public string NoteHasControlCharacters() => "Ghi chú có ký tự điều khiển.";

    public string RequiredItemMissing() => "Mục bắt buộc chưa được trả lời.";

    public string SubmitterRequired() => "Cần họ tên, chức vụ và số điện thoại người báo cáo.";

    public string SubmitterFieldInvalid(int maxLength) => $"Tối đa {maxLength} ký tự, không có ký tự điều khiển.";

    public string InvalidPhone() => "Số điện thoại chỉ gồm chữ số, dấu cách và + - . ( ).";

    public string InvalidIfNoneMatch() => "If-None-Match ở đây chỉ nhận '*' (chỉ cho lần gửi đầu tiên).";

    public string InvalidIfMatch(string tag) => $"If-Match phải là một ETag như \"r3\" lấy từ phản hồi trước, không phải {tag}.";

    public string SubmissionExists(int revision) => $"Đơn vị đã có báo cáo (lần {revision}); tải lại để xem trước khi gửi.";

    public string NoSubmissionToUpdate() => "Chưa có báo cáo nào để cập nhật.";

    public string SubmissionMovedOn(int revision) => $"Báo cáo đã được cập nhật (lần {revision}) sau khi bạn mở biểu mẫu; tải lại trước khi gửi.";

    public string NoSubmissionYet() => "Đơn vị chưa gửi báo cáo cho chiến dịch này.";

    public string NoSuchRevision(int revision) => $"Không có lần gửi {revision}.";

    public string UnknownOrInactiveUnit(string unitId) => $"Không có đơn vị '{unitId}' trong danh sách hiện hành.";

    public string TooManyConcurrentSubmissions() => "Quá nhiều người gửi cùng lúc cho đơn vị này; vui lòng thử lại.";

    public string UnknownUnit(string unitId) => $"Không có đơn vị '{unitId}'.";

    public string LinkExpiryOutOfRange() => "Phải trong tương lai và không sau khi chiến dịch đóng.";

    public string NoLinkSigningKey() => "Chưa cấu hình khóa ký liên kết (UnitLinks__PrimaryKey).";

    public string UnitChangedConcurrently() => "Đơn vị đang được cập nhật; thử lại.";

    public string InvalidAreaLevel(int maxLength) =>
        $"Tên cấp địa bàn (areaLevel) không hợp lệ: tối đa {maxLength} ký tự, không có ký tự điều khiển, không bắt đầu bằng = + - @.";

    public string RosterRejected(int count) => $"Danh sách có {count} dòng lỗi; chưa ghi gì.";

    public string RosterEmpty() => "Tệp trống.";

    public string RosterTooManyColumns(int count, int maxColumns) => $"Quá nhiều cột ({count} > {maxColumns}).";

    public string RosterDuplicateColumn(string column) => $"Cột '{column}' bị lặp.";

    public string RosterMissingColumn(string column, string expectedColumns) => $"Thiếu cột '{column}'; cần các cột {expectedColumns}.";

    public string RosterTooManyRows(int maxRows) => $"Quá {maxRows} dòng.";

    public string RosterInvalidId(string column, string value) =>
        $"{column} '{value}' không hợp lệ: chỉ gồm a-z, 0-9 và '-', tối đa 64 ký tự.";

    public string RosterDuplicateUnitId(string unitId, int firstRow) =>
        $"unit_id '{unitId}' đã có ở dòng {firstRow}; mã đơn vị không được trùng trong toàn thành phố.";

    public string RosterInvalidEmail(string column, string value) => $"{column}: email '{value}' không hợp lệ.";

    public string RosterDistrictNameDisagrees(string districtId, string name, int firstRow, string firstName) =>
        $"Tên của '{districtId}' ở đây là '{name}', khác dòng {firstRow} ('{firstName}').";

    public string RosterCoordinatorsDisagree(string districtId, int firstRow) => $"Điều phối viên của '{districtId}' khác dòng {firstRow}.";

    public string RosterHasNoUnits() => "Không có đơn vị nào.";

    public string RosterCellEmpty(string column) => $"{column} trống.";

    public string RosterCellTooLong(string column, int maxLength) => $"{column} dài quá {maxLength} ký tự.";

    public string RosterCellHasControlCharacters(string column) => $"{column} có ký tự điều khiển, không được phép.";

    public string RosterCellLooksLikeFormula(string column, char first) =>
        $"{column} bắt đầu bằng '{first}': ô bắt đầu bằng = + - @ bị từ chối vì có thể là công thức Excel.";

    public string PrincipalHeaderRefusedInAzure() =>
        "Auth__AllowClientPrincipalHeader=true bị từ chối trên Azure: thiết lập này chỉ dành cho máy phát triển. "
        + "X-MS-CLIENT-PRINCIPAL chỉ được tin khi đến từ App Service Authentication; hãy xóa thiết lập này.";

    public string EmailKeyUnresolved() =>
        "SendGrid__ApiKey là một tham chiếu Key Vault mà nền tảng chưa phân giải được (kiểm tra quyền truy cập kho khóa của ứng dụng và tên bí mật). "
        + "Lời nhắc và thư tổng hợp đang chờ, sẽ được gửi khi tham chiếu được phân giải.";

    public string EmailKeyRefused(int status) =>
        $"SendGrid từ chối khóa API (HTTP {status}). Lời nhắc và thư tổng hợp đang chờ, sẽ được gửi khi khóa dùng được.";

    public string FeedOff() => "Nguồn dữ liệu báo cáo đang tắt: chưa cấu hình khóa; hãy đặt Feed__PrimaryKey.";

    public string FeedKeyMissing(string parameter) => $"Thiếu khóa truy cập: truyền khóa qua tham số '{parameter}' trên địa chỉ.";

    public string FeedKeyInvalid() => "Khóa truy cập không đúng.";

    public string UnknownFeedTable(string table, IReadOnlyList<string> tables) => $"Không có bảng '{table}'; các bảng là: {string.Join(", ", tables)}.";

    public string FeedFormatInvalid() => "Dùng format=json (mặc định) hoặc format=csv.";

    public string FeedModifiedSinceInvalid() =>
        "Cần thời điểm ISO 8601 như 2024-02-01T00:00:00Z hoặc 2024-02-01T07:00:00%2B07:00 (không ghi múi giờ thì là giờ Việt Nam).";

    // Issue 16 (voices).
    public string DifficultiesTooLong(int maxLength) => $"Phần khó khăn, vướng mắc dài quá {maxLength} ký tự; vui lòng rút gọn.";

    public string ProposalsTooLong(int maxLength) => $"Phần đề xuất, kiến nghị dài quá {maxLength} ký tự; vui lòng rút gọn.";

    public string ReportTextHasControlCharacters() => "Nội dung có ký tự điều khiển.";

    // Issue 16 (reviews).
    public string ReportLocked(string acceptedAt, string acceptedBy) =>
        $"Báo cáo ở trạng thái 'accepted' (đã chấp nhận lúc {acceptedAt}, bởi {acceptedBy}) nên đã khóa; muốn sửa, hãy đề nghị điều phối viên mở lại.";

    public string NothingToReview() => "Đơn vị chưa gửi báo cáo nào để xem xét.";

    public string ReviewRevisionStale(int sent, int current) =>
        $"Đơn vị đã gửi lại: báo cáo hiện là lần {current}, không phải lần {sent}. Hãy tải lại và xem xét lần mới nhất.";

    public string ReportAlreadyAccepted() => "Báo cáo đã được chấp nhận và đang khóa; muốn trả lại, hãy mở lại báo cáo.";

    public string ReportAlreadyReturned(int revision) => $"Lần {revision} đã được trả lại; hãy chờ đơn vị gửi lại.";

    public string ReportBeingReviewed() => "Báo cáo vừa được một điều phối viên khác xem xét; hãy tải lại rồi thử lại.";

    public string ReportNotAccepted(string state) =>
        $"Chỉ mở lại được báo cáo đã chấp nhận; báo cáo đang ở trạng thái '{state}'.";

    public string ReopenAlreadyRequested(string requestedAt) =>
        $"Đơn vị đã đề nghị mở lại lúc {requestedAt}; đề nghị đang chờ điều phối viên trả lời.";

    public string ReviewDecisionInvalid() => "'decision' phải là 'accepted' (chấp nhận) hoặc 'returned' (trả lại).";

    public string ReviewRevisionRequired() => "Cần 'revision': số lần gửi đang xem xét (từ 1 trở lên).";

    public string ReviewTextTooLong(int maxLength) => $"Nội dung dài quá {maxLength} ký tự.";

    public string ReviewTextHasControlCharacters() => "Nội dung có ký tự điều khiển; chỉ được xuống dòng.";

    public string ReviewStateInvalid() => "'state' phải là 'submitted', 'returned' hoặc 'accepted'.";

    public string MayNotReviewUnit() => "Chỉ điều phối viên phụ trách địa bàn của đơn vị mới được xem xét, trả lại hoặc mở lại báo cáo này.";

    private static string Noun(IdKind kind) => kind switch
    {
        IdKind.Campaign => "chiến dịch",
        IdKind.Unit => "đơn vị",
        IdKind.District => "địa bàn",
        IdKind.Section => "phần",
        IdKind.Item => "mục",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // Issue 16 (unitactions).
    public string UnitCoordinatorsOnly() => "Chỉ điều phối viên phụ trách địa bàn của đơn vị được làm việc này.";

    public string NothingToRemind(string reviewState) =>
        $"Đơn vị đã gửi báo cáo (trạng thái '{reviewState}'), không có gì để nhắc; chỉ nhắc đơn vị chưa báo cáo hoặc có báo cáo bị trả lại.";

    public string RemindedRecently(string lastRemindedAt, string nextAllowedAt) =>
        $"Đơn vị vừa được nhắc lúc {lastRemindedAt}; có thể nhắc lại từ {nextAllowedAt}.";

    public string NobodyToRemind() =>
        "Đơn vị chưa có email cán bộ trong danh sách nên không gửi được lời nhắc; hãy bổ sung email khi nhập danh sách đơn vị, hoặc gọi điện cho đơn vị.";

    public string UnitDeadlineBeforeCampaignDeadline(string campaignDeadline) =>
        $"Hạn chót riêng của đơn vị không được sớm hơn hạn chót của chiến dịch ({campaignDeadline}).";

    public string UnitDeadlineAfterClosing(string closesAt) => $"Hạn chót riêng của đơn vị không được sau thời điểm đóng chiến dịch ({closesAt}).";

    public string ReasonInvalid(int maxLength) => $"Lý do tối đa {maxLength} ký tự, không có ký tự điều khiển.";

    public string NoUnitDeadline() => "Đơn vị không có hạn chót riêng; hạn chót của đơn vị là hạn chót của chiến dịch.";
}
