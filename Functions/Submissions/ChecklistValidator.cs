using TetReadiness.Campaigns;
using TetReadiness.Common;

namespace TetReadiness.Submissions;

/// <summary>
/// Checks a submission against the campaign's checklist. Errors about one item are keyed <c>items.{itemId}</c>,
/// so a form can show them next to the item; other errors are keyed by their JSON path.
/// </summary>
public static class ChecklistValidator
{
    public const int MaxNoteLength = 2000;
    public const int MaxSubmitterFieldLength = 100;

    public static (IReadOnlyList<Answer> Answers, Submitter? Submitter, IReadOnlyDictionary<string, string[]> Errors) Validate(
        Checklist checklist, SubmissionRequest request, bool requireSubmitter)
    {
        var errors = new Dictionary<string, List<string>>();
        void Fail(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        var itemsById = checklist.Items.ToDictionary(pair => pair.Item.Id, pair => pair);
        var answers = new List<Answer>();
        var seen = new HashSet<string>();
        if (request.Answers is null)
        {
            Fail("answers", "Thiếu danh sách câu trả lời. ('answers' is required.)");
        }

        for (var i = 0; i < (request.Answers?.Count ?? 0); i++)
        {
            var answer = request.Answers![i];
            if (answer is null)
            {
                Fail($"answers[{i}]", "Câu trả lời trống. (Answer is null.)");
                continue;
            }

            var itemId = answer.ItemId ?? string.Empty;
            if (!Ids.IsValid(itemId) || !itemsById.TryGetValue(itemId, out var pair))
            {
                Fail($"answers[{i}].itemId", $"Mục '{Truncate(itemId)}' không có trong danh mục. (Unknown item.)");
                continue;
            }

            var key = $"items.{itemId}";
            if (!seen.Add(itemId))
            {
                Fail(key, "Mục này được trả lời hai lần. (Duplicate answer for this item.)");
                continue;
            }

            if (!AnswerStatusNames.TryParse(answer.Status, out var status))
            {
                Fail(key, $"Trạng thái '{Truncate(answer.Status ?? "")}' không hợp lệ; dùng {string.Join(", ", AnswerStatusNames.All)}. (Bad status.)");
                continue;
            }

            var note = answer.Note is null ? null : answer.Note.Normalize(System.Text.NormalizationForm.FormC).Trim();
            if (note is { Length: > MaxNoteLength })
            {
                Fail(key, $"Ghi chú dài quá {MaxNoteLength} ký tự. (Note over {MaxNoteLength} characters.)");
                continue;
            }

            if (note is not null && TextRules.HasControlCharacters(note, allowLineBreaks: true))
            {
                Fail(key, "Ghi chú có ký tự điều khiển. (Note has control characters.)");
                continue;
            }

            answers.Add(new Answer(itemId, pair.Section.Id, status, string.IsNullOrEmpty(note) ? null : note));
        }

        if (request.Answers is not null)
        {
            foreach (var (_, item) in checklist.Items.Where(p => p.Item.Required && !seen.Contains(p.Item.Id)))
            {
                Fail($"items.{item.Id}", "Mục bắt buộc chưa được trả lời. (Required item missing.)");
            }
        }

        var submitter = ValidateSubmitter(request.Submitter, requireSubmitter, Fail);
        return (answers, submitter, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static Submitter? ValidateSubmitter(SubmissionRequest.SubmitterRequest? request, bool required, Action<string, string> fail)
    {
        if (request is null)
        {
            if (required)
            {
                fail("submitter", "Cần họ tên, chức vụ và số điện thoại người báo cáo. (Submitter name, title and phone are required.)");
            }

            return null;
        }

        string Field(string name, string? value)
        {
            var text = TextRules.Normalize(value);
            if (text.Length == 0 && required)
            {
                fail($"submitter.{name}", "Bắt buộc. (Required.)");
            }
            else if (text.Length > MaxSubmitterFieldLength || TextRules.HasControlCharacters(text, false))
            {
                fail($"submitter.{name}", $"Tối đa {MaxSubmitterFieldLength} ký tự, không có ký tự điều khiển. (Too long or has control characters.)");
            }

            return text;
        }

        var submitter = new Submitter(Field("name", request.Name), Field("title", request.Title), Field("phone", request.Phone));
        if (submitter.Phone.Length > 0 && !submitter.Phone.All(c => char.IsDigit(c) || c is '+' or ' ' or '.' or '-' or '(' or ')'))
        {
            fail("submitter.phone", "Số điện thoại chỉ gồm chữ số, dấu cách, + - . ( ). (Invalid phone number.)");
        }

        return submitter is { Name.Length: 0, Title.Length: 0, Phone.Length: 0 } ? null : submitter;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
