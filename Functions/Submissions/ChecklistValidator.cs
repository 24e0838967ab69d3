using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Messages;

namespace TetReadiness.Submissions;

/// <summary>
/// Checks a submission against the campaign's checklist. Errors about one item are keyed <c>items.{itemId}</c>,
/// so a form can show them next to the item; other errors are keyed by their JSON path.
/// </summary>
public static class ChecklistValidator
{
    public const int MaxNoteLength = 2000;
    public const int MaxSubmitterFieldLength = 100;

    public static (IReadOnlyList<Answer> Answers, Submitter? Submitter, IReadOnlyDictionary<string, IReadOnlyList<Message>> Errors) Validate(
        Checklist checklist, SubmissionRequest request, bool requireSubmitter)
    {
        var errors = new Dictionary<string, List<Message>>();
        void Fail(string key, Message message)
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
            Fail("answers", c => c.AnswersRequired());
        }

        for (var i = 0; i < (request.Answers?.Count ?? 0); i++)
        {
            var answer = request.Answers![i];
            if (answer is null)
            {
                Fail($"answers[{i}]", c => c.NullEntry());
                continue;
            }

            var itemId = answer.ItemId ?? string.Empty;
            if (!Ids.IsValid(itemId) || !itemsById.TryGetValue(itemId, out var pair))
            {
                var unknown = Truncate(itemId);
                Fail($"answers[{i}].itemId", c => c.UnknownItem(unknown));
                continue;
            }

            var key = $"items.{itemId}";
            if (!seen.Add(itemId))
            {
                Fail(key, c => c.DuplicateAnswer());
                continue;
            }

            if (!AnswerStatusNames.TryParse(answer.Status, out var status))
            {
                var sent = Truncate(answer.Status ?? string.Empty);
                Fail(key, c => c.InvalidStatus(sent, AnswerStatusNames.All));
                continue;
            }

            var note = answer.Note is null ? null : answer.Note.Normalize(System.Text.NormalizationForm.FormC).Trim();
            if (note is { Length: > MaxNoteLength })
            {
                Fail(key, c => c.NoteTooLong(MaxNoteLength));
                continue;
            }

            if (note is not null && TextRules.HasControlCharacters(note, allowLineBreaks: true))
            {
                Fail(key, c => c.NoteHasControlCharacters());
                continue;
            }

            answers.Add(new Answer(itemId, pair.Section.Id, status, string.IsNullOrEmpty(note) ? null : note));
        }

        if (request.Answers is not null)
        {
            foreach (var (_, item) in checklist.Items.Where(p => p.Item.Required && !seen.Contains(p.Item.Id)))
            {
                Fail($"items.{item.Id}", c => c.RequiredItemMissing());
            }
        }

        var submitter = ValidateSubmitter(request.Submitter, requireSubmitter, Fail);
        return (answers, submitter, errors.ToDictionary(e => e.Key, e => (IReadOnlyList<Message>)e.Value));
    }

    private static Submitter? ValidateSubmitter(SubmissionRequest.SubmitterRequest? request, bool required, Action<string, Message> fail)
    {
        if (request is null)
        {
            if (required)
            {
                fail("submitter", c => c.SubmitterRequired());
            }

            return null;
        }

        string Field(string name, string? value)
        {
            var text = TextRules.Normalize(value);
            if (text.Length == 0 && required)
            {
                fail($"submitter.{name}", c => c.FieldRequired());
            }
            else if (text.Length > MaxSubmitterFieldLength || TextRules.HasControlCharacters(text, false))
            {
                fail($"submitter.{name}", c => c.SubmitterFieldInvalid(MaxSubmitterFieldLength));
            }

            return text;
        }

        var submitter = new Submitter(Field("name", request.Name), Field("title", request.Title), Field("phone", request.Phone));
        if (submitter.Phone.Length > 0 && !submitter.Phone.All(c => char.IsDigit(c) || c is '+' or ' ' or '.' or '-' or '(' or ')'))
        {
            fail("submitter.phone", c => c.InvalidPhone());
        }

        return submitter is { Name.Length: 0, Title.Length: 0, Phone.Length: 0 } ? null : submitter;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
